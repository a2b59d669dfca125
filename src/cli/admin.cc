// `childmaint admin token --role caseworker|team_leader|auditor`: a new bearer token, printed
// alone on one line; only its SHA-256 is stored.
// `childmaint admin account --role ROLE --name NAME`: a caseworker console account; its generated
// password is printed alone on one line and stored only as an Argon2id hash.
#include <cstdio>

#include "api/accounts.h"
#include "api/crypto.h"
#include "base/clock.h"
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
