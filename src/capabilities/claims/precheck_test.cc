// The pre-check on synthetic envelopes: a clean envelope has no finding;
// each injected defect triggers its rule on its encounter and nowhere else;
// unreadable input is an error, not a crash. Line amounts are checked
// against values worked out by hand.
#include "claims/precheck.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "base/csv.h"
#include "claims/synth.h"
#include "testing/test_support.h"

namespace bhxh {
namespace {

struct Fixture {
  LawBook law = *LawBook::Load(testing::DataDir() + "/law");
  ClaimSchema schema = *ClaimSchema::Load(testing::DataDir() + "/claims");
};
const Fixture& F() {
  static Fixture* f = new Fixture;
  return *f;
}

CheckReport Check(const std::string& xml) {
  auto env = ParseEnvelope(xml);
  EXPECT_TRUE(env.ok()) << env.status().ToString();
  return PreCheck(*env, F().schema, F().law);
}

std::set<std::string> Rules(const EncounterReport& e) {
  std::set<std::string> s;
  for (const auto& f : e.findings) s.insert(f.rule);
  return s;
}

TEST(PreCheck, CleanSyntheticEnvelopeHasNoFinding) {
  SynthOptions o;
  o.encounters = 40;
  CheckReport r = Check(SynthEnvelope(F().law, o));
  ASSERT_EQ(r.encounters.size(), 40u);
  EXPECT_TRUE(r.errors.empty());
  for (const auto& e : r.encounters) {
    EXPECT_TRUE(e.findings.empty()) << e.ma_lk << ": " << e.findings[0].rule << " " << e.findings[0].field << " "
                                    << e.findings[0].message;
  }
  EXPECT_GT(r.lines, 160);
}

// Records read with the schema carry each field's specification, found
// once; read without it, the format check looks each name up. Every defect
// must be found the same way both ways, with the same detail.
TEST(PreCheck, RecordsReadWithOrWithoutTheSchemaAreCheckedAlike) {
  SynthOptions o;
  o.encounters = 3 * static_cast<int>(kSynthDefects.size());
  o.national_mix = true;
  for (size_t i = 0; i < kSynthDefects.size(); ++i) o.defects.push_back({static_cast<int>(3 * i + 1), kSynthDefects[i].first});
  std::string xml = SynthEnvelope(F().law, o);
  // A name outside the standard and a second value of a name, in XML1.
  auto env = ParseEnvelope(xml);
  ASSERT_TRUE(env.ok());
  ASSERT_FALSE(env->hoso.empty());
  std::string& x1 = env->hoso[0].files[0].xml;
  ASSERT_NE(x1.find("</TONG_HOP>"), std::string::npos);
  // And a field the engine reads in another table (MA_THUOC is XML2's).
  x1.insert(x1.find("</TONG_HOP>"), "<TRUONG_LA>1</TRUONG_LA><MA_LOAI_KCB>ab</MA_LOAI_KCB><MA_THUOC>40.1</MA_THUOC>");
  std::vector<EnvelopeError> e1, e2;
  std::vector<Encounter> with = ReadEncounters(*env, &e1, &F().schema), without = ReadEncounters(*env, &e2);
  ASSERT_EQ(with.size(), without.size());
  EXPECT_EQ(with[0].xml1->SpecAt(0), F().schema.FieldIndex("XML1", with[0].xml1->fields[0].first));
  EXPECT_EQ(without[0].xml1->SpecAt(0), -2);
  EXPECT_EQ(with[0].xml1->Get(XmlField::MA_THUOC), "40.1");
  EXPECT_EQ(without[0].xml1->Get(XmlField::MA_THUOC), "40.1");
  CheckReport a, b;
  CheckEncounters(with, F().schema, F().law, &a);
  CheckEncounters(without, F().schema, F().law, &b);
  ASSERT_EQ(a.encounters.size(), b.encounters.size());
  size_t findings = 0;
  for (size_t i = 0; i < a.encounters.size(); ++i) {
    ASSERT_EQ(a.encounters[i].findings.size(), b.encounters[i].findings.size()) << i;
    for (size_t k = 0; k < a.encounters[i].findings.size(); ++k) {
      const auto &x = a.encounters[i].findings[k], &y = b.encounters[i].findings[k];
      EXPECT_EQ(std::tie(x.rule, x.table, x.stt, x.field, x.message), std::tie(y.rule, y.table, y.stt, y.field, y.message));
    }
    findings += a.encounters[i].findings.size();
  }
  EXPECT_GE(findings, kSynthDefects.size() + 1);
  std::set<std::string> first = Rules(a.encounters[0]);
  EXPECT_TRUE(first.count("FMT-UNKNOWN")) << "TRUONG_LA";
}

TEST(PreCheck, EachInjectedDefectTriggersItsRuleOnItsEncounterOnly) {
  for (const auto& [kind, rule] : kSynthDefects) {
    SynthOptions o;
    o.encounters = 6;
    o.defects = {{2, kind}};
    if (kind == "overlap") o.defects.push_back({3, kind});
    CheckReport r = Check(SynthEnvelope(F().law, o));
    ASSERT_EQ(r.encounters.size(), 6u) << kind;
    for (size_t i = 0; i < r.encounters.size(); ++i) {
      bool target = i == 2 || (kind == "overlap" && i == 3);
      std::set<std::string> got = Rules(r.encounters[i]);
      if (target)
        EXPECT_EQ(got, std::set<std::string>{rule}) << kind << " on encounter " << i;
      else
        EXPECT_TRUE(got.empty()) << kind << " leaked to encounter " << i << ": " << *got.begin();
    }
  }
}

std::string Envelope(const std::string& x1, const std::string& x2 = "", const std::string& x3 = "") {
  auto file = [](const char* t, const std::string& x) {
    return x.empty() ? std::string()
                     : std::string("<FILEHOSO><LOAIHOSO>") + t + "</LOAIHOSO><NOIDUNGFILE>" + EncodeBase64(x) +
                           "</NOIDUNGFILE></FILEHOSO>";
  };
  return "<GIAMDINHHS><THONGTINDONVI><MACSKCB>01001</MACSKCB></THONGTINDONVI><THONGTINHOSO><NGAYLAP>20251120</NGAYLAP>"
         "<SOLUONGHOSO>1</SOLUONGHOSO><DANHSACHHOSO><HOSO>" +
         file("XML1", x1) + file("XML2", x2) + file("XML3", x3) + "</HOSO></DANHSACHHOSO></THONGTINHOSO></GIAMDINHHS>";
}

// One outpatient visit, worked by hand: 20 tablets × 1,250.5 = 25,010 VND;
// card level 4 (80%) but the visit costs less than 15% of 2,340,000
// (351,000), so MUC_HUONG must be 100.
const char* kX1 =
    "<TONG_HOP><MA_LK>A1</MA_LK><STT>1</STT><MA_BN>B1</MA_BN><HO_TEN>Trần Thị Bình</HO_TEN>"
    "<NGAY_SINH>199001010000</NGAY_SINH><GIOI_TINH>2</GIOI_TINH><MA_THE_BHYT>DN4010112345678</MA_THE_BHYT>"
    "<GT_THE_TU>20250101</GT_THE_TU><GT_THE_DEN>20251231</GT_THE_DEN><MA_BENH_CHINH>J06.9</MA_BENH_CHINH>"
    "<MA_DOITUONG_KCB>1.1</MA_DOITUONG_KCB><NGAY_VAO>202511200800</NGAY_VAO><NGAY_RA>202511201000</NGAY_RA>"
    "<SO_NGAY_DTRI>0</SO_NGAY_DTRI><KET_QUA_DTRI>1</KET_QUA_DTRI><MA_LOAI_RV>1</MA_LOAI_RV>"
    "<T_THUOC>25010</T_THUOC><T_TONGCHI_BV>25010</T_TONGCHI_BV><T_TONGCHI_BH>25010</T_TONGCHI_BH>"
    "<T_BNCCT>0</T_BNCCT><T_BHTT>25010</T_BHTT><NAM_QT>2025</NAM_QT><THANG_QT>11</THANG_QT>"
    "<MA_LOAI_KCB>01</MA_LOAI_KCB><MA_CSKCB>01001</MA_CSKCB></TONG_HOP>";

std::string X2(const std::string& qty, const std::string& price, const std::string& bv, const std::string& muc,
               const std::string& bhtt, const std::string& bncct) {
  return "<CHITIEU_CHITIET_THUOC><DSACH_CHI_TIET_THUOC><CHI_TIET_THUOC><MA_LK>A1</MA_LK><STT>1</STT>"
         "<MA_THUOC>40.17</MA_THUOC><MA_NHOM>4</MA_NHOM><TEN_THUOC>Paracetamol</TEN_THUOC><PHAM_VI>1</PHAM_VI>"
         "<TYLE_TT_BH>100</TYLE_TT_BH><SO_LUONG>" +
         qty + "</SO_LUONG><DON_GIA>" + price +
         "</DON_GIA>"
         "<THANH_TIEN_BV>" +
         bv + "</THANH_TIEN_BV><THANH_TIEN_BH>" + bv + "</THANH_TIEN_BH><MUC_HUONG>" + muc + "</MUC_HUONG><T_BNCCT>" +
         bncct + "</T_BNCCT><T_BHTT>" + bhtt +
         "</T_BHTT><NGAY_YL>202511200830</NGAY_YL>"
         "</CHI_TIET_THUOC></DSACH_CHI_TIET_THUOC></CHITIEU_CHITIET_THUOC>";
}

TEST(PreCheck, HandWorkedVisitIsCleanAndEachChangeIsCaught) {
  CheckReport ok = Check(Envelope(kX1, X2("20", "1250.5", "25010.00", "100", "25010", "0")));
  ASSERT_EQ(ok.encounters.size(), 1u);
  EXPECT_TRUE(ok.encounters[0].findings.empty())
      << ok.encounters[0].findings[0].rule << " " << ok.encounters[0].findings[0].message;
  // 80% on a visit under the 15% threshold: the patient was charged a co-pay they do not owe.
  CheckReport low = Check(Envelope(kX1, X2("20", "1250.5", "25010", "80", "20008", "5002")));
  EXPECT_EQ(Rules(low.encounters[0]).count("BENEFIT-LOW-COST"), 1u);
  // 20 × 1,250.5 is 25,010, not 26,000.
  CheckReport wrong = Check(Envelope(kX1, X2("20", "1250.5", "26000", "100", "26000", "0")));
  EXPECT_EQ(Rules(wrong.encounters[0]).count("ARITH-LINE-BV"), 1u);
  // The message gives both amounts the way a reviewer reads them, whatever
  // form the file wrote them in: 3 × 1,250.5 is 3,751.5, not 3,760.
  CheckReport odd = Check(Envelope(kX1, X2("3", "1250.5", "3760.00", "100", "3760", "0")));
  std::string said;
  for (const auto& f : odd.encounters[0].findings)
    if (f.rule == "ARITH-LINE-BV") said = f.message;
  EXPECT_EQ(said, "Thành tiền bệnh viện không bằng số lượng × đơn giá × tỷ lệ: kê 3.760, tính được 3.751,5");
  // A decimal comma is a format error naming the field.
  CheckReport comma = Check(Envelope(kX1, X2("20", "1250,5", "25010", "100", "25010", "0")));
  bool found = false;
  for (const auto& f : comma.encounters[0].findings) found |= f.rule == "FMT-TYPE" && f.field == "DON_GIA";
  EXPECT_TRUE(found);
}

TEST(PreCheck, StructuralProblemsAreErrorsAndUnreadableInputFails) {
  EXPECT_EQ(ParseEnvelope("not xml").status().code(), "malformed_envelope");
  EXPECT_EQ(ParseEnvelope("<OTHER/>").status().code(), "malformed_envelope");
  // Saved as UTF-16 (with or without the byte-order mark): told to save it as UTF-8.
  for (std::string_view utf16 : {std::string_view("\xFF\xFE<\0G\0I\0", 8), std::string_view("<\0G\0I\0A\0", 8)}) {
    auto s = ParseEnvelope(utf16).status();
    EXPECT_EQ(s.code(), "malformed_envelope");
    EXPECT_NE(s.message_vi().find("UTF-8"), std::string::npos) << s.message_vi();
  }
  // Bad base64.
  std::string bad =
      "<GIAMDINHHS><THONGTINDONVI><MACSKCB>01001</MACSKCB></THONGTINDONVI><THONGTINHOSO>"
      "<NGAYLAP>20251120</NGAYLAP><DANHSACHHOSO><HOSO><FILEHOSO><LOAIHOSO>XML1</LOAIHOSO>"
      "<NOIDUNGFILE>@@not base64@@</NOIDUNGFILE></FILEHOSO></HOSO></DANHSACHHOSO></THONGTINHOSO></GIAMDINHHS>";
  CheckReport r = Check(bad);
  ASSERT_GE(r.errors.size(), 2u);  // the bad file, and the encounter left without XML1
  EXPECT_NE(r.errors[0].field.find("NOIDUNGFILE"), std::string::npos);
  // Not UTF-8 (Latin-1 bytes).
  CheckReport latin = Check(Envelope(std::string("<TONG_HOP><HO_TEN>Tr\xe2n</HO_TEN></TONG_HOP>")));
  ASSERT_FALSE(latin.errors.empty());
  EXPECT_NE(latin.errors[0].message.find("UTF-8"), std::string::npos);
  // A drug line whose MA_LK matches no summary.
  std::string orphan = X2("20", "1250.5", "25010", "100", "25010", "0");
  orphan.replace(orphan.find("<MA_LK>A1"), 9, "<MA_LK>ZZ");
  CheckReport o = Check(Envelope(kX1, orphan));
  ASSERT_EQ(o.errors.size(), 1u);
  EXPECT_EQ(o.errors[0].ma_lk, "ZZ");
  EXPECT_EQ(o.errors[0].field, "XML2.MA_LK");
}

}  // namespace
}  // namespace bhxh

