#include "portal/assets.h"

#include <array>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>

#include "portal/page.h"

namespace childmaint::portal {

namespace {

constexpr int kOk = 200;
constexpr int kNotFound = 404;
constexpr int kMethodNotAllowed = 405;

constexpr std::array<std::pair<std::string_view, std::string_view>, 9> kTypes = {{
    {".css", "text/css; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".woff2", "font/woff2"},
    {".woff", "font/woff"},
    {".png", "image/png"},
    {".svg", "image/svg+xml"},
    {".ico", "image/x-icon"},
    {".json", "application/json"},
    {".map", "application/json"},
}};

std::string_view TypeOf(const std::filesystem::path& p) {
  const std::string ext = p.extension().string();
  for (const auto& [e, type] : kTypes) {
    if (e == ext) {
      return type;
    }
  }
  return {};
}

}  // namespace

Result<Assets> Assets::Load(const std::string& dir) {
  Assets assets;
  std::error_code ec;
  for (std::filesystem::recursive_directory_iterator it(dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    if (!it->is_regular_file()) {
      continue;
    }
    const std::string_view type = TypeOf(it->path());
    if (type.empty()) {
      continue;
    }
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    const std::string rel = std::filesystem::relative(it->path(), dir).generic_string();
    assets.files_.emplace("/assets/" + rel, File{std::string(type), std::move(bytes).str()});
  }
  if (assets.files_.empty()) {
    return Error::Make(ErrorCode::kNotFound, "portal.no_assets",
                       "no GOV.UK Frontend assets in " + dir + " (run make, or pass --assets DIR)");
  }
  return assets;
}

api::HttpResponse Assets::Serve(const api::HttpRequest& req) const {
  api::HttpResponse r;
  SecurityHeaders(r);
  if (req.method != "GET" && req.method != "HEAD") {
    r.status = kMethodNotAllowed;
    r.headers.emplace_back("Allow", "GET, HEAD");
    return r;
  }
  const std::string_view path = std::string_view(req.target).substr(0, req.target.find('?'));
  const auto it = files_.find(path);
  if (it == files_.end()) {
    r.status = kNotFound;
    r.headers.emplace_back("Content-Type", "text/plain; charset=utf-8");
    r.body = "Not found";
    return r;
  }
  r.status = kOk;
  r.headers.emplace_back("Content-Type", it->second.type);
  // Replace the no-store of pages: these files change only with a new build.
  for (auto& [name, value] : r.headers) {
    if (name == "Cache-Control") {
      value = "public, max-age=86400";
    }
  }
  r.body = req.method == "HEAD" ? std::string() : it->second.bytes;
  return r;
}

}  // namespace childmaint::portal
