#include "law/parameter_set.h"

#include <gtest/gtest.h>

namespace childmaint::law {
namespace {

const ParameterSet& Law() {
  static const ParameterSet kLaw = *ParameterSet::LoadEmbedded();
  return kLaw;
}

const LawInForce& On(const char* iso) { return **Law().InForce(*Date::ParseIso(iso)); }

TEST(ParameterSet, NothingBeforeTheSchemeOpened) {
  const auto r = Law().InForce(*Date::ParseIso("2012-12-09"));
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().reason, "law.no_value_in_force");
  EXPECT_EQ(Law().scheme_start().ToIso(), "2012-12-10");
}

TEST(ParameterSet, FlatRateAndReducedTableChangeOn25November2013) {
  EXPECT_EQ(On("2013-11-24").flat_rate.pence(), 500);
  EXPECT_EQ(On("2013-11-25").flat_rate.pence(), 700);
  EXPECT_EQ(On("2013-11-24").reduced_percentage[1][1], Rate::Of(235, 1000));
  EXPECT_EQ(On("2013-11-25").reduced_percentage[1][1], Rate::Of(212, 1000));
  EXPECT_EQ(On("2013-11-24").rules_version.ToIso(), "2012-12-10");
  EXPECT_EQ(On("2013-11-25").rules_version.ToIso(), "2013-11-25");
}

TEST(ParameterSet, StagesAndFees) {
  EXPECT_EQ(On("2012-12-10").min_qualifying_children_per_receiving_parent, 4);
  EXPECT_EQ(On("2013-07-29").min_qualifying_children_per_receiving_parent, 2);
  EXPECT_EQ(On("2013-11-25").min_qualifying_children_per_receiving_parent, 1);
  EXPECT_TRUE(On("2014-08-10").paying_parent_fee.IsZero());
  EXPECT_EQ(On("2014-08-11").paying_parent_fee, Rate::Of(1, 5));
  EXPECT_EQ(On("2014-08-11").receiving_parent_fee, Rate::Of(1, 25));
  EXPECT_EQ(On("2014-08-11").rules_version.ToIso(), "2014-08-11");
}

TEST(ParameterSet, SharedCareBandsAndFixedFurtherDecrease) {
  const LawInForce& l = On("2013-01-15");
  ASSERT_EQ(l.band_count, 5u);
  EXPECT_EQ(l.bands[1].from_nights, 52);
  EXPECT_EQ(l.bands[4].from_nights, 175);
  EXPECT_EQ(l.bands[4].fraction, Rate::Of(1, 2));
  EXPECT_EQ(l.further_decrease_top_band.pence(), 700);  // £7 even while the flat rate was £5
  EXPECT_EQ(l.shared_care_minimum.pence(), 500);
}

TEST(ParameterSet, BenefitVocabulary) {
  const auto& names = Law().benefit_names();
  EXPECT_EQ(names.size(), 22u);
  const LawInForce& l = On("2025-04-07");
  int partner = 0;
  for (std::size_t i = 0; i < names.size(); ++i) {
    partner += (l.partner_benefits >> i) & 1u;
  }
  EXPECT_EQ(partner, 5);
}

TEST(ParameterSet, ServiceFiguresByKey) {
  const Date d2020 = *Date::ParseIso("2020-01-01");
  EXPECT_EQ(Law().Gbp("si2014_612.reg3.application_fee", d2020)->pence(), 2000);
  EXPECT_EQ(Law().Gbp("si2014_612.reg3.application_fee", *Date::ParseIso("2024-02-26"))->pence(), 0);
  EXPECT_EQ(Law().Gbp("si2014_612.reg3.application_fee", *Date::ParseIso("2014-06-29"))->pence(), 0);
  EXPECT_EQ(Law().Gbp("si2014_612.reg10.enforcement_fee", d2020, "liability_order")->pence(),
            30000);
  EXPECT_FALSE(Law().Gbp("si2014_612.reg10.enforcement_fee", d2020, "no_such").has_value());
  EXPECT_FALSE(Law().Gbp("no.such.key", d2020).has_value());
}

}  // namespace
}  // namespace childmaint::law
