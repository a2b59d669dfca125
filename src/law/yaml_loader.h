// File: yaml_loader.h — reads law/ YAML text into LawFile values (the yaml-cpp adapter).
//
// Only this module's yaml_loader.cc includes yaml-cpp; it catches the library's exceptions and
// returns Error. Schema problems (a missing key, a bad date) are errors naming the file and place.
//
// Files under calendars/ are calendars (ParseCalendar; format in the header of
// law/calendars/bank_holidays_england_and_wales.yaml); instruments.yaml is ParseInstruments; every
// other file is a parameter file (ParseLawFile). A parameter file under service/ must give each
// parameter a `period` (minutes, days, working_days, months, years or attempts) saying what its
// count counts.
// Thread safety: pure functions.
#pragma once

#include <string_view>
#include <vector>

#include "base/result.h"
#include "law/calendar.h"
#include "law/law_file.h"

namespace childmaint::law {

Result<LawFile> ParseLawFile(std::string_view path, std::string_view text);
Result<std::vector<Instrument>> ParseInstruments(std::string_view text);
// Schema only: order, weekdays and coverage are lint's checks (lint.h), so a broken calendar loads
// and is reported rather than refused.
Result<Calendar> ParseCalendar(std::string_view path, std::string_view text);

// "calendars/": the folder whose files ParameterSet::Load reads with ParseCalendar.
inline constexpr std::string_view kCalendarDir = "calendars/";
// "service/": service standards; the only files that may cite guidance rather than legislation.
inline constexpr std::string_view kServiceDir = "service/";

}  // namespace childmaint::law
