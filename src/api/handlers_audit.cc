// The audit trail (service.md §9): every change with who did it and when, per case or all of it a
// page at a time (caseworkers only).
#include <array>

#include "api/handler_util.h"
#include "api/route_table.h"

namespace childmaint::api {

namespace {

constexpr std::int64_t kDefaultAuditLimit = 100;
constexpr std::int64_t kMaxAuditLimit = 1000;
constexpr std::int64_t kMaxId = 1'000'000'000'000'000;

Result<Json> AuditItems(store::Db& db, std::string_view where, const std::vector<store::Value>& params) {
  const std::string sql =
      "SELECT a.id, a.at, a.actor, a.action, a.detail, k.reference FROM audit a LEFT JOIN cases k "
      "ON k.id = a.case_id WHERE " + std::string(where);
  CMS_ASSIGN_OR_RETURN(const auto rows, db.Query(sql, params));
  Json items = Json::Array();
  for (const store::Row& r : rows) {
    Json j = Json::Object();
    j.Set("id", Json(r.Int(0)));
    j.Set("at", Json(r.Text(1)));
    j.Set("actor", Json(r.Text(2)));
    j.Set("action", Json(r.Text(3)));
    j.Set("case_reference", r.IsNull(5) ? Json() : Json(r.Text(5)));
    auto detail = Json::Parse(r.Text(4));
    j.Set("detail", detail ? *detail : Json());
    items.Push(std::move(j));
  }
  return items;
}

// GET /cases/{ref}/audit: the case's audit trail, oldest first.
HttpResponse CaseAudit(Context& ctx, const Caller& caller, const HttpRequest&, const PathParams& p) {
  return ReadJson(ctx, [&](store::Db& db) -> Result<Json> {
    CMS_ASSIGN_OR_RETURN(const cases::Case kase, LoadCaseFor(db, caller, p[0]));
    CMS_ASSIGN_OR_RETURN(Json items, AuditItems(db, "a.case_id = ? ORDER BY a.id", {kase.id}));
    Json out = Json::Object();
    out.Set("case_reference", Json(kase.reference));
    out.Set("items", std::move(items));
    return out;
  });
}

// GET /audit?since_id=N&limit=M: everything after entry N, oldest first, a page at a time.
HttpResponse AllAudit(Context& ctx, const Caller&, const HttpRequest& req, const PathParams&) {
  return ReadJson(ctx, [&](store::Db& db) -> Result<Json> {
    CMS_ASSIGN_OR_RETURN(const std::int64_t since, IntParam(req, "since_id", 0, 0, kMaxId));
    CMS_ASSIGN_OR_RETURN(const std::int64_t limit,
                         IntParam(req, "limit", kDefaultAuditLimit, 1, kMaxAuditLimit));
    CMS_ASSIGN_OR_RETURN(Json items,
                         AuditItems(db, "a.id > ? ORDER BY a.id LIMIT ?", {since, limit}));
    const std::int64_t next = items.items().empty() ? since : items.items().back().Find("id")->AsInt();
    Json out = Json::Object();
    out.Set("items", std::move(items));
    out.Set("next_since_id", Json(next));
    return out;
  });
}

constexpr std::array<RouteEntry, 2> kRoutes = {{
    {"GET", "/api/v1/cases/{}/audit", Access::kCaseworker, &CaseAudit},
    {"GET", "/api/v1/audit", Access::kCaseworker, &AllAudit},
}};

}  // namespace

std::span<const RouteEntry> AuditRoutes() { return kRoutes; }

}  // namespace childmaint::api
