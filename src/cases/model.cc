#include "cases/model.h"

namespace childmaint::cases {

const Party* Case::PayingParent() const {
  for (const Party& p : parties) {
    if (p.pays()) {
      return &p;
    }
  }
  return nullptr;
}

const Party* Case::ReceivingParty() const {
  for (const Party& p : parties) {
    if (!p.pays()) {
      return &p;
    }
  }
  return nullptr;
}

const Party* Case::FindParty(std::int64_t party_id) const {
  for (const Party& p : parties) {
    if (p.id == party_id) {
      return &p;
    }
  }
  return nullptr;
}

}  // namespace childmaint::cases
