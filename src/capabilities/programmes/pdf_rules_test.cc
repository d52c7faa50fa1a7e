// The grid a table's drawn rules mark out (pdf_rules.h), on rules laid out
// by hand: shared lines with a merged cell over two rows and a heading
// over two columns; separate cell boxes a little apart; a table broken
// over a page, open at its end; a lone framed box, which is no table.
#include "programmes/pdf_rules.h"

#include <gtest/gtest.h>

namespace bhxh {
namespace {

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
