// File: http_server.cc — the Beast/Asio adapter (style.md section 1): accept loop and connections
// only; the one file that includes Boost. No Boost type or exception leaves it.
//
// Shape: Beast's http_server_async example. One io_context on N threads; the acceptor and each
// session have a strand. A session: wait for a first byte (idle timeout), read the header, answer
// "Expect: 100-continue", read the body (one read_timeout per request), call the Handler, write,
// loop or close. After an error answer the close lingers (shut down our side, discard input for up
// to kLinger) so a client still sending an oversized body reads its 413, not a connection reset.
//
// Boost 1.74 with g++ 12 at -std=c++23:
//  * <utility> before any Asio header: from C++20 Asio enables co_await support, and
//    asio/awaitable.hpp uses std::exchange without including <utility>.
//  * -O2 and up: -Wnull-dereference fires inside Asio's scheduler after inlining, although
//    /usr/include is a system directory; silenced around the Boost includes only (pragma below).
//  * No http::message_generator (Beast 1.80+): the session owns the response until it is written.
//  * beast::string_view is boost::string_view; it does not convert to or from std::string_view.
//  * A io_context with nothing pending returns from run() and silently drops later posts: the work
//    guard keeps the threads alive until Stop() (else Stop's posts to idle sessions never run).
//  * -fsanitize=thread builds need -Wno-tsan (atomic_thread_fence in Asio) and CM_WERROR=OFF.
#include "api/http_server.h"

#include <pthread.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <condition_variable>
#include <csignal>
#include <limits>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>
#include <unordered_map>
#include <utility>  // before <boost/asio...>: see above
#include <vector>

#pragma GCC diagnostic push  // see above
#pragma GCC diagnostic ignored "-Wnull-dereference"
#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#pragma GCC diagnostic pop

#include "base/check.h"

namespace childmaint::api {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using BeastResponse = http::response<http::string_body>;

constexpr std::size_t kReadChunk = 16 << 10;
constexpr std::chrono::seconds kLinger{2};
constexpr std::chrono::milliseconds kAcceptBackoff{50};
constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";

std::string ToStd(beast::string_view s) { return std::string(s.data(), s.size()); }

HttpResponse Problem(int status, std::string_view title, std::string_view detail = {}) {
  HttpResponse res;
  res.status = status;
  res.headers.emplace_back("Content-Type", "application/problem+json");
  res.body = R"({"type":"about:blank","title":")" + std::string(title) + R"(","status":)" +
             std::to_string(status) +
             (detail.empty() ? "" : R"(,"detail":")" + std::string(detail) + '"') + '}';
  return res;
}

HttpResponse TooLarge(std::size_t limit) {
  constexpr std::size_t kMebibyte = 1U << 20;
  const std::string size = limit % kMebibyte == 0 ? std::to_string(limit / kMebibyte) + " MiB"
                                                  : std::to_string(limit) + " bytes";
  return Problem(413, "Request body too large", "The request body is larger than " + size + ".");
}

// The request line and headers (names lower-cased), without the body.
HttpRequest HeadOf(const http::request_header<>& req) {
  HttpRequest head;
  head.method = ToStd(req.method_string());
  head.target = ToStd(req.target());
  for (const auto& field : req) {
    std::string name = ToStd(field.name_string());
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    head.headers.emplace_back(std::move(name), ToStd(field.value()));
  }
  return head;
}

bool Unsafe(std::string_view s) { return s.find_first_of("\r\n", 0, 3) != std::string_view::npos; }

bool ServerOwned(std::string_view name) {
  const beast::string_view n(name.data(), name.size());
  return beast::iequals(n, "content-length") || beast::iequals(n, "connection") ||
         beast::iequals(n, "transfer-encoding");
}

BeastResponse ToBeastResponse(HttpResponse out, unsigned version, bool keep_alive, bool head) {
  const bool bad_header = std::any_of(out.headers.begin(), out.headers.end(), [](const auto& h) {
    return h.first.empty() || Unsafe(h.first) || Unsafe(h.second);
  });
  if (out.status < 200 || out.status > 599 || bad_header) {
    out = Problem(500, "Internal Server Error");
  }
  BeastResponse res;
  res.version(version);
  res.result(static_cast<unsigned>(out.status));
  for (const auto& [name, value] : out.headers) {
    if (!ServerOwned(name)) {
      res.insert(name, value);
    }
  }
  res.keep_alive(keep_alive);
  if (out.status == 204 || out.status == 304) {
    return res;  // no body, no Content-Length
  }
  res.content_length(out.body.size());
  if (!head) {
    res.body() = std::move(out.body);
  }
  return res;
}

class Session;
using Sessions = std::vector<std::shared_ptr<Session>>;

