// Small helpers shared by the benchmarks: wall time, peak memory (VmHWM,
// resettable through /proc/self/clear_refs) and machine description.
#pragma once

#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <string>
#include <vector>

namespace bhxh::bench {

inline double Now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// CPU seconds (user + system) this process has used, all threads: the
// client's share of a run whose server is another process on the same
// cores, where wall time alone cannot say which side a change helped.
inline double CpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// CPU seconds the whole machine has been busy (all cores, from
// /proc/stat; idle and iowait excluded): with CpuSeconds() it splits a
// run between this process and the database server beside it.
inline double MachineBusySeconds() {
  std::ifstream f("/proc/stat");
  std::string cpu;
  long long user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0;
  f >> cpu >> user >> nice >> system >> idle >> iowait >> irq >> softirq >> steal;
  return static_cast<double>(user + nice + system + irq + softirq) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

// Peak resident set size in MiB since the last ResetPeak().
inline double PeakMiB() {
  std::ifstream f("/proc/self/status");
  std::string line;
  while (std::getline(f, line))
    if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
  return 0;
}
inline double RssMiB() {
  std::ifstream f("/proc/self/status");
  std::string line;
  while (std::getline(f, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
  return 0;
}
inline void ResetPeak() { std::ofstream("/proc/self/clear_refs") << "5"; }

// "1000000,2000000" → {1000000, 2000000}.
template <typename T>
std::vector<T> ParseList(const std::string& v) {
  std::vector<T> out;
  for (size_t p = 0; p < v.size();) {
    size_t c = v.find(',', p);
    out.push_back(static_cast<T>(std::stod(v.substr(p, c - p))));
    p = c == std::string::npos ? v.size() : c + 1;
  }
  return out;
}

inline std::string Cpu() {
  std::ifstream f("/proc/cpuinfo");
  std::string line;
  while (std::getline(f, line))
    if (line.rfind("model name", 0) == 0) return line.substr(line.find(':') + 2);
  return "unknown";
}

}  // namespace bhxh::bench
