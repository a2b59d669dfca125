#!/usr/bin/env python3
"""Independent reference implementation of the childmaint calculation contract.

This is a second, deliberately plain implementation of the NUMERIC rules 1-13 of
shared/spec/calc-contract.md ("Rules the numbers must follow"), written from the
contract text alone. It is an oracle for testing the C++ engine (see
tests/differential/compare.sh); it is not the engine.

Usage:
    python3 tools/reference_calc.py < requests.jsonl > responses.jsonl

Input: one JSON request per line (calc-contract.md "Request"); the request is
assumed to be valid. Only minimal checks are made: a line that is not JSON gives
`malformed_json`, and rule 1 gives `scheme_not_in_force`. Anything else this
oracle cannot handle gives the code `reference_cannot_handle`, which is not a
contract code, so a comparison against it always fails loudly.

Output: one JSON response per line, with exactly the contract's response fields
except `steps`.

Python 3.11 standard library only. All arithmetic is exact (fractions.Fraction and
int); no binary floating point is used anywhere.
"""

from __future__ import annotations

import datetime
import json
import sys
from fractions import Fraction

# --------------------------------------------------------------------------
# Dated figures (contract rules 1, 2, 13 and the rules_version field)
# --------------------------------------------------------------------------
SCHEME_OPENS = datetime.date(2012, 12, 10)        # 4+ qualifying children per receiving parent
SECOND_STAGE = datetime.date(2013, 7, 29)         # 2+ qualifying children per receiving parent
ALL_CASES = datetime.date(2013, 11, 25)           # all cases; flat £7; substituted reduced table
COLLECTION_FEES_FROM = datetime.date(2014, 8, 11)  # SI 2014/612 collection fees

RULES_VERSIONS = (SCHEME_OPENS, ALL_CASES, COLLECTION_FEES_FROM)

FLAT_BEFORE_2013_11_25 = 500
FLAT_FROM_2013_11_25 = 700

LOW_INCOME_LIMIT = 10000     # £100: flat rate at or below, reduced rate strictly above
BASIC_FROM = 20000           # £200: basic rate from here
BASIC_PLUS_ABOVE = 80000     # £800: basic-plus slice above this (after the ROC reduction)
CAP = 300000                 # £3,000 capped amount (Sch 1 para 10(3))
EXTRA_175_DECREASE = 700     # further £7 per 175+ night child, fixed at every date
SPECIAL_EXPENSE_THRESHOLD = 1000  # £10 a week per kind (rule 7)

PARTNER_BENEFITS = frozenset({
    "income_support", "income_based_jsa", "income_related_esa", "pension_credit",
    "universal_credit_no_earned_income",
})
PAYING_PARENT_ONLY_BENEFITS = frozenset({
    "contribution_based_jsa", "contribution_based_esa", "state_pension", "incapacity_benefit",
    "training_allowance", "armed_forces_compensation", "war_disablement_pension",
    "bereavement_allowance", "carers_allowance", "maternity_allowance",
    "severe_disablement_allowance", "industrial_injuries_benefit", "widowed_parents_allowance",
    "widows_pension", "war_widows_pension", "skillseekers_training",
    "foreign_social_security_benefit",
})


def pct(text: str) -> Fraction:
    """'16.4' -> 164/1000, exactly."""
    return Fraction(text) / 100


# Reduced-rate T (reg 43): row = qualifying children 1, 2, 3+; column = ROC 0, 1, 2, 3+.
REDUCED_TABLE_ORIGINAL = {
    1: (pct("19"), pct("16.4"), pct("15.6"), pct("15.2")),
    2: (pct("27"), pct("23.5"), pct("22.5"), pct("21.9")),
    3: (pct("33"), pct("28.8"), pct("27.7"), pct("26.9")),
}
REDUCED_TABLE_SUBSTITUTED = {
    1: (pct("17"), pct("14.1"), pct("13.2"), pct("12.4")),
    2: (pct("25"), pct("21.2"), pct("19.9"), pct("18.9")),
    3: (pct("31"), pct("26.4"), pct("24.9"), pct("23.8")),
}

# Basic rate (Sch 1 para 2): (percentage to £800, percentage above £800) by QC 1, 2, 3+.
BASIC_PERCENTAGES = {
    1: (pct("12"), pct("9")),
    2: (pct("16"), pct("12")),
    3: (pct("19"), pct("15")),
}
# Para 2(3) as modified: income reduced by 11 / 14 / 16 % for 1 / 2 / 3+ ROC.
ROC_REMAINING = (Fraction(1), 1 - pct("11"), 1 - pct("14"), 1 - pct("16"))

