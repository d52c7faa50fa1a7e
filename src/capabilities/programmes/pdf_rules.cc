#include "programmes/pdf_rules.h"

#include <GfxState.h>
#include <OutputDev.h>
#include <PDFDoc.h>
#include <Stream.h>

#include <poppler/cpp/poppler-document.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <optional>

namespace bhxh {
namespace {

// A rule is at most this thick and at least this long, in points (a 1 px
// border printed at 96 dpi is 0.75 pt; Word's thickest single border 6 pt
// is not a table's).
constexpr double kThick = 3.0;
constexpr double kLong = 4.0;

// Collects the page's rules; draws nothing. Text is not drawn (no
// characters are needed: poppler-cpp reads the text).
class RuleCollector : public OutputDev {
 public:
  bool upsideDown() override { return true; }
  bool useDrawChar() override { return false; }
  bool interpretType3Chars() override { return false; }
  bool needCharCount() override { return false; }
  void stroke(GfxState* st) override { Collect(st, true); }
  void fill(GfxState* st) override { Collect(st, false); }
  void eoFill(GfxState* st) override { Collect(st, false); }
  std::vector<PdfRule> rules;

 private:
  void Collect(GfxState* st, bool stroked) {
    const GfxPath* p = st->getPath();
    for (int i = 0; i < p->getNumSubpaths(); ++i) {
      const GfxSubpath* s = p->getSubpath(i);
      const int n = s->getNumPoints();
      if (n < 2) continue;
      bool curved = false;
      std::vector<std::pair<double, double>> pts;
      for (int j = 0; j < n; ++j) {
        curved |= s->getCurve(j);
        double x, y;
        st->transform(s->getX(j), s->getY(j), &x, &y);
        pts.push_back({x, y});
      }
      if (curved) continue;
      if (stroked) {
        // Each axis-aligned segment is a rule (a rectangle stroked gives four).
        for (int j = 1; j < n; ++j) Add(pts[j - 1].first, pts[j - 1].second, pts[j].first, pts[j].second);
        if (s->isClosed()) Add(pts[n - 1].first, pts[n - 1].second, pts[0].first, pts[0].second);
        continue;
      }
      // A filled shape thin in one direction is a rule along the other.
      double x0 = pts[0].first, x1 = x0, y0 = pts[0].second, y1 = y0;
      for (const auto& [x, y] : pts) x0 = std::min(x0, x), x1 = std::max(x1, x), y0 = std::min(y0, y), y1 = std::max(y1, y);
      if (y1 - y0 <= kThick && x1 - x0 >= kLong) rules.push_back({true, (y0 + y1) / 2, x0, x1});
      else if (x1 - x0 <= kThick && y1 - y0 >= kLong) rules.push_back({false, (x0 + x1) / 2, y0, y1});
    }
  }
  void Add(double xa, double ya, double xb, double yb) {
    if (std::abs(ya - yb) < 0.5 && std::abs(xa - xb) >= kLong)
      rules.push_back({true, (ya + yb) / 2, std::min(xa, xb), std::max(xa, xb)});
    else if (std::abs(xa - xb) < 0.5 && std::abs(ya - yb) >= kLong)
      rules.push_back({false, (xa + xb) / 2, std::min(ya, yb), std::max(ya, yb)});
  }
};

}  // namespace

std::vector<std::vector<PdfRule>> PdfPageRules(std::string_view bytes) {
  // The core needs its global parameters while it reads. poppler-cpp owns
  // them (set while any of its documents is open, counted under its lock,
  // so other threads' documents are safe): one of its documents is held
  // open for the time of this call.
  std::unique_ptr<poppler::document> hold(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  std::vector<std::vector<PdfRule>> pages;
  if (!hold) return pages;
  // The stream reads the caller's bytes in place; the document does not
  // outlive this call.
  auto* stream = new MemStream(bytes.data(), 0, static_cast<Goffset>(bytes.size()), Object(objNull));
  PDFDoc doc(stream);
  if (!doc.isOk()) return pages;
  RuleCollector dev;
  for (int p = 1; p <= doc.getNumPages(); ++p) {
    dev.rules.clear();
    // As poppler-cpp lays out a page's text (page::text_list), so the two agree.
    doc.displayPage(&dev, p, 72, 72, 0, /*useMediaBox=*/false, /*crop=*/false, /*printing=*/false);
    pages.push_back(std::move(dev.rules));
  }
  return pages;
}

}  // namespace bhxh

namespace bhxh {
namespace {

constexpr double kTol = 3.0;  // rules this close are the same line (a border's thickness, cells' spacing)
constexpr double kReach = 4.0;  // how far past its ends a rule still parts cells
constexpr size_t kMaxRules = 4000;  // a page of 500 cells drawn as separate boxes has 2,000
constexpr size_t kMaxPlaces = 100000;  // bands × columns of one table

// Positions within kTol of their neighbour are one boundary, at their mean.
std::vector<double> Boundaries(std::vector<double> at) {
  std::sort(at.begin(), at.end());
  std::vector<double> out;
  double sum = 0, last = 0;
  int n = 0;
  for (double a : at) {
    if (n > 0 && a - last > kTol) out.push_back(sum / n), sum = 0, n = 0;
    sum += a, last = a, ++n;
  }
  if (n > 0) out.push_back(sum / n);
  return out;
}

bool Touch(const PdfRule& a, const PdfRule& b) {
  if (a.horizontal == b.horizontal)
    return std::abs(a.at - b.at) <= kTol && a.from <= b.to + kTol && b.from <= a.to + kTol;
  const PdfRule& h = a.horizontal ? a : b;
  const PdfRule& v = a.horizontal ? b : a;
  return v.at >= h.from - kTol && v.at <= h.to + kTol && h.at >= v.from - kTol && h.at <= v.to + kTol;
}

int Find(std::vector<int>& up, int i) {
  while (up[static_cast<size_t>(i)] != i) i = up[static_cast<size_t>(i)] = up[static_cast<size_t>(up[static_cast<size_t>(i)])];
  return i;
}

// The boundary a position lies on, or -1.
int On(const std::vector<double>& bounds, double at) {
  for (size_t i = 0; i < bounds.size(); ++i)
    if (std::abs(bounds[i] - at) <= kTol) return static_cast<int>(i);
  return -1;
}

std::optional<PdfGrid> Grid(const std::vector<PdfRule>& rules) {
  std::vector<double> hs, vs;
  double top = 1e18, bottom = -1e18;
  for (const auto& r : rules) {
    (r.horizontal ? hs : vs).push_back(r.at);
    if (!r.horizontal) top = std::min(top, r.from), bottom = std::max(bottom, r.to);
  }
  PdfGrid g;
  g.ys = Boundaries(hs);
  g.xs = Boundaries(vs);
  if (g.xs.size() < 3 || g.ys.empty()) return std::nullopt;
  // A table broken over a page is printed open where the page ends (or
  // begins): its columns' rules run past the last (first) line across.
  if (bottom > g.ys.back() + kTol) g.ys.push_back(bottom);
  if (top < g.ys.front() - kTol) g.ys.insert(g.ys.begin(), top);
  if (g.ys.size() < 2) return std::nullopt;
  const int nc = g.columns(), nb = g.bands();
  // A mesh of thousands of lines each way is a drawing, not a table.
  if (static_cast<size_t>(nb) * static_cast<size_t>(nc) > kMaxPlaces) return std::nullopt;
  // Which neighbours a rule parts: below[b][c] (band b from b+1 in column
  // c), beside[b][c] (column c from c+1 in band b).
  std::vector<char>& below = g.below;
  below.assign(static_cast<size_t>(nb * nc), 0);
  std::vector<char> beside(static_cast<size_t>(nb * nc), 0);
  g.closed_below.assign(static_cast<size_t>(nc), false);
  for (const auto& r : rules) {
    if (r.horizontal) {
      int k = On(g.ys, r.at);
      if (k < 0) continue;
      for (int c = 0; c < nc; ++c) {
        double mid = (g.xs[static_cast<size_t>(c)] + g.xs[static_cast<size_t>(c) + 1]) / 2;
        if (mid < r.from - kReach || mid > r.to + kReach) continue;
        if (k >= 1 && k <= nb - 1) below[static_cast<size_t>((k - 1) * nc + c)] = 1;
        if (k == nb) g.closed_below[static_cast<size_t>(c)] = true;
      }
    } else {
      int k = On(g.xs, r.at);
      if (k < 1 || k > nc - 1) continue;
      for (int b = 0; b < nb; ++b) {
        double mid = (g.ys[static_cast<size_t>(b)] + g.ys[static_cast<size_t>(b) + 1]) / 2;
        // A rule reaching to within a border's spacing of a band's middle
        // parts it: separate cell borders leave a gap between a row's
        // rules and the next row's (a short band there is such a gap).
        if (mid >= r.from - kReach && mid <= r.to + kReach) beside[static_cast<size_t>(b * nc + k - 1)] = 1;
      }
    }
  }
  // Places not parted by a rule are one cell.
  std::vector<int> up(static_cast<size_t>(nb * nc));
  for (size_t i = 0; i < up.size(); ++i) up[i] = static_cast<int>(i);
  auto join = [&](int a, int b) { up[static_cast<size_t>(Find(up, a))] = Find(up, b); };
  for (int b = 0; b < nb; ++b)
    for (int c = 0; c < nc; ++c) {
      if (b + 1 < nb && !below[static_cast<size_t>(b * nc + c)]) join(b * nc + c, (b + 1) * nc + c);
      if (c + 1 < nc && !beside[static_cast<size_t>(b * nc + c)]) join(b * nc + c, b * nc + c + 1);
    }
  g.owner.assign(up.size(), -1);
  std::vector<int> cell_of(up.size(), -1);
  for (int b = 0; b < nb; ++b)
    for (int c = 0; c < nc; ++c) {
      int root = Find(up, b * nc + c);
      int& id = cell_of[static_cast<size_t>(root)];
      if (id < 0) {
        id = static_cast<int>(g.cells.size());
        g.cells.push_back({b, c, 1, 1});
      }
      PdfGridCell& cell = g.cells[static_cast<size_t>(id)];
      cell.rows = std::max(cell.rows, b - cell.row + 1);
      cell.cols = std::max(cell.cols, c - cell.col + 1);
      g.owner[static_cast<size_t>(b * nc + c)] = id;
    }
  return g;
}

}  // namespace

int PdfGrid::CellAt(double x, double y) const {
  if (xs.size() < 2 || ys.size() < 2 || x < xs.front() || x > xs.back() || y < ys.front() || y > ys.back()) return -1;
  int c = static_cast<int>(std::upper_bound(xs.begin(), xs.end(), x) - xs.begin()) - 1;
  int b = static_cast<int>(std::upper_bound(ys.begin(), ys.end(), y) - ys.begin()) - 1;
  c = std::clamp(c, 0, columns() - 1), b = std::clamp(b, 0, bands() - 1);
  return owner[static_cast<size_t>(b * columns() + c)];
}

std::vector<PdfGrid> PdfGrids(const std::vector<PdfRule>& rules) {
  // A page drawing more lines than this is a drawing (a chart, a scan
  // traced into vectors), not a table; the pairing below is quadratic.
  if (rules.size() > kMaxRules) return {};
  const int n = static_cast<int>(rules.size());
  std::vector<int> up(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) up[static_cast<size_t>(i)] = i;
  for (int i = 0; i < n; ++i)
    for (int j = i + 1; j < n; ++j)
      if (Touch(rules[static_cast<size_t>(i)], rules[static_cast<size_t>(j)]))
        up[static_cast<size_t>(Find(up, i))] = Find(up, j);
  std::map<int, std::vector<PdfRule>> parts;
  for (int i = 0; i < n; ++i) parts[Find(up, i)].push_back(rules[static_cast<size_t>(i)]);
  std::vector<PdfGrid> grids;
  for (auto& [root, part] : parts)
    if (auto g = Grid(part)) grids.push_back(std::move(*g));
  std::sort(grids.begin(), grids.end(), [](const PdfGrid& a, const PdfGrid& b) { return a.ys.front() < b.ys.front(); });
  return grids;
}

}  // namespace bhxh
