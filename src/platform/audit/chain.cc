#include "platform/audit/chain.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "platform/audit/audit.h"
#include "platform/jsonio/json.h"

namespace bhxh {

namespace {

std::string Hex(const unsigned char* p, size_t n) {
  static const char* hex = "0123456789abcdef";
  std::string out;
  out.reserve(n * 2);
  for (size_t i = 0; i < n; ++i) {
    out.push_back(hex[p[i] >> 4]);
    out.push_back(hex[p[i] & 15]);
  }
  return out;
}

bool Unhex(const std::string& h, std::string* out) {
  if (h.size() % 2) return false;
  out->clear();
  for (size_t i = 0; i < h.size(); i += 2) {
    auto v = [](char c) -> int {
      if (c >= '0' && c <= '9') return c - '0';
      if (c >= 'a' && c <= 'f') return c - 'a' + 10;
      if (c >= 'A' && c <= 'F') return c - 'A' + 10;
      return -1;
    };
    int a = v(h[i]), b = v(h[i + 1]);
    if (a < 0 || b < 0) return false;
    out->push_back(static_cast<char>(a * 16 + b));
  }
  return true;
}

void Field(std::string& s, const std::string& v) {
  s += std::to_string(v.size());
  s.push_back(':');
  s += v;
  s.push_back('|');
}

}  // namespace

std::string AuditRowHash(int64_t seq, const std::string& at, const std::string& actor, const std::string& action,
                         const std::string& entity, const std::string& entity_key, const std::string& detail,
                         const std::string& prev_hash) {
  // Each field length-prefixed: no two different rows give the same text.
  std::string s = "bhxh-audit-v1|" + std::to_string(seq) + "|";
  s.reserve(s.size() + at.size() + actor.size() + action.size() + entity.size() + entity_key.size() + detail.size() +
            prev_hash.size() + 40);
  Field(s, at);
  Field(s, actor);
  Field(s, action);
  Field(s, entity);
  Field(s, entity_key);
  Field(s, detail);
  Field(s, prev_hash);
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(s.data(), s.size(), md, &len, EVP_sha256(), nullptr);
  return Hex(md, len);
}

namespace {

// Takes the head (the UPDATE locks it until the transaction ends), chains
// one row, moves the head. The caller holds a transaction.
Status AppendInTx(Db& db, const std::string& at, const std::string& actor, const std::string& action,
                  const std::string& entity, const std::string& entity_key, const std::string& detail,
                  int64_t existing_id) {
  int64_t seq = 0;
  std::string prev;
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash"));
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) return Status::Internal("the audit chain has no head row");
    seq = st->Int(0);
    prev = st->Text(1);
    st->Reset();
  }
  std::string hash = AuditRowHash(seq, at, actor, action, entity, entity_key, detail, prev);
  if (existing_id > 0) {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("UPDATE audit_log SET seq = ?, prev_hash = ?, row_hash = ? WHERE id = ?"));
    BHXH_RETURN_IF_ERROR(st->Bind(seq, prev, hash, existing_id).Run());
  } else {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("INSERT INTO audit_log (at, actor, action, entity, entity_key, detail, seq, "
                                              "prev_hash, row_hash) VALUES (?,?,?,?,?,?,?,?,?)"));
    BHXH_RETURN_IF_ERROR(st->Bind(at, actor, action, entity, entity_key, detail, seq, prev, hash).Run());
  }
  BHXH_ASSIGN_OR_RETURN(auto up, db.Prepare("UPDATE audit_head SET hash = ? WHERE id = 1"));
  return up->Bind(hash).Run();
}

}  // namespace

Status AppendAudit(Db& db, const std::string& at, const std::string& actor, const std::string& action,
                   const std::string& entity, const std::string& entity_key, const std::string& detail) {
  // Inside the caller's transaction the row commits or rolls back with the
  // change it records; alone, it needs a transaction of its own so that the
  // head's two updates are one step for every other writer.
  if (db.InTransaction()) return AppendInTx(db, at, actor, action, entity, entity_key, detail, 0);
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_RETURN_IF_ERROR(AppendInTx(db, at, actor, action, entity, entity_key, detail, 0));
  return tx.Commit();
}

