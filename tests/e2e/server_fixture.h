// File: server_fixture.h — the real `childmaint serve` on a temporary SQLite file, and a small
// HTTP/1.1 client for it (tests only; loopback only). With CM_TEST_DB=postgresql each server gets
// a fresh database in a throwaway PostgreSQL cluster instead (tests/testing/temp_postgres.h; CTest
// runs the whole program that way as api_e2e_test_postgresql).
//
//   TestServer server;                       // starts build/childmaint serve --port 0
//   HttpResult r = server.Post("/api/v1/applications", body, {{"Authorization", server.Bearer()}});
//   Json j = r.Json();
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "base/json.h"

namespace childmaint::testing {

struct HttpResult {
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::string body;
  childmaint::Json json() const;
  std::string Header(std::string_view lower_name) const;
};

using Headers = std::vector<std::pair<std::string, std::string>>;

class TestServer {
 public:
  TestServer();
  ~TestServer();
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  HttpResult Request(const std::string& method, const std::string& target, const std::string& body,
                     const Headers& headers = {});
  HttpResult Get(const std::string& target, const Headers& headers = {}) {
    return Request("GET", target, "", headers);
  }
  HttpResult Post(const std::string& target, const std::string& body, const Headers& headers = {}) {
    return Request("POST", target, body, headers);
  }
  // "Bearer <token>" for a new token of this role (made with `childmaint admin token`).
  std::string Bearer(const std::string& role = "caseworker");
  // Sends SIGTERM and returns the exit status (waits at most 15 s).
  int Stop();
  int port() const { return port_; }
  const std::string& db_path() const { return db_path_; }
  // The --db the server runs on: "sqlite:PATH" or "postgresql://...".
  const std::string& db_url() const { return db_url_; }

 private:
  int pid_ = -1;
  int port_ = 0;
  std::string db_path_;
  std::string db_url_;
};

// True when the e2e tests run on PostgreSQL (CM_TEST_DB=postgresql).
bool OnPostgresql();
// A new empty database for `--db`: a temporary SQLite file path under dir, or a fresh PostgreSQL
// database; DropTestDatabase removes the PostgreSQL one.
std::string NewTestDatabase(const std::string& sqlite_path);
void DropTestDatabase(const std::string& url);
// Runs a shell command and returns what it printed (expects it to exit 0 when `must_succeed`).
std::string Shell(const std::string& command, bool must_succeed = true);
// The text without its trailing line ends.
std::string Trimmed(std::string text);

// Runs SQL on a database NewTestDatabase made (sqlite3 or psql) and returns the rows, one a line.
std::string RunSql(const std::string& url, const std::string& sql);

}  // namespace childmaint::testing
