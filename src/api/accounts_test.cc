// Console accounts: creation, sign-in, lockout and the idle timeout, on a FixedClock.
#include "api/accounts.h"

#include <gtest/gtest.h>

#include "api/crypto.h"
#include "api/router.h"
#include "api/service_test_fixture.h"
#include "api/session.h"

namespace childmaint::api {
namespace {

class AccountsTest : public ServiceTest {
 protected:
  std::optional<Caller> Who(const std::string& session) {
    auto db = pool_->Acquire();
    auto c = ConsoleCaller(*ctx_, *db, session);
    EXPECT_TRUE(c.has_value());
    return c ? *c : std::nullopt;
  }
};

TEST_F(AccountsTest, CreatesWithAGeneratedPasswordStoredHashed) {
  auto password = CreateAccount(*ctx_, "team_leader", "sam.lee");
  ASSERT_TRUE(password.has_value());
  EXPECT_GE(password->size(), 20u);
  auto db = pool_->Acquire();
  auto row = db->One("SELECT role, password_hash FROM accounts WHERE name = 'sam.lee'");
  ASSERT_TRUE(row.has_value());
  EXPECT_EQ(row->Text(0), "team_leader");
  EXPECT_EQ(row->Text(1).find(*password), std::string::npos);
  EXPECT_TRUE(VerifyPin(row->Text(1), *password));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit WHERE action = 'account_created'"), 1);
}

TEST_F(AccountsTest, RefusesDuplicateNamesBadNamesAndBadRoles) {
  ASSERT_TRUE(CreateAccount(*ctx_, "caseworker", "casey").has_value());
  auto again = CreateAccount(*ctx_, "auditor", "casey");
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, ErrorCode::kAlreadyExists);
  EXPECT_FALSE(CreateAccount(*ctx_, "caseworker", "has space").has_value());
  EXPECT_FALSE(CreateAccount(*ctx_, "caseworker", "").has_value());
  EXPECT_FALSE(CreateAccount(*ctx_, "boss", "other").has_value());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM accounts"), 1);
}

TEST_F(AccountsTest, SignsInAndTheSessionNamesTheAccount) {
  const std::string password = *CreateAccount(*ctx_, "caseworker", "casey");
  auto r = SignInAccount(*ctx_, "casey", password);
  ASSERT_TRUE(r.has_value());
  ASSERT_EQ(r->outcome, AccountSignIn::Outcome::kSignedIn);
  const auto caller = Who(r->session);
  ASSERT_TRUE(caller.has_value());
  EXPECT_TRUE(caller->IsCaseworker());
  EXPECT_EQ(caller->role, "caseworker");
  EXPECT_EQ(caller->Actor(), "caseworker:account:casey");
  // Only the hash of the session id is stored.
  EXPECT_EQ(Count(("SELECT COUNT(*) FROM console_sessions WHERE id_hash = '" +
                   Sha256Hex(r->session) + "'").c_str()),
            1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit WHERE action = 'console_signed_in' AND actor = "
                  "'caseworker:account:casey'"),
            1);
  // A new id at every sign-in.
  auto second = SignInAccount(*ctx_, "casey", password);
  ASSERT_TRUE(second.has_value());
  EXPECT_NE(second->session, r->session);
}

// The figures in law/service/portal_security.yaml: 5 failures lock for 30 minutes; 30 idle minutes.
constexpr int kSignInMaxFailures = 5;
constexpr std::int64_t kSignInLockSeconds = 30 * 60;
constexpr std::int64_t kSessionIdleSeconds = 30 * 60;

TEST_F(AccountsTest, FiveFailuresLockTheNameEvenForTheRightPassword) {
  const std::string password = *CreateAccount(*ctx_, "caseworker", "casey");
  for (int i = 0; i < kSignInMaxFailures; ++i) {
    auto r = SignInAccount(*ctx_, "casey", "wrong");
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->outcome, AccountSignIn::Outcome::kWrongDetails);
  }
  auto locked = SignInAccount(*ctx_, "casey", password);
  ASSERT_TRUE(locked.has_value());
  EXPECT_EQ(locked->outcome, AccountSignIn::Outcome::kLocked);
  EXPECT_EQ(locked->retry_after, kSignInLockSeconds);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit WHERE action = 'console_sign_in_failed'"),
            kSignInMaxFailures);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit WHERE action = 'console_sign_in_locked'"), 1);
  clock_.Advance(kSignInLockSeconds + 1);
  auto after = SignInAccount(*ctx_, "casey", password);
  ASSERT_TRUE(after.has_value());
  EXPECT_EQ(after->outcome, AccountSignIn::Outcome::kSignedIn);
}

TEST_F(AccountsTest, UnknownNamesGetTheSameAnswer) {
  auto r = SignInAccount(*ctx_, "nobody", "whatever");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->outcome, AccountSignIn::Outcome::kWrongDetails);
}

TEST_F(AccountsTest, IdleSessionsEndAndActiveOnesAreRefreshed) {
  const std::string password = *CreateAccount(*ctx_, "auditor", "audrey");
  const std::string session = SignInAccount(*ctx_, "audrey", password)->session;
  clock_.Advance(kSessionIdleSeconds - 1);
  EXPECT_TRUE(Who(session).has_value());  // refreshes last-seen
  clock_.Advance(kSessionIdleSeconds - 1);
  EXPECT_TRUE(Who(session).has_value());
  clock_.Advance(kSessionIdleSeconds + 1);
  EXPECT_FALSE(Who(session).has_value());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM console_sessions"), 0);
  EXPECT_FALSE(Who("not-a-session").has_value());
}

TEST_F(AccountsTest, SignOutEndsTheSession) {
  const std::string password = *CreateAccount(*ctx_, "caseworker", "casey");
  const std::string session = SignInAccount(*ctx_, "casey", password)->session;
  EndConsoleSession(*ctx_, session);
  EXPECT_FALSE(Who(session).has_value());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit WHERE action = 'console_signed_out'"), 1);
}

TEST(ConsoleCookie, IsHttpOnlyStrictAndUnderConsole) {
  EXPECT_EQ(ConsoleCookieHeader("abc", false), "cms_console=abc; Path=/console; HttpOnly; SameSite=Strict");
  EXPECT_NE(ConsoleCookieHeader("abc", true).find("; Secure"), std::string::npos);
  EXPECT_NE(ConsoleCookieHeader("", false).find("Max-Age=0"), std::string::npos);
}

}  // namespace
}  // namespace childmaint::api