Result<int64_t> ChainUnchainedAudit(Db& db) {
  // Only before the chain has its first row: once it has started, a row
  // without a place was put in behind its back and verification names it;
  // chaining it here would launder it.
  BHXH_ASSIGN_OR_RETURN(int64_t head, db.QueryInt("SELECT seq FROM audit_head WHERE id = 1"));
  if (head > 0) return int64_t{0};
  BHXH_ASSIGN_OR_RETURN(int64_t n, db.QueryInt("SELECT COUNT(*) FROM audit_log WHERE seq IS NULL"));
  if (n == 0) return int64_t{0};
  struct Row {
    int64_t id;
    std::string at, actor, action, entity, key, detail;
  };
  std::vector<Row> rows;
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT id, at, actor, action, entity, entity_key, detail FROM audit_log "
                                              "WHERE seq IS NULL ORDER BY id"));
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      rows.push_back({st->Int(0), st->Text(1), st->Text(2), st->Text(3), st->Text(4), st->Text(5), st->Text(6)});
    }
  }
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  for (const auto& r : rows)
    BHXH_RETURN_IF_ERROR(AppendInTx(db, r.at, r.actor, r.action, r.entity, r.key, r.detail, r.id));
  BHXH_RETURN_IF_ERROR(tx.Commit());
  return static_cast<int64_t>(rows.size());
}

// --- The signing key -------------------------------------------------------

std::string KeyIdOf(const std::string& public_hex) { return Sha256Hex(public_hex).substr(0, 16); }

std::string SealKey::key_id() const { return KeyIdOf(public_hex_); }

std::string SealKey::DefaultPath(const std::string& db_url) {
  if (const char* e = std::getenv("BHXH_AUDIT_KEY"); e && *e) return e;
  std::string u = db_url;
  if (u.rfind("sqlite:", 0) == 0) u = u.substr(7);
  bool pg = u.rfind("postgres", 0) == 0 || u.find("host=") != std::string::npos || u.find("dbname=") != std::string::npos;
  if (!pg && !u.empty() && u != ":memory:") return u + ".audit-key";
  const char* home = std::getenv("HOME");
  return std::string(home ? home : "/tmp") + "/.local/state/bhxh/audit-seal.key";
}

Result<SealKey> SealKey::Load(const std::string& path, bool create) {
  if (sodium_init() < 0) return Status::Internal("libsodium could not start");
  auto bad = [&](const std::string& vi, const std::string& en) {
    return Status::Error("invalid_key", "audit_key", vi + ": " + path, en + ": " + path);
  };
  SealKey k;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    if (!create) return bad("Không tìm thấy khoá ký nhật ký", "the audit signing key does not exist");
    std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
    unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
    crypto_sign_keypair(pk, sk);
    std::string text = "ed25519-secret " + Hex(sk, sizeof sk) + "\n";
    sodium_memzero(sk, sizeof sk);
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0) return bad("Không tạo được tệp khoá ký nhật ký", "cannot create the audit signing key");
    bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    ::close(fd);
    sodium_memzero(text.data(), text.size());
    if (!ok) return bad("Không ghi được tệp khoá ký nhật ký", "cannot write the audit signing key");
  }
  std::ifstream in(path);
  std::string tag, hex;
  in >> tag >> hex;
  if (tag != "ed25519-secret" || !Unhex(hex, &k.secret_) || k.secret_.size() != crypto_sign_SECRETKEYBYTES)
    return bad("Tệp khoá ký nhật ký không đúng định dạng", "the audit signing key file is malformed");
  unsigned char pk[crypto_sign_PUBLICKEYBYTES];
  crypto_sign_ed25519_sk_to_pk(pk, reinterpret_cast<const unsigned char*>(k.secret_.data()));
  k.public_hex_ = Hex(pk, sizeof pk);
  return k;
}

std::string SealKey::Sign(const std::string& message) const {
  unsigned char sig[crypto_sign_BYTES];
  crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                       reinterpret_cast<const unsigned char*>(secret_.data()));
  return Hex(sig, sizeof sig);
}

