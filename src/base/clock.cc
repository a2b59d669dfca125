#include "base/clock.h"

#include <chrono>
#include <cstdio>
#include <string>

namespace childmaint {

namespace {
constexpr std::int64_t kSecondsPerDay = 86400;
}  // namespace

Date Clock::Today() const {
  const std::int64_t s = NowUnixSeconds();
  const std::int64_t days = s >= 0 ? s / kSecondsPerDay : (s - kSecondsPerDay + 1) / kSecondsPerDay;
  return Date::FromDays(std::chrono::sys_days(std::chrono::days(days)));
}

const SystemClock& SystemClock::Get() {
  static const SystemClock kClock;
  return kClock;
}

std::int64_t SystemClock::NowUnixSeconds() const {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::int64_t UnixSecondsAt(Date d) {
  return static_cast<std::int64_t>(d.days().time_since_epoch().count()) * kSecondsPerDay;
}

std::string IsoTimestamp(std::int64_t unix_seconds) {
  const std::int64_t days = unix_seconds >= 0 ? unix_seconds / kSecondsPerDay
                                              : (unix_seconds - kSecondsPerDay + 1) / kSecondsPerDay;
  const std::int64_t rest = unix_seconds - days * kSecondsPerDay;
  const Date d = Date::FromDays(std::chrono::sys_days(std::chrono::days(days)));
  char buf[16];
  std::snprintf(buf, sizeof buf, "T%02d:%02d:%02dZ", static_cast<int>(rest / 3600),
                static_cast<int>(rest / 60 % 60), static_cast<int>(rest % 60));
  return d.ToIso() + buf;
}

}  // namespace childmaint
