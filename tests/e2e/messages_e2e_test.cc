// Secure messages: a parent writes and reads their own; the other parent never sees them; a
// caseworker reads the case's and replies to one party; the portal's page sends through the API.
#include <gtest/gtest.h>

#include "tests/e2e/fixtures.h"

namespace childmaint::testing {
namespace {

Application MessagesApplication() {
  Application app;
  app.ghacm_reference = "GHACM-MSG";
  return app;
}

TEST(MessagesE2E, OwnMessagesOnly) {
  TestServer server;
  const Headers cw = {{"Authorization", server.Bearer("caseworker")}};
  const HttpResult app = server.Post("/api/v1/applications", MessagesApplication().Json(), cw);
  ASSERT_EQ(app.status, 201) << app.body;
  const std::string ref = app.json().Find("case_reference")->AsString();
  const Headers sam = ParentSession(server, ref, kSamNi, kSamPin);
  const Headers alex = ParentSession(server, ref, kAlexNi, kAlexPin);
  const HttpResult sent = server.Post("/api/v1/cases/" + ref + "/messages",
                                      R"({"body":"Payments stopped in May"})", sam);
  ASSERT_EQ(sent.status, 201) << sent.body;
  EXPECT_EQ(sent.json().Find("direction")->AsString(), "to_service");
  const std::int64_t sam_id = sent.json().Find("party_id")->AsInt();
  // The other parent sees none of it.
  const HttpResult theirs = server.Get("/api/v1/cases/" + ref + "/messages", alex);
  EXPECT_EQ(theirs.status, 200);
  EXPECT_EQ(theirs.body.find("Payments stopped"), std::string::npos);
  // A caseworker sees it and replies to Sam.
  const Json all = server.Get("/api/v1/cases/" + ref + "/messages", cw).json();
  EXPECT_EQ(all.Find("messages")->size(), 1u);
  EXPECT_EQ(server.Post("/api/v1/cases/" + ref + "/messages", R"({"body":"We are looking"})", cw)
                .status,
            422);  // which party?
  EXPECT_EQ(server.Post("/api/v1/cases/" + ref + "/messages",
                        R"({"body":"We are looking","party_id":)" + std::to_string(sam_id) + "}", cw)
                .status,
            201);
  const Json mine = server.Get("/api/v1/cases/" + ref + "/messages", sam).json();
  EXPECT_EQ(mine.Find("messages")->size(), 2u);
  // The portal's messages page lists them.
  const HttpResult page = server.Get("/messages", sam);
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("We are looking"), std::string::npos);
}

}  // namespace
}  // namespace childmaint::testing
