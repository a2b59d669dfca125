// File: temp_postgres.h — a throwaway PostgreSQL cluster for tests (tests/testing/temp_postgres.sh)
// and one fresh database per test on it.
//
//   const std::string url = childmaint::testing::TempPostgres::Get().NewDatabase();
//   auto pool = store::OpenPool(url, 2);   // postgresql://postgres@/cm_123_1?host=/tmp/...
//
// The cluster is the one named by CM_TEST_PG_HOST / CM_TEST_PG_PORT (set by
// `temp_postgres.sh run PROGRAM`, so a whole test program shares one), or else one started on
// first use in a temp dir and stopped and removed when the program exits.
// Needs CM_TEMP_POSTGRES (the script's path) defined by the test target. Not thread-safe.
#pragma once

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <stdexcept>
#include <string>

namespace childmaint::testing {

class TempPostgres {
 public:
  static TempPostgres& Get() {
    static TempPostgres cluster;
    return cluster;
  }
  TempPostgres(const TempPostgres&) = delete;
  TempPostgres& operator=(const TempPostgres&) = delete;

  // CREATE DATABASE with a new name; returns its URL.
  std::string NewDatabase() {
    const std::string name =
        "cm_" + std::to_string(::getpid()) + "_" + std::to_string(++databases_);
    Sql("CREATE DATABASE " + name);
    return "postgresql://postgres@/" + name + "?host=" + host_ + "&port=" + port_;
  }

  // DROP DATABASE for a URL NewDatabase returned (its connections are closed first).
  void DropDatabase(const std::string& url) {
    Sql("DROP DATABASE IF EXISTS " + DatabaseOf(url) + " WITH (FORCE)");
  }

  // Runs SQL on `database` (psql) and returns its rows, unaligned ("a|b\n"); throws on error.
  std::string Sql(const std::string& sql, const std::string& database = "postgres") const {
    std::string out;
    const int status = Run("sql " + Quote(host_) + " " + port_ + " " + Quote(sql) + " " +
                               Quote(database),
                           out);
    if (status != 0) {
      throw std::runtime_error("temp_postgres: " + sql + ": " + out);
    }
    return out;
  }

  // The database name in a URL NewDatabase returned.
  static std::string DatabaseOf(const std::string& url) {
    const auto start = url.find("@/") + 2;
    return url.substr(start, url.find('?') - start);
  }

 private:
  TempPostgres() {
    const char* host = std::getenv("CM_TEST_PG_HOST");
    const char* port = std::getenv("CM_TEST_PG_PORT");
    if (host != nullptr && port != nullptr && *host != '\0') {
      host_ = host;
      port_ = port;
      return;
    }
    char dir[] = "/tmp/cm_pg_XXXXXX";
    if (mkdtemp(dir) == nullptr) {
      throw std::runtime_error("temp_postgres: mkdtemp failed");
    }
    owned_dir_ = dir;
    std::string out;
    if (Run("start " + Quote(owned_dir_), out) != 0) {
      throw std::runtime_error("temp_postgres: the cluster did not start: " + out);
    }
    std::istringstream words(out);
    words >> host_ >> port_;
  }

  ~TempPostgres() {
    if (!owned_dir_.empty()) {
      std::string out;
      (void)Run("stop " + Quote(owned_dir_), out);
    }
  }

  static std::string Quote(const std::string& s) {
    std::string q = "'";
    for (const char c : s) {
      q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return q + "'";
  }

  static int Run(const std::string& args, std::string& out) {
    FILE* p = popen(("bash " CM_TEMP_POSTGRES " " + args + " 2>&1").c_str(), "r");
    if (p == nullptr) {
      return -1;
    }
    char buf[4096];
    std::size_t n = 0;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) {
      out.append(buf, n);
    }
    return pclose(p);
  }

  std::string host_;
  std::string port_;
  std::string owned_dir_;
  int databases_ = 0;
};

}  // namespace childmaint::testing