# Shared care (Sch 1 para 7): (band name, fraction text, fraction) by nights.
def shared_care_band(nights: int) -> tuple[str, str, Fraction]:
    if nights >= 175:
        return "175+", "1/2", Fraction(1, 2)
    if nights >= 156:
        return "156-174", "3/7", Fraction(3, 7)
    if nights >= 104:
        return "104-155", "2/7", Fraction(2, 7)
    if nights >= 52:
        return "52-103", "1/7", Fraction(1, 7)
    return "none", "0/7", Fraction(0)


# --------------------------------------------------------------------------
# Rounding (rule 12)
# --------------------------------------------------------------------------
def round_half_up(x: Fraction | int) -> int:
    """Nearest whole penny, halves away from zero."""
    x = Fraction(x)
    if x < 0:
        return -round_half_up(-x)
    return (x.numerator * 2 + x.denominator) // (x.denominator * 2)


def floor_pence(x: Fraction) -> int:
    return x.numerator // x.denominator


def split_largest_remainder(total: int, shares: list[Fraction]) -> list[int]:
    """Rule 12: floor each exact share, then hand out the pence still needed to reach
    `total` one each to the largest fractional parts, ties to the earlier share."""
    parts = [floor_pence(s) for s in shares]
    remaining = total - sum(parts)
    if remaining < 0 or remaining > len(shares):
        raise AssertionError("largest-remainder split out of range")
    order = sorted(range(len(shares)), key=lambda i: (-(shares[i] - parts[i]), i))
    for i in order[:remaining]:
        parts[i] += 1
    return parts


# --------------------------------------------------------------------------
# Income (the three income forms)
# --------------------------------------------------------------------------
def weekly_from_annual(annual: int) -> int:
    """reg 35: annual x 7 / 365, rounded half-up to the penny."""
    return round_half_up(Fraction(annual * 7, 365))


def gross_weekly_income(income: dict | None) -> int:
    if income is None:
        return 0
    if "weekly_pence" in income:
        return int(income["weekly_pence"])
    if "annual_pence" in income:
        annual = int(income["annual_pence"])
        pension = int(income.get("pension_contributions_annual_pence", 0))
        return weekly_from_annual(annual - pension)
    # historic + current: the 25 % rule of reg 34, against the ROUNDED historic weekly figure.
    h = weekly_from_annual(int(income["historic_annual_pence"]))
    c = int(income["current_weekly_pence"])
    if (h == 0 and c > 0) or 4 * abs(c - h) >= h:
        return c
    return h


# --------------------------------------------------------------------------
# Rates on an income (rules 5, 6 and 8)
# --------------------------------------------------------------------------
def rate_on_income(income: int, n_qc: int, n_osc: int, n_roc: int, flat: int,
                   reduced_table: dict) -> tuple[str, Fraction]:
    """Reduced, basic or basic-plus amount (exact) on `income`, which must be above £100
    and already capped. Para 5A (rule 8) included."""
    assert LOW_INCOME_LIMIT < income <= CAP
    n_children = n_qc + n_osc            # para 5A: other supported children count too
    row = min(n_children, 3)
    col = min(n_roc, 3)
    if income < BASIC_FROM:
        # rule 5: flat + (income - £100) x T, never below the flat rate.
        name = "reduced"
        amount = flat + (income - LOW_INCOME_LIMIT) * reduced_table[row][col]
        amount = max(amount, Fraction(flat))
    else:
        # rule 6: ROC reduction, then 12/16/19 % to £800 and 9/12/15 % above.
        reduced_income = income * ROC_REMAINING[col]
        low_pct, high_pct = BASIC_PERCENTAGES[row]
        amount = (low_pct * min(reduced_income, Fraction(BASIC_PLUS_ABOVE))
                  + high_pct * max(reduced_income - BASIC_PLUS_ABOVE, Fraction(0)))
        name = "basic_plus" if reduced_income > BASIC_PLUS_ABOVE else "basic"
    if n_osc > 0:
        # rule 8: scale by qualifying / (qualifying + other supported), not below flat.
        amount = amount * Fraction(n_qc, n_children)
        amount = max(amount, Fraction(flat))
    return name, amount


