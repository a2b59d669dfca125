#include "api/router.h"

#include <array>
#include <functional>

#include "api/accounts.h"
#include "api/attempts.h"
#include "api/handlers.h"
#include "api/route_table.h"
#include "api/problem.h"
#include "api/url_encoding.h"
#include "store/db.h"

namespace childmaint::api {

namespace {

const std::array<RouteEntry, 18> kCoreRoutes = {{
    {"GET", "/api/v1/health", Access::kAnyone, &Health},
    {"GET", "/api/v1/openapi.json", Access::kAnyone, &OpenApi},
    {"POST", "/api/v1/calculations", Access::kAnyone, &Calculate},
    {"POST", "/api/v1/session", Access::kAnyone, &SignIn},
    {"DELETE", "/api/v1/session", Access::kAnyone, &SignOut},
    {"POST", "/api/v1/session/pin", Access::kAnyone, &ChangeOwnPin},
    {"POST", "/api/v1/applications", Access::kCaseworkerWrite, &CreateApplication},
    {"GET", "/api/v1/applications/{}", Access::kCaseworker, &GetApplication},
    {"POST", "/api/v1/applications/{}/traced-address", Access::kCaseworkerWrite,
     &RecordTracedAddress},
    {"GET", "/api/v1/work-items", Access::kCaseworker, &ListWorkItems},
    {"GET", "/api/v1/cases/{}", Access::kCaseParty, &GetCase},
    {"POST", "/api/v1/cases/{}/application-fee", Access::kCaseworkerWrite, &RecordApplicationFee},
    {"POST", "/api/v1/cases/{}/decisions", Access::kCaseworkerWrite, &MakeDecision},
    {"GET", "/api/v1/cases/{}/decisions", Access::kCaseParty, &ListDecisions},
    {"GET", "/api/v1/cases/{}/schedule", Access::kCaseParty, &GetSchedule},
    {"GET", "/api/v1/cases/{}/statement", Access::kCaseParty, &GetStatement},
    {"POST", "/api/v1/cases/{}/payments", Access::kCaseworkerWrite, &RecordPayment},
    {"POST", "/api/v1/cases/{}/postings/{}/reversal", Access::kCaseworkerWrite, &ReversePosting},
}};

// Every route: the core ones here, then each area's own table (route_table.h).
std::vector<RouteEntry> AllRoutes() {
  std::vector<RouteEntry> all(kCoreRoutes.begin(), kCoreRoutes.end());
  for (const auto area : {EnforcementRoutes(), ReconsiderationRoutes(), ComplaintRoutes(),
                          ChangeRoutes(), ParentageRoutes(), MessageRoutes(), PinCodeRoutes(),
                          DocumentRoutes(), CaseworkerRoutes(), AuditRoutes()}) {
    all.insert(all.end(), area.begin(), area.end());
  }
  return all;
}

std::vector<std::string_view> Split(std::string_view path) {
  std::vector<std::string_view> parts;
  while (!path.empty()) {
    if (path.front() == '/') {
      path.remove_prefix(1);
      continue;
    }
    const auto slash = path.find('/');
    parts.push_back(path.substr(0, slash));
    path = slash == std::string_view::npos ? std::string_view() : path.substr(slash);
  }
  return parts;
}

bool Match(std::string_view pattern, const std::vector<std::string_view>& path, PathParams& params) {
  const auto want = Split(pattern);
  if (want.size() != path.size()) {
    return false;
  }
  params.clear();
  for (std::size_t i = 0; i < want.size(); ++i) {
    if (want[i] == "{}") {
      params.emplace_back(path[i]);
    } else if (want[i] != path[i]) {
      return false;
    }
  }
  return true;
}


// Who is calling: a bearer token (caseworkers), a console session cookie (caseworkers' accounts)
// or a session cookie (parents).
Result<Caller> Authenticate(Context& ctx, const HttpRequest& req) {
  Caller caller;
  auto db = ctx.pool.Acquire();
  if (const std::string* auth = req.Header("authorization"); auth != nullptr) {
    constexpr std::string_view kBearer = "Bearer ";
    if (auth->size() <= kBearer.size() || auth->compare(0, kBearer.size(), kBearer) != 0) {
      return Error::Make(ErrorCode::kUnauthenticated, "auth.bad_header",
                         "use Authorization: Bearer TOKEN");
    }
    CMS_ASSIGN_OR_RETURN(auto row, db->MaybeOne("SELECT id, role FROM tokens WHERE token_hash = ?",
                                                {store::Value(Sha256Hex(auth->substr(kBearer.size())))}));
    if (!row) {
      return Error::Make(ErrorCode::kUnauthenticated, "auth.bad_token", "the token is not valid");
    }
    caller.kind = Caller::Kind::kCaseworker;
    caller.token_id = row->Int(0);
    caller.role = row->Text(1);
    return caller;
  }
  // A console account's session (its cookie is sent only under /console; the console calls the
  // API in-process with the browser's headers).
  if (const std::string console = CookieValue(req, kConsoleCookie); !console.empty()) {
    CMS_ASSIGN_OR_RETURN(auto account, ConsoleCaller(ctx, *db, console));
    if (account) {
      return *account;
    }
  }
  const std::string session = SessionCookieValue(req);
  if (session.empty()) {
    return caller;
  }
  const std::int64_t now = ctx.clock.NowUnixSeconds();
  const std::string id_hash = Sha256Hex(session);
  CMS_ASSIGN_OR_RETURN(auto row, db->MaybeOne("SELECT case_id, party_id, last_seen_at FROM "
                                              "sessions WHERE id_hash = ?",
                                              {store::Value(id_hash)}));
  CMS_ASSIGN_OR_RETURN(const std::int64_t idle_limit, SessionIdleSeconds(ctx));
  if (!row || now - row->Int(2) > idle_limit) {
    return caller;  // expired or unknown: treated as not signed in
  }
  CMS_TRY(db->Exec("UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?",
                   {store::Value(now), store::Value(id_hash)}));
  caller.kind = Caller::Kind::kParent;
  caller.case_id = row->Int(0);
  caller.party_id = row->Int(1);
  return caller;
}

void SecurityHeaders(HttpResponse& r) {
  r.headers.emplace_back("X-Content-Type-Options", "nosniff");
  r.headers.emplace_back("Cache-Control", "no-store");
  r.headers.emplace_back("Referrer-Policy", "no-referrer");
}

}  // namespace

std::vector<std::pair<std::string, std::string>> RouteList() {
  std::vector<std::pair<std::string, std::string>> out;
  for (const RouteEntry& r : AllRoutes()) {
    out.emplace_back(std::string(r.method), std::string(r.pattern));
  }
  return out;
}

std::string Caller::Actor() const {
  switch (kind) {
    case Kind::kCaseworker:
      return account_id != 0 ? role + ":account:" + account_name
                             : role + ":" + std::to_string(token_id);
    case Kind::kParent:
      return "parent:" + std::to_string(party_id);
    case Kind::kAnonymous:
      break;
  }
  return "anonymous";
}

std::string CookieValue(const HttpRequest& req, std::string_view name) {
  const std::string* header = req.Header("cookie");
  return header == nullptr ? std::string() : CookieIn(*header, name);
}

std::string SessionCookieValue(const HttpRequest& req) { return CookieValue(req, kSessionCookie); }

Result<Caller> CallerOf(Context& ctx, const HttpRequest& req) { return Authenticate(ctx, req); }

std::string QueryParam(const HttpRequest& req, std::string_view name) {
  const auto q = req.target.find('?');
  if (q == std::string::npos) {
    return {};
  }
  std::string_view s = std::string_view(req.target).substr(q + 1);
  while (!s.empty()) {
    const auto amp = s.find('&');
    const std::string_view part = s.substr(0, amp);
    if (part.size() > name.size() && part.substr(0, name.size()) == name &&
        part[name.size()] == '=') {
      return std::string(part.substr(name.size() + 1));
    }
    s = amp == std::string_view::npos ? std::string_view() : s.substr(amp + 1);
  }
  return {};
}

HttpResponse Route(Context& ctx, const HttpRequest& req) {
  const std::string_view target = req.target;
  const auto path = Split(target.substr(0, target.find('?')));
  PathParams params;
  const RouteEntry* found = nullptr;
  bool path_known = false;
  static const std::vector<RouteEntry> kRoutes = AllRoutes();
  for (const RouteEntry& r : kRoutes) {
    if (Match(r.pattern, path, params)) {
      path_known = true;
      if (r.method == req.method) {
        found = &r;
        break;
      }
    }
  }
  HttpResponse res;
  constexpr int kMethodNotAllowed = 405;
  constexpr int kForbidden = 403;
  if (found == nullptr) {
    res = path_known ? Problem(kMethodNotAllowed, "Method not allowed", "Try another method.")
                     : Problem(404, "Not found", "There is nothing at this address.");
  } else {
    Match(found->pattern, path, params);
    auto caller = Authenticate(ctx, req);
    if (!caller) {
      res = FromError(caller.error());
    } else if ((found->access == Access::kCaseworker || found->access == Access::kCaseworkerWrite ||
                found->access == Access::kTeamLeader) &&
               !caller->IsCaseworker()) {
      res = FromError(Error::Make(ErrorCode::kUnauthenticated, "auth.required",
                                  "this needs a caseworker's bearer token"));
    } else if ((found->access == Access::kCaseworkerWrite ||
                found->access == Access::kTeamLeader ||
                (found->access == Access::kCasePartyWrite && caller->IsCaseworker())) &&
               !caller->CanWrite()) {
      res = Problem(kForbidden, "Read only", "An auditor's token cannot change anything.");
    } else if (found->access == Access::kTeamLeader && caller->role != "team_leader") {
      res = Problem(kForbidden, "Team leader only", "This action needs a team leader.");
    } else if ((found->access == Access::kCaseParty || found->access == Access::kCasePartyWrite) &&
               caller->kind == Caller::Kind::kAnonymous) {
      res = FromError(Error::Make(ErrorCode::kUnauthenticated, "auth.required",
                                  "sign in, or use a caseworker's bearer token"));
    } else {
      res = found->fn(ctx, *caller, req, params);
    }
  }
  SecurityHeaders(res);
  return res;
}

}  // namespace childmaint::api
