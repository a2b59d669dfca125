// File: date.h — civil dates without time zone, which is what statutory dates are (cf. absl CivilDay).
//
//   CMS_ASSIGN_OR_RETURN(const Date d, Date::ParseIso("2025-04-07"));
//   Date next = d.AddDays(7);
//   CMS_ASSIGN_OR_RETURN(const Date m, AddMonths(d, 1, MonthEnd::kClampToLastDay));
//   DateRange r{from, until};   // half-open [from, until)
//
// Thread safety: value types.
#pragma once

#include <chrono>
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/result.h"

namespace childmaint {

class Date {
 public:
  constexpr Date() = default;  // 1970-01-01
  static constexpr Date FromDays(std::chrono::sys_days d) { return Date(d); }
  // Checked; years 1..9999.
  static Result<Date> FromYmd(int year, unsigned month, unsigned day);
  // "YYYY-MM-DD" only: four-digit year, two-digit month and day, a real calendar date.
  static Result<Date> ParseIso(std::string_view s);

  std::string ToIso() const;
  void AppendIso(std::string& out) const;
  // "7 April 2025", as letters and pages write dates.
  std::string ToLongText() const;
  void AppendLongText(std::string& out) const;
  constexpr std::chrono::sys_days days() const { return days_; }
  std::chrono::year_month_day ymd() const { return std::chrono::year_month_day(days_); }
  int year() const { return static_cast<int>(ymd().year()); }
  unsigned month() const { return static_cast<unsigned>(ymd().month()); }
  unsigned day() const { return static_cast<unsigned>(ymd().day()); }
  // 0 = Monday ... 6 = Sunday.
  unsigned WeekdayIso() const;

  Date AddDays(std::int64_t n) const;
  friend constexpr auto operator<=>(const Date&, const Date&) = default;

 private:
  constexpr explicit Date(std::chrono::sys_days d) : days_(d) {}
  std::chrono::sys_days days_{};
};

// Whole days from a to b (negative when b is before a).
std::int64_t DaysBetween(Date a, Date b);

// Half-open [from, until).
struct DateRange {
  Date from;
  Date until;
  bool Contains(Date d) const { return from <= d && d < until; }
  std::int64_t Days() const { return DaysBetween(from, until); }
};

enum class MonthEnd : std::uint8_t {
  kClampToLastDay,  // 31 Jan + 1 month = 28/29 Feb
  kFail,            // 31 Jan + 1 month is an error
};
Result<Date> AddMonths(Date d, int months, MonthEnd policy);

// Age in whole years on `on` for someone born on `born` (a 29 Feb birthday counts on 1 Mar in
// non-leap years).
int AgeOn(Date born, Date on);

}  // namespace childmaint
