// `childmaint serve`: the HTTP API, the portal and its assets on one port. Prints
// "listening on http://127.0.0.1:PORT" first; on SIGTERM or SIGINT stops accepting, finishes the
// requests in flight and exits 0 within 10 s (api.md "Commands").
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <thread>

#include "api/crypto.h"
#include "api/document_files.h"
#include "api/documents.h"
#include "api/http_server.h"
#include "api/router.h"
#include "console/console.h"
#include "portal/assets.h"
#include "portal/documents_page.h"
#include "portal/portal.h"
#include "cli/service_commands.h"
#include "cli/setup.h"
#include "law/parameter_set.h"
#include "store/db.h"

namespace childmaint::cli {

namespace {
constexpr int kExitFailure = 1;
constexpr std::size_t kMinConnections = 4;

// --assets, or the directory `make` copies them to: build/assets beside build/childmaint.
std::string AssetsDir(const std::string& option) {
  if (!option.empty()) {
    return option;
  }
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::string("assets") : (exe.parent_path() / "assets").string();
}

// --documents, or beside the SQLite file ("sqlite:run/c.db" -> "run/c.db.documents"): never
// under anything the server serves (it serves files only from the assets directory, loaded at
// start-up).
std::string DocumentsDir(const ServeOptions& options) {
  constexpr std::string_view kSqlite = "sqlite:";
  if (!options.documents.empty()) {
    return options.documents;
  }
  const std::string_view db = options.db;
  return db.starts_with(kSqlite) ? std::string(db.substr(kSqlite.size())) + ".documents"
                                 : std::string("childmaint.documents");
}
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
  const auto assets = portal::Assets::Load(AssetsDir(options.assets));
  if (!assets) {
    std::fprintf(stderr, "childmaint: %s\n", assets.error().message.c_str());
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
                                            : api::PinHashStrength::kInteractive,
                   DocumentsDir(options)};
  if (const Status s = api::PrepareDocumentsDir(ctx.documents_dir); !s) {
    std::fprintf(stderr, "childmaint: %s\n", s.error().message.c_str());
    return kExitFailure;
  }
  // Block the stop signals in every thread; this one waits for them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  api::ServerOptions server_options;
  server_options.port = static_cast<std::uint16_t>(options.port);
  server_options.threads = threads;
  // Uploads (the API's and the portal's form) may be larger than the 1 MiB everything else gets,
  // but only for a caller who may upload: nobody else can make the server read 10 MiB.
  server_options.body_limit_for = [&ctx](const api::HttpRequest& head) -> std::size_t {
    if (!api::IsDocumentUpload(head.method, head.target) &&
        !portal::IsDocumentUpload(head.method, head.target)) {
      return 0;
    }
    const auto caller = api::CallerOf(ctx, head);
    return caller && (caller->IsParent() || caller->CanWrite()) ? api::UploadBodyLimit(ctx) : 0;
  };
  server_options.too_large_for = [&ctx](std::string_view target,
                                        std::size_t) -> std::optional<api::HttpResponse> {
    if (target.starts_with("/api/")) {
      return std::nullopt;  // the API's problem+json
    }
    return portal::UploadTooLargePage(ctx);
  };
  // The API under /api/, the design system's files under /assets/, the caseworker console under
  // /console, the parents' portal everywhere else.
  api::HttpServer server(server_options, [&ctx, &assets](const api::HttpRequest& req) {
    if (req.target.starts_with("/api/")) {
      return api::Route(ctx, req);
    }
    if (req.target.starts_with("/assets/")) {
      return assets->Serve(req);
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
