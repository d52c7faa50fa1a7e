// A progress bar for long CLI jobs, drawn on stderr only when it is a
// terminal, so scripts and --json output stay clean. Output printed while a
// bar is drawn clears the bar's line first (ClearActive), so the two never
// interleave on a shared terminal.
#pragma once

#include <cstdint>
#include <string>

namespace bhxh {

class ProgressBar {
 public:
  explicit ProgressBar(std::string label);
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;
  void Update(int64_t done, int64_t total);
  void SetLabel(std::string label) { label_ = std::move(label); }
  // Erases the bar's line (it is redrawn at the next update).
  void Clear();
  // Clears whichever bar is drawn, if any (called before writing to stdout).
  static void ClearActive();

 private:
  std::string label_;
  bool tty_;
  bool drawn_ = false;
  int last_permille_ = -1;
};

}  // namespace bhxh
