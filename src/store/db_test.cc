#include "store/db.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <thread>

namespace childmaint::store {
namespace {

std::string TempDbPath() {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  const std::string path = ::testing::TempDir() + "store_" + info->name() + "_" +
                           std::to_string(::getpid()) + ".db";
  std::filesystem::remove(path);
  std::filesystem::remove(path + "-wal");
  std::filesystem::remove(path + "-shm");
  return path;
}

std::unique_ptr<Pool> Open(const std::string& path, std::size_t size = 2) {
  auto pool = OpenPool("sqlite:" + path, size);
  EXPECT_TRUE(pool.has_value()) << (pool ? "" : pool.error().message);
  return std::move(*pool);
}

TEST(Store, MigratesOnceAndReopens) {
  const std::string path = TempDbPath();
  std::size_t applied = 0;
  {
    auto pool = Open(path);
    auto db = pool->Acquire();
    auto rows = db->Query("SELECT name FROM schema_migrations");
    ASSERT_TRUE(rows.has_value());
    applied = rows->size();
    EXPECT_GE(applied, 1u);
  }
  auto pool = Open(path);
  auto db = pool->Acquire();
  EXPECT_EQ(db->Query("SELECT name FROM schema_migrations")->size(), applied);  // none twice
}

TEST(Store, TypedValuesRoundTrip) {
  auto pool = Open(TempDbPath());
  auto db = pool->Acquire();
  ASSERT_TRUE(db->Exec("CREATE TABLE t (a INTEGER, b TEXT, c TEXT)"));
  const auto id = db->Insert("INSERT INTO t (a, b, c) VALUES (?, ?, ?)",
                             {Value(std::int64_t{9007199254740993}), Value("x'y"), Value()});
  ASSERT_TRUE(id.has_value());
  const auto row = db->One("SELECT a, b, c FROM t WHERE rowid = ?", {Value(*id)});
  ASSERT_TRUE(row.has_value());
  EXPECT_EQ(row->Int(0), 9007199254740993);
  EXPECT_EQ(row->Text(1), "x'y");
  EXPECT_TRUE(row->IsNull(2));
  EXPECT_EQ(db->One("SELECT a FROM t WHERE a = ?", {Value(1)}).error().code, ErrorCode::kNotFound);
}

TEST(Store, ConstraintsBecomeErrors) {
  auto pool = Open(TempDbPath());
  auto db = pool->Acquire();
  ASSERT_TRUE(db->Exec("INSERT INTO cases (reference, status, collection, payment_frequency, "
                       "fee_status, fee_pence, created_at) VALUES ('121', 's', 'direct_pay', "
                       "'weekly', 'not_due', 0, 'now')"));
  const Status dup = db->Exec(
      "INSERT INTO cases (reference, status, collection, payment_frequency, fee_status, "
      "fee_pence, created_at) VALUES ('121', 's', 'direct_pay', 'weekly', 'not_due', 0, 'now')");
  ASSERT_FALSE(dup.has_value());
  EXPECT_EQ(dup.error().code, ErrorCode::kAlreadyExists);
  const Status bad = db->Exec(
      "INSERT INTO cases (reference, status, collection, payment_frequency, fee_status, "
      "fee_pence, created_at) VALUES ('122', 's', 'cash', 'weekly', 'not_due', 0, 'now')");
  EXPECT_EQ(bad.error().code, ErrorCode::kFailedPrecondition);
}

TEST(Store, PostingsAreAppendOnly) {
  auto pool = Open(TempDbPath());
  auto db = pool->Acquire();
  ASSERT_TRUE(db->Exec("INSERT INTO cases (id, reference, status, collection, payment_frequency, "
                       "fee_status, fee_pence, created_at) VALUES (1, '121', 's', "
                       "'collect_and_pay', 'weekly', 'not_due', 0, 'now')"));
  ASSERT_TRUE(db->Exec("INSERT INTO postings (case_id, kind, effective_on, recorded_at, "
                       "amount_pence, recorded_by) VALUES (1, 'payment_received', '2025-01-01', "
                       "0, 100, 'test')"));
  EXPECT_FALSE(db->Exec("UPDATE postings SET amount_pence = 1").has_value());
  EXPECT_FALSE(db->Exec("DELETE FROM postings").has_value());
  EXPECT_EQ(db->One("SELECT amount_pence FROM postings")->Int(0), 100);
}

TEST(Store, FailedTransactionChangesNothing) {
  auto pool = Open(TempDbPath());
  auto db = pool->Acquire();
  ASSERT_TRUE(db->Exec("CREATE TABLE t (a INTEGER)"));
  const Status s = InTransaction(*db, [&]() -> Status {
    CMS_TRY(db->Exec("INSERT INTO t VALUES (1)"));
    return Error::Make(ErrorCode::kInvalidArgument, "x", "fail on purpose");
  });
  EXPECT_FALSE(s.has_value());
  EXPECT_EQ(db->Query("SELECT a FROM t")->size(), 0u);
  ASSERT_TRUE(InTransaction(*db, [&]() { return db->Exec("INSERT INTO t VALUES (2)"); }));
  EXPECT_EQ(db->Query("SELECT a FROM t")->size(), 1u);
}

TEST(Store, ConcurrentWritersAllCommit) {
  auto pool = Open(TempDbPath(), 4);
  {
    auto db = pool->Acquire();
    ASSERT_TRUE(db->Exec("CREATE TABLE t (a INTEGER)"));
  }
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        auto db = pool->Acquire();
        EXPECT_TRUE(InTransaction(*db, [&] { return db->Exec("INSERT INTO t VALUES (?)", {Value(t * 100 + i)}); }));
      }
    });
  }
  for (auto& th : threads) {
    th.join();
  }
  auto db = pool->Acquire();
  EXPECT_EQ(db->Query("SELECT a FROM t")->size(), 200u);
}

TEST(Store, RejectsUnknownUrls) {
  EXPECT_FALSE(OpenPool("mysql://x", 1).has_value());
  EXPECT_FALSE(OpenPool("sqlite:", 1).has_value());
}

}  // namespace
}  // namespace childmaint::store
