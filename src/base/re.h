// Regular expressions for text from outside: RE2, linear in the input.
//
// libstdc++'s std::regex recurses once per character and overflows the
// stack on long lines; RE2 runs in time linear in the text and bounded
// memory, whatever the pattern and input. Patterns are UTF-8 (so [A-ZĐ]
// is a class of characters, not of bytes) and RE2 syntax (no
// backreferences or lookaround). A pattern that does not compile is a
// programming error and aborts at start-up, never on input.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace re2 {
class RE2;
}

namespace bhxh {

class Regex {
 public:
  // Compiles `pattern`; case-sensitive unless `icase`.
  explicit Regex(std::string_view pattern, bool icase = false);
  ~Regex();
  Regex(const Regex&) = delete;
  Regex& operator=(const Regex&) = delete;

  // Groups of one match: [0] is the whole match, [1..] the capturing groups
  // (empty when a group did not take part).
  using Groups = std::vector<std::string_view>;

  // The whole of `text` matches.
  bool FullMatch(std::string_view text, Groups* groups = nullptr) const;
  // Some part of `text` matches (the leftmost).
  bool Search(std::string_view text, Groups* groups = nullptr) const;
  // The leftmost match starting at or after byte `pos` (the text before
  // `pos` is context: ^ and \b see it).
  bool SearchFrom(std::string_view text, size_t pos, Groups* groups) const;
  // Every non-overlapping match, left to right.
  std::vector<Groups> FindAll(std::string_view text) const;
  // `text` with every match replaced by `rewrite` (\\1 .. \\9 name groups).
  std::string ReplaceAll(std::string_view text, std::string_view rewrite) const;
  // Number of capturing groups.
  int groups() const;

 private:
  bool Do(std::string_view text, int anchor, Groups* groups) const;
  std::unique_ptr<re2::RE2> re_;
};

// The text of a group as a std::string (empty if the group is absent).
inline std::string Str(const Regex::Groups& g, size_t i) { return i < g.size() ? std::string(g[i]) : std::string(); }

}  // namespace bhxh
