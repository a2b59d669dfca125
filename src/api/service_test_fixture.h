// File: service_test_fixture.h — for unit tests of the service's pieces: a real SQLite file in the
// test's temp directory (schema migrated), the embedded law, a FixedClock and a Context over them.
//
//   class PinCodesTest : public ServiceTest {};
//   TEST_F(PinCodesTest, ...) { auto db = pool_->Acquire(); clock_.Advance(60); ... *ctx_ ... }
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>

#include "api/context.h"
#include "api/crypto.h"
#include "base/clock.h"
#include "law/parameter_set.h"
#include "store/db.h"

namespace childmaint::api {

class ServiceTest : public ::testing::Test {
 protected:
  static constexpr std::int64_t kStart = 1'795'000'000;  // 2026-11-18

  void SetUp() override {
    ASSERT_TRUE(InitCrypto().has_value());
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = ::testing::TempDir() + info->test_suite_name() + "_" + info->name() + "_" +
            std::to_string(::getpid()) + ".db";
    std::filesystem::remove(path_);
    auto pool = store::OpenPool("sqlite:" + path_, 2);
    ASSERT_TRUE(pool.has_value()) << pool.error().message;
    pool_ = std::move(*pool);
    auto law = law::ParameterSet::LoadEmbedded();
    ASSERT_TRUE(law.has_value()) << law.error().message;
    law_ = std::make_unique<law::ParameterSet>(std::move(*law));
    ctx_ = std::make_unique<Context>(Context{*law_, *pool_, clock_, PinHashStrength::kMinimum});
  }
  void TearDown() override {
    ctx_.reset();
    pool_.reset();
    std::filesystem::remove(path_);
  }
  // The first column of the one row `sql` returns (-1 when it fails).
  std::int64_t Count(std::string_view sql) {
    auto db = pool_->Acquire();
    auto row = db->One(sql);
    return row ? row->Int(0) : -1;
  }

  FixedClock clock_{kStart};
  std::string path_;
  std::unique_ptr<store::Pool> pool_;
  std::unique_ptr<law::ParameterSet> law_;
  std::unique_ptr<Context> ctx_;
};

}  // namespace childmaint::api
