// One-time PIN codes against a real SQLite file and a FixedClock: issue, verify, expiry, supersede,
// single use, the contact on file, the lockout, and that codes never reach the audit trail.
#include "api/pin_codes.h"

#include <gtest/gtest.h>

#include "api/crypto.h"
#include "api/service_test_fixture.h"
#include "api/session.h"
#include "store/case_repository.h"

namespace childmaint::api {
namespace {

constexpr std::int64_t kMinute = 60;
constexpr std::int64_t kDay = 86400;

class PinCodesTest : public ServiceTest {
 protected:
  // A case whose receiving parent (no PIN) has the given contacts; the paying parent has a PIN.
  cases::Case MakeCase(std::optional<std::string> email, std::optional<std::string> phone,
                       bool address) {
    cases::Case c;
    cases::Party rp;
    rp.role = cases::Role::kReceivingParent;
    rp.name = "Sam Taylor";
    rp.ni_number = "AB123456C";
    rp.email = std::move(email);
    rp.phone = std::move(phone);
    if (address) {
      rp.address = cases::Address{"1 High Street", "Leeds", "LS1 1AA"};
    }
    cases::Party pp;
    pp.role = cases::Role::kPayingParent;
    pp.name = "Alex Morgan";
    pp.ni_number = "JK123456C";
    pp.pin_hash = *HashPin("7654321", PinHashStrength::kMinimum);
    c.parties = {rp, pp};
    auto db = pool_->Acquire();
    EXPECT_TRUE(store::InTransaction(*db, [&]() -> Status {
                  CMS_TRY(store::InsertCase(*db, c, "2026-11-23T12:00:00Z"));
                  return IssueSetUpCodes(*ctx_, *db, c, "test");
                }).has_value());
    return c;
  }

  std::optional<std::string> Issue(const cases::Case& c, CodePurpose purpose) {
    std::optional<std::string> code;
    auto db = pool_->Acquire();
    EXPECT_TRUE(store::InTransaction(*db, [&]() -> Status {
                  CMS_ASSIGN_OR_RETURN(code, IssueCode(*ctx_, *db, c, c.parties[0], purpose, "t"));
                  return Ok();
                }).has_value());
    return code;
  }

  std::vector<store::Row> Outbox() {
    auto db = pool_->Acquire();
    return *db->Query("SELECT channel, recipient, template, body FROM outbox ORDER BY id");
  }

  CodeResult::Outcome Use(const cases::Case& c, const std::string& code,
                          const std::string& pin = "2468135") {
    auto r = SetPinWithCode(*ctx_, c.reference, "ab 12 34 56 c", code, pin);
    EXPECT_TRUE(r.has_value());
    return r ? r->outcome : CodeResult::Outcome::kWrongCode;
  }

};

TEST_F(PinCodesTest, LifetimesAreLawFigures) {
  EXPECT_EQ(*law_->Count("service.portal_security.set_up_code_valid_for", clock_.Today()), 28);
  EXPECT_EQ(*law_->Count("service.portal_security.reset_code_valid_for", clock_.Today()), 30);
  EXPECT_EQ(*law_->Count("service.portal_security.lock_after_failures", clock_.Today()), 5);
  EXPECT_EQ(*law_->Count("service.portal_security.lock_minutes", clock_.Today()), 30);
}

TEST_F(PinCodesTest, SetUpCodeOnlyForPartiesWithoutPinByEmailFirst) {
  MakeCase("sam@example.org", "07700 900123", true);
  const auto out = Outbox();
  ASSERT_EQ(out.size(), 1u);  // the paying parent has a PIN
  EXPECT_EQ(out[0].Text(0), "email");
  EXPECT_EQ(out[0].Text(1), "sam@example.org");
  EXPECT_EQ(out[0].Text(2), "pin_set_up_code");
  EXPECT_NE(out[0].Text(3).find("Sam Taylor"), std::string::npos);
}

TEST_F(PinCodesTest, FallsBackToSmsThenLetterThenNothing) {
  MakeCase(std::nullopt, "07700 900123", true);
  MakeCase(std::nullopt, std::nullopt, true);
  MakeCase(std::nullopt, std::nullopt, false);
  const auto out = Outbox();
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].Text(0), "sms");
  EXPECT_EQ(out[0].Text(1), "07700 900123");
  EXPECT_EQ(out[1].Text(0), "letter");
  EXPECT_EQ(out[1].Text(1), "Sam Taylor, 1 High Street, Leeds, LS1 1AA");
  auto db = pool_->Acquire();
  EXPECT_EQ(db->One("SELECT COUNT(*) FROM audit WHERE action = 'pin_code_not_sent'")->Int(0), 1);
}

