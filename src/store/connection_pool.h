// File: connection_pool.h — the Pool both adapters use: a fixed set of open connections handed out
// one at a time (internal to src/store).
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

#include "store/db.h"

namespace childmaint::store {

class ConnectionPool final : public Pool {
 public:
  ~ConnectionPool() override = default;

  Handle Acquire() override {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return !free_.empty(); });
    Db* db = free_.back();
    free_.pop_back();
    return Handle(db, Deleter{this});
  }

  void Add(std::unique_ptr<Db> db) {
    std::lock_guard lock(mu_);
    free_.push_back(db.get());
    owned_.push_back(std::move(db));
  }

 protected:
  void Release(Db* db) override {
    {
      std::lock_guard lock(mu_);
      free_.push_back(db);
    }
    cv_.notify_one();
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<Db*> free_;
  std::vector<std::unique_ptr<Db>> owned_;
};

}  // namespace childmaint::store
