#include "store/migrations.h"

#include "store/migrations_bundle.h"

namespace childmaint::store {

Status Migrate(Db& db) {
  // In a write transaction, so two programs opening a new database at once take turns.
  CMS_TRY(InTransaction(db, [&] {
    return db.ExecScript(
        "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT "
        "NULL DEFAULT CURRENT_TIMESTAMP)");
  }));
  const std::string prefix = std::string(db.Dialect()) + "/";
  for (const EmbeddedFile& f : EmbeddedMigrations()) {
    if (f.path.substr(0, prefix.size()) != prefix) {
      continue;
    }
    CMS_TRY(InTransaction(db, [&]() -> Status {
      CMS_ASSIGN_OR_RETURN(auto done,
                           db.MaybeOne("SELECT 1 FROM schema_migrations WHERE name = ?",
                                       {Value(f.path)}));
      if (done) {
        return Ok();
      }
      CMS_TRY(db.ExecScript(f.text));
      return db.Exec("INSERT INTO schema_migrations (name) VALUES (?)", {Value(f.path)});
    }));
  }
  return Ok();
}

}  // namespace childmaint::store