std::string SealMessage(const std::string& day, int64_t seq, const std::string& head_hash) {
  return "bhxh-audit-seal-v1|" + day + "|" + std::to_string(seq) + "|" + head_hash;
}

bool VerifySignature(const std::string& public_hex, const std::string& message, const std::string& signature_hex) {
  if (sodium_init() < 0) return false;
  std::string pk, sig;
  if (!Unhex(public_hex, &pk) || pk.size() != crypto_sign_PUBLICKEYBYTES) return false;
  if (!Unhex(signature_hex, &sig) || sig.size() != crypto_sign_BYTES) return false;
  return crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(sig.data()),
                                     reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                                     reinterpret_cast<const unsigned char*>(pk.data())) == 0;
}

// --- Seals -----------------------------------------------------------------

namespace {
constexpr const char* kSealColumns = "seq, day, head_hash, key_id, public_key, signature, sealed_at, sealed_by";
AuditSeal ReadSeal(Stmt& st) {
  AuditSeal s;
  s.seq = st.Int(0);
  s.day = st.Text(1);
  s.head_hash = st.Text(2);
  s.key_id = st.Text(3);
  s.public_key = st.Text(4);
  s.signature = st.Text(5);
  s.sealed_at = st.Text(6);
  s.sealed_by = st.Text(7);
  return s;
}
}  // namespace

Result<AuditSeal> SealAuditChain(Db& db, const SealKey& key, const std::string& day, const Actor& by) {
  auto head = [&db]() -> Result<std::pair<int64_t, std::string>> {
    // Locks the head as a writer would: no writer moves it while it is signed.
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("UPDATE audit_head SET seq = seq WHERE id = 1 RETURNING seq, hash"));
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) return Status::Internal("the audit chain has no head row");
    std::pair<int64_t, std::string> h{st->Int(0), st->Text(1)};
    st->Reset();
    return h;
  };
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_ASSIGN_OR_RETURN(auto before, head());
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(std::string("SELECT ") + kSealColumns + " FROM audit_seals WHERE seq = ?"));
    st->BindInt(1, before.first);
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (row) {
      AuditSeal s = ReadSeal(*st);
      s.replayed = true;
      return s;
    }
  }
  // The seal's own row goes in first, so the seal covers it and sealing
  // again with nothing new returns this seal.
  BHXH_RETURN_IF_ERROR(WriteAudit(db, by, "seal", "audit_chain", day, "key=" + key.key_id()));
  BHXH_ASSIGN_OR_RETURN(auto h, head());
  AuditSeal s;
  s.seq = h.first;
  s.day = day;
  s.head_hash = h.second;
  s.public_key = key.public_hex();
  s.key_id = key.key_id();
  s.signature = key.Sign(SealMessage(day, s.seq, s.head_hash));
  s.sealed_at = NowIsoUtc();
  s.sealed_by = by.id;
  BHXH_ASSIGN_OR_RETURN(auto ins, db.Prepare(std::string("INSERT INTO audit_seals (") + kSealColumns +
                                             ") VALUES (?,?,?,?,?,?,?,?)"));
  BHXH_RETURN_IF_ERROR(
      ins->Bind(s.seq, s.day, s.head_hash, s.key_id, s.public_key, s.signature, s.sealed_at, s.sealed_by).Run());
  BHXH_RETURN_IF_ERROR(tx.Commit());
  return s;
}

Result<std::vector<AuditSeal>> ListSeals(Db& db, int limit) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(std::string("SELECT ") + kSealColumns + " FROM audit_seals ORDER BY seq DESC LIMIT " +
                                            std::to_string(std::max(1, std::min(limit, 10000)))));
  std::vector<AuditSeal> out;
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    out.push_back(ReadSeal(*st));
  }
  return out;
}

// --- Verification ----------------------------------------------------------

namespace {

struct ChainRow {
  int64_t seq = 0, id = 0;
  std::string at, actor, action, entity, key, detail, prev, hash;
};

// Walks rows in seq order and checks them against each other and the seals.
class ChainWalker {
 public:
  ChainWalker(std::vector<AuditSeal> seals, std::vector<std::string> trusted, AuditVerifyReport* out)
      : trusted_(std::move(trusted)), out_(out) {
    for (auto& s : seals) seals_[s.seq] = std::move(s);
    out_->seals = static_cast<int64_t>(seals_.size());
    for (const auto& [seq, s] : seals_) CheckSignature(s);
  }