namespace bhxh {
namespace {

// Rewrites `field` of every record of table `loai` (XML1, XML2, ...) inside
// the envelope's base64 files to `value`.
std::string Tamper(const std::string& env, const std::string& loai, const std::string& field,
                   const std::string& value) {
  std::string out = env;
  size_t pos = 0;
  while ((pos = out.find("<LOAIHOSO>" + loai + "</LOAIHOSO>", pos)) != std::string::npos) {
    size_t a = out.find("<NOIDUNGFILE>", pos) + 13, b = out.find("</NOIDUNGFILE>", a);
    std::string xml = *DecodeBase64(out.substr(a, b - a));
    for (size_t p = 0; (p = xml.find("<" + field + ">", p)) != std::string::npos;) {
      size_t s = p + field.size() + 2, e = xml.find("</" + field + ">", s);
      xml.replace(s, e - s, value);
      p = s;
    }
    std::string enc = EncodeBase64(xml);
    out.replace(a, b - a, enc);
    pos = a + enc.size();
  }
  return out;
}

TEST(PreCheck, AnAbsurdDayCountIsAFindingNotACrash) {
  // SO_NGAY_DTRI = 99999999999 once ended the process (std::stoi overflow).
  SynthOptions o;
  o.encounters = 2;
  o.defects = {{0, "bed_days"}};
  CheckReport r = Check(Tamper(SynthEnvelope(F().law, o), "XML1", "SO_NGAY_DTRI", "99999999999"));
  ASSERT_EQ(r.encounters.size(), 2u);
  std::set<std::string> rules = Rules(r.encounters[0]);
  EXPECT_TRUE(rules.count("FMT-LENGTH") || rules.count("TIME-TREATMENT-DAYS")) << *rules.begin();
}

TEST(PreCheck, NegativeAmountsAreFormatErrors) {
  SynthOptions o;
  o.encounters = 1;
  CheckReport r = Check(Tamper(SynthEnvelope(F().law, o), "XML1", "T_BHTT", "-150000"));
  ASSERT_EQ(r.encounters.size(), 1u);
  EXPECT_TRUE(r.encounters[0].rejected());
  bool negative = false;
  for (const auto& f : r.encounters[0].findings) negative |= f.rule == "FMT-TYPE" && f.field == "T_BHTT";
  EXPECT_TRUE(negative);
}

// The claims' data files loaded from a copy in which `file` has `from`
// replaced by `to` (which must be there).
Result<ClaimSchema> LoadEdited(const std::string& file, const std::string& from, const std::string& to) {
  std::string dir = ::testing::TempDir() + "/claims_edited_" + file;
  std::filesystem::create_directories(dir);
  for (const char* name : {"xml130_fields.csv", "rules.csv"}) {
    auto text = *ReadFile(testing::DataDir() + "/claims/" + name);
    if (name == file) {
      size_t at = text.find(from);
      EXPECT_NE(at, std::string::npos) << from;
      if (at != std::string::npos) text.replace(at, from.size(), to);
    }
    std::ofstream(dir + "/" + name) << text;
  }
  return ClaimSchema::Load(dir);
}

TEST(ClaimSchemaFile, AWordInANumberColumnIsAnErrorNotACrash) {
  // A rules file with "h24" in the param column once aborted the program.
  auto s = LoadEdited("rules.csv", "1000,130", "h24,130");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().field().find("rules.csv"), std::string::npos);
}

TEST(ClaimSchemaFile, AFieldTypeOutsideTheStandardIsAnError) {
  // A type the format check does not know would leave the field unchecked.
  auto s = LoadEdited("xml130_fields.csv", "XML1,NGAY_VAO,D12,", "XML1,NGAY_VAO,D14,");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().field().find("xml130_fields.csv:"), std::string::npos) << s.status().field();
  EXPECT_NE(s.status().field().find("type"), std::string::npos);
  EXPECT_NE(s.status().message_vi().find("D14"), std::string::npos);
}

}  // namespace
}  // namespace bhxh
