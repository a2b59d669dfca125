#include "calc/request.h"

namespace childmaint::calc {

void Request::Clear() {
  auto keep_rp = std::move(receiving_parents);
  auto keep_children = std::move(children);
  *this = Request{};
  receiving_parents = std::move(keep_rp);
  children = std::move(keep_children);
  receiving_parents.clear();
  children.clear();
}

void Result::Clear() {
  auto keep_rp = std::move(receiving_parents);
  auto keep_bands = std::move(child_band);
  *this = Result{};
  receiving_parents = std::move(keep_rp);
  child_band = std::move(keep_bands);
  receiving_parents.clear();
  child_band.clear();
}

}  // namespace childmaint::calc
