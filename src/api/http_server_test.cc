// Tests for http_server.h over real loopback sockets, with a small blocking POSIX client.
#include "api/http_server.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace childmaint::api {
namespace {

using namespace std::chrono_literals;

constexpr std::size_t kMiB = 1 << 20;
constexpr std::string_view kTooLarge =
    R"({"type":"about:blank","title":"Request body too large","status":413,)"
    R"("detail":"The request body is larger than 1 MiB."})";

struct Response {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-cased names
  std::string body;
  std::string Header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
  }
};

// One blocking TCP connection to 127.0.0.1:port, with a 10 s receive timeout so a bug cannot hang.
class Client {
 public:
  explicit Client(std::uint16_t port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    timeval tv{10, 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  }
  ~Client() { ::close(fd_); }
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  bool connected() const { return connected_; }

  bool Send(std::string_view data) {
    while (!data.empty()) {
      const ssize_t n = ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
      if (n <= 0) {
        return false;
      }
      data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
  }

  // One response (Content-Length framing only), or nullopt on EOF, reset or timeout.
  std::optional<Response> Read() {
    std::size_t end;
    while ((end = buf_.find("\r\n\r\n")) == std::string::npos) {
      if (!Fill()) {
        return std::nullopt;
      }
    }
    Response res;
    const std::string head = buf_.substr(0, end + 2);
    buf_.erase(0, end + 4);
    std::size_t pos = head.find("\r\n");
    res.status = std::stoi(head.substr(9, 3));  // "HTTP/1.1 200 OK"
    while (pos + 2 < head.size()) {
      const std::size_t next = head.find("\r\n", pos + 2);
      const std::string line = head.substr(pos + 2, next - pos - 2);
      const std::size_t colon = line.find(':');
      std::string name = line.substr(0, colon);
      std::transform(name.begin(), name.end(), name.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      res.headers[name] = line.substr(line.find_first_not_of(' ', colon + 1));
      pos = next;
    }
    const std::size_t length =
        std::stoul(res.Header("content-length").empty() ? "0" : res.Header("content-length"));
    while (buf_.size() < length) {
      if (!Fill()) {
        return std::nullopt;
      }
    }
    res.body = buf_.substr(0, length);
    buf_.erase(0, length);
    return res;
  }

  // True if the server closed the connection (EOF or reset) with nothing more to read; false if
  // data arrived or nothing happened within the receive timeout.
  bool Closed() {
    if (!buf_.empty()) {
      return false;
    }
    char byte;
    const ssize_t n = ::recv(fd_, &byte, 1, 0);
    return n == 0 || (n < 0 && errno == ECONNRESET);
  }

 private:
  bool Fill() {
    char chunk[64 << 10];
    const ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
    if (n <= 0) {
      return false;
    }
    buf_.append(chunk, static_cast<std::size_t>(n));
    return true;
  }

  int fd_;
  bool connected_ = false;
  std::string buf_;
};

std::string Request(std::string_view method, std::string_view target, std::string_view body = {},
                    std::string_view extra_headers = {}) {
  std::string r = std::string(method) + " " + std::string(target) + " HTTP/1.1\r\nHost: t\r\n";
  r += extra_headers;
  if (!body.empty() || method == "POST") {
    r += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  }
  return r + "\r\n" + std::string(body);
}

// Echoes what it was given; /slow sleeps 500 ms, /throw throws.
class HttpServerTest : public ::testing::Test {
 protected:
  std::uint16_t StartServer(ServerOptions options = {}) {
    options.threads = 4;
    server_ = std::make_unique<HttpServer>(options, [this](const HttpRequest& req) {
      if (req.target == "/throw") {
        throw std::runtime_error("secret internal detail");
      }
      if (req.target == "/slow") {
        slow_started_ = true;
        std::this_thread::sleep_for(500ms);
      }
      HttpResponse res;
      res.headers = {{"Content-Type", "text/plain"},
                     {"X-Method", req.method},
                     {"X-Target", req.target},
                     {"X-Remote", req.remote_address},
                     {"Content-Length", "999"}};  // ignored: the server sets it
      if (const std::string* echo = req.Header("x-echo")) {
        res.headers.emplace_back("X-Echo", *echo);
      }
      res.body = req.body;
      return res;
    });
    auto port = server_->Start();
    EXPECT_TRUE(port.has_value()) << (port ? "" : port.error().message);
    return port.value_or(0);
  }

  std::unique_ptr<HttpServer> server_;
  std::atomic<bool> slow_started_{false};
};

TEST_F(HttpServerTest, GetAndPost) {
  const std::uint16_t port = StartServer();
  ASSERT_NE(port, 0);
  Client get(port);
  ASSERT_TRUE(get.connected());
  ASSERT_TRUE(get.Send(Request("GET", "/api/v1/health?x=1", {}, "X-ECHO: abc\r\n")));
  auto res = get.Read();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->Header("x-method"), "GET");
  EXPECT_EQ(res->Header("x-target"), "/api/v1/health?x=1");
  EXPECT_EQ(res->Header("x-echo"), "abc");
  EXPECT_EQ(res->Header("x-remote"), "127.0.0.1");
  EXPECT_EQ(res->Header("content-length"), "0");
  EXPECT_EQ(res->Header("server"), "");
  EXPECT_EQ(res->body, "");

  Client post(port);
  ASSERT_TRUE(post.Send(Request("POST", "/api/v1/calculations", R"({"a":1})")));
  res = post.Read();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->Header("x-method"), "POST");
  EXPECT_EQ(res->Header("content-length"), "7");
  EXPECT_EQ(res->body, R"({"a":1})");
}

TEST_F(HttpServerTest, KeepAliveServesTwoRequestsOnOneConnection) {
  const std::uint16_t port = StartServer();
  Client c(port);
  ASSERT_TRUE(c.Send(Request("POST", "/one", "first")));
  auto first = c.Read();
  ASSERT_TRUE(first);
  EXPECT_EQ(first->body, "first");
  EXPECT_EQ(first->Header("connection"), "");  // HTTP/1.1 default: keep-alive
  ASSERT_TRUE(c.Send(Request("GET", "/two", {}, "Connection: close\r\n")));
  auto second = c.Read();
  ASSERT_TRUE(second);
  EXPECT_EQ(second->Header("x-target"), "/two");
  EXPECT_EQ(second->Header("connection"), "close");
  EXPECT_TRUE(c.Closed());
}

TEST_F(HttpServerTest, PipelinedRequestsAreAnsweredInOrder) {
  const std::uint16_t port = StartServer();
  Client c(port);
  ASSERT_TRUE(c.Send(Request("POST", "/a", "1") + Request("POST", "/b", "22")));
  auto a = c.Read();
  auto b = c.Read();
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->body, "1");
  EXPECT_EQ(b->body, "22");
}

