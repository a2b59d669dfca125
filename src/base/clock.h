// File: clock.h — the only way code learns the time (cf. abseil clock_interface.h).
//
//   const Clock& clock = SystemClock::Get();
//   Date today = clock.Today();
//
// Services take a `const Clock&`; calculations take an explicit Date; tests use FixedClock.
// Thread safety: SystemClock is thread-safe; a FixedClock may be set while others read it.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

#include "base/date.h"

namespace childmaint {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::int64_t NowUnixSeconds() const = 0;
  // The civil date of NowUnixSeconds() in UTC.
  Date Today() const;
};

class SystemClock final : public Clock {
 public:
  static const SystemClock& Get();
  std::int64_t NowUnixSeconds() const override;
};

class FixedClock final : public Clock {
 public:
  explicit FixedClock(std::int64_t unix_seconds) : now_(unix_seconds) {}
  std::int64_t NowUnixSeconds() const override { return now_.load(); }
  void Set(std::int64_t unix_seconds) { now_.store(unix_seconds); }
  void Advance(std::int64_t seconds) { now_.fetch_add(seconds); }

 private:
  std::atomic<std::int64_t> now_;
};

// Midnight UTC at the start of d, in unix seconds.
std::int64_t UnixSecondsAt(Date d);
// "2026-11-23T12:00:00Z".
std::string IsoTimestamp(std::int64_t unix_seconds);

}  // namespace childmaint
