#include "claims/envelope.h"

#include <openssl/evp.h>
#include <pugixml.hpp>

#include <algorithm>
#include <cstring>

#include "base/parse.h"
#include "base/text.h"

namespace bhxh {

Result<std::string> DecodeBase64(std::string_view text) {
  auto bad =
      Status::Invalid("NOIDUNGFILE", "Nội dung tệp không phải base64 hợp lệ", "file content is not valid base64");
  // Decoded in place of a copy when there is no white space (the usual case).
  std::string clean;
  std::string_view in = text;
  // Four memchr passes are several times faster than one loop testing
  // each byte four ways.
  bool has_space = false;
  for (char w : {'\n', ' ', '\r', '\t'}) has_space = has_space || std::memchr(text.data(), w, text.size()) != nullptr;
  if (has_space) {
    clean.reserve(text.size());
    for (char c : text)
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') clean.push_back(c);
    in = clean;
  }
  if (in.empty() || in.size() % 4 != 0) return bad;
  std::string out(in.size() / 4 * 3, '\0');
  int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(in.data()), static_cast<int>(in.size()));
  if (n < 0) return bad;
  size_t pad = 0;
  if (in.back() == '=') ++pad;
  if (in.size() >= 2 && in[in.size() - 2] == '=') ++pad;
  out.resize(static_cast<size_t>(n) - pad);
  return out;
}

std::string EncodeBase64(std::string_view bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<int>(bytes.size()));
  out.resize(static_cast<size_t>(n));
  return out;
}

namespace {

std::string Text(const pugi::xml_node& n, const char* child) { return Trim(n.child(child).text().as_string()); }

// The XML declaration, if any, must not claim another encoding.
bool DeclaresNonUtf8(const std::string& xml) {
  if (xml.rfind("<?xml", 0) != 0) return false;
  std::string_view decl(xml.data(),
                        std::min<size_t>(xml.size(), xml.find("?>") == std::string::npos ? 0 : xml.find("?>")));
  size_t p = decl.find("encoding=");
  if (p == std::string_view::npos) return false;
  std::string enc(decl.substr(p + 10, 10));
  for (auto& c : enc) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return enc.rfind("UTF-8", 0) != 0 && enc.rfind("UTF8", 0) != 0;
}

}  // namespace

Result<Envelope> ParseEnvelope(std::string_view xml) { return ParseEnvelopeInPlace(std::string(xml)); }

Result<Envelope> ParseEnvelopeInPlace(std::string&& xml) {
  // The standard's files are UTF-8 (130/QĐ-BYT); a UTF-16 export (a byte-order
  // mark, or NUL bytes between ASCII letters) is told so instead of being
  // called malformed at byte 3.
  if (std::string_view head(xml.data(), std::min<size_t>(xml.size(), 64));
      head.rfind("\xFF\xFE", 0) == 0 || head.rfind("\xFE\xFF", 0) == 0 || head.find('\0') != std::string_view::npos)
    return Status::Error("malformed_envelope", "GIAMDINHHS",
                         "Bản tin phải mã hoá UTF-8 (tệp này là UTF-16 hoặc bảng mã khác): hãy lưu lại dạng UTF-8",
                         "the envelope must be encoded in UTF-8 (this file is UTF-16 or another encoding)");
  pugi::xml_document doc;
  pugi::xml_parse_result pr = doc.load_buffer_inplace(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!pr)
    return Status::Error(
        "malformed_envelope", "GIAMDINHHS",
        std::string("Hồ sơ gửi không phải XML hợp lệ: ") + pr.description() + " (vị trí " + std::to_string(pr.offset) +
            ")",
        std::string("envelope is not valid XML: ") + pr.description() + " at offset " + std::to_string(pr.offset));
  pugi::xml_node root = doc.child("GIAMDINHHS");
  if (!root)
    return Status::Error("malformed_envelope", "GIAMDINHHS", "Thiếu thẻ gốc GIAMDINHHS",
                         "the root element must be GIAMDINHHS");
  Envelope env;
  env.macskcb = Text(root.child("THONGTINDONVI"), "MACSKCB");
  pugi::xml_node info = root.child("THONGTINHOSO");
  env.ngaylap = Text(info, "NGAYLAP");
  std::string count = Text(info, "SOLUONGHOSO");
  if (IsDigits(count)) env.declared_count = DigitsValue(count.substr(0, 9));
  if (env.macskcb.size() != 5) env.errors.push_back({"", "MACSKCB", "Mã cơ sở KCB (MACSKCB) phải gồm 5 ký tự"});
  if (env.ngaylap.size() != 8 || !IsDigits(env.ngaylap))
    env.errors.push_back({"", "NGAYLAP", "Ngày lập (NGAYLAP) phải có dạng yyyymmdd"});
  int i = 0;
  for (pugi::xml_node h : info.child("DANHSACHHOSO").children("HOSO")) {
    Hoso hs;
    hs.index = ++i;
    for (pugi::xml_node f : h.children("FILEHOSO")) {
      ClaimFile cf;
      cf.type = Text(f, "LOAIHOSO");
      auto bytes = DecodeBase64(f.child("NOIDUNGFILE").text().as_string());
      std::string where = "HOSO[" + std::to_string(hs.index) + "]/" + (cf.type.empty() ? "FILEHOSO" : cf.type);
      if (!bytes.ok()) {
        env.errors.push_back({"", where + "/NOIDUNGFILE", bytes.status().message_vi()});
        continue;
      }
      if (!IsValidUtf8(*bytes) || DeclaresNonUtf8(*bytes)) {
        env.errors.push_back({"", where + "/NOIDUNGFILE", "Nội dung tệp phải mã hoá UTF-8"});
        continue;
      }
      cf.xml = std::move(bytes).value();
      hs.files.push_back(std::move(cf));
    }
    env.hoso.push_back(std::move(hs));
  }
  if (env.declared_count >= 0 && env.declared_count != static_cast<int>(env.hoso.size()))
    env.errors.push_back({"", "SOLUONGHOSO",
                          "SOLUONGHOSO = " + std::to_string(env.declared_count) + " nhưng có " +
                              std::to_string(env.hoso.size()) + " hồ sơ"});
  return env;
}

}  // namespace bhxh