TEST_F(HttpServerTest, TwoHundredConcurrentRequestsFromEightThreads) {
  const std::uint16_t port = StartServer();
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        const std::string body = "thread " + std::to_string(t) + " request " + std::to_string(i);
        Client c(port);
        if (!c.Send(Request("POST", "/n/" + std::to_string(i), body))) {
          continue;
        }
        auto res = c.Read();
        if (res && res->status == 200 && res->body == body &&
            res->Header("x-target") == "/n/" + std::to_string(i)) {
          ++ok;
        }
      }
    });
  }
  for (auto& t : threads) {
    t.join();
  }
  EXPECT_EQ(ok.load(), 200);
}

TEST_F(HttpServerTest, BodyOverOneMebibyteIs413AndCloses) {
  const std::uint16_t port = StartServer();
  Client c(port);
  ASSERT_TRUE(c.Send(Request("POST", "/big", std::string(kMiB + 1, 'x'))));
  auto res = c.Read();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 413);
  EXPECT_EQ(res->Header("content-type"), "application/problem+json");
  EXPECT_EQ(res->Header("connection"), "close");
  EXPECT_EQ(res->body, kTooLarge);
  EXPECT_TRUE(c.Closed());
}

TEST_F(HttpServerTest, BodyOfExactlyOneMebibyteIsAccepted) {
  const std::uint16_t port = StartServer();
  Client c(port);
  const std::string body(kMiB, 'y');
  ASSERT_TRUE(c.Send(Request("POST", "/big", body)));
  auto res = c.Read();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->body.size(), kMiB);
  EXPECT_EQ(res->body, body);
}

