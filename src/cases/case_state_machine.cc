// Case lifecycle (service.md §1-§2, §8): fee before anything is decided (SI 2014/612 reg 3(2));
// no calculation while parentage is disputed and not presumed; closure when no qualifying child
// is left, with arrears still collectable.
#include "cases/case_state_machine.h"

#include <string>

namespace childmaint::cases {

namespace {

struct Move {
  CaseState from;
  CaseEvent event;
  CaseState to;
};

// The whole table: anything else is illegal.
constexpr std::array<Move, 13> kMoves = {{
    {CaseState::kAwaitingFee, CaseEvent::kFeePaid, CaseState::kAwaitingDecision},
    {CaseState::kAwaitingFee, CaseEvent::kFeeWaived, CaseState::kAwaitingDecision},
    {CaseState::kAwaitingDecision, CaseEvent::kDecisionMade, CaseState::kActive},
    {CaseState::kAwaitingDecision, CaseEvent::kParentageDisputed, CaseState::kParentageDisputed},
    {CaseState::kParentageDisputed, CaseEvent::kParentageEstablished, CaseState::kAwaitingDecision},
    {CaseState::kParentageDisputed, CaseEvent::kParentageDisproved, CaseState::kClosed},
    {CaseState::kActive, CaseEvent::kDecisionMade, CaseState::kActive},
    {CaseState::kActive, CaseEvent::kParentageDisputed, CaseState::kParentageDisputed},
    {CaseState::kActive, CaseEvent::kParentageDisproved, CaseState::kClosed},
    {CaseState::kActive, CaseEvent::kNoQualifyingChild, CaseState::kClosed},
    {CaseState::kAwaitingDecision, CaseEvent::kNoQualifyingChild, CaseState::kClosed},
    {CaseState::kClosed, CaseEvent::kReopened, CaseState::kAwaitingDecision},
    {CaseState::kClosed, CaseEvent::kDecisionMade, CaseState::kClosed},  // arrears-only revision
}};

}  // namespace

std::optional<CaseState> Preview(CaseState state, CaseEvent event) {
  for (const Move& m : kMoves) {
    if (m.from == state && m.event == event) {
      return m.to;
    }
  }
  return std::nullopt;
}

Result<CaseState> Transition(CaseState state, CaseEvent event) {
  if (auto to = Preview(state, event)) {
    return *to;
  }
  return Error::Make(ErrorCode::kFailedPrecondition, "case.illegal_transition",
                     "a case that is " + std::string(Name(state)) + " cannot take " +
                         std::string(kCaseEventNames[static_cast<std::size_t>(event)]));
}

std::string_view Name(CaseState s) { return kCaseStateNames[static_cast<std::size_t>(s)]; }

std::optional<CaseState> ParseCaseState(std::string_view name) {
  for (std::size_t i = 0; i < kCaseStateNames.size(); ++i) {
    if (kCaseStateNames[i] == name) {
      return static_cast<CaseState>(i);
    }
  }
  return std::nullopt;
}

}  // namespace childmaint::cases
