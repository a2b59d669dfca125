#include "cases/case_schedule.h"

#include <algorithm>

#include "schedule/due_dates.h"
#include "schedule/instalments.h"

namespace childmaint::cases {

schedule::ScheduleTerms TermsOf(const Case& c, const Decision& d, std::int64_t reference_weeks) {
  return schedule::ScheduleTerms{d.weekly, c.frequency, d.effective_date, d.first_payment_date,
                                 reference_weeks};
}

Result<std::vector<ledger::Due>> DuesUpTo(const Case& c, Date as_of,
                                          std::int64_t reference_weeks) {
  std::vector<ledger::Due> dues;
  for (std::size_t k = 0; k < c.decisions.size(); ++k) {
    const Decision& d = c.decisions[k];
    // Due dates of this schedule run until the next decision takes effect or the case closes.
    Date until = as_of.AddDays(1);
    if (k + 1 < c.decisions.size() && c.decisions[k + 1].effective_date < until) {
      until = c.decisions[k + 1].effective_date;
    }
    if (c.closed_on && *c.closed_on < until) {
      until = *c.closed_on;
    }
    const schedule::ScheduleTerms terms = TermsOf(c, d, reference_weeks);
    if (d.first_payment_date < until) {
      CMS_ASSIGN_OR_RETURN(const Money arrears, schedule::InitialArrearsOf(terms));
      if (arrears.pence() > 0) {
        dues.push_back(ledger::Due{d.first_payment_date, arrears, true});
      }
    }
    for (std::int64_t j = 0;; ++j) {
      CMS_ASSIGN_OR_RETURN(const Date due, schedule::DueDate(d.first_payment_date, c.frequency, j));
      if (!(due < until)) {
        break;
      }
      const Money amount = schedule::InstalmentAmount(d.weekly, reference_weeks, c.frequency, j);
      if (amount.pence() > 0) {
        dues.push_back(ledger::Due{due, amount, false});
      }
    }
  }
  std::stable_sort(dues.begin(), dues.end(),
                   [](const ledger::Due& a, const ledger::Due& b) { return a.due_on < b.due_on; });
  return dues;
}

}  // namespace childmaint::cases
