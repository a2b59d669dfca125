// File: view.h — what every console page shares: calling the API as the signed-in account,
// turning its answers into page data, and rendering a page in the console's layout.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "api/context.h"
#include "api/http_types.h"
#include "base/json.h"

namespace childmaint::console {

// An API answer: its status and JSON body (null when the body is not JSON).
struct ApiAnswer {
  int status = 0;
  Json body;
  bool ok() const { return status >= 200 && status < 300; }
};

// The request as the API sees it from the console: only the browser's cookies go along (so the
// caller is the account signed in to the console, never a bearer header sent to /console).
api::HttpRequest AsAccount(const api::HttpRequest& browser, std::string_view method,
                           std::string target, std::string body);
ApiAnswer CallApi(api::Context& ctx, const api::HttpRequest& browser, std::string_view method,
                  std::string target, const Json* body = nullptr);

// The signed-in console account, or nothing.
std::optional<api::Caller> SignedIn(api::Context& ctx, const api::HttpRequest& req);

// A problem's errors for an error summary: [{"text", "href"}], each linking to "#<form>-<field>"
// where `field` is the form's field named by the API ("" form: no links).
Json ErrorItems(const Json& problem, std::string_view form,
                const std::function<std::string(std::string_view)>& form_field);

// A table of an API list: the list's scalar members as columns (money as pounds), or has_rows
// false. {"heading", "has_rows", "columns": [..], "rows": [{"cells": [..]}]}.
Json Table(std::string_view heading, const Json* list);
// The first array member of an API answer (the list it returns), or nullptr.
const Json* FirstList(const Json& answer);

std::string Pounds(std::int64_t pence);
// "received_on" -> "Received on".
std::string Label(std::string_view key);

// The template `name` inside the console layout, with the security headers and a CSRF token
// (data.csrf); `who` is the signed-in account (nullptr: signed out).
api::HttpResponse ConsolePage(int status, std::string_view name, std::string_view title, Json data,
                              const api::HttpRequest& req, const api::Caller* who);
api::HttpResponse ConsoleMessage(int status, std::string_view heading, std::string_view text,
                                 const api::HttpRequest& req, const api::Caller* who);

}  // namespace childmaint::console