// Everything behind HttpServer. Member order matters: io_context_ is destroyed first (its pending
// handlers own sessions, whose destructors call Remove), before mu_ and sessions_.
class Server {
 public:
  Server(ServerOptions options, Handler handler)
      : options_(std::move(options)), handler_(std::move(handler)) {}
  Result<std::uint16_t> Start();
  void Stop(std::chrono::seconds grace);
  void Wait();

  const ServerOptions& options() const { return options_; }
  bool stopping() const { return stopping_.load(std::memory_order_acquire); }
  const Handler& handler() const { return handler_; }
  void Remove(const Session* s);

 private:
  enum class State { kNew, kRunning, kStopping, kStopped };
  void Accept();
  void OnAccept(beast::error_code ec, tcp::socket socket);
  Sessions Live();  // needs mu_

  const ServerOptions options_;
  const Handler handler_;
  std::atomic<bool> stopping_{false};
  std::mutex mu_;
  std::condition_variable cv_;
  State state_ = State::kNew;                                            // guarded by mu_
  std::unordered_map<const Session*, std::weak_ptr<Session>> sessions_;  // guarded by mu_
  std::vector<std::thread> threads_;
  net::io_context io_context_;
  // Keeps run() going while idle, so handlers posted during Stop() still run; Stop() ends it.
  net::executor_work_guard<net::io_context::executor_type> work_{io_context_.get_executor()};
  tcp::acceptor acceptor_{net::make_strand(io_context_)};
  net::steady_timer backoff_{acceptor_.get_executor()};
};