TEST_F(PinCodesTest, CodeSetsPinOnceAndIsNeverStoredOrAudited) {
  const cases::Case c = MakeCase("sam@example.org", std::nullopt, false);
  const std::string code = *Issue(c, CodePurpose::kSetUp);
  EXPECT_EQ(code.size(), 12u);
  EXPECT_NE(Outbox().back().Text(3).find(code.substr(0, 4) + "-" + code.substr(4, 4)),
            std::string::npos);
  // Typed in lower case with spaces.
  std::string typed;
  for (const char ch : code) {
    typed += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    typed += ' ';
  }
  EXPECT_EQ(Use(c, typed), CodeResult::Outcome::kPinSet);
  auto signed_in = SignInParent(*ctx_, c.reference, "AB123456C", "2468135");
  EXPECT_EQ(signed_in->outcome, SignInResult::Outcome::kSignedIn);
  EXPECT_EQ(Use(c, code, "1357913"), CodeResult::Outcome::kWrongCode);  // used
  auto db = pool_->Acquire();
  const auto rows = *db->Query("SELECT detail FROM audit");
  for (const store::Row& r : rows) {
    EXPECT_EQ(r.Text(0).find(code.substr(0, 6)), std::string::npos) << r.Text(0);
  }
  const auto stored = *db->Query("SELECT code_hash FROM one_time_codes");
  for (const store::Row& r : stored) {
    EXPECT_EQ(r.Text(0).find(code), std::string::npos);
  }
}

TEST_F(PinCodesTest, ResetCodeExpiresAfterThirtyMinutesSetUpAfterTwentyEightDays) {
  const cases::Case c = MakeCase("sam@example.org", std::nullopt, false);
  const std::string reset = *Issue(c, CodePurpose::kReset);
  clock_.Advance(30 * kMinute);
  EXPECT_EQ(Use(c, reset), CodeResult::Outcome::kWrongCode);
  const std::string set_up = *Issue(c, CodePurpose::kSetUp);
  clock_.Advance(28 * kDay - 1);
  EXPECT_EQ(Use(c, set_up), CodeResult::Outcome::kPinSet);
  const std::string late = *Issue(c, CodePurpose::kSetUp);
  clock_.Advance(28 * kDay);
  EXPECT_EQ(Use(c, late), CodeResult::Outcome::kWrongCode);
}

TEST_F(PinCodesTest, NewCodeSupersedesOlderOfSamePurpose) {
  const cases::Case c = MakeCase("sam@example.org", std::nullopt, false);
  const std::string first = *Issue(c, CodePurpose::kReset);
  const std::string second = *Issue(c, CodePurpose::kReset);
  EXPECT_EQ(Use(c, first), CodeResult::Outcome::kWrongCode);
  EXPECT_EQ(Use(c, second), CodeResult::Outcome::kPinSet);
}

TEST_F(PinCodesTest, BadNewPinIsRejectedWithoutUsingTheCode) {
  const cases::Case c = MakeCase("sam@example.org", std::nullopt, false);
  const std::string code = *Issue(c, CodePurpose::kReset);
  auto r = SetPinWithCode(*ctx_, c.reference, "AB123456C", code, "12345");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().field, "new_pin");
  EXPECT_EQ(Use(c, code), CodeResult::Outcome::kPinSet);
}

