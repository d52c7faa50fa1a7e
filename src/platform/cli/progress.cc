#include "platform/cli/progress.h"

#include <unistd.h>

#include <atomic>
#include <cstdio>

namespace bhxh {
namespace {
std::atomic<ProgressBar*> g_active{nullptr};
}

ProgressBar::ProgressBar(std::string label) : label_(std::move(label)), tty_(isatty(STDERR_FILENO)) {
  if (tty_) g_active = this;
}

ProgressBar::~ProgressBar() {
  Clear();
  ProgressBar* self = this;
  g_active.compare_exchange_strong(self, nullptr);
}

void ProgressBar::Clear() {
  if (!tty_ || !drawn_) return;
  std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
  drawn_ = false;
  last_permille_ = -1;
}

void ProgressBar::ClearActive() {
  if (ProgressBar* b = g_active.load()) b->Clear();
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
  drawn_ = true;
}

}  // namespace bhxh
