// File: calendar.h — the non-working weekdays (bank holidays) listed in a law/calendars/ file.
//
//   const Calendar* c = law.FindCalendar("calendars.bank_holidays_england_and_wales");
//   if (c != nullptr && c->Covers(d) && c->IsHoliday(d)) { ... }
//
// A calendar is complete only inside [covers_from, covers_until): outside it IsHoliday() answers
// false because nothing is listed, so callers that must not guess check Covers() first (the
// working-day functions in cases/working_days.h do). The loader keeps the file as written; lint
// (lint.h) proves the embedded calendars sorted, unique, weekday-only and complete per year, which
// IsHoliday()'s binary search relies on.
// Thread safety: immutable value; safe to share.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "law/law_file.h"

namespace childmaint::law {

// One calendar year's citation and the days listed under it.
struct CalendarYear {
  int year = 0;
  Source source;       // the law that makes that year's days holidays
  std::string status;  // verified | unverified | projected
  std::string verified_by;
  std::optional<Date> verified_on;
  std::vector<std::string> corroboration;
  std::size_t first_day = 0;  // index into Calendar::holidays
  std::size_t day_count = 0;
};

struct Calendar {
  std::string path;  // relative to law/
  std::string id;    // "calendars.bank_holidays_england_and_wales"
  std::string title;
  Date covers_from;  // the list is complete for [covers_from, covers_until)
  Date covers_until;
  std::optional<Date> reviewed_on;
  std::vector<Date> holidays;      // in file order (lint: strictly increasing)
  std::vector<std::string> names;  // names[i] names holidays[i]
  std::vector<CalendarYear> years;

  bool Covers(Date d) const { return covers_from <= d && d < covers_until; }
  // Listed as a holiday. Requires `holidays` sorted (lint).
  bool IsHoliday(Date d) const;
  // The holiday's name, or nullptr when d is not listed.
  const std::string* NameOf(Date d) const;
};

}  // namespace childmaint::law
