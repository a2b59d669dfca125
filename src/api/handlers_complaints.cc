// The complaints area of the API (see route_table.h).
#include "api/route_table.h"

namespace childmaint::api {

std::span<const RouteEntry> ComplaintRoutes() { return {}; }

}  // namespace childmaint::api
