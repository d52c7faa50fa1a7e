// The command-line runtime: global options, the process's context opened
// once, commands run as the operator through the same route table as the
// HTTP API (so `--json` prints exactly what the API answers and the same
// permission and validation apply), printing for people or as JSON, and
// exit codes: 0 success, 1 usage, 2 rejected input, 3 storage or internal
// failure. Capabilities add their commands in their commands.cc.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "platform/context.h"
#include "platform/http/route_table.h"
#include "platform/jsonio/json.h"

namespace bhxh {

struct Globals {
  std::string db = DefaultDbUrl();
  std::string data = DefaultDataDir();
  std::string op;
  bool json = false;
};

// Writes a command's output file (an export, a report); a path that cannot
// be written is an error naming it.
Status WriteFileBytes(const std::string& path, const std::string& bytes);

class Shell {
 public:
  Shell(CLI::App& app, std::vector<const Capability*> caps);
  ~Shell();

  CLI::App& app() { return app_; }
  Globals& g() { return g_; }
  int rc() const { return rc_; }
  void set_rc(int rc) { rc_ = rc; }
  const std::vector<const Capability*>& capabilities() const { return caps_; }

  // A subcommand group ("claims"), created once and shared by the
  // capabilities that add to it.
  CLI::App* Group(const std::string& name, const std::string& description);

  // The context, opened on first use. A database file that does not exist
  // is an error unless `create` (only `init` creates one).
  Result<AppContext*> Context(bool create = false);
  // The context without a database (calculators, pre-checks, dry runs).
  Result<AppContext*> ContextNoDb();
  RouteTable& Routes();
  Actor Operator() const;

  // A request through the route table as the operator.
  HttpResponse Call(const std::string& method, const std::string& path,
                    const std::map<std::string, std::string>& query = {}, const std::string& body = "",
                    const std::map<std::string, std::string>& headers = {});
  // Call, then print: the JSON with --json; an error in Vietnamese (and set
  // the exit code); otherwise `human(answer)`.
  void Run(const std::string& method, const std::string& path, const std::map<std::string, std::string>& query,
           const std::string& body, const std::function<void(const Json&)>& human,
           const std::map<std::string, std::string>& headers = {});
  // GET `path` and write the answer's bytes (a printable page, a CSV or
  // XLSX file) to `file`, saying so; to standard output when `file` is
  // empty. An error answer is printed as Run prints it.
  void Save(const std::string& path, const std::map<std::string, std::string>& query, const std::string& file);
  // Prints a Status (Vietnamese, with the English in brackets; JSON with
  // --json) and sets the exit code.
  void Fail(const Status& s);
  void PrintJson(const Json& j);
  // A command's body with a last-resort catch: a failure ends the command
  // with exit code 3 and a message, never an abort.
  std::function<void()> Guard(std::function<void()> f);
  // Reads a file argument ("-" is standard input).
  Result<std::string> ReadArg(const std::string& file);

 private:
  CLI::App& app_;
  std::vector<const Capability*> caps_;
  Globals g_;
  int rc_ = 0;
  std::unique_ptr<AppContext> ctx_;
  bool ctx_has_db_ = false;
  std::unique_ptr<RouteTable> routes_;
  std::map<std::string, CLI::App*> groups_;
};

}  // namespace bhxh