thread_local const Server* tls_server = nullptr;  // set on I/O threads

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(Server& server, tcp::socket&& socket) : server_(server), stream_(std::move(socket)) {
    beast::error_code ec;
    remote_ = stream_.socket().remote_endpoint(ec).address().to_string();
  }
  ~Session() { server_.Remove(this); }

  void Start() {
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->WaitForRequest(); });
  }
  // Stop(): close the connection if it is idle; otherwise the next response says "close".
  void OnServerStop() {
    net::post(stream_.get_executor(), [self = shared_from_this()] {
      if (self->phase_ == Phase::kIdle) {
        self->stream_.close();
      }
    });
  }
  void CloseNow() { stream_.close(); }  // only once the I/O threads are joined

 private:
  enum class Phase { kIdle, kReading, kBusy, kClosing };

  // A completion handler that keeps the session alive and runs (this->*next)(bytes), or OnError.
  template <typename Next>
  auto Then(Next next) {
    return [self = shared_from_this(), next](beast::error_code ec, std::size_t bytes) {
      if (ec) {
        return self->OnError(ec);
      }
      (self.get()->*next)(bytes);
    };
  }

  void WaitForRequest() {
    phase_ = Phase::kIdle;
    if (server_.stopping()) {
      return stream_.close();
    }
    if (buffer_.size() > 0) {
      return ReadHeader(0);  // pipelined
    }
    const ServerOptions& o = server_.options();
    stream_.expires_after(first_ ? o.read_timeout : o.idle_timeout);
    stream_.async_read_some(buffer_.prepare(kReadChunk), Then(&Session::ReadHeader));
  }

  void ReadHeader(std::size_t idle_bytes) {
    buffer_.commit(idle_bytes);
    phase_ = Phase::kReading;
    const ServerOptions& o = server_.options();
    parser_.emplace();
    // The limit depends on the target, known only once the header is in (OnHeader).
    parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
    limit_ = o.max_body_bytes;
    parser_->header_limit(static_cast<std::uint32_t>(
        std::min<std::size_t>(o.max_header_bytes, std::numeric_limits<std::uint32_t>::max())));
    stream_.expires_after(o.read_timeout);  // covers header and body
    http::async_read_header(stream_, buffer_, *parser_, Then(&Session::OnHeader));
  }

  void OnHeader(std::size_t) {
    const auto& req = parser_->get();
    const ServerOptions& o = server_.options();
    if (o.body_limit_for) {
      if (const std::size_t own = o.body_limit_for(HeadOf(req)); own > 0) {
        limit_ = own;
      }
    }
    if (const auto length = parser_->content_length();
        length && *length > static_cast<std::uint64_t>(limit_)) {
      phase_ = Phase::kClosing;  // as OnError: answer, never keep-alive, linger on close
      return Send(TooLargeAnswer(), 11, false, false);
    }
    parser_->body_limit(static_cast<std::uint64_t>(limit_));  // chunked bodies count down
    if (req.version() >= 11 && !parser_->is_done() &&
        beast::iequals(req[http::field::expect], "100-continue")) {
      net::async_write(stream_, net::buffer(kContinue.data(), kContinue.size()),
                       Then(&Session::ReadBody));
      return;
    }
    ReadBody(0);
  }

  // 413 for this request: the server's own answer for its target, or the problem+json.
  HttpResponse TooLargeAnswer() {
    if (const auto& hook = server_.options().too_large_for) {
      const beast::string_view target = parser_->get().target();
      if (auto own = hook(std::string_view(target.data(), target.size()), limit_)) {
        own->status = 413;
        return std::move(*own);
      }
    }
    return TooLarge(limit_);
  }

  void ReadBody(std::size_t) {
    http::async_read(stream_, buffer_, *parser_, Then(&Session::OnRequest));
  }

  void OnError(beast::error_code ec) {
    const bool http_error =
        ec.category() == http::make_error_code(http::error::bad_method).category();
    if (phase_ != Phase::kReading || !http_error || ec == http::error::end_of_stream ||
        ec == http::error::partial_message) {
      return stream_.close();  // EOF, reset, timeout, Stop(), a failed write: nobody to answer
    }
    phase_ = Phase::kClosing;  // an error answer: never keep-alive, linger on close
    if (ec == http::error::body_limit) {
      return Send(TooLargeAnswer(), 11, false, false);
    }
    if (ec == http::error::header_limit) {
      return Send(Problem(431, "Request header fields too large"), 11, false, false);
    }
    Send(Problem(400, "Bad Request", "The request is not valid HTTP/1.1."), 11, false, false);
  }

  void OnRequest(std::size_t) {
    phase_ = Phase::kBusy;
    http::request<http::string_body> req = parser_->release();
    HttpResponse out;
    try {
      HttpRequest request = HeadOf(req);
      request.body = std::move(req.body());
      request.remote_address = remote_;
      out = server_.handler()(request);
    } catch (...) {  // the handler's, or bad_alloc
      out = Problem(500, "Internal Server Error");
    }
    Send(std::move(out), req.version(), req.keep_alive() && !server_.stopping(),
         req.method() == http::verb::head);
  }

  void Send(HttpResponse out, unsigned version, bool keep_alive, bool head) {
    try {
      res_ = ToBeastResponse(std::move(out), version, keep_alive, head);
    } catch (...) {
      return stream_.close();  // bad_alloc: nothing sensible to send
    }
    stream_.expires_after(server_.options().read_timeout);
    http::async_write(stream_, res_, Then(&Session::OnWritten));
  }

  void OnWritten(std::size_t) {
    const bool keep_alive = res_.keep_alive();
    res_ = {};
    if (keep_alive) {
      first_ = false;
      return WaitForRequest();
    }
    // Closing with unread input makes the kernel send RST, which can destroy the response in
    // flight; so after an error answer (or with input pending) drain for up to kLinger first.
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    if (phase_ != Phase::kClosing && buffer_.size() == 0 && stream_.socket().available(ec) == 0) {
      return stream_.close();
    }
    phase_ = Phase::kClosing;
    stream_.expires_after(kLinger);  // one deadline for the whole drain
    Drain(0);
  }

  void Drain(std::size_t) {
    buffer_.consume(buffer_.size());
    stream_.async_read_some(buffer_.prepare(kReadChunk), Then(&Session::Drain));
  }

  Server& server_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  BeastResponse res_;
  std::string remote_;
  std::size_t limit_ = 0;  // this request's body limit
  Phase phase_ = Phase::kIdle;
  bool first_ = true;
};

void Server::Remove(const Session* s) {
  std::lock_guard lock(mu_);
  sessions_.erase(s);
  if (sessions_.empty()) {
    cv_.notify_all();
  }
}

Result<std::uint16_t> Server::Start() {
  std::lock_guard lock(mu_);
  if (state_ != State::kNew) {
    return Error::Make(ErrorCode::kFailedPrecondition, "http.already_started",
                       "The HTTP server was already started.");
  }
  beast::error_code ec;
  const net::ip::address address = net::ip::make_address(options_.address, ec);
  if (ec) {
    return Error::Make(ErrorCode::kInvalidArgument, "http.bad_address",
                       "The listen address is not an IP address.", "address");
  }
  std::uint16_t port = 0;
  try {
    const tcp::endpoint endpoint(address, options_.port);
    acceptor_.open(endpoint.protocol());
    acceptor_.set_option(net::socket_base::reuse_address(true));
    acceptor_.bind(endpoint);
    acceptor_.listen(net::socket_base::max_listen_connections);
    port = acceptor_.local_endpoint().port();
  } catch (const boost::system::system_error& e) {
    acceptor_.close(ec);
    return Error::Make(ErrorCode::kUnavailable, "http.listen_failed",
                       "Cannot listen on " + options_.address + ":" +
                           std::to_string(options_.port) + ": " + e.code().message() + ".");
  }
  Accept();
  const std::size_t n =
      options_.threads > 0 ? options_.threads : std::max(1U, std::thread::hardware_concurrency());
  // I/O threads block all signals, so SIGTERM reaches the program's own (signal-watching) thread
  // even when it is blocked there only after Start().
  sigset_t all;
  sigset_t old;
  sigfillset(&all);
  pthread_sigmask(SIG_BLOCK, &all, &old);
  try {
    for (std::size_t i = 0; i < n; ++i) {
      threads_.emplace_back([this] {
        tls_server = this;
        for (;;) {
          try {
            io_context_.run();
            return;
          } catch (...) {  // a throwing completion handler: keep serving
          }
        }
      });
    }
  } catch (const std::system_error& e) {  // out of threads: undo, report
    pthread_sigmask(SIG_SETMASK, &old, nullptr);
    io_context_.stop();
    for (std::thread& t : threads_) {
      t.join();
    }
    acceptor_.close(ec);
    state_ = State::kStopped;
    return Error::Make(ErrorCode::kUnavailable, "http.no_threads",
                       "Cannot start the HTTP server's threads: " + e.code().message() + ".");
  }
  pthread_sigmask(SIG_SETMASK, &old, nullptr);
  state_ = State::kRunning;
  return port;
}

