// Importing one decision (issue #3: ≤ 50 ms). For each seed decision:
// the floor every importer pays (splitting the lines and collecting the
// document's vocabulary), the whole import (header, outline, targets,
// reports, every table), and the import stored in SQLite in one
// transaction as `bhxh programs import` does. Median and worst of N runs.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "base/csv.h"
#include "base/parse.h"
#include "bench/bench_util.h"
#include "capabilities/all.h"
#include "claims/module.h"
#include "eligibility/module.h"
#include "platform/context.h"
#include "programmes/import.h"
#include "programmes/store.h"

using namespace bhxh;

namespace {

struct Stat {
  double median_ms, worst_ms;
};

template <typename F>
Stat Time(int runs, F&& f) {
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    double t0 = bench::Now();
    f();
    ms.push_back((bench::Now() - t0) * 1000.0);
  }
  std::sort(ms.begin(), ms.end());
  return {ms[ms.size() / 2], ms.back()};
}

}  // namespace

int main(int argc, char** argv) {
  std::string seeds = argc > 1 ? argv[1] : "../shared/seeds";
  int runs = argc > 2 ? ParseInt32(argv[2], "runs", 1, 100000).value() : 50;
  auto units = UnitRegistry::Load(DefaultDataDir() + "/programmes/units.csv");
  if (!units.ok()) {
    std::fprintf(stderr, "%s\n", units.status().ToString().c_str());
    return 1;
  }
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(seeds))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::string db_path = "/tmp/bhxh-import-bench.db";
  std::filesystem::remove(db_path);
  auto ctx = AppContext::Open({DefaultDataDir(), db_path, AllCapabilities(), true});
  if (!ctx.ok()) {
    std::fprintf(stderr, "%s\n", ctx.status().ToString().c_str());
    return 1;
  }
  auto lease = (*ctx)->pool->Acquire();
  Actor actor{"bench", {"officer"}, "", "", "", ""};
  std::printf("%-14s %7s %6s | %-17s | %-17s | %-17s\n", "decision", "lines", "tasks", "lines+vocab ms", "import ms",
              "import+store ms");
  std::printf("%-14s %7s %6s | %8s %8s | %8s %8s | %8s %8s\n", "", "", "", "median", "worst", "median", "worst",
              "median", "worst");
  for (const auto& f : files) {
    auto text = ReadFile(f.string());
    if (!text.ok()) continue;
    auto p = ImportDecision(*text, *units);
    if (!p.ok()) {
      std::printf("%s: %s\n", f.filename().c_str(), p.status().ToString().c_str());
      continue;
    }
    Stat floor = Time(runs, [&] {
      auto lines = SplitSourceLines(*text);
      auto vocab = DocumentVocabulary(lines);
      if (vocab.empty()) std::abort();
    });
    Stat imp = Time(runs, [&] {
      auto r = ImportDecision(*text, *units);
      if (!r.ok()) std::abort();
    });
    // Each run stores a new version (the text changes by one trailing byte) so nothing is a replay.
    int n = 0;
    Stat store = Time(runs, [&] {
      std::string t = *text + std::string(static_cast<size_t>(++n % 2), '\n');
      auto r = ImportDecision(t, *units);
      if (!r.ok() || !SaveProgramme(**lease, *r, t + std::to_string(n), true, actor).ok()) std::abort();
    });
    int lines = static_cast<int>(std::count(text->begin(), text->end(), '\n'));
    std::printf("%-14s %7d %6zu | %8.2f %8.2f | %8.2f %8.2f | %8.2f %8.2f\n", p->decision.number.c_str(), lines,
                p->tasks.size(), floor.median_ms, floor.worst_ms, imp.median_ms, imp.worst_ms, store.median_ms,
                store.worst_ms);
  }
  std::filesystem::remove(db_path);
  return 0;
}
