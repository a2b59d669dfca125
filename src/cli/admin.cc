// `childmaint admin token --role caseworker|team_leader|auditor`: a new bearer token, printed
// alone on one line; only its SHA-256 is stored. `childmaint admin outbox [--case REF]`: the
// notifications outbox as JSON lines, for operators until a GOV.UK Notify adapter exists.
// `childmaint admin account --role ROLE --name NAME`: a caseworker console account; its generated
// password is printed alone on one line and stored only as an Argon2id hash.
#include <cstdio>

#include "api/accounts.h"
#include "api/crypto.h"
#include "base/clock.h"
#include "base/json.h"
#include "cases/references.h"
#include "cli/service_commands.h"
#include "cli/setup.h"
#include "store/case_repository.h"

namespace childmaint::cli {

int RunAdminToken(const std::string& db_url, const std::string& role, const std::string& name) {
  constexpr int kExitFailure = 1;
  if (!api::InitCrypto()) {
    return kExitFailure;
  }
  const auto pool = OpenDatabase(db_url, 1);
  if (!pool) {
    return kExitFailure;
  }
  auto db = pool->Acquire();
  const std::string token = api::RandomToken();
  const std::string now = IsoTimestamp(SystemClock::Get().NowUnixSeconds());
  const Status s = store::InTransaction(*db, [&]() -> Status {
    CMS_TRY(db->Exec("INSERT INTO tokens (token_hash, role, name, created_at) VALUES (?, ?, ?, ?)",
                     {store::Value(api::Sha256Hex(token)), store::Value(role), store::Value(name),
                      store::Value(now)}));
    Json detail = Json::Object();
    detail.Set("role", Json(role)).Set("name", Json(name));
    return store::Audit(*db, "admin", "token_created", std::nullopt, detail, now);
  });
  if (!s) {
    std::fprintf(stderr, "childmaint: %s\n", s.error().message.c_str());
    return kExitFailure;
  }
  std::printf("%s\n", token.c_str());
  return 0;
}

int RunAdminOutbox(const std::string& db_url, const std::string& case_reference) {
  constexpr int kExitFailure = 1;
  std::string reference;
  if (!case_reference.empty()) {
    auto parsed = cases::ParseCaseReference(case_reference);
    if (!parsed) {
      std::fprintf(stderr, "childmaint: --case: %s\n", parsed.error().message.c_str());
      return kExitFailure;
    }
    reference = *parsed;
  }
  const auto pool = OpenDatabase(db_url, 1);
  if (!pool) {
    return kExitFailure;
  }
  auto db = pool->Acquire();
  const auto rows = db->Query(
      "SELECT o.id, c.reference, o.party_id, o.channel, o.recipient, o.template, o.body, "
      "o.created_at FROM outbox o JOIN cases c ON c.id = o.case_id WHERE (? = '' OR "
      "c.reference = ?) ORDER BY o.id",
      {store::Value(reference), store::Value(reference)});
  if (!rows) {
    std::fprintf(stderr, "childmaint: %s\n", rows.error().message.c_str());
    return kExitFailure;
  }
  for (const store::Row& r : *rows) {
    Json j = Json::Object();
    j.Set("id", Json(r.Int(0))).Set("case_reference", Json(r.Text(1)));
    j.Set("party_id", Json(r.Int(2))).Set("channel", Json(r.Text(3)));
    j.Set("to", Json(r.Text(4))).Set("template", Json(r.Text(5)));
    j.Set("text", Json(r.Text(6))).Set("created_at", Json(r.Text(7)));
    std::printf("%s\n", j.Dump().c_str());
  }
  return 0;
}

int RunAdminAccount(const std::string& db_url, const std::string& role, const std::string& name) {
  constexpr int kExitFailure = 1;
  if (!api::InitCrypto()) {
    return kExitFailure;
  }
  const auto law = LoadLaw();
  const auto pool = law ? OpenDatabase(db_url, 1) : nullptr;
  if (!pool) {
    return kExitFailure;
  }
  api::Context ctx{*law, *pool, SystemClock::Get()};
  const auto password = api::CreateAccount(ctx, role, name);
  if (!password) {
    std::fprintf(stderr, "childmaint: %s: %s\n", password.error().field.c_str(),
                 password.error().message.c_str());
    return kExitFailure;
  }
  std::printf("%s\n", password->c_str());
  return 0;
}

}  // namespace childmaint::cli