TEST_F(HttpServerTest, ChunkedBodyOverTheLimitIs413) {
  const std::uint16_t port = StartServer(ServerOptions{.max_body_bytes = 10});
  Client c(port);
  ASSERT_TRUE(
      c.Send("POST /c HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
             "6\r\nabcdef\r\n5\r\nghijk\r\n0\r\n\r\n"));
  auto res = c.Read();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 413);
  EXPECT_NE(res->body.find("larger than 10 bytes."), std::string::npos);
}

TEST_F(HttpServerTest, OwnBodyLimitByTargetLeavesOthersAtTheDefault) {
  ServerOptions o;
  o.max_body_bytes = 10;
  o.body_limit_for = [](const HttpRequest& head) -> std::size_t {
    return head.method == "POST" && head.target == "/upload" ? 20 : 0;
  };
  const std::uint16_t port = StartServer(o);
  {
    Client c(port);
    ASSERT_TRUE(c.Send(Request("POST", "/upload", std::string(20, 'u'))));
    auto res = c.Read();
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
    EXPECT_EQ(res->body, std::string(20, 'u'));
  }
  {
    Client c(port);
    ASSERT_TRUE(c.Send(Request("POST", "/upload", std::string(21, 'u'))));
    auto res = c.Read();
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 413);
    EXPECT_NE(res->body.find("larger than 20 bytes."), std::string::npos);
    EXPECT_TRUE(c.Closed());
  }
  {
    Client c(port);
    ASSERT_TRUE(c.Send(Request("POST", "/other", std::string(11, 'o'))));
    auto res = c.Read();
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 413);
    EXPECT_NE(res->body.find("larger than 10 bytes."), std::string::npos);
  }
  {  // chunked: counted as it arrives, against the target's own limit
    Client c(port);
    ASSERT_TRUE(
        c.Send("POST /upload HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
               "f\r\nabcdefghijklmno\r\n7\r\npqrstuv\r\n0\r\n\r\n"));
    auto res = c.Read();
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 413);
    EXPECT_NE(res->body.find("larger than 20 bytes."), std::string::npos);
  }
}

TEST_F(HttpServerTest, ExpectContinueGets100ThenTheResponse) {
  const std::uint16_t port = StartServer();
  Client c(port);
  ASSERT_TRUE(
      c.Send("POST /e HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n"));
  auto interim = c.Read();
  ASSERT_TRUE(interim);
  EXPECT_EQ(interim->status, 100);
  ASSERT_TRUE(c.Send("hello"));
  auto res = c.Read();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->body, "hello");
}

TEST_F(HttpServerTest, GarbageIs400AndCloses) {
  const std::uint16_t port = StartServer();
  Client c(port);
  ASSERT_TRUE(c.Send(std::string("\x01\x02\xff garbage \x7f\r\n\r\n", 17)));
  auto res = c.Read();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  EXPECT_EQ(res->Header("content-type"), "application/problem+json");
  EXPECT_TRUE(c.Closed());
}

TEST_F(HttpServerTest, OversizedHeaderIs431) {
  const std::uint16_t port = StartServer();
  Client c(port);
  ASSERT_TRUE(c.Send(Request("GET", "/h", {}, "X-Big: " + std::string(20 << 10, 'h') + "\r\n")));
  auto res = c.Read();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 431);
}

