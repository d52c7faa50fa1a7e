// The rules a PDF page draws (pdf_rules.h), from a page written by hand:
// strokes and thin fills through the page's transform, not curves nor
// shading. The grid they mark out, on rules laid out by hand: shared lines
// with a merged cell over two rows and a heading over two columns;
// separate cell boxes a little apart; a table broken over a page, open at
// its end; a lone framed box, which is no table.
#include "programmes/pdf_rules.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

namespace bhxh {
namespace {

// A one-page PDF (200 × 200 pt) whose page draws `content`, with its
// cross-reference table worked out.
std::string OnePagePdf(const std::string& content) {
  const std::string objects[] = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << >> >>",
      "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream",
  };
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> at;
  for (size_t i = 0; i < std::size(objects); ++i) {
    at.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(std::size(objects) + 1) + "\n0000000000 65535 f \n";
  for (size_t a : at) {
    std::string n = std::to_string(a);
    pdf += std::string(10 - n.size(), '0') + n + " 00000 n \n";
  }
  pdf += "trailer\n<< /Size " + std::to_string(std::size(objects) + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

// The rules a page draws, in the text's coordinates (origin top-left): a
// stroked line and a stroked rectangle's sides, a thin filled rectangle,
// all moved by the page's transform; not a curve, nor a wide shaded area.
TEST(PdfRules, StrokedAndFilledLinesThroughThePagesTransform) {
  const std::string content =
      "1 0 0 1 10 20 cm 0.5 w\n"
      "0 0 m 100 0 l S\n"             // across at PDF y 20 → y 180, x 10..110
      "50 0 m 50 80 l S\n"            // down at x 60, PDF y 20..100 → y 100..180
      "0 0 0 rg 0 100 100 0.75 re f\n"  // thin fill at PDF y 120..120.75 → y 79.625
      "0 0 100 50 re S\n"             // a box: y 180 and 130, x 10 and 110
      "0.9 g 0 0 100 50 re f\n"       // shading: no rule
      "0 0 m 10 10 20 10 30 0 c S\n";  // a curve: no rule
  auto pages = PdfPageRules(OnePagePdf(content));
  ASSERT_EQ(pages.size(), 1u);
  auto rules = pages[0];
  std::sort(rules.begin(), rules.end(), [](const PdfRule& a, const PdfRule& b) {
    return std::tie(a.horizontal, a.at, a.from) < std::tie(b.horizontal, b.at, b.from);
  });
  ASSERT_EQ(rules.size(), 7u);
  auto expect = [&](size_t i, bool horizontal, double at, double from, double to) {
    SCOPED_TRACE(i);
    EXPECT_EQ(rules[i].horizontal, horizontal);
    EXPECT_NEAR(rules[i].at, at, 0.01);
    EXPECT_NEAR(rules[i].from, from, 0.01);
    EXPECT_NEAR(rules[i].to, to, 0.01);
  };
  expect(0, false, 10, 130, 180);
  expect(1, false, 60, 100, 180);
  expect(2, false, 110, 130, 180);
  expect(3, true, 79.625, 10, 110);
  expect(4, true, 130, 10, 110);
  expect(5, true, 180, 10, 110);
  expect(6, true, 180, 10, 110);
}

TEST(PdfRules, AFileThatIsNoPdfHasNoPages) { EXPECT_TRUE(PdfPageRules("not a pdf").empty()); }

PdfRule H(double y, double x0, double x1) { return {true, y, x0, x1}; }
PdfRule V(double x, double y0, double y1) { return {false, x, y0, y1}; }

TEST(PdfGrid, SharedLinesWithMergedCells) {
  // Columns at x 10 | 40 | 200 | 300 | 350 | 400; bands at y 100 | 120 |
  // 140 | 180 | 220. The header's first band has "Thời gian" over the last
  // two columns (no line at x 350 above y 120); the first three headings
  // span both header bands (no line at y 120 left of x 300). In the body
  // column 2 (x 200..300) is one cell over the two rows (no line at y 180
  // there).
  std::vector<PdfRule> r = {
      H(100, 10, 400), H(120, 300, 400), H(140, 10, 400), H(180, 10, 200), H(180, 300, 400), H(220, 10, 400),
      V(10, 100, 220), V(40, 100, 220), V(200, 100, 220), V(300, 100, 220), V(350, 120, 220), V(400, 100, 220),
  };
  auto grids = PdfGrids(r);
  ASSERT_EQ(grids.size(), 1u);
  const PdfGrid& g = grids[0];
  EXPECT_EQ(g.columns(), 5);
  EXPECT_EQ(g.bands(), 4);
  // Header: three headings over two bands, "Thời gian" over two columns,
  // then its two columns; body: row 1, the merged cell, row 2.
  EXPECT_EQ(g.At(0, 0).rows, 2);
  EXPECT_EQ(g.At(1, 0).row, 0);
  EXPECT_EQ(g.At(0, 3).cols, 2);
  EXPECT_EQ(g.At(0, 4).col, 3);
  EXPECT_EQ(g.At(1, 3).row, 1);
  EXPECT_EQ(g.At(1, 4).cols, 1);
  EXPECT_EQ(g.At(2, 2).rows, 2);
  EXPECT_EQ(g.At(3, 2).row, 2);
  EXPECT_EQ(g.At(3, 1).row, 3);
  // 3 header cells over two bands, 1 heading over two columns, its 2
  // columns, row 1's 5 cells, row 2's 4 (column 2 merged).
  EXPECT_EQ(g.cells.size(), 3u + 1 + 2 + 5 + 4);
  EXPECT_EQ(g.CellAt(250, 200), g.CellAt(250, 150));
  EXPECT_NE(g.CellAt(100, 200), g.CellAt(100, 150));
  EXPECT_EQ(g.CellAt(5, 150), -1);
  for (int c = 0; c < 5; ++c) EXPECT_TRUE(g.closed_below[static_cast<size_t>(c)]);
}

TEST(PdfGrid, SeparateCellBoxesGiveTheSameGrid) {
  // A web page's border="1": the table's frame, and each cell its own box
  // 1.5 pt from its neighbours. Two rows of three cells.
  std::vector<PdfRule> r = {H(98, 8, 402), H(242, 8, 402), V(8, 98, 242), V(402, 98, 242)};
  const double xs[][2] = {{10, 100}, {101.5, 250}, {251.5, 400}};
  const double ys[][2] = {{100, 170}, {171.5, 240}};
  for (const auto& y : ys)
    for (const auto& x : xs)
      for (const PdfRule& e : {H(y[0], x[0], x[1]), H(y[1], x[0], x[1]), V(x[0], y[0], y[1]), V(x[1], y[0], y[1])})
        r.push_back(e);
  auto grids = PdfGrids(r);
  ASSERT_EQ(grids.size(), 1u);
  EXPECT_EQ(grids[0].columns(), 3);
  EXPECT_EQ(grids[0].bands(), 2);
  EXPECT_EQ(grids[0].cells.size(), 6u);
}

TEST(PdfGrid, ATableBrokenOverAPageIsOpenAtItsEnd) {
  // The columns' lines run to the page's end (y 760) past the last line
  // across (y 700): a last band, open in every column; a line at 730 in
  // the middle column only parts its cells there.
  std::vector<PdfRule> r = {H(600, 10, 300), H(700, 10, 300), H(730, 100, 200),
                            V(10, 600, 760), V(100, 600, 760), V(200, 600, 760), V(300, 600, 760)};
  auto grids = PdfGrids(r);
  ASSERT_EQ(grids.size(), 1u);
  const PdfGrid& g = grids[0];
  EXPECT_EQ(g.ys.back(), 760);
  ASSERT_EQ(g.closed_below.size(), 3u);
  for (bool closed : g.closed_below) EXPECT_FALSE(closed);
  EXPECT_TRUE(g.PartedBelow(1, 1));  // the line at 730 parts the middle column's bands
  EXPECT_FALSE(g.PartedBelow(1, 0));
}

TEST(PdfGrid, ALoneBoxAndStrayLinesAreNoTable) {
  // A framed paragraph (one column) and an underline far from it.
  std::vector<PdfRule> r = {H(100, 10, 300), H(150, 10, 300), V(10, 100, 150), V(300, 100, 150), H(400, 50, 120)};
  EXPECT_TRUE(PdfGrids(r).empty());
}

}  // namespace
}  // namespace bhxh
