// File: context.h — what every API handler is given: the law, the database, the clock, and who
// is calling.
#pragma once

#include <cstdint>
#include <string>

#include "api/crypto.h"
#include "base/clock.h"
#include "law/parameter_set.h"
#include "store/db.h"

namespace childmaint::api {

struct Context {
  const law::ParameterSet& law;
  store::Pool& pool;
  const Clock& clock;
  PinHashStrength pin_strength = PinHashStrength::kInteractive;
  // Where uploaded documents' bytes are kept (document_files.h), outside anything served.
  std::string documents_dir = "childmaint.db.documents";
};

// The authenticated caller of one request.
struct Caller {
  enum class Kind : std::uint8_t { kAnonymous, kCaseworker, kParent };
  Kind kind = Kind::kAnonymous;
  std::string role;            // caseworker, team_leader, auditor
  std::int64_t token_id = 0;   // caseworkers with a bearer token
  std::int64_t account_id = 0;  // caseworkers signed in to the console (accounts.h)
  std::string account_name;     // likewise
  std::int64_t case_id = 0;    // parents: their case
  std::int64_t party_id = 0;   // parents: who they are on it

  bool IsCaseworker() const { return kind == Kind::kCaseworker; }
  bool IsParent() const { return kind == Kind::kParent; }
  bool CanWrite() const { return kind == Kind::kCaseworker && role != "auditor"; }
  // "caseworker:3" (a token), "team_leader:account:sam.lee" (a console account), "parent:12",
  // "anonymous": who did it, for the audit trail.
  std::string Actor() const;
};

}  // namespace childmaint::api
