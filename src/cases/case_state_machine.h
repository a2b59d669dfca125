// File: case_state_machine.h — the states a case moves through and the events that move it.
//
//   CMS_ASSIGN_OR_RETURN(const CaseState next, Transition(CaseState::kAwaitingFee,
//                                                         CaseEvent::kFeePaid));
//
// Every (state, event) pair not in the table is refused with kFailedPrecondition
// "case.illegal_transition" (cf. Fineract's lifecycle state machine, which silently ignores
// illegal moves: we do not). Preview() answers the same question without acting.
// Pure; thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "base/result.h"

namespace childmaint::cases {

enum class CaseState : std::uint8_t {
  kAwaitingFee,         // application fee owed (SI 2014/612 reg 3): nothing is decided
  kAwaitingDecision,    // set up; no calculation yet
  kParentageDisputed,   // the alleged paying parent denies parentage and it is not presumed
  kActive,              // a decision is in force; maintenance falls due
  kClosed,              // no qualifying child (or parentage disproved); arrears still collectable
};
inline constexpr std::array<std::string_view, 5> kCaseStateNames = {
    "awaiting_fee", "awaiting_decision", "parentage_disputed", "active", "closed"};

enum class CaseEvent : std::uint8_t {
  kFeePaid,
  kFeeWaived,
  kDecisionMade,          // initial, supersession, revision, review, tribunal
  kParentageDisputed,     // denial where parentage is not presumed
  kParentageEstablished,  // DNA or other evidence: liability backdated to the IED
  kParentageDisproved,
  kNoQualifyingChild,     // the last qualifying child left (16 / 20)
  kReopened,              // a new qualifying child, or a closure made in error
};
inline constexpr std::array<std::string_view, 8> kCaseEventNames = {
    "fee_paid",           "fee_waived",          "decision_made",         "parentage_disputed",
    "parentage_established", "parentage_disproved", "no_qualifying_child", "reopened"};

// The state after `event`, if the table allows it.
std::optional<CaseState> Preview(CaseState state, CaseEvent event);
Result<CaseState> Transition(CaseState state, CaseEvent event);

std::string_view Name(CaseState s);
std::optional<CaseState> ParseCaseState(std::string_view name);

}  // namespace childmaint::cases