TEST_F(PinCodesTest, FiveWrongCodesLockThePairEvenForTheRightCode) {
  const cases::Case c = MakeCase("sam@example.org", std::nullopt, false);
  const std::string code = *Issue(c, CodePurpose::kSetUp);
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(Use(c, "AAAA-BBBB-CCCC"), CodeResult::Outcome::kWrongCode);
  }
  auto locked = SetPinWithCode(*ctx_, c.reference, "AB123456C", code, "2468135");
  ASSERT_TRUE(locked.has_value());
  EXPECT_EQ(locked->outcome, CodeResult::Outcome::kLocked);
  EXPECT_EQ(locked->retry_after, 30 * kMinute);
  // Sign-in shares the lock.
  EXPECT_EQ(SignInParent(*ctx_, c.reference, "AB123456C", "7654321")->outcome,
            SignInResult::Outcome::kLocked);
  // A reset request while locked sends nothing.
  const std::size_t before = Outbox().size();
  EXPECT_TRUE(RequestPinReset(*ctx_, c.reference, "AB123456C").has_value());
  EXPECT_EQ(Outbox().size(), before);
  clock_.Advance(30 * kMinute);
  EXPECT_EQ(Use(c, code), CodeResult::Outcome::kPinSet);
}

TEST_F(PinCodesTest, ResetRequestSendsOnlyWhenDetailsMatch) {
  const cases::Case c = MakeCase("sam@example.org", std::nullopt, false);
  const std::size_t before = Outbox().size();
  EXPECT_TRUE(RequestPinReset(*ctx_, c.reference, "JK654321C").has_value());
  EXPECT_TRUE(RequestPinReset(*ctx_, "121000000000", "AB123456C").has_value());
  EXPECT_EQ(Outbox().size(), before);
  EXPECT_TRUE(RequestPinReset(*ctx_, c.reference, "ab123456c").has_value());
  ASSERT_EQ(Outbox().size(), before + 1);
  EXPECT_EQ(Outbox().back().Text(2), "pin_reset_code");
}

TEST_F(PinCodesTest, AtMostThreeResetCodesADayPerParty) {
  const cases::Case c = MakeCase("sam@example.org", std::nullopt, false);
  const std::size_t before = Outbox().size();
  for (int i = 0; i < 5; ++i) {
    EXPECT_TRUE(RequestPinReset(*ctx_, c.reference, "AB123456C").has_value());
  }
  EXPECT_EQ(Outbox().size(), before + 3);  // law/service/portal_security.yaml reset_codes_per_day
  clock_.Advance(kDay);
  EXPECT_TRUE(RequestPinReset(*ctx_, c.reference, "AB123456C").has_value());
  EXPECT_EQ(Outbox().size(), before + 4);
}

TEST_F(PinCodesTest, SettingPinEndsSessions) {
  const cases::Case c = MakeCase("sam@example.org", std::nullopt, false);
  ASSERT_EQ(Use(c, *Issue(c, CodePurpose::kSetUp)), CodeResult::Outcome::kPinSet);
  ASSERT_EQ(SignInParent(*ctx_, c.reference, "AB123456C", "2468135")->outcome,
            SignInResult::Outcome::kSignedIn);
  EXPECT_EQ(Use(c, *Issue(c, CodePurpose::kReset), "1112223"), CodeResult::Outcome::kPinSet);
  auto db = pool_->Acquire();
  EXPECT_EQ(db->One("SELECT COUNT(*) FROM sessions WHERE party_id = ?", {c.parties[0].id})->Int(0),
            0);
}

TEST(NormaliseCode, DropsSpacesAndHyphensAndCapitalises) {
  EXPECT_EQ(NormaliseCode(" k7qm-4txr 9pcv "), "K7QM4TXR9PCV");
}

}  // namespace
}  // namespace childmaint::api
