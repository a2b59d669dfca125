// File: service_commands.h — `childmaint serve`, `admin token`, `admin outbox`, `demo-data`, `review`.
#pragma once

#include <cstdint>
#include <string>

namespace childmaint::cli {

struct ServeOptions {
  std::string db = "sqlite:childmaint.db";
  int port = 8080;
  std::size_t threads = 0;
  bool fast_pin_hashing = false;  // tests and demos only
  std::string assets;             // GOV.UK Frontend files; empty: "assets" beside the program
  std::string documents;          // uploaded files; empty: <sqlite database path>.documents
};
int RunServe(const ServeOptions& options);

int RunAdminToken(const std::string& db, const std::string& role, const std::string& name);
// `admin outbox [--case REF]`: the outbox (notifications waiting for GOV.UK Notify or the letters
// run), one JSON object a line, oldest first.
int RunAdminOutbox(const std::string& db, const std::string& case_reference);
// Prints the new console account's generated password alone on one line.
int RunAdminAccount(const std::string& db, const std::string& role, const std::string& name);

struct DemoDataOptions {
  std::string db = "sqlite:childmaint.db";
  std::int64_t cases = 1000;
  std::string as_of;  // YYYY-MM-DD; empty: today
  std::uint64_t seed = 1;
};
int RunDemoData(const DemoDataOptions& options);

struct ReviewOptions {
  std::string db = "sqlite:childmaint.db";
  std::string as_of;  // YYYY-MM-DD; empty: today
};
int RunReview(const ReviewOptions& options);

}  // namespace childmaint::cli
