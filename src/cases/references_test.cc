#include "cases/references.h"

#include <gtest/gtest.h>

namespace childmaint::cases {
namespace {

TEST(CaseReference, TwelveDigitsBeginning121WithACheckDigit) {
  const std::string r = CaseReference(42);
  EXPECT_EQ(r.size(), 12u);
  EXPECT_TRUE(r.starts_with("12100000042"));
  EXPECT_EQ(*ParseCaseReference(r), r);
  EXPECT_EQ(*ParseCaseReference(r.substr(0, 4) + " " + r.substr(4, 4) + " " + r.substr(8)), r);
}

TEST(CaseReference, EveryOneDigitTypoIsCaught) {
  for (std::int64_t seq : {1, 42, 12345678, 99999999}) {
    const std::string r = CaseReference(seq);
    for (std::size_t i = 3; i < r.size(); ++i) {
      for (char d = '0'; d <= '9'; ++d) {
        if (d == r[i]) {
          continue;
        }
        std::string typo = r;
        typo[i] = d;
        EXPECT_FALSE(ParseCaseReference(typo).has_value()) << typo;
      }
    }
  }
}

TEST(CaseReference, MalformedIsNotFound) {
  for (const char* bad : {"", "121", "1210000000429x", "131000000428", "12100000042a"}) {
    const auto r = ParseCaseReference(bad);
    ASSERT_FALSE(r.has_value()) << bad;
    EXPECT_EQ(r.error().code, ErrorCode::kNotFound);
  }
}

TEST(NiNumber, HmrcFormat) {
  EXPECT_EQ(*ParseNiNumber("AB123456C"), "AB123456C");
  EXPECT_EQ(*ParseNiNumber("ab 12 34 56 c"), "AB123456C");
  for (const char* bad : {"AB123456E", "DA123456A", "AD123456A", "AO123456A", "GB123456A",
                          "TN123456A", "ZZ123456A", "A1234567A", "AB12345C", "AB1234567C", ""}) {
    EXPECT_FALSE(ParseNiNumber(bad).has_value()) << bad;
  }
  EXPECT_TRUE(ParseNiNumber("OA123456A").has_value());  // O is allowed first, not second
}

TEST(References, GhacmAndUri) {
  EXPECT_TRUE(IsGhacmReference("GHACM-7Q2K9D"));
  EXPECT_TRUE(IsGhacmReference(std::string(32, 'A')));
  EXPECT_FALSE(IsGhacmReference(std::string(33, 'A')));
  EXPECT_FALSE(IsGhacmReference(""));
  EXPECT_FALSE(IsGhacmReference("GHACM 7Q2"));
  EXPECT_FALSE(IsGhacmReference("GHACM_7Q2"));
  EXPECT_EQ(UniqueReferenceIndicator(17), "URI000000017");
}

}  // namespace
}  // namespace childmaint::cases
