// File: http_types.h — plain HTTP request/response values passed between the socket layer
// (http_server.cc, the Beast adapter) and the router. No third-party types.
//
//   Handler echo = [](const HttpRequest& req) {
//     HttpResponse res;
//     res.headers.emplace_back("Content-Type", "text/plain");
//     res.body = req.method + " " + req.target;
//     return res;
//   };
//   if (const std::string* ct = req.Header("content-type")) { ... }
//
// Thread safety: value types. A Handler is called concurrently from several I/O threads.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace childmaint::api {

struct HttpRequest {
  std::string method;  // "GET", "POST", ... as sent
  std::string target;  // path + query, as sent: "/api/v1/cases/121000000018?x=1"
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased, in arrival order
  std::string body;
  std::string remote_address;  // peer IP, "127.0.0.1"

  // The first header with this name (which must already be lower case), or nullptr.
  const std::string* Header(std::string_view lower_name) const {
    for (const auto& [name, value] : headers) {
      if (name == lower_name) {
        return &value;
      }
    }
    return nullptr;
  }
};

// Content-Length and Connection are set by the server; a handler's own values for them (and for
// Transfer-Encoding) are ignored. Other headers are sent as given, repeats included (Set-Cookie).
struct HttpResponse {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
};

// Runs synchronously on an I/O thread; may block briefly (a database call). An exception escaping
// it becomes a 500 problem+json response without detail.
using Handler = std::function<HttpResponse(const HttpRequest&)>;

}  // namespace childmaint::api
