// Secure messages (service.md §9): a parent writes to the service and reads the service's
// replies at any hour; a caseworker reads a case's messages and writes to one party. A parent
// sees only their own party's messages, never the other parent's.
#include "api/body.h"
#include "api/handler_util.h"
#include "api/problem.h"
#include "api/route_table.h"
#include "store/case_repository.h"

namespace childmaint::api {

namespace {

constexpr int kCreated = 201;
constexpr std::size_t kMaxBody = 5000;

Json MessageJson(const store::Row& r) {
  Json j = Json::Object();
  j.Set("id", Json(r.Int(0))).Set("party_id", Json(r.Int(1)));
  j.Set("direction", Json(r.Text(2))).Set("body", Json(r.Text(3)));
  j.Set("sent_at", Json(r.Text(4)));
  return j;
}

HttpResponse ListMessages(Context& ctx, const Caller& caller, const HttpRequest&,
                          const PathParams& p) {
  return ReadCase(ctx, caller, p[0], [&](store::Db& db, const cases::Case& c) -> Result<Json> {
    // A parent: only their own party's messages. A caseworker: all of the case's.
    CMS_ASSIGN_OR_RETURN(
        const auto rows,
        db.Query("SELECT id, party_id, direction, body, sent_at FROM messages WHERE case_id = ? "
                 "AND (? = 0 OR party_id = ?) ORDER BY id",
                 {store::Value(c.id), store::Value(caller.IsParent() ? 1 : 0),
                  store::Value(caller.party_id)}));
    Json list = Json::Array();
    for (const store::Row& r : rows) {
      list.Push(MessageJson(r));
    }
    Json out = Json::Object();
    out.Set("messages", std::move(list));
    return out;
  });
}

HttpResponse SendMessage(Context& ctx, const Caller& caller, const HttpRequest& req,
                         const PathParams& p) {
  auto root = ParseBody(req);
  if (!root) {
    return FromError(root.error());
  }
  Body b(*root);
  const std::string text = b.Text("body", kMaxBody);
  const std::optional<std::int64_t> to_party =
      caller.IsCaseworker() ? b.OptInt("party_id", 1, INT64_MAX) : std::nullopt;
  if (caller.IsCaseworker() && !to_party) {
    b.Fail("party_id", "missing_field", "the party of the case the message is for");
  }
  if (!b.ok()) {
    return b.Problem();
  }
  return InTransaction(ctx, [&](store::Db& db) -> Result<HttpResponse> {
    CMS_ASSIGN_OR_RETURN(const cases::Case c, LoadCaseFor(db, caller, p[0]));
    const std::int64_t party = caller.IsParent() ? caller.party_id : *to_party;
    if (c.FindParty(party) == nullptr) {
      return Error::Make(ErrorCode::kInvalidArgument, "invalid_field", "is not a party of this case",
                         "party_id");
    }
    const std::string direction = caller.IsParent() ? "to_service" : "to_parent";
    CMS_ASSIGN_OR_RETURN(
        const std::int64_t id,
        db.Insert("INSERT INTO messages (case_id, party_id, direction, body, sent_at, sent_by) "
                  "VALUES (?, ?, ?, ?, ?, ?)",
                  {store::Value(c.id), store::Value(party), store::Value(direction),
                   store::Value(text), store::Value(NowIso(ctx)), store::Value(caller.Actor())}));
    Json detail = Json::Object();  // never the message text
    detail.Set("message_id", Json(id)).Set("direction", Json(direction));
    CMS_TRY(store::Audit(db, caller.Actor(), "message_sent", c.id, detail, NowIso(ctx)));
    CMS_ASSIGN_OR_RETURN(const store::Row row,
                         db.One("SELECT id, party_id, direction, body, sent_at FROM messages "
                                "WHERE id = ?",
                                {store::Value(id)}));
    return JsonResponse(kCreated, MessageJson(row));
  });
}

}  // namespace

std::span<const RouteEntry> MessageRoutes() {
  static constexpr RouteEntry kRoutes[] = {
      {"GET", "/api/v1/cases/{}/messages", Access::kCaseParty, &ListMessages},
      {"POST", "/api/v1/cases/{}/messages", Access::kCasePartyWrite, &SendMessage},
  };
  return kRoutes;
}

}  // namespace childmaint::api
