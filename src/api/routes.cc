#include "api/routes.h"

#include <regex>

#include "api/http_util.h"
#include "collection/arrears.h"
#include "collection/collect.h"
#include "collection/declarations.h"
#include "collection/ledger.h"
#include "collection/payments.h"
#include "history/book.h"
#include "views/json_views.h"

namespace bhxh {

HttpResponse HandleApi(AppContext& ctx, const HttpRequest& req) {
  std::vector<std::string> a;
  const std::string& m = req.method;
  if (m == "GET" && (req.path == "/api/v1/health" || req.path == "/health"))
    return Reply(200, {{"status", "ok"}, {"cards_in_memory", ctx.cards->size()}});
  if (m == "GET" && req.path == "/api/v1/openapi.json") return {200, "application/json; charset=utf-8", OpenApiDocument()};

  // Everything else needs an actor.
  auto auth = req.headers.find("authorization");
  if (auth == req.headers.end() || auth->second.rfind("Bearer ", 0) != 0)
    return Error(Status::Error("unauthenticated", "Authorization", "Cần mã truy cập (Authorization: Bearer ...)",
                               "a bearer token is required"));
  auto actor = ctx.Authenticate(auth->second.substr(7));
  if (!actor.ok()) return Error(actor.status());

  // Calculator and eligibility: no store access.
  if (m == "POST" && Match(req.path, "/calc/contribution", a)) {
    auto body = ParseJsonBody(req.body);
    if (!body.ok()) return Error(body.status());
    auto cr = CalcRequestFromJson(*body);
    if (!cr.ok()) return Error(cr.status());
    auto r = CalculateContribution(ctx.law, *cr);
    return r.ok() ? Reply(200, ToJson(*r)) : Error(r.status());
  }
  if (m == "GET" && Match(req.path, "/eligibility", a)) {
    EligibilityQuery q{Q(req, "id"), Q(req, "facility"), Q(req, "date"), Q(req, "full_name"), Q(req, "dob")};
    auto r = ctx.cards->Check(q);
    return r.ok() ? Reply(200, ToJson(*r)) : Error(r.status());
  }
  if (m == "POST" && Match(req.path, "/claims/check", a)) {
    auto env = ParseEnvelope(req.body);
    if (!env.ok()) return Error(env.status());
    return Reply(200, ToJson(PreCheck(*env, ctx.claims, ctx.law)));
  }
  if (m == "GET" && Match(req.path, "/law/in-force", a)) {
    auto d = DateParam(req, "date");
    if (!d.ok()) return Error(d.status());
    nlohmann::json out = nlohmann::json::array();
    for (const auto& p : ctx.law.InForce(*d)) out.push_back(ToJson(p));
    return Reply(200, {{"date", d->ToString()}, {"parameters", out}});
  }
  if (m == "GET" && Match(req.path, "/law/history/{key}", a)) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& p : ctx.law.History(a[0])) out.push_back(ToJson(p));
    if (out.empty()) return Error(Status::NotFound("key", "Không có tham số " + a[0], "no parameter " + a[0]));
    return Reply(200, {{"key", a[0]}, {"history", out}});
  }
  if (m == "GET" && Match(req.path, "/provinces", a)) {
    auto d = DateParam(req, "date");
    if (!d.ok()) return Error(d.status());
    nlohmann::json out = nlohmann::json::array();
    for (const auto& p : ctx.geo.InForce(*d)) {
      nlohmann::json j = {{"code", p.code}, {"name", p.name}};
      if (*d >= Geo::MergerDate()) j["merged_from"] = ctx.geo.MergedFrom(p.code);
      out.push_back(j);
    }
    return Reply(200, {{"date", d->ToString()}, {"provinces", out}});
  }

  auto lease = ctx.pool->Acquire();
  if (!lease.ok()) return Error(lease.status());
  Db& db = **lease;
  Registry reg(db, ctx.geo, ctx.law);
  if (auto r = HandleProgrammeRoutes(ctx, db, req, *actor)) return *r;

  if (m == "POST" && Match(req.path, "/persons", a)) {
    auto body = ParseJsonBody(req.body);
    if (!body.ok()) return Error(body.status());
    auto in = PersonFromJson(*body);
    if (!in.ok()) return Error(in.status());
    auto p = reg.RegisterPerson(*in, *actor);
    return p.ok() ? Reply(201, ToJson(*p)) : Error(p.status());
  }
  if (m == "GET" && Match(req.path, "/persons", a)) {
    auto r = reg.SearchPersons(Q(req, "q"), std::atoi(Q(req, "limit", "50").c_str()));
    if (!r.ok()) return Error(r.status());
    nlohmann::json out = nlohmann::json::array();
    for (const auto& p : *r) out.push_back(ToJson(p));
    return Reply(200, {{"persons", out}});
  }
  if (m == "GET" && Match(req.path, "/persons/{cccd}", a)) {
    auto p = reg.PersonByCccd(a[0]);
    if (!p.ok()) return Error(p.status());
    nlohmann::json j = ToJson(*p);
    auto cards = reg.CardsOfPerson(p->id);
    if (cards.ok()) {
      j["cards"] = nlohmann::json::array();
      for (const auto& c : *cards) j["cards"].push_back(ToJson(c));
    }
    return Reply(200, j);
  }
  if (m == "POST" && Match(req.path, "/persons/{cccd}/deceased", a)) {
    if (Status s = RequireOfficer(*actor); !s.ok()) return Error(s);
    auto body = ParseJsonBody(req.body);
    if (!body.ok()) return Error(body.status());
    std::string date = body->is_object() ? body->value("deceased_on", "") : "";
    Status s = reg.MarkDeceased(a[0], date, *actor);
    if (!s.ok()) return Error(s);
    (void)ctx.LoadCards();
    return Reply(200, {{"cccd", a[0]}, {"deceased_on", date}});
  }
  if (m == "GET" && Match(req.path, "/persons/{cccd}/history", a)) {
    auto d = DateParam(req, "as_of");
    if (!d.ok()) return Error(d.status());
    if (actor->role == "employer" || actor->role == "facility")
      return Error(Status::Error("forbidden", "Authorization", "Không được xem quá trình tham gia của người khác",
                                 "not allowed to read another person's history"));
    auto b = BuildBook(db, ctx.geo, ctx.law, a[0], *d);
    return b.ok() ? Reply(200, ToJson(*b)) : Error(b.status());
  }
  if (m == "POST" && Match(req.path, "/employers", a)) {
    if (Status s = RequireOfficer(*actor); !s.ok()) return Error(s);
    auto body = ParseJsonBody(req.body);
    if (!body.ok()) return Error(body.status());
    auto in = EmployerFromJson(*body);
    if (!in.ok()) return Error(in.status());
    auto e = reg.RegisterEmployer(*in, *actor);
    return e.ok() ? Reply(201, ToJson(*e, Date::Today())) : Error(e.status());
  }
  if (m == "GET" && Match(req.path, "/employers/{code}", a)) {
    auto e = reg.EmployerByCode(a[0]);
    return e.ok() ? Reply(200, ToJson(*e, Date::Today())) : Error(e.status());
  }
  if (m == "POST" && Match(req.path, "/employers/{code}/status", a)) {
    if (Status s = RequireOfficer(*actor); !s.ok()) return Error(s);
    auto body = ParseJsonBody(req.body);
    if (!body.ok()) return Error(body.status());
    if (!body->is_object()) return Error(Status::Invalid("body", "Cần đối tượng JSON", "object expected"));
    Status s = reg.SetEmployerStatus(a[0], body->value("effective_from", ""), body->value("status", ""), *actor);
    if (!s.ok()) return Error(s);
    auto e = reg.EmployerByCode(a[0]);
    return e.ok() ? Reply(200, ToJson(*e, Date::Today())) : Error(e.status());
  }
  if (m == "GET" && Match(req.path, "/employers/{code}/statement", a)) {
    auto d = DateParam(req, "as_of");
    if (!d.ok()) return Error(d.status());
    if (actor->role == "employer" && actor->employer_code != a[0])
      return Error(Status::Error("forbidden", "code", "Chỉ xem được báo cáo của đơn vị mình", "own employer only"));
    auto e = reg.EmployerByCode(a[0]);
    if (!e.ok()) return Error(e.status());
    auto L = EmployerLedger(db, ctx.law, e->id, *d);
    if (!L.ok()) return Error(L.status());
    nlohmann::json j = ToJson(*L);
    j["employer"] = ToJson(*e, *d);
    return Reply(200, j);
  }
  if (m == "POST" && Match(req.path, "/cards", a)) {
    if (Status s = RequireOfficer(*actor); !s.ok()) return Error(s);
    auto body = ParseJsonBody(req.body);
    if (!body.ok()) return Error(body.status());
    auto in = CardFromJson(*body);
    if (!in.ok()) return Error(in.status());
    auto c = reg.IssueCard(*in, *actor);
    if (!c.ok()) return Error(c.status());
    auto p = reg.PersonByCccd(in->cccd);
    if (p.ok()) {
      CardRecord rec{p->cccd, c->code.si_number, p->full_name, p->dob, p->sex, p->deceased_on,
                     c->code.ToString(), c->valid_from, c->valid_to, c->facility, c->five_year_date, false};
      ctx.cards->Upsert(rec);
    }
    return Reply(201, ToJson(*c));
  }
  if (m == "POST" && Match(req.path, "/periods", a)) {
    if (Status s = RequireOfficer(*actor); !s.ok()) return Error(s);
    auto body = ParseJsonBody(req.body);
    if (!body.ok()) return Error(body.status());
    auto in = PeriodFromJson(*body);
    if (!in.ok()) return Error(in.status());
    auto p = reg.AddPeriod(*in, *actor);
    return p.ok() ? Reply(201, ToJson(*p)) : Error(p.status());
  }
  if (m == "POST" && Match(req.path, "/declarations", a)) {
    auto body = ParseJsonBody(req.body);
    if (!body.ok()) return Error(body.status());
    auto d = DeclarationFromJson(*body);
    if (!d.ok()) return Error(d.status());
    d->idempotency_key = IdempotencyKey(req, *body);
    auto r = SubmitDeclaration(db, ctx.geo, ctx.law, *d, *actor);
    if (!r.ok()) return Error(r.status());
    return Reply(r->accepted ? (r->replayed ? 200 : 201) : 422, ToJson(*r));
  }
  if (m == "POST" && Match(req.path, "/collections", a)) {
    if (Status s = RequireOfficer(*actor); !s.ok()) return Error(s);
    auto body = ParseJsonBody(req.body);
    if (!body.ok()) return Error(body.status());
    auto month = Month::Parse(body->is_object() ? body->value("month", "") : "", "month");
    if (!month.ok()) return Error(month.status());
    auto r = RunCollection(db, ctx.law, *month, *actor);
    return r.ok() ? Reply(201, ToJson(*r)) : Error(r.status());
  }
  if (m == "POST" && Match(req.path, "/payments", a)) {
    if (Status s = RequireOfficer(*actor); !s.ok()) return Error(s);
    auto body = ParseJsonBody(req.body);
    if (!body.ok()) return Error(body.status());
    auto in = PaymentFromJson(*body);
    if (!in.ok()) return Error(in.status());
    in->idempotency_key = IdempotencyKey(req, *body);
    auto r = PostPayment(db, *in, *actor);
    return r.ok() ? Reply(r->replayed ? 200 : 201, ToJson(*r)) : Error(r.status());
  }
  if (m == "POST" && Match(req.path, "/payments/bank-statement", a)) {
    if (Status s = RequireOfficer(*actor); !s.ok()) return Error(s);
    auto r = ImportBankStatement(db, req.body, *actor);
    if (!r.ok()) return Error(r.status());
    return Reply(r->accepted ? 201 : 422, ToJson(*r));
  }
  if (m == "GET" && Match(req.path, "/arrears", a)) {
    auto d = DateParam(req, "as_of");
    if (!d.ok()) return Error(d.status());
    ArrearsOptions opt;
    opt.as_of = *d;
    opt.current_units = Q(req, "units", "current") != "recorded";
    opt.province = Q(req, "province");
    opt.top_n = std::max(0, std::min(1000, std::atoi(Q(req, "top", "20").c_str())));
    auto r = BuildArrearsReport(db, ctx.law, ctx.geo, opt);
    return r.ok() ? Reply(200, ToJson(*r)) : Error(r.status());
  }
  if (m == "POST" && Match(req.path, "/claims", a)) {
    if (actor->role != "facility" && actor->role != "officer")
      return Error(Status::Error("forbidden", "Authorization", "Chỉ cơ sở KCB hoặc cán bộ được gửi hồ sơ", "facilities and officers only"));
    auto key = req.headers.find("idempotency-key");
    auto cat = ctx.CurrentCatalogue();
    ReviewDeps deps{ctx.claims, ctx.law, *ctx.cards, *cat};
    auto r = SubmitClaims(db, deps, req.body, key == req.headers.end() ? "" : key->second, *actor);
    if (!r.ok()) return Error(r.status());
    return Reply(r->replayed ? 200 : 201, ToJson(*r));
  }
  if (m == "POST" && Match(req.path, "/catalogues/{kind}", a)) {
    if (Status s = RequireOfficer(*actor); !s.ok()) return Error(s);
    auto r = ImportCatalogue(db, a[0], req.body, *actor);
    if (!r.ok()) return Error(r.status());
    if (r->accepted) (void)ctx.LoadCatalogue();
    return Reply(r->accepted ? 201 : 422, ToJson(*r));
  }
  if (m == "GET" && Match(req.path, "/settlements", a)) {
    if (actor->role == "facility" && actor->facility_code != Q(req, "facility"))
      return Error(Status::Error("forbidden", "facility", "Chỉ xem quyết toán của cơ sở mình", "own facility only"));
    auto r = SettleQuarter(db, Q(req, "facility"), Q(req, "quarter"));
    return r.ok() ? Reply(200, ToJson(*r)) : Error(r.status());
  }
  if (m == "POST" && Match(req.path, "/advances", a)) {
    if (Status s = RequireOfficer(*actor); !s.ok()) return Error(s);
    auto body = ParseJsonBody(req.body);
    if (!body.ok()) return Error(body.status());
    if (!body->is_object()) return Error(Status::Invalid("body", "Cần đối tượng JSON", "object expected"));
    auto str = [&](const char* k) { return body->contains(k) && (*body)[k].is_string() ? (*body)[k].get<std::string>() : (body->contains(k) ? (*body)[k].dump() : ""); };
    Status s = RecordAdvance(db, {str("facility"), str("quarter"), str("amount"), str("paid_on"), str("reference")}, *actor);
    return s.ok() ? Reply(201, {{"recorded", true}}) : Error(s);
  }
  if (m == "GET" && Match(req.path, "/drug-prices", a)) {
    auto r = PublishedPrices(db, Q(req, "province"), Q(req, "facility"), Q(req, "date"));
    if (!r.ok()) return Error(r.status());
    if (Q(req, "format") == "csv") return {200, "text/csv; charset=utf-8", PricesCsv(*r)};
    if (Q(req, "format") == "xlsx") {
      auto x = PricesXlsx(*r);
      if (!x.ok()) return Error(x.status());
      return {200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", *x};
    }
    nlohmann::json out = nlohmann::json::array();
    for (const auto& p : *r) out.push_back(ToJson(p));
    return Reply(200, {{"prices", out}});
  }
  if (m == "GET" && Match(req.path, "/alerts", a)) {
    auto d = DateParam(req, "date");
    if (!d.ok()) return Error(d.status());
    auto cat = ctx.CurrentCatalogue();
    auto r = DailyAlerts(db, *cat, ctx.alert_params, *d, Q(req, "province"));
    if (!r.ok()) return Error(r.status());
    if (!Q(req, "facility").empty()) {
      std::erase_if(r->alerts, [&](const CostAlert& x) { return x.facility != Q(req, "facility"); });
    }
    if (actor->role == "facility")
      std::erase_if(r->alerts, [&](const CostAlert& x) { return x.facility != actor->facility_code; });
    if (Q(req, "format") == "csv") return {200, "text/csv; charset=utf-8", AlertsCsv(*r)};
    return Reply(200, ToJson(*r));
  }
  if (m == "GET" && Match(req.path, "/audit", a)) {
    if (Status s = RequireOfficer(*actor); !s.ok()) return Error(s);
    auto r = RecentAudit(db, std::max(1, std::min(1000, std::atoi(Q(req, "limit", "100").c_str()))), Q(req, "key"));
    if (!r.ok()) return Error(r.status());
    nlohmann::json out = nlohmann::json::array();
    for (const auto& e : *r)
      out.push_back({{"id", e.id}, {"at", e.at}, {"actor", e.actor}, {"action", e.action}, {"entity", e.entity},
                     {"entity_key", e.entity_key}, {"detail", e.detail}});
    return Reply(200, {{"entries", out}});
  }
  return Error(Status::Error("not_found", "path", "Không có đường dẫn " + m + " " + req.path,
                             "no route " + m + " " + req.path));
}

}  // namespace bhxh
