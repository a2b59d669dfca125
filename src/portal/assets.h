// File: assets.h — the GOV.UK Frontend stylesheet, fonts and images, served under /assets/.
//
// `make` copies them from the npm package govuk-frontend into build/assets (nothing is fetched
// at run time); `serve` loads that directory into memory once at start-up, so a request can only
// ever name a file that was there at start (no path is built from the request).
//
//   auto assets = portal::Assets::Load("build/assets");
//   if (assets && req.target.starts_with("/assets/")) return assets->Serve(req);
#pragma once

#include <map>
#include <string>

#include "api/http_types.h"
#include "base/result.h"

namespace childmaint::portal {

class Assets {
 public:
  // Every regular file under `dir` with a known type; an error names the directory when it has
  // none (the build did not copy them).
  static Result<Assets> Load(const std::string& dir);

  // GET or HEAD of /assets/<path>: the file with its type and a day's caching; 404 otherwise.
  api::HttpResponse Serve(const api::HttpRequest& req) const;

 private:
  struct File {
    std::string type;
    std::string bytes;
  };
  std::map<std::string, File, std::less<>> files_;  // "/assets/fonts/bold-....woff2"
};

}  // namespace childmaint::portal
