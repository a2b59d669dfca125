#include "cases/complaint_workflow.h"

namespace childmaint::cases {

namespace {

using St = ComplaintStage;
using Ss = ComplaintStatus;
using A = ComplaintAction;

struct Move {
  ComplaintState from;
  A action;
  ComplaintState to;
};

// The whole table: nothing else is allowed.
constexpr std::array<Move, 9> kMoves = {{
    {{St::kResolution, Ss::kOpen}, A::kAcknowledge, {St::kResolution, Ss::kAcknowledged}},
    {{St::kResolution, Ss::kOpen}, A::kRespond, {St::kResolution, Ss::kAnswered}},
    {{St::kResolution, Ss::kAcknowledged}, A::kRespond, {St::kResolution, Ss::kAnswered}},
    {{St::kResolution, Ss::kAnswered}, A::kEscalate, {St::kReview, Ss::kOpen}},
    {{St::kReview, Ss::kOpen}, A::kAcknowledge, {St::kReview, Ss::kAcknowledged}},
    {{St::kReview, Ss::kOpen}, A::kRespond, {St::kReview, Ss::kAnswered}},
    {{St::kReview, Ss::kAcknowledged}, A::kRespond, {St::kReview, Ss::kAnswered}},
    {{St::kReview, Ss::kAnswered}, A::kEscalate, {St::kIndependentCaseExaminer, Ss::kReferred}},
    {{St::kIndependentCaseExaminer, Ss::kReferred}, A::kEscalate, {St::kOmbudsman, Ss::kReferred}},
}};

template <typename E, std::size_t N>
std::optional<E> ParseName(const std::array<std::string_view, N>& names, std::string_view name) {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == name) {
      return static_cast<E>(i);
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<ComplaintState> PreviewComplaint(ComplaintState state, ComplaintAction action) {
  for (const Move& m : kMoves) {
    if (m.from == state && m.action == action) {
      return m.to;
    }
  }
  return std::nullopt;
}

Result<ComplaintState> Apply(ComplaintState state, ComplaintAction action) {
  if (auto next = PreviewComplaint(state, action)) {
    return *next;
  }
  return Error::Make(ErrorCode::kFailedPrecondition, "complaint.illegal_transition",
                     "a complaint at stage " + std::string(Name(state.stage)) + " with status " +
                         std::string(Name(state.status)) + " cannot be " +
                         (action == A::kAcknowledge ? "acknowledged"
                          : action == A::kRespond   ? "answered"
                                                    : "escalated"));
}

bool ServiceHandles(ComplaintStage stage) {
  return stage == St::kResolution || stage == St::kReview;
}

bool IsOverdue(ComplaintState state, Date acknowledge_by, Date respond_by, Date as_of) {
  if (!ServiceHandles(state.stage)) {
    return false;
  }
  const bool unacknowledged = state.status == Ss::kOpen;
  const bool unanswered = state.status == Ss::kOpen || state.status == Ss::kAcknowledged;
  return (unacknowledged && acknowledge_by < as_of) || (unanswered && respond_by < as_of);
}

std::string_view Name(ComplaintStage s) { return kComplaintStageNames.at(static_cast<std::size_t>(s)); }
std::string_view Name(ComplaintStatus s) {
  return kComplaintStatusNames.at(static_cast<std::size_t>(s));
}
std::optional<ComplaintStage> ParseComplaintStage(std::string_view name) {
  return ParseName<ComplaintStage>(kComplaintStageNames, name);
}
std::optional<ComplaintStatus> ParseComplaintStatus(std::string_view name) {
  return ParseName<ComplaintStatus>(kComplaintStatusNames, name);
}

}  // namespace childmaint::cases