  // `first_prev`: what the first row's prev_hash must be (the genesis for a
  // whole chain; for an extract, the first row's own prev_hash).
  void Start(int64_t first_seq, std::string first_prev) {
    expect_seq_ = first_seq;
    prev_ = std::move(first_prev);
  }

  void Row(const ChainRow& r) {
    ++out_->rows;
    bool gap = false;
    if (r.seq > expect_seq_) {
      Problem("removed", expect_seq_, 0,
              "Thiếu dòng nhật ký số " + std::to_string(expect_seq_) +
                  (r.seq - expect_seq_ > 1 ? " đến " + std::to_string(r.seq - 1) : "") + " (đã bị xoá)",
              "audit row " + std::to_string(expect_seq_) + (r.seq - expect_seq_ > 1 ? "–" + std::to_string(r.seq - 1) : "") +
                  " is missing (removed)");
      gap = true;
    }
    std::string h = AuditRowHash(r.seq, r.at, r.actor, r.action, r.entity, r.key, r.detail, r.prev);
    if (h != r.hash) {
      Problem("changed", r.seq, r.id,
              "Dòng nhật ký số " + std::to_string(r.seq) + " (mã " + std::to_string(r.id) +
                  ") đã bị sửa: nội dung không khớp mã băm của nó",
              "audit row " + std::to_string(r.seq) + " (id " + std::to_string(r.id) + ") was changed: its content does not match its hash");
    } else if (!gap && r.prev != prev_) {
      Problem("link_broken", r.seq, r.id,
              "Dòng nhật ký số " + std::to_string(r.seq) + " không nối tiếp dòng trước: có dòng được chèn vào, xoá đi hoặc tính lại mã băm ở đây",
              "audit row " + std::to_string(r.seq) + " does not follow the row before it: a row was inserted, removed or re-hashed here");
    }
    prev_ = r.hash;
    expect_seq_ = r.seq + 1;
    last_seq_ = r.seq;
    if (auto it = seals_.find(r.seq); it != seals_.end()) {
      const AuditSeal& s = it->second;
      if (s.head_hash != r.hash) {
        Problem("seal_mismatch", s.seq, r.id,
                "Niêm phong ngày " + s.day + " (đến dòng " + std::to_string(s.seq) +
                    ") không còn khớp: có dòng từ sau niêm phong hợp lệ trước (dòng " + std::to_string(out_->last_sealed_seq) +
                    ") đến dòng " + std::to_string(s.seq) + " đã bị sửa, chèn hoặc xoá",
                "the seal of " + s.day + " (through row " + std::to_string(s.seq) +
                    ") no longer matches: a row after the previous good seal (row " + std::to_string(out_->last_sealed_seq) +
                    ") and up to row " + std::to_string(s.seq) + " was changed, inserted or removed");
      } else if (good_sig_.count(s.seq)) {
        out_->last_sealed_seq = s.seq;
      }
    }
  }

  void Finish(int64_t head_seq, const std::string& head_hash, bool check_head) {
    out_->head_seq = head_seq;
    out_->head_hash = head_hash;
    for (auto it = seals_.upper_bound(last_seq_); it != seals_.end(); ++it) {
      Problem("truncated", it->first, 0,
              "Niêm phong ngày " + it->second.day + " ghi đến dòng " + std::to_string(it->first) +
                  " nhưng nhật ký chỉ còn đến dòng " + std::to_string(last_seq_) + ": các dòng cuối đã bị xoá",
              "the seal of " + it->second.day + " covers row " + std::to_string(it->first) + " but the trail ends at row " +
                  std::to_string(last_seq_) + ": the last rows were removed");
      break;
    }
    if (check_head && (head_seq != last_seq_ || (last_seq_ > 0 && head_hash != prev_)))
      Problem("truncated", head_seq, 0,
              "Đầu chuỗi ghi dòng " + std::to_string(head_seq) + " nhưng nhật ký kết thúc ở dòng " + std::to_string(last_seq_),
              "the chain head says row " + std::to_string(head_seq) + " but the trail ends at row " + std::to_string(last_seq_));
  }

