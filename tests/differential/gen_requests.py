#!/usr/bin/env python3
"""Deterministic generator of random, valid calc-contract.md requests (JSONL on stdout).

    python3 tests/differential/gen_requests.py --seed 1 --count 10000 > requests.jsonl

The same --seed and --count always give the same bytes. Every request is valid under the
contract's value rules; a small share deliberately names too few qualifying children for
the scheme stage in force on its date, so the `scheme_not_in_force` path is exercised too.

Coverage: every rate (nil, flat, reduced, basic, basic_plus, cap), effective dates from
2012-12-10 to 2026-12-31 with extra weight on the rule-change dates, shared-care nights
(band edges included), 1-5 receiving parents with 1-4 children each, benefits of the paying
parent and the partner (both lists), the couple flag, nil-rate reasons, relevant other and
other supported children, special expenses and additional income, both collection types,
all three income forms, and optional fields both omitted and given explicitly.

Python 3.11 standard library only.
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import sys

FIRST_DAY = datetime.date(2012, 12, 10)
LAST_DAY = datetime.date(2026, 12, 31)
SECOND_STAGE = datetime.date(2013, 7, 29)
ALL_CASES = datetime.date(2013, 11, 25)
RULE_CHANGE_DATES = ["2012-12-10", "2012-12-11", "2013-07-28", "2013-07-29", "2013-11-24",
                     "2013-11-25", "2014-08-10", "2014-08-11", "2025-04-07"]

PARTNER_BENEFITS = ["income_support", "income_based_jsa", "income_related_esa", "pension_credit",
                    "universal_credit_no_earned_income"]
PAYING_PARENT_ONLY = ["contribution_based_jsa", "contribution_based_esa", "state_pension",
                      "incapacity_benefit", "training_allowance", "armed_forces_compensation",
                      "war_disablement_pension", "bereavement_allowance", "carers_allowance",
                      "maternity_allowance", "severe_disablement_allowance",
                      "industrial_injuries_benefit", "widowed_parents_allowance", "widows_pension",
                      "war_widows_pension", "skillseekers_training",
                      "foreign_social_security_benefit"]
ALL_BENEFITS = PARTNER_BENEFITS + PAYING_PARENT_ONLY
NIL_REASONS = ["child", "prisoner", "youth_16_17_on_benefit", "work_based_training", "care_home"]
EXPENSE_KINDS = ["contact_costs", "relevant_other_child_disability", "prior_debts",
                 "boarding_school_fees", "mortgage_on_former_home"]
NIGHT_EDGES = [0, 1, 51, 52, 103, 104, 155, 156, 174, 175, 182, 365, 366]
INCOME_EDGES = [0, 1, 499, 500, 699, 700, 701, 9999, 10000, 10001, 10050, 13085, 13088, 19999,
                20000, 20001, 20050, 79999, 80000, 80001, 93023, 93024, 299999, 300000, 300001,
                10_000_000_000]
RP_NAMES = ["A", "B", "C", "D", "E", "parent-1", "Ünïcødé", "x" * 64]


def pick_date(rng: random.Random) -> datetime.date:
    if rng.random() < 0.15:
        return datetime.date.fromisoformat(rng.choice(RULE_CHANGE_DATES))
    if rng.random() < 0.15:   # extra weight on the staged-opening period
        span = (ALL_CASES - FIRST_DAY).days
        return FIRST_DAY + datetime.timedelta(days=rng.randrange(span + 5))
    span = (LAST_DAY - FIRST_DAY).days
    return FIRST_DAY + datetime.timedelta(days=rng.randrange(span + 1))


def weekly_amount(rng: random.Random) -> int:
    r = rng.random()
    if r < 0.15:
        return rng.choice(INCOME_EDGES)
    if r < 0.25:
        return rng.randrange(0, 700)             # nil band
    if r < 0.37:
        return rng.randrange(700, 10001)         # low-income flat band
    if r < 0.55:
        return rng.randrange(10001, 20000)       # reduced band
    if r < 0.80:
        return rng.randrange(20000, 80001)       # basic
    if r < 0.95:
        return rng.randrange(80001, 300001)      # basic plus
    return rng.randrange(300001, 5_000_000)      # above the cap


def annual_for_weekly(rng: random.Random, weekly: int) -> int:
    annual = weekly * 365 // 7 + rng.randrange(-400, 401)
    return max(annual, 0)


def income(rng: random.Random) -> dict:
    form = rng.random()
    w = weekly_amount(rng)
    if w > 1_000_000_000:
        form = 0.0                               # keep the annual forms within the money range
    if form < 0.55:
        return {"weekly_pence": w}
    if form < 0.78:
        annual = annual_for_weekly(rng, w)
        inc = {"annual_pence": annual}
        c = rng.random()
        if c < 0.3:
            inc["pension_contributions_annual_pence"] = rng.randrange(0, annual // 5 + 1)
        elif c < 0.35:
            inc["pension_contributions_annual_pence"] = annual        # allowed: equal
        elif c < 0.45:
            inc["pension_contributions_annual_pence"] = 0
        return inc
    # historic + current: the 25 % rule, around its threshold
    historic = 0 if rng.random() < 0.07 else annual_for_weekly(rng, w)
    h_approx = historic * 7 // 365
    k = rng.random()
    if k < 0.2:
        current = h_approx
    elif k < 0.6:
        quarter = h_approx // 4
        current = h_approx + rng.choice([-1, 1]) * (quarter + rng.choice([-2, -1, 0, 1, 2]))
    elif k < 0.7:
        current = 0
    else:
        current = weekly_amount(rng)
    current = min(max(current, 0), 10_000_000_000)
    return {"historic_annual_pence": historic, "current_weekly_pence": current}


def benefit_list(rng: random.Random, p_any: float) -> list[str] | None:
    if rng.random() >= p_any:
        return None if rng.random() < 0.7 else []
    names = [rng.choice(ALL_BENEFITS) for _ in range(rng.choice([1, 1, 1, 2, 3]))]
    if rng.random() < 0.05:
        names.append(names[0])                   # a repeated name counts once
    return names


def variations(rng: random.Random) -> dict | None:
    if rng.random() >= 0.35:
        return None if rng.random() < 0.9 else {}
    v: dict = {}
    if rng.random() < 0.6:
        exps = []
        for _ in range(rng.choice([0, 1, 1, 2, 3, 4])):
            amount = rng.choice([1, 400, 600, 999, 1000, 1001, 2500, rng.randrange(0, 5000),
                                 rng.randrange(0, 40000)])
            exps.append({"kind": rng.choice(EXPENSE_KINDS), "weekly_pence": amount})
        v["special_expenses"] = exps
    if rng.random() < 0.6:
        v["additional_income_weekly_pence"] = rng.choice(
            [0, 300, 9999, 10000, 10001, rng.randrange(0, 20000), rng.randrange(0, 100000),
             400000])
    return v


def request(rng: random.Random, serial: int) -> dict:
    day = pick_date(rng)
    if day < SECOND_STAGE:
        min_children = 4
    elif day < ALL_CASES:
        min_children = 2
    else:
        min_children = 1
    if rng.random() < 0.03:
        min_children = 1                          # may be scheme_not_in_force: still valid JSON

    pp: dict = {}
    benefits = benefit_list(rng, 0.25)
    partner_benefits = benefit_list(rng, 0.15)
    if benefits is not None:
        pp["benefits"] = benefits
    if partner_benefits is not None:
        pp["partner_benefits"] = partner_benefits
    r = rng.random()
    if r < 0.05:
        pp["nil_rate_reason"] = rng.choice(NIL_REASONS)
    elif r < 0.10:
        pp["nil_rate_reason"] = None
    if rng.random() < 0.4:
        pp["relevant_other_children"] = 0 if rng.random() < 0.3 else rng.choice([1, 1, 2, 3, 4, 7])
    if rng.random() < 0.2:
        pp["other_supported_children"] = rng.choice([0, 1, 1, 2, 3, 100])
    if rng.random() < 0.15:
        pp["partner_is_paying_parent"] = rng.random() < 0.7

    income_optional = (pp.get("nil_rate_reason") is not None or bool(benefits)
                       or bool(set(partner_benefits or []) & set(PARTNER_BENEFITS)))
    if not income_optional or rng.random() < 0.5:
        pp["income"] = income(rng)

    n_rp = rng.choices([1, 2, 3, 4, 5], weights=[50, 25, 12, 8, 5])[0]
    names = rng.sample(RP_NAMES, n_rp)
    rps = []
    for i, name in enumerate(names):
        children = []
        for k in range(rng.randint(min_children, 4)):
            x = rng.random()
            if x < 0.55:
                nights = 0
            elif x < 0.8:
                nights = rng.choice(NIGHT_EDGES)
            else:
                nights = rng.randint(0, 366)
            children.append({"id": f"c{serial}-{i}-{k}", "nights_with_paying_parent": nights})
        rps.append({"id": name, "children": children})

    req: dict = {"effective_date": day.isoformat(), "paying_parent": pp, "receiving_parents": rps}
    v = variations(rng)
    if v is not None:
        req["variations"] = v
    c = rng.random()
    if c < 0.35:
        req["collection"] = "collect_and_pay"
    elif c < 0.6:
        req["collection"] = "direct_pay"
    return req


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=1000)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    out = sys.stdout.buffer
    for i in range(args.count):
        line = json.dumps(request(rng, i), ensure_ascii=False, separators=(",", ":"))
        out.write(line.encode("utf-8") + b"\n")
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
