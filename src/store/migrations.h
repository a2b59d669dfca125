// File: migrations.h — brings a database's schema up to date.
//
// Migrations are SQL files under src/store/migrations/<dialect>/NNNN_name.sql, compiled into the
// program; each is applied once, in order, inside a transaction, and recorded in schema_migrations.
#pragma once

#include "store/db.h"

namespace childmaint::store {

Status Migrate(Db& db);

// The opener for each URL scheme (db.cc dispatches on the prefix).
Result<std::unique_ptr<Pool>> OpenSqlitePool(const std::string& path, std::size_t size);
Result<std::unique_ptr<Pool>> OpenPostgresqlPool(const std::string& url, std::size_t size);

}  // namespace childmaint::store
