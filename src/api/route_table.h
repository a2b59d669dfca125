// File: route_table.h — how an area of the API declares its endpoints.
//
// Each area (enforcement, reconsiderations and appeals, complaints, changes and closure) defines
// its handlers in handlers_<area>.cc and returns its routes from one function; router.cc gathers
// them. Access is checked by the router before a handler runs.
#pragma once

#include <span>
#include <string_view>

#include "api/handlers.h"

namespace childmaint::api {

using HandlerFn = HttpResponse (*)(Context&, const Caller&, const HttpRequest&, const PathParams&);

enum class Access : std::uint8_t {
  kAnyone,
  kCaseworker,       // bearer token, any role (auditors read only: writes are refused)
  kCaseworkerWrite,  // caseworker or team leader
  kTeamLeader,       // team leader only (write-offs, enforcement beyond deduction orders)
  kCaseParty,        // a caseworker, or a parent of the case in the path (the handler checks)
  kCasePartyWrite,   // a caseworker who can write, or a parent of the case (the handler checks)
};

struct RouteEntry {
  std::string_view method;
  std::string_view pattern;  // "{}" matches one path segment
  Access access;
  HandlerFn fn;
};

std::span<const RouteEntry> EnforcementRoutes();       // handlers_enforcement.cc
std::span<const RouteEntry> ReconsiderationRoutes();   // handlers_reconsiderations.cc
std::span<const RouteEntry> ComplaintRoutes();         // handlers_complaints.cc
std::span<const RouteEntry> AuditRoutes();             // handlers_audit.cc
std::span<const RouteEntry> ChangeRoutes();            // handlers_changes.cc
std::span<const RouteEntry> MessageRoutes();           // handlers_messages.cc
std::span<const RouteEntry> ParentageRoutes();         // handlers_parentage.cc
std::span<const RouteEntry> PinCodeRoutes();           // handlers_pin_codes.cc
std::span<const RouteEntry> DocumentRoutes();          // handlers_documents.cc
std::span<const RouteEntry> CaseworkerRoutes();        // handlers_caseworker.cc

}  // namespace childmaint::api