  void Problem(const std::string& kind, int64_t seq, int64_t id, std::string vi, std::string en) {
    if (out_->problems.size() >= 20) return;
    out_->problems.push_back({kind, seq, id, std::move(vi), std::move(en)});
  }

 private:
  void CheckSignature(const AuditSeal& s) {
    if (!VerifySignature(s.public_key, SealMessage(s.day, s.seq, s.head_hash), s.signature)) {
      Problem("seal_signature", s.seq, 0, "Chữ ký của niêm phong ngày " + s.day + " (dòng " + std::to_string(s.seq) + ") không hợp lệ",
              "the signature of the seal of " + s.day + " (row " + std::to_string(s.seq) + ") is not valid");
      return;
    }
    if (!trusted_.empty() && std::find(trusted_.begin(), trusted_.end(), s.public_key) == trusted_.end()) {
      Problem("seal_untrusted", s.seq, 0,
              "Niêm phong ngày " + s.day + " được ký bằng khoá lạ (" + s.key_id + "), không phải khoá của hệ thống",
              "the seal of " + s.day + " is signed by an unknown key (" + s.key_id + ")");
      return;
    }
    good_sig_.insert(s.seq);
  }

  std::vector<std::string> trusted_;
  AuditVerifyReport* out_;
  std::map<int64_t, AuditSeal> seals_;
  std::set<int64_t> good_sig_;
  int64_t expect_seq_ = 1, last_seq_ = 0;
  std::string prev_ = kAuditGenesis;
};

}  // namespace

Result<AuditVerifyReport> VerifyAuditChain(Db& db, const std::vector<std::string>& trusted_keys) {
  auto t0 = std::chrono::steady_clock::now();
  AuditVerifyReport rep;
  BHXH_ASSIGN_OR_RETURN(auto seals, ListSeals(db, 10000));
  ChainWalker w(std::move(seals), trusted_keys, &rep);
  // Rows without a place were put in behind the chain's back.
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT id FROM audit_log WHERE seq IS NULL ORDER BY id LIMIT 1"));
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (row)
      w.Problem("inserted", 0, st->Int(0),
                "Dòng nhật ký mã " + std::to_string(st->Int(0)) + " không thuộc chuỗi: đã được chèn thẳng vào cơ sở dữ liệu",
                "audit row id " + std::to_string(st->Int(0)) + " is not in the chain: it was inserted directly into the database");
  }
  w.Start(1, kAuditGenesis);
  // Keyset pages: a bounded memory on both backends.
  constexpr int kPage = 20000;
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT seq, id, at, actor, action, entity, COALESCE(entity_key, ''), "
                                            "COALESCE(detail, ''), prev_hash, row_hash FROM audit_log WHERE seq > ? "
                                            "ORDER BY seq LIMIT " + std::to_string(kPage)));
  int64_t after = 0;
  while (true) {
    st->Reset();
    st->BindInt(1, after);
    int n = 0;
    ChainRow r;
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      ++n;
      r.seq = st->Int(0);
      r.id = st->Int(1);
      r.at = st->Text(2);
      r.actor = st->Text(3);
      r.action = st->Text(4);
      r.entity = st->Text(5);
      r.key = st->Text(6);
      r.detail = st->Text(7);
      r.prev = st->Text(8);
      r.hash = st->Text(9);
      w.Row(r);
      after = r.seq;
    }
    if (n < kPage) break;
  }
  int64_t head_seq = 0;
  std::string head_hash;
  {
    BHXH_ASSIGN_OR_RETURN(auto h, db.Prepare("SELECT seq, hash FROM audit_head WHERE id = 1"));
    BHXH_ASSIGN_OR_RETURN(bool row, h->Step());
    if (row) {
      head_seq = h->Int(0);
      head_hash = h->Text(1);
    }
  }
  w.Finish(head_seq, head_hash, true);
  rep.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return rep;
}

