// The GIAMDINHHS submission envelope (hi-claims.md §4): facility code,
// date, declared count, and per encounter (HOSO) the files (FILEHOSO) with
// their LOAIHOSO and base64 NOIDUNGFILE, decoded here to UTF-8 XML.
//
// ParseEnvelope fails (Status) only when the envelope itself cannot be
// read — not XML, or not a GIAMDINHHS document. A file inside it that is
// not valid base64 or not UTF-8 is reported in `errors` and skipped, so
// the rest of the envelope is still checked.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"

namespace bhxh {

struct ClaimFile {
  std::string type;  // LOAIHOSO: XML1 ... XML15
  std::string xml;   // decoded content
};

struct Hoso {
  int index = 0;  // 1-based position in DANHSACHHOSO
  std::vector<ClaimFile> files;
};

struct EnvelopeError {
  std::string ma_lk;  // when known
  std::string field;
  std::string message;
};

struct Envelope {
  std::string macskcb, ngaylap;
  int declared_count = -1;
  std::vector<Hoso> hoso;
  std::vector<EnvelopeError> errors;
};

Result<Envelope> ParseEnvelope(std::string_view xml);
// The same, parsing the given text in place (one copy of the envelope fewer).
Result<Envelope> ParseEnvelopeInPlace(std::string&& xml);

// Base64 (standard alphabet, padding required, white space ignored).
Result<std::string> DecodeBase64(std::string_view text);
std::string EncodeBase64(std::string_view bytes);

}  // namespace bhxh
