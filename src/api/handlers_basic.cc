// Health, the OpenAPI document, the calculation over HTTP, and parents' sign-in.
#include "api/body.h"
#include "api/handler_util.h"
#include "api/handlers.h"
#include "api/openapi_bundle.h"
#include "api/problem.h"
#include "api/router.h"
#include "calc/calculate.h"
#include "cases/references.h"
#include "contract/request_reader.h"
#include "contract/response_writer.h"
#include "store/case_repository.h"

namespace childmaint::api {

namespace {
constexpr int kOk = 200;
constexpr int kNoContent = 204;
constexpr int kMaxFailures = 5;
constexpr std::int64_t kLockSeconds = 30 * 60;
constexpr std::size_t kPinDigits = 7;
}  // namespace

HttpResponse Health(Context&, const Caller&, const HttpRequest&, const PathParams&) {
  Json j = Json::Object();
  j.Set("status", Json("ok"));
  return JsonResponse(kOk, j);
}

HttpResponse OpenApi(Context&, const Caller&, const HttpRequest&, const PathParams&) {
  HttpResponse r;
  r.headers.emplace_back("Content-Type", "application/json");
  r.body = std::string(EmbeddedOpenApi().front().text);
  return r;
}

HttpResponse Calculate(Context& ctx, const Caller&, const HttpRequest& req, const PathParams&) {
  contract::RequestReader reader(ctx.law);
  calc::Request request;
  calc::Result result;
  calc::Trace trace(true);
  Status s = reader.ReadString(req.body, request);
  if (s) {
    s = calc::Calculate(request, ctx.law, result, trace);
  }
  if (!s) {
    return FromError(Error::Make(ErrorCode::kInvalidArgument, s.error().reason, s.error().message,
                                 s.error().field));
  }
  HttpResponse r;
  r.headers.emplace_back("Content-Type", "application/json");
  contract::WriteResponse(request, result, &trace, r.body);
  return r;
}

// POST /session: case reference + NI number + PIN. Every wrong part gets the same answer; five
// failures in a row lock that (reference, NI number) pair for 30 minutes (api.md, service.md §9).
HttpResponse SignIn(Context& ctx, const Caller&, const HttpRequest& req, const PathParams&) {
  auto root = ParseBody(req);
  if (!root) {
    return FromError(root.error());
  }
  Body b(*root);
  const std::string ref_text = b.Text("case_reference", 40);
  const std::string ni_text = b.Text("ni_number", 20);
  const std::string pin = b.Text("pin", 20);
  if (!b.ok()) {
    return b.Problem();
  }
  // Keys for counting attempts: the normalised forms where they parse, else the text as sent.
  const std::string ref_key = cases::ParseCaseReference(ref_text).value_or(ref_text);
  const std::string ni_key = cases::ParseNiNumber(ni_text).value_or(ni_text);
  const std::int64_t now = ctx.clock.NowUnixSeconds();
  const Error wrong = Error::Make(ErrorCode::kUnauthenticated, "session.wrong_details",
                                  "We could not sign you in with those details.");
  std::string cookie_value;
  HttpResponse res = InTransaction(ctx, [&](store::Db& db) -> Result<HttpResponse> {
    CMS_ASSIGN_OR_RETURN(auto attempts,
                         db.MaybeOne("SELECT failures, locked_until FROM sign_in_attempts WHERE "
                                     "case_reference = ? AND ni_number = ?",
                                     {store::Value(ref_key), store::Value(ni_key)}));
    if (attempts && attempts->Int(1) > now) {
      return Error::Make(ErrorCode::kOutOfRange, "session.locked",
                         "Too many attempts. Try again later.",
                         std::to_string(attempts->Int(1) - now));
    }
    std::int64_t case_id = 0;
    std::int64_t party_id = 0;
    if (auto ref = cases::ParseCaseReference(ref_text); ref && pin.size() == kPinDigits) {
      if (auto c = store::LoadCase(db, *ref); c) {
        for (const cases::Party& p : c->parties) {
          if (p.ni_number && *p.ni_number == ni_key && p.pin_hash && VerifyPin(*p.pin_hash, pin)) {
            case_id = c->id;
            party_id = p.id;
          }
        }
      }
    }
    if (case_id == 0) {
      const std::int64_t failures = (attempts ? attempts->Int(0) : 0) + 1;
      const std::int64_t locked_until = failures >= kMaxFailures ? now + kLockSeconds : 0;
      CMS_TRY(db.Exec("INSERT INTO sign_in_attempts (case_reference, ni_number, failures, "
                      "locked_until) VALUES (?, ?, ?, ?) ON CONFLICT (case_reference, ni_number) "
                      "DO UPDATE SET failures = excluded.failures, locked_until = "
                      "excluded.locked_until",
                      {store::Value(ref_key), store::Value(ni_key), store::Value(failures),
                       store::Value(locked_until)}));
      Json detail = Json::Object();
      detail.Set("failures", Json(failures)).Set("locked", Json(locked_until > 0));
      CMS_TRY(store::Audit(db, "anonymous", "sign_in_failed", std::nullopt, detail, NowIso(ctx)));
      // Commit the count, then answer 401 (returned as a response, not an error, so it sticks).
      return FromError(wrong);
    }
    CMS_TRY(db.Exec("DELETE FROM sign_in_attempts WHERE case_reference = ? AND ni_number = ?",
                    {store::Value(ref_key), store::Value(ni_key)}));
    cookie_value = RandomToken();
    CMS_TRY(db.Exec("INSERT INTO sessions (id_hash, case_id, party_id, csrf_token, created_at, "
                    "last_seen_at) VALUES (?, ?, ?, ?, ?, ?)",
                    {store::Value(Sha256Hex(cookie_value)), store::Value(case_id),
                     store::Value(party_id), store::Value(RandomToken()), store::Value(now),
                     store::Value(now)}));
    CMS_TRY(store::Audit(db, "parent:" + std::to_string(party_id), "signed_in", case_id,
                         Json::Object(), NowIso(ctx)));
    Json body = Json::Object();
    body.Set("case_reference", Json(ref_key));
    return JsonResponse(kOk, body);
  });
  if (res.status == kOk) {
    const std::string* proto = req.Header("x-forwarded-proto");
    const bool tls = proto != nullptr && *proto == "https";
    res.headers.emplace_back("Set-Cookie", std::string(kSessionCookie) + "=" + cookie_value +
                                               "; Path=/; HttpOnly; SameSite=Strict" +
                                               (tls ? "; Secure" : ""));
  }
  return res;
}

HttpResponse SignOut(Context& ctx, const Caller& caller, const HttpRequest& req, const PathParams&) {
  const std::string* cookie = req.Header("cookie");
  if (caller.IsParent() && cookie != nullptr) {
    auto db = ctx.pool.Acquire();
    (void)db->Exec("DELETE FROM sessions WHERE party_id = ?", {store::Value(caller.party_id)});
  }
  HttpResponse r;
  r.status = kNoContent;
  r.headers.emplace_back("Set-Cookie", std::string(kSessionCookie) +
                                           "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
  return r;
}

}  // namespace childmaint::api
