#include "tests/e2e/server_fixture.h"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <thread>

#include "tests/testing/temp_postgres.h"

namespace childmaint::testing {

std::string Shell(const std::string& command, bool must_succeed) {
  std::string out;
  FILE* p = popen(command.c_str(), "r");
  if (p == nullptr) {
    ADD_FAILURE() << "cannot run " << command;
    return out;
  }
  char buf[4096];
  std::size_t n = 0;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) {
    out.append(buf, n);
  }
  const int status = pclose(p);
  if (must_succeed) {
    EXPECT_EQ(status, 0) << command << "\n" << out;
  }
  return out;
}

std::string Trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) {
    text.pop_back();
  }
  return text;
}

bool OnPostgresql() {
  const char* db = std::getenv("CM_TEST_DB");
  return db != nullptr && std::string_view(db) == "postgresql";
}

std::string NewTestDatabase(const std::string& sqlite_path) {
  if (OnPostgresql()) {
    return TempPostgres::Get().NewDatabase();
  }
  std::filesystem::remove(sqlite_path);
  return "sqlite:" + sqlite_path;
}

void DropTestDatabase(const std::string& url) {
  if (url.starts_with("postgresql://")) {
    TempPostgres::Get().DropDatabase(url);
  }
}

std::string RunSql(const std::string& url, const std::string& sql) {
  if (url.starts_with("postgresql://")) {
    return TempPostgres::Get().Sql(sql, TempPostgres::DatabaseOf(url));
  }
  return Trimmed(Shell("sqlite3 '" + url.substr(std::string_view("sqlite:").size()) + "' \"" +
                       sql + "\"")) +
         "\n";
}

Json HttpResult::json() const {
  auto j = Json::Parse(body);
  return j ? *j : Json();
}

std::string HttpResult::Header(std::string_view lower_name) const {
  for (const auto& [k, v] : headers) {
    if (k == lower_name) {
      return v;
    }
  }
  return {};
}

TestServer::TestServer() {
  static int counter = 0;
  db_path_ = std::filesystem::temp_directory_path().string() + "/cm_e2e_" +
             std::to_string(::getpid()) + "_" + std::to_string(++counter) + ".db";
  db_url_ = NewTestDatabase(db_path_);
  int out[2];
  if (pipe(out) != 0) {
    throw std::runtime_error("pipe");
  }
  pid_ = fork();
  if (pid_ == 0) {
    prctl(PR_SET_PDEATHSIG, SIGTERM);  // never outlive a test that crashed
    dup2(out[1], STDOUT_FILENO);
    close(out[0]);
    close(out[1]);
    // Uploads go beside the SQLite file by default; on PostgreSQL the test names the same place.
    const std::string documents = db_path_ + ".documents";
    if (db_url_.starts_with("sqlite:")) {
      execl(CM_CHILDMAINT, CM_CHILDMAINT, "serve", "--port", "0", "--db", db_url_.c_str(),
            "--threads", "4", "--fast-pin-hashing", static_cast<char*>(nullptr));
    } else {
      execl(CM_CHILDMAINT, CM_CHILDMAINT, "serve", "--port", "0", "--db", db_url_.c_str(),
            "--threads", "4", "--fast-pin-hashing", "--documents", documents.c_str(),
            static_cast<char*>(nullptr));
    }
    _exit(127);
  }
  close(out[1]);
  std::string line;
  char c = 0;
  while (read(out[0], &c, 1) == 1 && c != '\n') {
    line.push_back(c);
  }
  close(out[0]);
  const std::string prefix = "listening on http://127.0.0.1:";
  if (line.rfind(prefix, 0) != 0) {
    throw std::runtime_error("server did not start: " + line);
  }
  port_ = std::stoi(line.substr(prefix.size()));
}

TestServer::~TestServer() {
  if (pid_ > 0) {
    Stop();
  }
  std::filesystem::remove(db_path_);
  std::filesystem::remove(db_path_ + "-wal");
  std::filesystem::remove(db_path_ + "-shm");
  std::filesystem::remove_all(db_path_ + ".documents");  // uploads (serve's default directory)
  try {
    DropTestDatabase(db_url_);
  } catch (const std::exception&) {  // a leftover database goes with the cluster
  }
}

int TestServer::Stop() {
  if (pid_ <= 0) {
    return -1;
  }
  kill(pid_, SIGTERM);
  int status = 0;
  for (int i = 0; i < 150; ++i) {
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  kill(pid_, SIGKILL);
  waitpid(pid_, &status, 0);
  pid_ = -1;
  return -1;
}

std::string TestServer::Bearer(const std::string& role) {
  return "Bearer " + Trimmed(Shell(std::string(CM_CHILDMAINT) + " admin token --role " + role +
                                   " --db '" + db_url_ + "'"));
}

HttpResult TestServer::Request(const std::string& method, const std::string& target,
                               const std::string& body, const Headers& headers) {
  HttpResult result;
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port_));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return result;
  }
  std::string req = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
  for (const auto& [k, v] : headers) {
    req += k + ": " + v + "\r\n";
  }
  bool typed = false;  // a Content-Type given by the caller (multipart uploads) replaces JSON's
  for (const auto& [k, v] : headers) {
    typed = typed || k == "Content-Type";
  }
  if (!body.empty() || method == "POST") {
    req += std::string(typed ? "" : "Content-Type: application/json\r\n") +
           "Content-Length: " + std::to_string(body.size()) + "\r\n";
  }
  req += "\r\n" + body;
  for (std::size_t sent = 0; sent < req.size();) {
    const ssize_t n = send(fd, req.data() + sent, req.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) {
      break;
    }
    sent += static_cast<std::size_t>(n);
  }
  std::string raw;
  char buf[16384];
  for (ssize_t n; (n = recv(fd, buf, sizeof buf, 0)) > 0;) {
    raw.append(buf, static_cast<std::size_t>(n));
  }
  close(fd);
  const auto head_end = raw.find("\r\n\r\n");
  if (head_end == std::string::npos) {
    return result;
  }
  result.status = std::stoi(raw.substr(9, 3));
  std::size_t at = raw.find("\r\n") + 2;
  while (at < head_end) {
    const auto eol = raw.find("\r\n", at);
    const std::string line = raw.substr(at, eol - at);
    const auto colon = line.find(':');
    std::string name = line.substr(0, colon);
    for (char& ch : name) {
      ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    }
    std::string value = line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') {
      value.erase(0, 1);
    }
    result.headers.emplace_back(name, value);
    at = eol + 2;
  }
  result.body = raw.substr(head_end + 4);
  return result;
}

}  // namespace childmaint::testing
