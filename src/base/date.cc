#include "base/date.h"

#include <array>

#include "base/check.h"

namespace childmaint {

namespace {
constexpr int kMinYear = 1;
constexpr int kMaxYear = 9999;
constexpr int kMonthsPerYear = 12;

Error BadDate() {
  return Error::Make(ErrorCode::kInvalidArgument, "date.invalid",
                     "a date must be a real calendar date written YYYY-MM-DD");
}

bool Digits(std::string_view s, int& out) {
  out = 0;
  for (const char c : s) {
    if (c < '0' || c > '9') {
      return false;
    }
    out = out * 10 + (c - '0');
  }
  return true;
}

void AppendPadded(std::string& out, int v, int width) {
  char buf[8];
  for (int i = width - 1; i >= 0; --i) {
    buf[i] = static_cast<char>('0' + v % 10);
    v /= 10;
  }
  out.append(buf, static_cast<std::size_t>(width));
}
}  // namespace

Result<Date> Date::FromYmd(int year, unsigned month, unsigned day) {
  if (year < kMinYear || year > kMaxYear) {
    return BadDate();
  }
  const std::chrono::year_month_day ymd{std::chrono::year(year), std::chrono::month(month),
                                        std::chrono::day(day)};
  if (!ymd.ok()) {
    return BadDate();
  }
  return Date(std::chrono::sys_days(ymd));
}

Result<Date> Date::ParseIso(std::string_view s) {
  constexpr std::size_t kLen = 10;
  if (s.size() != kLen || s[4] != '-' || s[7] != '-') {
    return BadDate();
  }
  int y = 0;
  int m = 0;
  int d = 0;
  if (!Digits(s.substr(0, 4), y) || !Digits(s.substr(5, 2), m) || !Digits(s.substr(8, 2), d)) {
    return BadDate();
  }
  return FromYmd(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

void Date::AppendIso(std::string& out) const {
  const auto v = ymd();
  AppendPadded(out, static_cast<int>(v.year()), 4);
  out.push_back('-');
  AppendPadded(out, static_cast<int>(static_cast<unsigned>(v.month())), 2);
  out.push_back('-');
  AppendPadded(out, static_cast<int>(static_cast<unsigned>(v.day())), 2);
}

std::string Date::ToIso() const {
  std::string out;
  AppendIso(out);
  return out;
}

void Date::AppendLongText(std::string& out) const {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  out += std::to_string(day());
  out.push_back(' ');
  out.append(kMonths[month() - 1]);
  out.push_back(' ');
  out += std::to_string(year());
}

std::string Date::ToLongText() const {
  std::string out;
  AppendLongText(out);
  return out;
}

unsigned Date::WeekdayIso() const {
  return std::chrono::weekday(days_).iso_encoding() - 1;
}

Date Date::AddDays(std::int64_t n) const {
  return Date(days_ + std::chrono::days(n));
}

std::int64_t DaysBetween(Date a, Date b) { return (b.days() - a.days()).count(); }

Result<Date> AddMonths(Date d, int months, MonthEnd policy) {
  const auto v = d.ymd();
  const int total = static_cast<int>(v.year()) * kMonthsPerYear +
                    static_cast<int>(static_cast<unsigned>(v.month())) - 1 + months;
  const int year = total / kMonthsPerYear;
  const auto month = static_cast<unsigned>(total % kMonthsPerYear + 1);
  if (year < kMinYear || year > kMaxYear) {
    return BadDate();
  }
  const std::chrono::year_month_day_last last{
      std::chrono::year(year), std::chrono::month_day_last(std::chrono::month(month))};
  const unsigned last_day = static_cast<unsigned>(last.day());
  unsigned day = static_cast<unsigned>(v.day());
  if (day > last_day) {
    if (policy == MonthEnd::kFail) {
      return Error::Make(ErrorCode::kOutOfRange, "date.no_such_day",
                         "that day does not exist in the month reached");
    }
    day = last_day;
  }
  return Date::FromYmd(year, month, day);
}

int AgeOn(Date born, Date on) {
  int age = on.year() - born.year();
  if (on.month() < born.month() || (on.month() == born.month() && on.day() < born.day())) {
    --age;
  }
  return age;
}

}  // namespace childmaint
