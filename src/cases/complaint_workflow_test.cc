#include "cases/complaint_workflow.h"

#include <gtest/gtest.h>

#include <map>
#include <tuple>

namespace childmaint::cases {
namespace {

using St = ComplaintStage;
using Ss = ComplaintStatus;
using A = ComplaintAction;
using Key = std::tuple<St, Ss, A>;

// The allowed moves, written out again independently of the implementation's table.
const std::map<Key, ComplaintState>& Allowed() {
  static const std::map<Key, ComplaintState> kAllowed = {
      {{St::kResolution, Ss::kOpen, A::kAcknowledge}, {St::kResolution, Ss::kAcknowledged}},
      {{St::kResolution, Ss::kOpen, A::kRespond}, {St::kResolution, Ss::kAnswered}},
      {{St::kResolution, Ss::kAcknowledged, A::kRespond}, {St::kResolution, Ss::kAnswered}},
      {{St::kResolution, Ss::kAnswered, A::kEscalate}, {St::kReview, Ss::kOpen}},
      {{St::kReview, Ss::kOpen, A::kAcknowledge}, {St::kReview, Ss::kAcknowledged}},
      {{St::kReview, Ss::kOpen, A::kRespond}, {St::kReview, Ss::kAnswered}},
      {{St::kReview, Ss::kAcknowledged, A::kRespond}, {St::kReview, Ss::kAnswered}},
      {{St::kReview, Ss::kAnswered, A::kEscalate}, {St::kIndependentCaseExaminer, Ss::kReferred}},
      {{St::kIndependentCaseExaminer, Ss::kReferred, A::kEscalate}, {St::kOmbudsman, Ss::kReferred}},
  };
  return kAllowed;
}

TEST(ComplaintWorkflow, EveryPairIsAllowedOrRefused) {
  int refused = 0;
  for (std::size_t s = 0; s < kComplaintStageNames.size(); ++s) {
    for (std::size_t t = 0; t < kComplaintStatusNames.size(); ++t) {
      for (std::size_t a = 0; a < kComplaintActionNames.size(); ++a) {
        const ComplaintState state{static_cast<St>(s), static_cast<Ss>(t)};
        const auto action = static_cast<A>(a);
        const auto it = Allowed().find({state.stage, state.status, action});
        const auto got = Apply(state, action);
        const std::string what = std::string(kComplaintStageNames[s]) + "/" +
                                 std::string(kComplaintStatusNames[t]) + " + " +
                                 std::string(kComplaintActionNames[a]);
        if (it == Allowed().end()) {
          ASSERT_FALSE(got.has_value()) << what;
          EXPECT_EQ(got.error().code, ErrorCode::kFailedPrecondition);
          EXPECT_EQ(got.error().reason, "complaint.illegal_transition");
          EXPECT_FALSE(PreviewComplaint(state, action).has_value());
          ++refused;
        } else {
          ASSERT_TRUE(got.has_value()) << what;
          EXPECT_EQ(*got, it->second) << what;
          EXPECT_EQ(PreviewComplaint(state, action), it->second);
        }
      }
    }
  }
  EXPECT_EQ(refused, 48 - 9);
}

TEST(ComplaintWorkflow, SpecificIllegalMoves) {
  // Respond twice; escalate an open, unanswered complaint; escalate beyond the ombudsman.
  EXPECT_FALSE(Apply({St::kResolution, Ss::kAnswered}, A::kRespond).has_value());
  EXPECT_FALSE(Apply({St::kResolution, Ss::kOpen}, A::kEscalate).has_value());
  EXPECT_FALSE(Apply({St::kReview, Ss::kAcknowledged}, A::kEscalate).has_value());
  EXPECT_FALSE(Apply({St::kOmbudsman, Ss::kReferred}, A::kEscalate).has_value());
}

TEST(ComplaintWorkflow, Overdue) {
  const Date ack = *Date::ParseIso("2025-05-07");
  const Date resp = *Date::ParseIso("2025-05-27");
  const auto on = [](const char* d) { return *Date::ParseIso(d); };
  // Table: state, as_of, overdue.
  const std::vector<std::tuple<ComplaintState, Date, bool>> rows = {
      {{St::kResolution, Ss::kOpen}, on("2025-05-07"), false},
      {{St::kResolution, Ss::kOpen}, on("2025-05-08"), true},
      {{St::kResolution, Ss::kAcknowledged}, on("2025-05-08"), false},
      {{St::kResolution, Ss::kAcknowledged}, on("2025-05-27"), false},
      {{St::kResolution, Ss::kAcknowledged}, on("2025-05-28"), true},
      {{St::kResolution, Ss::kAnswered}, on("2025-06-30"), false},
      {{St::kReview, Ss::kOpen}, on("2025-05-08"), true},
      {{St::kIndependentCaseExaminer, Ss::kReferred}, on("2025-06-30"), false},
      {{St::kOmbudsman, Ss::kReferred}, on("2025-06-30"), false},
  };
  for (const auto& [state, as_of, want] : rows) {
    EXPECT_EQ(IsOverdue(state, ack, resp, as_of), want) << Name(state.stage) << "/"
                                                         << Name(state.status) << " "
                                                         << as_of.ToIso();
  }
}

TEST(ComplaintWorkflow, Names) {
  for (std::size_t s = 0; s < kComplaintStageNames.size(); ++s) {
    EXPECT_EQ(ParseComplaintStage(Name(static_cast<St>(s))), static_cast<St>(s));
  }
  for (std::size_t s = 0; s < kComplaintStatusNames.size(); ++s) {
    EXPECT_EQ(ParseComplaintStatus(Name(static_cast<Ss>(s))), static_cast<Ss>(s));
  }
  EXPECT_FALSE(ParseComplaintStage("ice").has_value());
  EXPECT_FALSE(ParseComplaintStatus("closed").has_value());
}

}  // namespace
}  // namespace childmaint::cases