def counted_special_expenses(expenses: list[dict]) -> int:
    """Rule 7: add entries per kind; a kind counts if its total is at least £10 a week,
    except relevant_other_child_disability, which always counts."""
    by_kind: dict[str, int] = {}
    for e in expenses:
        by_kind[e["kind"]] = by_kind.get(e["kind"], 0) + int(e["weekly_pence"])
    total = 0
    for kind, amount in by_kind.items():
        if kind == "relevant_other_child_disability" or amount >= SPECIAL_EXPENSE_THRESHOLD:
            total += amount
    return total


# --------------------------------------------------------------------------
# The calculation
# --------------------------------------------------------------------------
class SchemeNotInForce(Exception):
    pass


def calculate(req: dict) -> dict:
    effective = datetime.date.fromisoformat(req["effective_date"])
    rps = req["receiving_parents"]
    per_rp_counts = [len(rp["children"]) for rp in rps]

    # Rule 1: scheme stages, counted per receiving parent.
    if effective < SCHEME_OPENS:
        raise SchemeNotInForce("before 2012-12-10")
    if effective < SECOND_STAGE and min(per_rp_counts) < 4:
        raise SchemeNotInForce("before 2013-07-29 every receiving parent needs 4+ children")
    if effective < ALL_CASES and min(per_rp_counts) < 2:
        raise SchemeNotInForce("before 2013-11-25 every receiving parent needs 2+ children")

    # Rule 2: dated figures.
    flat = FLAT_BEFORE_2013_11_25 if effective < ALL_CASES else FLAT_FROM_2013_11_25
    reduced_table = REDUCED_TABLE_ORIGINAL if effective < ALL_CASES else REDUCED_TABLE_SUBSTITUTED
    fees_apply = (effective >= COLLECTION_FEES_FROM
                  and req.get("collection", "direct_pay") == "collect_and_pay")
    rules_version = max(d for d in RULES_VERSIONS if d <= effective).isoformat()

    pp = req["paying_parent"]
    gross = gross_weekly_income(pp.get("income"))
    benefits = set(pp.get("benefits") or [])
    partner_benefits = set(pp.get("partner_benefits") or [])
    nil_reason = pp.get("nil_rate_reason")
    n_roc = int(pp.get("relevant_other_children", 0))
    n_osc = int(pp.get("other_supported_children", 0))
    partner_is_paying_parent = bool(pp.get("partner_is_paying_parent", False))
    variations = req.get("variations") or {}
    additional = int(variations.get("additional_income_weekly_pence", 0))
    expenses = variations.get("special_expenses") or []
    n_qc = sum(per_rp_counts)

    # Benefits (rule 4): paying-parent-only names in partner_benefits are ignored.
    partner_benefit_anywhere = bool((benefits | partner_benefits) & PARTNER_BENEFITS)
    benefit_applies = bool(benefits) or bool(partner_benefits & PARTNER_BENEFITS)

    income_plus_additional = min(gross + additional, CAP)   # reg 73(1): add, then cap

    # mode: "nil" | "flat_benefit" | "flat_low_income" | "scale" (reduced/basic/basic_plus)
    rate_name: str
    exact_rate: Fraction
    if nil_reason is not None:
        # Rule 3: a nil-rate reason beats everything.
        mode, rate_name, exact_rate = "nil", "nil", Fraction(0)
        income_used = income_plus_additional
    elif benefit_applies:
        if not partner_benefit_anywhere and additional > LOW_INCOME_LIMIT:
            # Rule 4, additional-income path: rules 5, 6, 8 on the capped additional income
            # alone, never below flat; shared care by rules 9 and 10.
            income_used = min(additional, CAP)
            rate_name, exact_rate = rate_on_income(income_used, n_qc, n_osc, n_roc, flat,
                                                   reduced_table)
            exact_rate = max(exact_rate, Fraction(flat))
            mode = "scale"
        else:
            mode, rate_name = "flat_benefit", "flat"
            couple = partner_is_paying_parent and partner_benefit_anywhere
            exact_rate = Fraction(flat, 2) if couple else Fraction(flat)
            income_used = income_plus_additional
    elif income_plus_additional < flat:
        mode, rate_name, exact_rate = "nil", "nil", Fraction(0)
        income_used = income_plus_additional
    elif income_plus_additional <= LOW_INCOME_LIMIT:
        mode, rate_name, exact_rate = "flat_low_income", "flat", Fraction(flat)
        income_used = income_plus_additional
    else:
        # Rule 7: the band on gross + additional is reduced/basic, so special expenses count.
        deducted = counted_special_expenses(expenses)
        income_used = min(max(gross + additional - deducted, 0), CAP)
        if income_used <= LOW_INCOME_LIMIT:
            # never nil: the low-income flat rate
            mode, rate_name, exact_rate = "flat_low_income", "flat", Fraction(flat)
        else:
            mode = "scale"
            rate_name, exact_rate = rate_on_income(income_used, n_qc, n_osc, n_roc, flat,
                                                   reduced_table)

    weekly_amount = round_half_up(exact_rate)      # rule 12: the rate's weekly amount

    # Rules 9-11: each receiving parent's exact amount.
    child_results = []
    exact_amounts: list[Fraction] = []
    for rp in rps:
        kids = []
        for ch in rp["children"]:
            band, frac_text, frac = shared_care_band(int(ch["nights_with_paying_parent"]))
            kids.append((ch["id"], band, frac_text, frac))
        child_results.append(kids)
        n_i = len(kids)
        if mode == "nil":
            amount = Fraction(0)
        elif mode == "flat_benefit":
            # rule 11: nil for a receiving parent with any child at 52+ nights.
            if any(k[1] != "none" for k in kids):
                amount = Fraction(0)
            else:
                amount = exact_rate * n_i / n_qc
        elif mode == "flat_low_income":
            amount = Fraction(flat) * n_i / n_qc
        else:
            per_child = Fraction(weekly_amount, n_qc)
            amount = sum((per_child * (1 - k[3]) for k in kids), Fraction(0))
            amount -= EXTRA_175_DECREASE * sum(1 for k in kids if k[1] == "175+")
            amount = max(amount, Fraction(0))
        exact_amounts.append(amount)

    if mode == "scale" and sum(exact_amounts) < flat:
        # rule 10: the flat rate, split by number of qualifying children.
        exact_amounts = [Fraction(flat) * len(kids) / n_qc for kids in child_results]

    total = round_half_up(sum(exact_amounts, Fraction(0)))
    parts = split_largest_remainder(total, exact_amounts)

    rp_out = []
    for rp, kids, weekly in zip(rps, child_results, parts):
        if fees_apply:
            pp_fee = round_half_up(Fraction(weekly * 20, 100))
            rp_fee = round_half_up(Fraction(weekly * 4, 100))
        else:
            pp_fee = rp_fee = 0
        rp_out.append({
            "id": rp["id"],
            "weekly_pence": weekly,
            "children": [{"id": k[0], "shared_care_band": k[1], "shared_care_fraction": k[2]}
                         for k in kids],
            "paying_parent_fee_pence": pp_fee,
            "receiving_parent_fee_pence": rp_fee,
            "paying_parent_pays_pence": weekly + pp_fee,
            "receiving_parent_gets_pence": weekly - rp_fee,
        })

    return {
        "effective_date": req["effective_date"],
        "rules_version": rules_version,
        "rate": rate_name,
        "gross_weekly_income_pence": gross,
        "income_used_pence": income_used,
        "weekly_amount_before_shared_care_pence": weekly_amount,
        "weekly_liability_pence": total,
        "receiving_parents": rp_out,
    }