TEST_F(HttpServerTest, HandlerExceptionIs500WithoutDetail) {
  const std::uint16_t port = StartServer();
  Client c(port);
  ASSERT_TRUE(c.Send(Request("GET", "/throw")));
  auto res = c.Read();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 500);
  EXPECT_EQ(res->Header("content-type"), "application/problem+json");
  EXPECT_EQ(res->body, R"({"type":"about:blank","title":"Internal Server Error","status":500})");
  // The connection survives a handler failure.
  ASSERT_TRUE(c.Send(Request("GET", "/after")));
  res = c.Read();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
}

TEST_F(HttpServerTest, SlowAndIdleConnectionsAreClosedAfterTheirTimeouts) {
  const std::uint16_t port = StartServer(ServerOptions{.read_timeout = 1s, .idle_timeout = 1s});
  const auto start = std::chrono::steady_clock::now();
  Client partial(port);  // never finishes its header
  ASSERT_TRUE(partial.Send("GET /p HTTP/1.1\r\nHost: t\r\n"));
  Client idle(port);  // keep-alive, then silence
  ASSERT_TRUE(idle.Send(Request("GET", "/i")));
  ASSERT_TRUE(idle.Read());
  EXPECT_TRUE(partial.Closed());
  EXPECT_TRUE(idle.Closed());
  EXPECT_LT(std::chrono::steady_clock::now() - start, 4s);
}

TEST_F(HttpServerTest, StopFinishesInFlightRequestClosesIdleAndRefusesNew) {
  const std::uint16_t port = StartServer();
  Client idle(port);  // a keep-alive connection with nothing in flight
  ASSERT_TRUE(idle.Send(Request("GET", "/warm")));
  ASSERT_TRUE(idle.Read());

  Client slow(port);
  ASSERT_TRUE(slow.Send(Request("GET", "/slow")));
  while (!slow_started_) {
    std::this_thread::sleep_for(1ms);
  }
  const auto start = std::chrono::steady_clock::now();
  std::thread waiter([this] { server_->Wait(); });
  server_->Stop(std::chrono::seconds(10));
  const auto elapsed = std::chrono::steady_clock::now() - start;
  waiter.join();
  // The 500 ms handler, not the grace (10 s) or the idle keep-alive connection, sets the pace.
  EXPECT_GE(elapsed, 300ms);
  EXPECT_LT(elapsed, 2s);

  auto res = slow.Read();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->Header("x-target"), "/slow");
  EXPECT_EQ(res->Header("connection"), "close");
  EXPECT_TRUE(slow.Closed());
  EXPECT_TRUE(idle.Closed());

  Client late(port);
  EXPECT_FALSE(late.connected());
  server_->Stop();  // idempotent
}

TEST_F(HttpServerTest, StartOnAPortInUseIsAnError) {
  const std::uint16_t port = StartServer();
  HttpServer second(ServerOptions{.port = port}, [](const HttpRequest&) { return HttpResponse{}; });
  auto result = second.Start();
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(result.error().reason, "http.listen_failed");
  // The first server is unaffected.
  Client c(port);
  ASSERT_TRUE(c.Send(Request("GET", "/still")));
  ASSERT_TRUE(c.Read());
}

TEST_F(HttpServerTest, BadAddressAndSecondStartAreErrors) {
  HttpServer bad(ServerOptions{.address = "not-an-ip"},
                 [](const HttpRequest&) { return HttpResponse{}; });
  auto result = bad.Start();
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);

  StartServer();
  auto again = server_->Start();
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, ErrorCode::kFailedPrecondition);
}

TEST(HttpServerLifecycle, StopWithoutStartAndWaitReturn) {
  HttpServer server(ServerOptions{}, [](const HttpRequest&) { return HttpResponse{}; });
  server.Stop();
  server.Wait();
}

}  // namespace
}  // namespace childmaint::api
