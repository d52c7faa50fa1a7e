// Reading XML 130 records: fields found by number and by name give the
// standard's values (a name given twice reads its first value, an absent
// one reads empty, on a record never indexed too); every name the engine
// reads is a field of the standard's tables; an envelope read in place
// gives exactly what the copying path gives, and keeps XML1 as received;
// base64 with any kind of white space decodes alike; a required field
// that is absent, empty, or empty at its first occurrence is reported.
#include "claims/xml130.h"

#include <gtest/gtest.h>

#include <set>

#include "claims/precheck.h"
#include "claims/synth.h"
#include "testing/test_support.h"

namespace bhxh {
namespace {

const ClaimSchema& Schema() {
  static const ClaimSchema* s = new ClaimSchema(*ClaimSchema::Load(testing::DataDir() + "/claims"));
  return *s;
}
const LawBook& Law() {
  static const LawBook* l = new LawBook(*LawBook::Load(testing::DataDir() + "/law"));
  return *l;
}

Record Make(std::vector<std::pair<std::string, std::string>> fields, const std::string& table = "XML2") {
  Record r;
  r.table = table;
  r.fields = std::move(fields);
  r.Index();
  return r;
}

TEST(Xml130Record, FieldsByNumberAndByName) {
  Record r = Make({{"STT", "7"}, {"MA_THUOC", "40.17"}, {"TEN_THUOC", "Paracetamol"}, {"MA_THUOC", "99.99"}});
  EXPECT_EQ(r.Get(XmlField::STT), "7");
  EXPECT_EQ(r.Get(XmlField::MA_THUOC), "40.17");  // the first of two
  EXPECT_EQ(r.Get("MA_THUOC"), "40.17");
  EXPECT_EQ(r.Get("TEN_THUOC"), "Paracetamol");  // a name the engine does not read
  EXPECT_TRUE(r.Has("TEN_THUOC"));
  EXPECT_TRUE(r.Has(XmlField::STT));
  EXPECT_FALSE(r.Has(XmlField::DON_GIA));
  EXPECT_EQ(r.Get(XmlField::DON_GIA), "");
  EXPECT_FALSE(r.Has("LIEU_DUNG"));
  EXPECT_EQ(r.Get("LIEU_DUNG"), "");
  // Changed and indexed again, the record reads its new fields.
  r.fields.erase(r.fields.begin());
  r.Index();
  EXPECT_EQ(r.Get(XmlField::STT), "");
  EXPECT_EQ(r.Get(XmlField::MA_THUOC), "40.17");
  Record never;  // not indexed: reads nothing, never out of bounds
  EXPECT_EQ(never.Get(XmlField::MA_LK), "");
  EXPECT_FALSE(never.Has(XmlField::MA_LK));
}

TEST(Xml130Record, EveryNameTheEngineReadsIsAStandardField) {
  for (size_t i = 0; i < kReadFields; ++i) {
    auto f = static_cast<XmlField>(i);
    std::string name = FieldName(f);
    EXPECT_EQ(FieldOf(name), f) << name;
    bool found = false;
    for (const char* table : {"XML1", "XML2", "XML3"}) found |= Schema().Field(table, name) != nullptr;
    EXPECT_TRUE(found) << name << " is not in data/claims/xml130_fields.csv";
  }
  EXPECT_EQ(FieldOf("KHONG_CO"), XmlField::kCount);
  EXPECT_EQ(std::string(FieldName(XmlField::kCount)), "");
  EXPECT_EQ(Schema().FieldIndex("XML1", "MA_LK"), 0);
  EXPECT_EQ(Schema().FieldIndex("XML1", "KHONG_CO"), -1);
  EXPECT_EQ(Schema().FieldIndex("XML9", "MA_LK"), -1);
}

std::string Dump(const std::vector<Encounter>& encs) {
  std::string out;
  for (const auto& e : encs) {
    out += "#" + std::to_string(e.hoso) + " " + e.ma_lk + " raw=" + std::to_string(e.xml1_raw.size()) + "\n";
    for (const auto* rs : {&e.xml2, &e.xml3})
      for (const Record& r : *rs) {
        out += r.table;
        for (const auto& [n, v] : r.fields) out += " " + n + "=" + v;
        out += "\n";
      }
    for (const auto& f : e.others) out += "other " + f.type + " " + std::to_string(f.xml.size()) + "\n";
  }
  return out;
}

TEST(Xml130Read, InPlaceReadsExactlyWhatTheCopyReads) {
  SynthOptions o;
  o.encounters = 25;
  std::string xml = SynthEnvelope(Law(), o);
  auto copied = ParseEnvelope(std::string_view(xml));
  ASSERT_TRUE(copied.ok()) << copied.status().ToString();
  std::vector<EnvelopeError> e1, e2;
  std::vector<Encounter> a = ReadEncounters(*copied, &e1);  // leaves the envelope as it was
  auto in_place = ParseEnvelopeInPlace(std::string(xml));
  ASSERT_TRUE(in_place.ok());
  std::vector<Encounter> b = ReadEncounters(std::move(*in_place), &e2);
  ASSERT_EQ(a.size(), 25u);
  EXPECT_EQ(Dump(a), Dump(b));
  EXPECT_TRUE(e1.empty());
  EXPECT_TRUE(e2.empty());
  // XML1 kept as received: the file's own text, byte for byte.
  ASSERT_FALSE(copied->hoso.empty());
  for (const ClaimFile& f : copied->hoso[0].files)
    if (f.type == "XML1") {
      EXPECT_EQ(a[0].xml1_raw, f.xml);
      EXPECT_EQ(b[0].xml1_raw, f.xml);
    }
  // The records read their values by number.
  EXPECT_EQ(a[0].xml1->Get(XmlField::MA_LK), a[0].ma_lk);
  ASSERT_FALSE(b[0].xml2.empty());
  EXPECT_EQ(b[0].xml2[0].Get(XmlField::MA_LK), b[0].ma_lk);
}

TEST(Xml130Read, Base64WithAnyWhiteSpaceDecodesAlike) {
  const std::string text = "<TONG_HOP><HO_TEN>Trần Thị Bình</HO_TEN></TONG_HOP>";
  const std::string b64 = EncodeBase64(text);
  for (char w : {'\n', ' ', '\r', '\t'}) {
    std::string spaced;
    for (size_t i = 0; i < b64.size(); ++i) {
      spaced += b64[i];
      if (i % 7 == 6) spaced += w;
    }
    auto d = DecodeBase64(spaced);
    ASSERT_TRUE(d.ok()) << int(w);
    EXPECT_EQ(*d, text) << int(w);
  }
  EXPECT_EQ(*DecodeBase64(b64), text);
  EXPECT_FALSE(DecodeBase64(b64.substr(1)).ok());  // not a multiple of four
  EXPECT_FALSE(DecodeBase64(" \n").ok());
}

std::set<std::string> RequiredMissing(const Record& r) {
  Encounter e;
  e.ma_lk = "A1";
  e.xml1 = r;
  CheckReport rep;
  CheckEncounters({e}, Schema(), Law(), &rep);
  std::set<std::string> out;
  for (const auto& f : rep.encounters.at(0).findings)
    if (f.rule == "FMT-REQUIRED") out.insert(f.field);
  return out;
}

TEST(Xml130Format, RequiredFieldsAbsentEmptyOrEmptyFirst) {
  // Every field the schema marks required for XML1, with a value.
  std::vector<std::pair<std::string, std::string>> full;
  for (const FieldSpec& f : Schema().Fields("XML1"))
    if (f.required) full.push_back({f.name, f.name == "MA_LK" ? "A1" : "1"});
  ASSERT_GT(full.size(), 5u);
  EXPECT_TRUE(RequiredMissing(Make(full, "XML1")).empty());
  auto absent = full;
  absent.erase(absent.begin() + 2);  // the third required field left out
  EXPECT_EQ(RequiredMissing(Make(absent, "XML1")), std::set<std::string>{full[2].first});
  auto empty = full;
  empty[3].second = "";
  EXPECT_EQ(RequiredMissing(Make(empty, "XML1")), std::set<std::string>{full[3].first});
  auto twice = full;  // given twice, empty the first time: what Get reads is empty
  twice[4].second = "";
  twice.push_back({full[4].first, "1"});
  EXPECT_EQ(RequiredMissing(Make(twice, "XML1")), std::set<std::string>{full[4].first});
}

}  // namespace
}  // namespace bhxh
