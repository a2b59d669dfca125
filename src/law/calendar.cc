#include "law/calendar.h"

#include <algorithm>
#include <iterator>

namespace childmaint::law {

bool Calendar::IsHoliday(Date d) const {
  return std::binary_search(holidays.begin(), holidays.end(), d);
}

const std::string* Calendar::NameOf(Date d) const {
  const auto it = std::lower_bound(holidays.begin(), holidays.end(), d);
  if (it == holidays.end() || *it != d) {
    return nullptr;
  }
  return &names[static_cast<std::size_t>(std::distance(holidays.begin(), it))];
}

}  // namespace childmaint::law
