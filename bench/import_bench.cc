// Importing one decision (issue #3: ≤ 50 ms). For each seed decision:
// the floor every importer pays (splitting the lines and collecting the
// document's vocabulary), the whole import (header, outline, targets,
// reports, every table), and the import stored in SQLite in one
// transaction as `bhxh programs import` does. Median and worst of N runs.
//
// Then the same decisions as the files officers have (issue #10: a 30-page
// DOCX or PDF ≤ 100 ms): Word, HTML, Markdown and PDF forms made from each
// seed (testing/decision_forms.h; the PDF printed by Debian's chromium),
// each read and imported, beside the plain text import as the baseline;
// and a long decision (249 with its appendices three times over) for the
// 30-page figure.
#include <algorithm>
#include <memory>
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
#include "programmes/formats.h"
#include "programmes/store.h"
#include "testing/decision_forms.h"

#include <poppler/cpp/poppler-document.h>

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

// The PDF form: the HTML form printed by chromium, as "Save as PDF" does
// (none when chromium is missing: the column says so).
std::string PrintPdf(const std::string& html) {
  auto pdf = testing::PrintToPdf(html, false);
  return pdf.ok() ? *pdf : "";
}

int Pages(const std::string& pdf) {
  std::unique_ptr<poppler::document> d(poppler::document::load_from_raw_data(pdf.data(), static_cast<int>(pdf.size())));
  return d ? d->pages() : 0;
}

void FormsBench(const std::vector<std::filesystem::path>& files, const UnitRegistry& units, int runs) {
  std::printf("\nThe same decisions as files (read + import, median / worst ms of %d runs):\n", runs);
  std::printf("%-16s %6s | %-15s | %-15s | %-15s | %-15s | %-15s\n", "decision", "pages", "text (baseline)", "DOCX",
              "HTML", "Markdown", "PDF");
  auto one = [&](const std::string& name, const std::string& text, const std::vector<testing::FormBlock>& blocks) {
    std::string html = testing::RenderHtml(blocks, name), md = testing::RenderMarkdown(blocks, name);
    auto docx = testing::RenderDocx(blocks);
    std::string pdf = PrintPdf(html);
    auto time_file = [&](const std::string& bytes) -> std::string {
      if (bytes.empty()) return "    (none)     ";
      std::string out;
      Stat s = Time(runs, [&] {
        std::string t;
        if (!ImportDecisionFile(bytes, units, &t).ok()) std::abort();
      });
      char buf[40];
      std::snprintf(buf, sizeof buf, "%6.2f / %6.2f", s.median_ms, s.worst_ms);
      return buf;
    };
    std::printf("%-16s %6d | %s | %s | %s | %s | %s\n", name.c_str(), pdf.empty() ? 0 : Pages(pdf),
                time_file(text).c_str(), time_file(docx.ok() ? *docx : "").c_str(), time_file(html).c_str(),
                time_file(md).c_str(), time_file(pdf).c_str());
  };
  std::vector<testing::FormBlock> longest;
  std::string longest_text;
  for (const auto& f : files) {
    auto text = ReadFile(f.string());
    if (!text.ok()) continue;
    auto p = ImportDecision(*text, units);
    if (!p.ok()) continue;
    auto blocks = testing::DecisionBlocks(*text, *p, units);
    one(p->decision.number, *text, blocks);
    if (text->size() > longest_text.size()) longest_text = *text, longest = blocks;
  }
  // The longest seed with its appendices (from the first table's heading on) three times over.
  size_t first_table = 0;
  while (first_table < longest.size() && longest[first_table].rows.empty()) ++first_table;
  size_t from = first_table >= 3 ? first_table - 3 : 0;
  std::vector<testing::FormBlock> tripled = longest;
  for (int k = 0; k < 2; ++k) tripled.insert(tripled.end(), longest.begin() + static_cast<long>(from), longest.end());
  std::string tripled_text;
  for (const auto& b : tripled)
    if (b.rows.empty()) tripled_text += b.paragraph + "\n";
    else
      for (const auto& r : b.rows)
        for (const auto& c : r) tripled_text += c + "\n";
  one("long (3x appx)", tripled_text, tripled);
}

}  // namespace

int main(int argc, char** argv) {
  std::string seeds = argc > 1 ? argv[1] : "../shared/seeds";
  int runs = argc > 2 ? ParseInt32(argv[2], "runs", 1, 100000).value() : 50;
  auto units =
      UnitRegistry::Load(DefaultDataDir() + "/programmes/units.csv", DefaultDataDir() + "/programmes/unit_words.csv");
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
  FormsBench(files, *units, runs);
  return 0;
}