Result<std::string> ExportAuditChain(Db& db, int64_t from_seq, int64_t to_seq) {
  std::string out;
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT seq, id, at, actor, action, entity, COALESCE(entity_key, ''), "
                                            "COALESCE(detail, ''), prev_hash, row_hash FROM audit_log WHERE seq >= ? AND seq <= ? "
                                            "ORDER BY seq"));
  BHXH_ASSIGN_OR_RETURN(int64_t head, db.QueryInt("SELECT seq FROM audit_head WHERE id = 1"));
  if (to_seq <= 0 || to_seq > head) to_seq = head;
  st->BindInt(1, std::max<int64_t>(1, from_seq));
  st->BindInt(2, to_seq);
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    Json j = {{"seq", st->Int(0)},    {"id", st->Int(1)},     {"at", st->Text(2)},     {"actor", st->Text(3)},
              {"action", st->Text(4)}, {"entity", st->Text(5)}, {"entity_key", st->Text(6)}, {"detail", st->Text(7)},
              {"prev_hash", st->Text(8)}, {"row_hash", st->Text(9)}};
    out += DumpJson(j) + "\n";
  }
  BHXH_ASSIGN_OR_RETURN(auto seals, ListSeals(db, 10000));
  for (auto it = seals.rbegin(); it != seals.rend(); ++it) {
    if (it->seq < from_seq || it->seq > to_seq) continue;
    out += DumpJson(Json{{"seal",
                          {{"seq", it->seq},
                           {"day", it->day},
                           {"head_hash", it->head_hash},
                           {"key_id", it->key_id},
                           {"public_key", it->public_key},
                           {"signature", it->signature},
                           {"sealed_at", it->sealed_at},
                           {"sealed_by", it->sealed_by}}}}) +
           "\n";
  }
  return out;
}

Result<AuditVerifyReport> VerifyAuditExport(const std::string& jsonl, const std::vector<std::string>& trusted_keys) {
  auto t0 = std::chrono::steady_clock::now();
  std::vector<ChainRow> rows;
  std::vector<AuditSeal> seals;
  std::istringstream in(jsonl);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty()) continue;
    auto j = ParseJson(line, 16);
    if (!j.ok() || !j->is_object())
      return Status::Invalid("line " + std::to_string(n), "Dòng " + std::to_string(n) + " không phải JSON",
                             "line " + std::to_string(n) + " is not JSON");
    try {
      if (j->contains("seal")) {
        const Json& s = (*j)["seal"];
        AuditSeal a;
        a.seq = s.at("seq").get<int64_t>();
        a.day = s.at("day").get<std::string>();
        a.head_hash = s.at("head_hash").get<std::string>();
        a.key_id = s.value("key_id", "");
        a.public_key = s.at("public_key").get<std::string>();
        a.signature = s.at("signature").get<std::string>();
        seals.push_back(std::move(a));
      } else {
        ChainRow r;
        r.seq = j->at("seq").get<int64_t>();
        r.id = j->value("id", int64_t{0});
        r.at = j->at("at").get<std::string>();
        r.actor = j->at("actor").get<std::string>();
        r.action = j->at("action").get<std::string>();
        r.entity = j->at("entity").get<std::string>();
        r.key = j->at("entity_key").get<std::string>();
        r.detail = j->at("detail").get<std::string>();
        r.prev = j->at("prev_hash").get<std::string>();
        r.hash = j->at("row_hash").get<std::string>();
        rows.push_back(std::move(r));
      }
    } catch (const std::exception&) {
      return Status::Invalid("line " + std::to_string(n), "Dòng " + std::to_string(n) + " thiếu trường của nhật ký",
                             "line " + std::to_string(n) + " lacks an audit field");
    }
  }
  AuditVerifyReport rep;
  ChainWalker w(std::move(seals), trusted_keys, &rep);
  if (!rows.empty()) w.Start(rows.front().seq, rows.front().seq == 1 ? kAuditGenesis : rows.front().prev);
  for (const auto& r : rows) w.Row(r);
  w.Finish(rows.empty() ? 0 : rows.back().seq, rows.empty() ? "" : rows.back().hash, false);
  rep.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return rep;
}

}  // namespace bhxh
