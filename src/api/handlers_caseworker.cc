// The caseworkers' own endpoints (the console uses them; so can any program with a token):
// finding cases by reference, name, NI number or postcode, and resolving a work item.
#include <algorithm>
#include <cctype>

#include "api/body.h"
#include "api/handler_util.h"
#include "api/problem.h"
#include "api/route_table.h"
#include "cases/references.h"
#include "store/case_repository.h"

namespace childmaint::api {

namespace {

constexpr int kOk = 200;
constexpr int kUnprocessable = 422;
constexpr std::size_t kMaxIdDigits = 18;
constexpr std::size_t kMinQuery = 2;
constexpr std::size_t kMaxQuery = 100;
constexpr std::int64_t kMaxResults = 50;
constexpr std::size_t kMaxNote = 1000;

std::string Upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return s;
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// "%text%" for LIKE, with LIKE's own characters escaped.
std::string LikePattern(std::string_view text) {
  std::string out = "%";
  for (const char c : text) {
    if (c == '%' || c == '_' || c == '\\') {
      out.push_back('\\');
    }
    out.push_back(c);
  }
  return out + "%";
}

std::string WithoutSpaces(std::string_view s) {
  std::string out;
  for (const char c : s) {
    if (c != ' ') {
      out.push_back(c);
    }
  }
  return out;
}

// GET /cases?q=TEXT: cases whose reference, a party's NI number or postcode equals TEXT, or a
// party's name contains it; newest first, at most 50.
HttpResponse SearchCases(Context& ctx, const Caller&, const HttpRequest& req, const PathParams&) {
  std::string q = PercentDecode(QueryParam(req, "q"));
  while (!q.empty() && q.back() == ' ') {
    q.pop_back();
  }
  q.erase(0, std::min(q.find_first_not_of(' '), q.size()));
  if (q.size() < kMinQuery || q.size() > kMaxQuery) {
    return Problem(kUnprocessable, "Invalid search", "Search for at least 2 and at most 100 characters.",
                   {{"q", "invalid_field", "2 to 100 characters"}});
  }
  const std::string reference = cases::ParseCaseReference(q).value_or("");
  const std::string ni = cases::ParseNiNumber(q).value_or("");
  auto db = ctx.pool.Acquire();
  auto rows = db->Query(
      "SELECT DISTINCT c.id, c.reference, c.status FROM cases c JOIN parties p ON p.case_id = c.id "
      "WHERE c.reference = ? OR p.ni_number = ? OR REPLACE(UPPER(p.address_postcode), ' ', '') = ? "
      "OR LOWER(p.name) LIKE ? ESCAPE '\\' ORDER BY c.id DESC LIMIT ?",
      {store::Value(reference), store::Value(ni), store::Value(Upper(WithoutSpaces(q))),
       store::Value(LikePattern(Lower(q))), store::Value(kMaxResults)});
  if (!rows) {
    return FromError(rows.error());
  }
  Json items = Json::Array();
  for (const store::Row& r : *rows) {
    auto parties = db->Query("SELECT role, name, domestic_abuse FROM parties WHERE case_id = ? "
                             "ORDER BY id",
                             {store::Value(r.Int(0))});
    if (!parties) {
      return FromError(parties.error());
    }
    Json list = Json::Array();
    for (const store::Row& p : *parties) {
      Json pj = Json::Object();
      pj.Set("role", Json(p.Text(0))).Set("name", Json(p.Text(1)));
      pj.Set("domestic_abuse_protection", Json(p.Int(2) != 0));
      list.Push(std::move(pj));
    }
    Json item = Json::Object();
    item.Set("case_reference", Json(r.Text(1))).Set("status", Json(r.Text(2)));
    item.Set("parties", std::move(list));
    items.Push(std::move(item));
  }
  Json out = Json::Object();
  out.Set("q", Json(q)).Set("items", std::move(items));
  return JsonResponse(kOk, out);
}

// POST /work-items/{id}/resolution {"note"}: a caseworker closes an open work item.
HttpResponse ResolveWorkItem(Context& ctx, const Caller& caller, const HttpRequest& req,
                             const PathParams& p) {
  auto root = ParseBody(req);
  if (!root) {
    return FromError(root.error());
  }
  Body b(*root);
  const std::string note = b.Text("note", kMaxNote);
  if (!b.ok()) {
    return b.Problem();
  }
  return InTransaction(ctx, [&](store::Db& db) -> Result<HttpResponse> {
    const auto not_found = Error::Make(ErrorCode::kNotFound, "work_item.not_found",
                                       "no such work item");
    if (p[0].empty() || p[0].size() > kMaxIdDigits ||
        p[0].find_first_not_of("0123456789") != std::string::npos) {
      return not_found;
    }
    const std::int64_t id = std::stoll(p[0]);
    CMS_ASSIGN_OR_RETURN(auto row, db.MaybeOne("SELECT status, case_id, kind FROM work_items "
                                               "WHERE id = ?",
                                               {store::Value(id)}));
    if (!row) {
      return not_found;
    }
    if (row->Text(0) != "open") {
      return Error::Make(ErrorCode::kFailedPrecondition, "work_item.closed",
                         "this work item is already closed");
    }
    const std::string now = NowIso(ctx);
    CMS_TRY(db.Exec("UPDATE work_items SET status = 'closed', closed_at = ?, resolution = ? "
                    "WHERE id = ?",
                    {store::Value(now), store::Value(note), store::Value(id)}));
    Json detail = Json::Object();  // never the note: it may hold personal details
    detail.Set("work_item_id", Json(id)).Set("kind", Json(row->Text(2)));
    const std::optional<std::int64_t> case_id = row->OptInt(1);
    CMS_TRY(store::Audit(db, caller.Actor(), "work_item_resolved", case_id, detail, now));
    Json out = Json::Object();
    out.Set("id", Json(id)).Set("kind", Json(row->Text(2))).Set("status", Json("closed"));
    out.Set("closed_at", Json(now)).Set("resolution", Json(note));
    return JsonResponse(kOk, out);
  });
}

}  // namespace

std::span<const RouteEntry> CaseworkerRoutes() {
  static constexpr RouteEntry kRoutes[] = {
      {"GET", "/api/v1/cases", Access::kCaseworker, &SearchCases},
      {"POST", "/api/v1/work-items/{}/resolution", Access::kCaseworkerWrite, &ResolveWorkItem},
  };
  return kRoutes;
}

}  // namespace childmaint::api
