#include "cli/progress.h"

#include <unistd.h>

#include <cstdio>

namespace bhxh {

ProgressBar::ProgressBar(std::string label) : label_(std::move(label)), tty_(isatty(STDERR_FILENO)) {}

ProgressBar::~ProgressBar() {
  if (tty_ && last_permille_ >= 0) std::fputc('\n', stderr);
}

void ProgressBar::Update(int64_t done, int64_t total) {
  if (!tty_ || total <= 0) return;
  int permille = static_cast<int>(done * 1000 / total);
  if (permille == last_permille_) return;
  last_permille_ = permille;
  int width = 30, filled = permille * width / 1000;
  std::fprintf(stderr, "\r%-12s [", label_.c_str());
  for (int i = 0; i < width; ++i) std::fputc(i < filled ? '#' : '.', stderr);
  std::fprintf(stderr, "] %5.1f%% (%lld/%lld)", permille / 10.0, static_cast<long long>(done),
               static_cast<long long>(total));
  std::fflush(stderr);
}

}  // namespace bhxh
