// A progress bar for long CLI jobs, drawn on stderr only when it is a
// terminal, so scripts and --json output stay clean.
#pragma once

#include <cstdint>
#include <string>

namespace bhxh {

class ProgressBar {
 public:
  explicit ProgressBar(std::string label);
  ~ProgressBar();
  void Update(int64_t done, int64_t total);
  void SetLabel(std::string label) { label_ = std::move(label); }

 private:
  std::string label_;
  bool tty_;
  int last_permille_ = -1;
};

}  // namespace bhxh
