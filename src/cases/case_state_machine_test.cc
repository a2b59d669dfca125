#include "cases/case_state_machine.h"

#include <gtest/gtest.h>

#include <map>
#include <utility>

namespace childmaint::cases {
namespace {

using S = CaseState;
using E = CaseEvent;

// The allowed moves, written out again independently of the implementation's table.
const std::map<std::pair<S, E>, S>& Allowed() {
  static const std::map<std::pair<S, E>, S> kAllowed = {
      {{S::kAwaitingFee, E::kFeePaid}, S::kAwaitingDecision},
      {{S::kAwaitingFee, E::kFeeWaived}, S::kAwaitingDecision},
      {{S::kAwaitingDecision, E::kDecisionMade}, S::kActive},
      {{S::kAwaitingDecision, E::kParentageDisputed}, S::kParentageDisputed},
      {{S::kAwaitingDecision, E::kNoQualifyingChild}, S::kClosed},
      {{S::kParentageDisputed, E::kParentageEstablished}, S::kAwaitingDecision},
      {{S::kParentageDisputed, E::kParentageDisproved}, S::kClosed},
      {{S::kActive, E::kDecisionMade}, S::kActive},
      {{S::kActive, E::kParentageDisputed}, S::kParentageDisputed},
      {{S::kActive, E::kParentageDisproved}, S::kClosed},
      {{S::kActive, E::kNoQualifyingChild}, S::kClosed},
      {{S::kClosed, E::kReopened}, S::kAwaitingDecision},
      {{S::kClosed, E::kDecisionMade}, S::kClosed},
  };
  return kAllowed;
}

TEST(CaseStateMachine, EveryPairIsAllowedOrRefused) {
  int refused = 0;
  for (std::size_t s = 0; s < kCaseStateNames.size(); ++s) {
    for (std::size_t e = 0; e < kCaseEventNames.size(); ++e) {
      const auto state = static_cast<S>(s);
      const auto event = static_cast<E>(e);
      const auto it = Allowed().find({state, event});
      const auto got = Transition(state, event);
      if (it == Allowed().end()) {
        ASSERT_FALSE(got.has_value()) << kCaseStateNames[s] << " + " << kCaseEventNames[e];
        EXPECT_EQ(got.error().code, ErrorCode::kFailedPrecondition);
        EXPECT_EQ(got.error().reason, "case.illegal_transition");
        EXPECT_FALSE(Preview(state, event).has_value());
        ++refused;
      } else {
        ASSERT_TRUE(got.has_value()) << kCaseStateNames[s] << " + " << kCaseEventNames[e];
        EXPECT_EQ(*got, it->second);
        EXPECT_EQ(Preview(state, event), it->second);
      }
    }
  }
  EXPECT_EQ(refused, 40 - 13);
}

TEST(CaseStateMachine, Names) {
  for (std::size_t s = 0; s < kCaseStateNames.size(); ++s) {
    EXPECT_EQ(ParseCaseState(Name(static_cast<S>(s))), static_cast<S>(s));
  }
  EXPECT_FALSE(ParseCaseState("open").has_value());
}

}  // namespace
}  // namespace childmaint::cases
