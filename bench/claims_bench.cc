// Claims review benchmark (issue #4): envelopes on disk → parsed, checked
// (pre-check + national card index + catalogues + stored claims) → stored
// results, in one process on a fresh SQLite store. Reports parse MB/s,
// encounters/s and peak memory, for two sizes to show growth.
//
//   bench_claims [--encounters 50000,100000] [--per-envelope 500] [--mix national]
// --mix national: about ten lines an encounter, as national claims carry.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "base/csv.h"
#include "base/parse.h"
#include "bench/bench_util.h"
#include "bench/claims_fixture.h"
#include "capabilities/all.h"
#include "claims/catalogue.h"
#include "claims/module.h"
#include "claims/precheck.h"
#include "claims/review.h"
#include "claims/synth.h"
#include "eligibility/module.h"
#include "platform/context.h"

using namespace bhxh;
using bhxh::bench::Now;

int main(int argc, char** argv) {
  std::vector<int> sizes = {50'000, 100'000};
  int per = 500;
  bool national = false;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--mix")
      national = std::string(argv[i + 1]) == "national";
    else if (a == "--encounters")
      sizes = bench::ParseList<int>(argv[i + 1]);
    else if (a == "--per-envelope")
      per = ParseInt32(argv[i + 1], "per-envelope", 1, 1000000).value();
  }
  std::printf("# bench_claims — %s, %u cores\n", bench::Cpu().c_str(), std::thread::hardware_concurrency());
  std::printf("%-11s %-9s %9s %9s %10s %12s %10s %10s\n", "encounters", "lines", "MB", "parse_s", "parse_MB/s",
              "review+store_s", "enc/s", "peak_MiB");
  for (int n : sizes) {
    std::string dir = "/tmp/bhxh_claims_bench_" + std::to_string(n);
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    std::string db_path = dir + "/store.db";
    auto ctx = AppContext::Open({DefaultDataDir(), db_path, AllCapabilities(), true});
    if (!ctx.ok()) {
      std::fprintf(stderr, "%s\n", ctx.status().ToString().c_str());
      return 1;
    }
    Actor op{"bench", {"officer"}, "", "", "", ""};
    bench::PrepareSynthStore(**ctx, n, op, national);
    bench::EnvelopeFiles env = bench::WriteSynthEnvelopes((*ctx)->law, n, per, dir, national);
    const std::vector<std::string>& files = env.paths;
    size_t bytes = env.bytes;
    bench::ResetPeak();
    double base_rss = bench::RssMiB();
    double parse_s = 0, t0 = Now();
    int64_t lines = 0, encs = 0;
    auto lease = (*ctx)->pool->Acquire();
    for (const auto& path : files) {  // parse alone, for MB/s
      auto text = ReadFile(path);
      double p0 = Now();
      auto env = ParseEnvelope(*text);
      std::vector<EnvelopeError> errs;
      auto e = ReadEncounters(*env, &errs);
      parse_s += Now() - p0;
      for (const auto& x : e) lines += static_cast<int64_t>(x.xml2.size() + x.xml3.size());
    }
    bench::ResetPeak();
    t0 = Now();
    auto cat = (*ctx)->State<ClaimsState>().catalogue();
    ReviewDeps deps{(*ctx)->State<ClaimsState>().schema, (*ctx)->law, (*ctx)->State<EligibilityState>().cards(), *cat};
    Status s = SubmitFiles(**lease, deps, files, op, [&](const std::string&, const ReviewResult& r) {
      encs += static_cast<int64_t>(r.encounters.size());
    });
    if (!s.ok()) {
      std::fprintf(stderr, "%s\n", s.ToString().c_str());
      return 1;
    }
    double total = Now() - t0;
    // The two stages alone (on a second store), to see which one bounds the pipeline.
    double prep_s = 0, commit_s = 0;
    {
      std::string p2 = dir + "/stages.db";
      auto ctx2 = AppContext::Open({DefaultDataDir(), p2, AllCapabilities(), true});
      auto l2 = (*ctx2)->pool->Acquire();
      for (const auto& path : files) {
        auto text = ReadFile(path);
        double a = Now();
        auto prep = PrepareReview(deps, *text, path, op);
        double b = Now();
        auto r = CommitReview(**l2, deps, std::move(prep).value(), op);
        commit_s += Now() - b;
        prep_s += b - a;
      }
    }
    std::fprintf(stderr, "stages alone: prepare %.2f s, commit %.2f s\n", prep_s, commit_s);
    // Reading the files, two ways: ReadFile (one read into a buffer of the
    // file's size) against the iostream idiom it replaced (a stream copied
    // into a growing string, then copied out), alternating, same bytes.
    {
      double one = 0, stream = 0;
      size_t seen_one = 0, seen_stream = 0;
      for (int round = 0; round < 2; ++round) {
        double a = Now();
        for (const auto& path : files) seen_one += ReadFile(path)->size();
        double b = Now();
        for (const auto& path : files) {
          std::ifstream in(path, std::ios::binary);
          std::ostringstream ss;
          ss << in.rdbuf();
          seen_stream += ss.str().size();
        }
        one += b - a;
        stream += Now() - b;
      }
      if (seen_one != seen_stream) {
        std::fprintf(stderr, "the two reads saw different bytes\n");
        return 1;
      }
      std::fprintf(stderr, "reading the files (twice): one read %.2f s (%.0f MB/s), iostream %.2f s (%.0f MB/s)\n", one,
                   2 * bytes / 1e6 / one, stream, 2 * bytes / 1e6 / stream);
    }
    std::printf("%-11lld %-9lld %9.1f %9.2f %10.1f %12.2f %10.0f %10.0f\n", static_cast<long long>(encs),
                static_cast<long long>(lines), bytes / 1e6, parse_s, bytes / 1e6 / parse_s, total, encs / total,
                bench::PeakMiB() - base_rss);
    std::fflush(stdout);
    std::filesystem::remove_all(dir);
  }
  return 0;
}
