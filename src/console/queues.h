// File: queues.h — the console's queues: overdue complaints and open work items (clerical
// incidents, tracing, missed payments, changes), with forms to resolve an item or record a traced
// address.
#pragma once

#include <string>

#include "api/context.h"
#include "api/http_types.h"

namespace childmaint::console {

// GET /console/queues.
api::HttpResponse QueuesPage(api::Context& ctx, const api::HttpRequest& req,
                             const api::Caller& who);
// POST /console/work-items/{id}/resolve and /console/applications/{id}/traced-address.
api::HttpResponse PostQueueForm(api::Context& ctx, const api::HttpRequest& req,
                                const api::Caller& who, const std::string& action,
                                const std::string& id);

}  // namespace childmaint::console