def error(code: str, message: str, field: str = "") -> dict:
    return {"error": {"code": code, "field": field, "message": message}}


def _reject_constant(name: str):
    raise ValueError(f"not JSON: {name}")


def _has_lone_surrogate(value) -> bool:
    if isinstance(value, str):
        return any(0xD800 <= ord(ch) <= 0xDFFF for ch in value)
    if isinstance(value, list):
        return any(_has_lone_surrogate(v) for v in value)
    if isinstance(value, dict):
        return any(_has_lone_surrogate(k) or _has_lone_surrogate(v) for k, v in value.items())
    return False


def respond(raw: bytes) -> dict:
    try:
        line = raw.decode("utf-8")
        req = json.loads(line, parse_constant=_reject_constant)
    except ValueError as e:            # UnicodeDecodeError and JSONDecodeError included
        return error("malformed_json", str(e))
    if _has_lone_surrogate(req):
        return error("malformed_json", "unpaired surrogate escape")
    try:
        return calculate(req)
    except SchemeNotInForce as e:
        return error("scheme_not_in_force", str(e), "effective_date")
    except Exception as e:  # noqa: BLE001 - an oracle must never crash mid-stream
        return error("reference_cannot_handle", f"{type(e).__name__}: {e}")


def main() -> int:
    data = sys.stdin.buffer.read()
    if not data:
        return 0
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()            # the final newline does not make an extra request
    out = sys.stdout.buffer
    for line in lines:
        out.write(json.dumps(respond(line), ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
        out.write(b"\n")
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
