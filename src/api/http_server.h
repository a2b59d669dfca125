// File: http_server.h — the HTTP/1.1 server: accept loop and connections only (Beast lives in
// http_server.cc; no Beast or Asio type appears here). Requests go to one Handler.
//
//   HttpServer server(ServerOptions{.port = 8080}, [](const HttpRequest& r) { return Route(r); });
//   CMS_ASSIGN_OR_RETURN(const std::uint16_t port, server.Start());
//   // on SIGTERM, from the signal-watching thread:
//   server.Stop();          // stop accepting, finish requests in flight, join threads
//   server.Wait();          // elsewhere: returns once stopped
//
// Behaviour: keep-alive per the request; Content-Length on every response; no Server header.
// A body over max_body_bytes (or the request's own limit, body_limit_for) gets 413
// application/problem+json and the connection is closed, before the body is read when
// Content-Length says so;
// malformed HTTP gets 400 and close; headers over max_header_bytes get 431 and close. "Expect:
// 100-continue" is honoured. A new connection has read_timeout to start its first request, a
// keep-alive connection idle_timeout to start its next one, and each request, once begun,
// read_timeout to arrive in full; a connection that misses a deadline is closed without an answer.
//
// Thread safety: Start, Stop and Wait may be called from any thread, except that Stop and the
// destructor must not be called from inside the Handler (they join the I/O threads).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "api/http_types.h"
#include "base/result.h"

namespace childmaint::api {

struct ServerOptions {
  std::string address = "127.0.0.1";
  std::uint16_t port = 0;                   // 0 = a free port, returned by Start()
  std::size_t threads = 0;                  // 0 = hardware concurrency
  std::size_t max_body_bytes = 1 << 20;     // larger bodies get 413
  std::chrono::seconds read_timeout{30};    // to receive one whole request
  std::chrono::seconds idle_timeout{60};    // keep-alive wait between requests
  std::size_t max_header_bytes = 16 << 10;  // request line + headers; larger gets 431
  // A request's own body limit (e.g. uploads for a signed-in caller), chosen from its request line
  // and headers (`head` has no body yet) once they have arrived; 0, or no function, keeps
  // max_body_bytes. Called on the I/O threads.
  std::function<std::size_t(const HttpRequest& head)> body_limit_for = {};
  // The answer to a body over its limit for this target (e.g. an HTML page for a browser's form);
  // nothing, or no function, gives the problem+json 413. Called on the I/O threads.
  std::function<std::optional<HttpResponse>(std::string_view target, std::size_t limit)>
      too_large_for = {};
};

class HttpServer {
 public:
  HttpServer(ServerOptions options, Handler handler);
  ~HttpServer();  // Stop()
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds (SO_REUSEADDR), listens and starts the I/O threads, which block all signals (so a
  // SIGTERM goes to the program's own threads); returns the bound port. Errors: kInvalidArgument
  // (bad address), kUnavailable (cannot bind or listen, e.g. port in use; no threads),
  // kFailedPrecondition (already started or stopped).
  Result<std::uint16_t> Start();

  // Stops accepting at once, closes idle keep-alive connections, lets requests in flight finish and
  // answers them with "Connection: close", then joins the threads. Connections still busy after
  // `grace` are cut (a Handler still running is waited for: it cannot be interrupted). Idempotent;
  // concurrent callers all return once the server has stopped.
  void Stop(std::chrono::seconds grace = std::chrono::seconds(10));

  // Blocks until the server has stopped (returns at once if it was never started).
  void Wait();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace childmaint::api
