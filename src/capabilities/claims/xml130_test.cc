// Reading XML 130 records: fields found by number and by name give the
// standard's values (a name given twice reads its first value, an absent
// one reads empty, on a record never indexed too); every name the engine
// reads is a field of the standard's tables; an envelope read in place
// gives exactly what the copying path gives, and keeps XML1 as received;
// records view their encounter's text, which goes where the encounter goes
// (entities decoded, CDATA read, values trimmed, XML1 still as received);
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

// A record's fields are views: of string literals here, or of the caller's
// strings, which outlive the record (the overload below).
Record Make(std::vector<std::pair<std::string_view, std::string_view>> fields, const std::string& table = "XML2") {
  Record r;
  r.table = table;
  r.fields = std::move(fields);
  r.Index();
  return r;
}
Record Make(const std::vector<std::pair<std::string, std::string>>& fields, const std::string& table) {
  return Make(std::vector<std::pair<std::string_view, std::string_view>>(fields.begin(), fields.end()), table);
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

TEST(Xml130Record, ALikeRecordGivesTheSamePositionsWhateverItsLayout) {
  // Indexed against the schema alone, then with a record of another layout
  // (two names swapped, one the table does not have, one field fewer) as the hint.
  using Fields = std::vector<std::pair<std::string_view, std::string_view>>;
  auto indexed = [](const char* table, const Fields& fields, const Record* like) {
    Record r;
    r.table = table;
    r.fields = fields;
    r.Index(&Schema(), like);
    return r;
  };
  const Fields fields = {{"MA_LK", "K1"},    {"STT", "2"},      {"MA_THUOC", "40.17"},
                         {"SO_LUONG", "20"}, {"KHONG_CO", "x"}, {"DON_GIA", "5"}};
  Record alone = indexed("XML2", fields, nullptr);
  Record like = indexed(
      "XML2", {{"MA_LK", "K0"}, {"MA_THUOC", "1"}, {"STT", "1"}, {"SO_LUONG", "1"}, {"KHONG_CO", "y"}}, nullptr);
  Record hinted = indexed("XML2", fields, &like);
  for (size_t i = 0; i < fields.size(); ++i) EXPECT_EQ(hinted.SpecAt(i), alone.SpecAt(i)) << fields[i].first;
  EXPECT_EQ(hinted.SpecAt(4), -1);  // not a field of XML2
  EXPECT_EQ(hinted.SpecAt(1), Schema().FieldIndex("XML2", "STT"));
  for (XmlField f : {XmlField::MA_LK, XmlField::STT, XmlField::MA_THUOC, XmlField::SO_LUONG, XmlField::DON_GIA})
    EXPECT_EQ(hinted.Get(f), alone.Get(f)) << FieldName(f);
  EXPECT_EQ(hinted.Get(XmlField::MA_THUOC), "40.17");
  // A hint of another table is not used.
  Record other = indexed("XML3", {{"MA_LK", "K0"}, {"STT", "1"}, {"MA_DICH_VU", "1"}}, nullptr);
  Record crossed = indexed("XML2", fields, &other);
  for (size_t i = 0; i < fields.size(); ++i) EXPECT_EQ(crossed.SpecAt(i), alone.SpecAt(i)) << fields[i].first;
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
        for (const auto& [n, v] : r.fields) out.append(" ").append(n).append("=").append(v);
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

TEST(Xml130Read, RecordsViewTheirEncountersTextWhereverItGoes) {
  const std::string x1 = "<TONG_HOP><MA_LK>K1</MA_LK><STT>1</STT><HO_TEN>  Trần &amp; Bình\r\n</HO_TEN></TONG_HOP>";
  const std::string x2 =
      "<DSACH_CHI_TIET_THUOC><CHI_TIET_THUOC><MA_LK>K1</MA_LK><STT>1</STT>"
      "<TEN_THUOC><![CDATA[Amoxicillin <500mg>]]></TEN_THUOC><SO_LUONG> 20 </SO_LUONG></CHI_TIET_THUOC>"
      "</DSACH_CHI_TIET_THUOC>";
  std::vector<Encounter> moved;
  {
    std::string envelope = "<GIAMDINHHS><THONGTINHOSO><DANHSACHHOSO>";
    for (int i = 0; i < 40; ++i)
      envelope += "<HOSO><FILEHOSO><LOAIHOSO>XML1</LOAIHOSO><NOIDUNGFILE>" + EncodeBase64(x1) +
                  "</NOIDUNGFILE></FILEHOSO><FILEHOSO><LOAIHOSO>XML2</LOAIHOSO><NOIDUNGFILE>" + EncodeBase64(x2) +
                  "</NOIDUNGFILE></FILEHOSO></HOSO>";
    envelope += "</DANHSACHHOSO></THONGTINHOSO></GIAMDINHHS>";
    auto env = ParseEnvelopeInPlace(std::move(envelope));
    ASSERT_TRUE(env.ok()) << env.status().ToString();
    std::vector<EnvelopeError> errors;
    std::vector<Encounter> read = ReadEncounters(std::move(*env), &errors, &Schema());
    EXPECT_TRUE(errors.empty());
    for (Encounter& e : read) moved.push_back(std::move(e));    // no reserve: the vector reallocates
  }                                                             // the envelope, its files and the first vector are gone
  std::vector<std::string> noise(200, std::string(4096, 'x'));  // reuse what was freed
  ASSERT_EQ(moved.size(), 40u);
  for (const Encounter& e : moved) {
    ASSERT_TRUE(e.xml1.has_value());
    EXPECT_EQ(e.xml1->Get(XmlField::HO_TEN), "Trần & Bình");
    EXPECT_EQ(e.xml1_raw, x1);  // as received: the entity undecoded, the spaces kept
    ASSERT_EQ(e.xml2.size(), 1u);
    EXPECT_EQ(e.xml2[0].Get("TEN_THUOC"), "Amoxicillin <500mg>");
    EXPECT_EQ(e.xml2[0].Get(XmlField::SO_LUONG), "20");
    EXPECT_EQ(e.xml2[0].Get(XmlField::MA_LK), "K1");
  }
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
  std::vector<Encounter> encs;
  encs.push_back(std::move(e));
  CheckReport rep;
  CheckEncounters(encs, Schema(), Law(), &rep);
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
