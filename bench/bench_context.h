// The application context of a benchmark: the capabilities over a database
// at `url`, or a fresh SQLite file in a scratch directory of the temp folder
// named after the benchmark when `url` is empty (the directory is emptied
// first; `dir` tells where it is, for the benchmark to remove at the end).
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "capabilities/all.h"
#include "platform/context.h"

namespace bhxh::bench {

inline Result<std::unique_ptr<AppContext>> OpenBenchContext(const std::string& name, const std::string& data, std::string& url,
                                                            std::string* dir = nullptr) {
  std::string scratch = std::filesystem::temp_directory_path() / ("bhxh-" + name + "-bench");
  std::filesystem::remove_all(scratch);
  std::filesystem::create_directories(scratch);
  if (url.empty()) url = scratch + "/bench.db";
  if (dir) *dir = scratch;
  AppContext::Options o;
  o.data_dir = data;
  o.db_url = url;
  o.capabilities = AllCapabilities();
  return AppContext::Open(o);
}

}  // namespace bhxh::bench
