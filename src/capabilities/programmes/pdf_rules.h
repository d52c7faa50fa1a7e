// The lines a PDF draws: table borders, so a table's cells can be read
// from its grid instead of guessed from where its words fall.
//
// Contract: PdfPageRules(bytes) gives, per page (0-based, in order), the
// horizontal and vertical rules drawn on it — thin filled rectangles (how
// browsers and word processors draw a cell's border) and axis-aligned
// stroked segments — in points, origin at the page's top-left, the space
// of poppler-cpp's word boxes (72 dpi, crop box). Curves, diagonal strokes
// and filled areas wider than a rule (shading) are left out; so is colour
// (a border drawn in 3-D shades is one border). A PDF poppler
// cannot open gives no pages; the caller has already opened it for its
// text, so that is never the only error said.
//
// This is the only file that uses poppler's core (libpoppler-private-dev):
// poppler-cpp, the stable interface used for the text, does not give the
// page's paths. The core's interface changes between poppler versions;
// Debian 12's 22.12 is the one built against.
#pragma once

#include <string_view>
#include <vector>

namespace bhxh {

struct PdfRule {
  bool horizontal;
  double at;        // y of a horizontal rule, x of a vertical one (its middle)
  double from, to;  // its extent along the other axis, from < to
};

std::vector<std::vector<PdfRule>> PdfPageRules(std::string_view bytes);

// A table drawn with borders, as the grid its rules mark out: bands
// (rows) between the horizontal boundaries `ys`, columns between the
// vertical ones `xs`. Where no rule parts two neighbouring places of the
// grid they are one cell (merged: a rowspan or a colspan). A table drawn
// with separate cell borders (a web page's border="1": each cell its own
// box, a little apart) gives the same grid as one drawn with shared lines.
struct PdfGridCell {
  int row, col, rows, cols;  // first band and column, and how many each
};
struct PdfGrid {
  std::vector<double> xs, ys;     // boundaries, ascending
  std::vector<PdfGridCell> cells;  // by first band, then first column
  std::vector<int> owner;          // band * columns + column → its cell
  int columns() const { return static_cast<int>(xs.size()) - 1; }
  int bands() const { return static_cast<int>(ys.size()) - 1; }
  // The cell holding the point, or -1 outside the grid.
  int CellAt(double x, double y) const;
  // The cell at a place of the grid.
  const PdfGridCell& At(int band, int column) const {
    return cells[static_cast<size_t>(owner[static_cast<size_t>(band * columns() + column)])];
  }
  // Whether a rule closes the bottom of the grid's column: a cell broken
  // over a page is printed open at the page's end.
  std::vector<bool> closed_below;
  // Whether a rule parts band b from band b + 1 in column c.
  bool PartedBelow(int band, int column) const {
    return below[static_cast<size_t>(band * columns() + column)] != 0;
  }
  std::vector<char> below;
};

// The page's tables drawn with borders, top to bottom: rules that touch
// (within a rule's thickness) are one table; one of at least two columns
// and one band is a grid. A lone box (a framed paragraph) is none, and so
// is a page of thousands of lines (a chart or a traced scan).
std::vector<PdfGrid> PdfGrids(const std::vector<PdfRule>& rules);

}  // namespace bhxh
