// `childmaint serve`: the HTTP API (and, later, the portal) on one port. Prints
// "listening on http://127.0.0.1:PORT" first; on SIGTERM or SIGINT stops accepting, finishes the
// requests in flight and exits 0 within 10 s (api.md "Commands").
#include <csignal>
#include <cstdio>
#include <thread>

#include "api/crypto.h"
#include "api/http_server.h"
#include "api/router.h"
#include "console/console.h"
#include "portal/portal.h"
#include "cli/service_commands.h"
#include "cli/setup.h"
#include "law/parameter_set.h"
#include "store/db.h"

namespace childmaint::cli {

namespace {
constexpr int kExitFailure = 1;
constexpr std::size_t kMinConnections = 4;
}  // namespace

int RunServe(const ServeOptions& options) {
  if (!api::InitCrypto()) {
    std::fprintf(stderr, "childmaint: could not start libsodium\n");
    return kExitFailure;
  }
  const auto law = LoadLaw();
  if (!law) {
    return kExitFailure;
  }
  const std::size_t threads =
      options.threads > 0 ? options.threads : std::max(2u, std::thread::hardware_concurrency());
  const auto pool = OpenDatabase(options.db, std::max(kMinConnections, threads));
  if (!pool) {
    return kExitFailure;
  }
  api::Context ctx{*law, *pool, SystemClock::Get(),
                   options.fast_pin_hashing ? api::PinHashStrength::kMinimum
                                            : api::PinHashStrength::kInteractive};
  // Block the stop signals in every thread; this one waits for them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  api::ServerOptions server_options;
  server_options.port = static_cast<std::uint16_t>(options.port);
  server_options.threads = threads;
  // The API under /api/, the caseworker console under /console, the parents' portal elsewhere.
  api::HttpServer server(server_options, [&ctx](const api::HttpRequest& req) {
    if (req.target.starts_with("/api/")) {
      return api::Route(ctx, req);
    }
    return console::IsConsolePath(req.target) ? console::Handle(ctx, req)
                                               : portal::Handle(ctx, req);
  });
  auto port = server.Start();
  if (!port) {
    std::fprintf(stderr, "childmaint: %s\n", port.error().message.c_str());
    return kExitFailure;
  }
  std::printf("listening on http://127.0.0.1:%u\n", static_cast<unsigned>(*port));
  std::fflush(stdout);
  int signal = 0;
  sigwait(&signals, &signal);
  std::fprintf(stderr, "childmaint: stopping (signal %d)\n", signal);
  server.Stop();
  return 0;
}

}  // namespace childmaint::cli
