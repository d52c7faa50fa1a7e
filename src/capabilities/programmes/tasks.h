// Task tables of a decision's appendix (issue #3 §1): header cells give
// the column roles (content, task count, unit in charge, coordinating
// units, plan already assigned, start / end / time frame, leader); the body
// is cut into cells (a non-indented line starts a cell unless it continues
// the previous one: a document number, lower-case or punctuation start, a
// broken word, a parenthesis); rows start at hierarchical ids (I, 1, 1.1,
// a)). A row with children is a group; a leaf is a task. Cells are
// assigned from the row's end by type — leader, time frames, then units
// recognised by the unit registry — and the rest is the content. Cells
// that cannot be placed are reported with their lines.
#pragma once

#include <string>
#include <vector>

#include "programmes/document.h"
#include "programmes/timeframe.h"
#include "programmes/units.h"

namespace bhxh {

struct TaskRow {
  std::string id;   // as written: 1, 1.1, 11
  std::string key;  // unique in the table: 1.1, II.a.3
  std::string group_id, group_key, content, leader, plan;
  std::string product;  // the expected output, where the table has that column ("Sản phẩm")
  std::string notes;    // cells of columns with no role here ("Ghi chú")
  std::vector<std::string> lead_units, coordinating_units;  // unit ids
  std::vector<std::string> unknown_units;                   // names to map
  std::vector<std::string> unknown_cells;  // for each unknown name, the cell it stood in: lead | coordinating
  // The two cells by name (UnitNamesOfCell), set once the table is read.
  std::vector<std::string> lead_names, coordinating_names;
  TimeFrame timeframe;
  int first_line = 0, last_line = 0;
};

struct TaskGroup {
  std::string id, key, parent_key, title;
  int level = 0, first_line = 0;
  std::vector<std::string> units;  // when the title names the unit in charge
  int stated_count = -1;           // "Tổng số nhiệm vụ", when the table states it
  int tasks = 0;
};

struct Unplaced {
  int first_line = 0, last_line = 0;
  std::string text;
};

struct TaskTable {
  std::vector<std::string> columns;  // roles, in order
  std::vector<TaskGroup> groups;
  std::vector<TaskRow> tasks;
  std::vector<Unplaced> unplaced;
  int stated_total = -1;
  int header_line = 0;
};

// Reads the first task table found in lines [from, end): its header row
// starts at a line "TT" or "STT". Rows nest by the form of their ids
// (Roman, letter, number, dotted number) in the order the table uses them.
Result<TaskTable> ReadTaskTable(const std::vector<SourceLine>& lines, size_t from, size_t end,
                                const std::set<std::string>& vocab, const UnitRegistry& units);

}  // namespace bhxh