void Server::Accept() {
  acceptor_.async_accept(
      net::make_strand(io_context_),
      [this](beast::error_code ec, tcp::socket socket) { OnAccept(ec, std::move(socket)); });
}

void Server::OnAccept(beast::error_code ec, tcp::socket socket) {
  if (!acceptor_.is_open() || ec == net::error::operation_aborted) {
    return;  // Stop()
  }
  if (ec) {  // EMFILE and friends: back off rather than spin
    backoff_.expires_after(kAcceptBackoff);
    backoff_.async_wait([this](beast::error_code) {
      if (acceptor_.is_open()) {
        Accept();
      }
    });
    return;
  }
  beast::error_code ignored;
  socket.set_option(tcp::no_delay(true), ignored);
  auto session = std::make_shared<Session>(*this, std::move(socket));
  bool accepted = false;
  {
    std::lock_guard lock(mu_);
    accepted = !stopping_.load(std::memory_order_relaxed);
    if (accepted) {
      sessions_.emplace(session.get(), session);
    }
  }
  if (!accepted) {
    return;  // Stop() began; the session (and its socket) dies here, outside mu_
  }
  session->Start();
  Accept();
}

Sessions Server::Live() {
  Sessions live;
  for (const auto& [key, weak] : sessions_) {
    if (auto s = weak.lock()) {
      live.push_back(std::move(s));
    }
  }
  return live;
}

void Server::Stop(std::chrono::seconds grace) {
  CMS_CHECK(tls_server != this) << "HttpServer::Stop called from a Handler";
  const auto deadline = std::chrono::steady_clock::now() + grace;
  Sessions live;
  {
    std::unique_lock lock(mu_);
    if (state_ == State::kNew) {
      state_ = State::kStopped;
      cv_.notify_all();
      return;
    }
    if (state_ != State::kRunning) {
      cv_.wait(lock, [this] { return state_ == State::kStopped; });
      return;
    }
    state_ = State::kStopping;
    stopping_.store(true, std::memory_order_release);
    live = Live();
  }
  net::post(acceptor_.get_executor(), [this] {  // stop accepting: the kernel refuses from now on
    beast::error_code ignored;
    acceptor_.close(ignored);
    backoff_.cancel();
  });
  for (const auto& s : live) {
    s->OnServerStop();
  }
  live.clear();  // the sessions must be able to end
  {
    std::unique_lock lock(mu_);
    cv_.wait_until(lock, deadline, [this] { return sessions_.empty(); });
    live = Live();  // still busy at the deadline: cut below
  }
  io_context_.stop();
  for (std::thread& t : threads_) {
    t.join();
  }
  beast::error_code ignored;
  acceptor_.close(ignored);
  for (const auto& s : live) {
    s->CloseNow();
  }
  std::lock_guard lock(mu_);
  state_ = State::kStopped;
  cv_.notify_all();
}

void Server::Wait() {
  std::unique_lock lock(mu_);
  cv_.wait(lock, [this] { return state_ == State::kNew || state_ == State::kStopped; });
}

}  // namespace

struct HttpServer::Impl : Server {
  using Server::Server;
};

HttpServer::HttpServer(ServerOptions options, Handler handler)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler))) {}

HttpServer::~HttpServer() { Stop(); }

Result<std::uint16_t> HttpServer::Start() { return impl_->Start(); }

void HttpServer::Stop(std::chrono::seconds grace) { impl_->Stop(grace); }

void HttpServer::Wait() { impl_->Wait(); }

}  // namespace childmaint::api
