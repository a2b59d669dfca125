// File: complaint_workflow.h — the stages and statuses a complaint moves through (service.md §7).
//
//   CMS_ASSIGN_OR_RETURN(const ComplaintState next,
//                        Apply({ComplaintStage::kResolution, ComplaintStatus::kAnswered},
//                              ComplaintAction::kEscalate));   // -> review, open
//
// Ladder: Complaints Resolution Team (resolution) -> Complaints Review Team (review) -> Independent
// Case Examiner -> Parliamentary and Health Service Ombudsman. The service acknowledges and answers
// at the first two stages; the last two are outside bodies, so a complaint there is "referred" and
// the service only records the referral. Every (state, action) pair not in the table is refused
// with kFailedPrecondition "complaint.illegal_transition" (409). The 6-month limit for the Independent
// Case Examiner is a date rule, checked by the caller (complaint_dates.h).
// Pure; thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "base/date.h"
#include "base/result.h"

namespace childmaint::cases {

enum class ComplaintStage : std::uint8_t { kResolution, kReview, kIndependentCaseExaminer, kOmbudsman };
inline constexpr std::array<std::string_view, 4> kComplaintStageNames = {
    "resolution", "review", "independent_case_examiner", "ombudsman"};

enum class ComplaintStatus : std::uint8_t { kOpen, kAcknowledged, kAnswered, kReferred };
inline constexpr std::array<std::string_view, 4> kComplaintStatusNames = {
    "open", "acknowledged", "answered", "referred"};

enum class ComplaintAction : std::uint8_t { kAcknowledge, kRespond, kEscalate };
inline constexpr std::array<std::string_view, 3> kComplaintActionNames = {"acknowledge", "respond",
                                                                          "escalate"};

struct ComplaintState {
  ComplaintStage stage = ComplaintStage::kResolution;
  ComplaintStatus status = ComplaintStatus::kOpen;
  friend bool operator==(const ComplaintState&, const ComplaintState&) = default;
};

// The state after `action`, if the table allows it.
std::optional<ComplaintState> PreviewComplaint(ComplaintState state, ComplaintAction action);
Result<ComplaintState> Apply(ComplaintState state, ComplaintAction action);

// True when the service itself must acknowledge and answer at this stage (resolution, review).
bool ServiceHandles(ComplaintStage stage);

// Overdue on `as_of`: at a stage the service handles, an acknowledge_by date has passed
// (as_of > acknowledge_by) without an acknowledgement or answer, or a respond_by date has passed
// without an answer.
bool IsOverdue(ComplaintState state, Date acknowledge_by, Date respond_by, Date as_of);

std::string_view Name(ComplaintStage s);
std::string_view Name(ComplaintStatus s);
std::optional<ComplaintStage> ParseComplaintStage(std::string_view name);
std::optional<ComplaintStatus> ParseComplaintStatus(std::string_view name);

}  // namespace childmaint::cases
