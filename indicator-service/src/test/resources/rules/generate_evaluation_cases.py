#!/usr/bin/env python3
"""Writes evaluation-cases.csv: the rulebook (README, "The rulebook") restated here on its own, independently of the
Java code, and applied to values on both sides of every boundary. EvaluationCasesTest runs every row through the API.

    python3 generate_evaluation_cases.py > evaluation-cases.csv

Columns: id, plan (ANNUAL = 2017, FIVE_YEAR = 2016-2020, baseline year 2015), year evaluated, unit, attribute, direction,
target text, observations ("2015=100;2016=g7.2": a value, or g + a growth rate; nc = not comparable; est = estimate
with no figure), reference observations (RELATIVE targets), expected verdict, rule, actual, threshold, expected level,
and what the indicator's yearly values measure (LEVEL, or DECLINE_RATE for the decline rates of a 累计下降 target).
"""
import csv
import math
import sys
from decimal import Decimal, ROUND_HALF_UP, getcontext

getcontext().prec = 16
ABOUT_POINTS = Decimal("0.5")
ABOUT_SHARE = Decimal("0.05")
BASIC_POINTS = Decimal("0.5")

rows = []


def d(x):
    return Decimal(str(x))


def fmt(x):
    if x is None:
        return ""
    x = d(x).normalize()
    return format(x, "f")


def add(plan, year, unit, attribute, direction, text, obs, verdict, rule, actual=None, threshold=None, expected=None, ref="",
        measures="LEVEL"):
    rows.append([len(rows) + 1, plan, year, unit, attribute, direction, text, obs, ref, verdict, rule,
                 fmt(actual), fmt(threshold), fmt(expected), measures])


def tolerance(attribute, band):
    return Decimal(0) if attribute == "BINDING" or band is None else band


def round2(value_float):
    return Decimal(repr(value_float)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


# ---- annual plan 2017: one year's level or growth, final ----------------------------------------------------------

def annual_level(kind, t, unit, attribute, direction, v, growth):
    """ANNUAL plan, final: AT_LEAST v >= t, AT_MOST v <= t, REACH/ABOUT by direction within the band."""
    text = {"AT_LEAST": f"≥{t}", "AT_MOST": f"{t}以内", "REACH": f"{t}", "ABOUT": f"{t}左右"}[kind]
    if growth:
        text = {"AT_LEAST": f"增长{t}%以上", "AT_MOST": f"{t}%以内", "REACH": f"增长{t}%", "ABOUT": f"{t}%左右"}[kind]
    band = None
    if kind == "ABOUT":
        band = ABOUT_POINTS if (growth or unit in ("%", "‰")) else (d(t) * ABOUT_SHARE)
    tol = tolerance(attribute, band)
    t = d(t)
    if kind == "AT_LEAST":
        thr, meets, rule = t, d(v) >= t, "AT_LEAST"
    elif kind == "AT_MOST":
        thr, meets, rule = t, d(v) <= t, "AT_MOST"
    else:
        rule = "ABOUT_WITHIN_BAND" if kind == "ABOUT" else "REACH_LEVEL"
        if direction == "DECREASE":
            thr = t + tol
            meets = d(v) <= thr
        elif direction == "MAINTAIN":
            thr = t
            meets = abs(d(v) - t) <= tol
        else:
            thr = t - tol
            meets = d(v) >= thr
    obs = f"2017=g{v}" if growth else f"2017={v}"
    add("ANNUAL", 2017, unit, attribute, direction, text, obs, "ACHIEVED" if meets else "NOT_ACHIEVED", rule, v, thr)


for attribute in ("EXPECTED", "BINDING", "NONE"):
    for kind, t in (("AT_LEAST", 70), ("AT_MOST", 9), ("REACH", 80), ("ABOUT", 6.5)):
        for direction in ("INCREASE", "DECREASE", "MAINTAIN") if kind in ("REACH", "ABOUT") else ("INCREASE",):
            growth = kind == "ABOUT"
            unit = "亿元" if growth else "%"
            tol = tolerance(attribute, ABOUT_POINTS if kind == "ABOUT" else None)
            edge = d(t) - tol if direction != "DECREASE" else d(t) + tol
            if kind == "AT_MOST":
                edge = d(t)
            for delta in (Decimal("-0.01"), Decimal(0), Decimal("0.01")):
                annual_level(kind, t, unit, attribute, direction, edge + delta, growth)
            if direction == "MAINTAIN":
                annual_level(kind, t, unit, attribute, direction, d(t) + tol + Decimal("0.01"), growth)
                annual_level(kind, t, unit, attribute, direction, d(t) + tol, growth)

# 左右 on a level: a band of 5% of the target.
for v in (950, 949.99, 1050, 1000):
    annual_level("ABOUT", 1000, "亿元", "EXPECTED", "INCREASE", v, False)
    annual_level("ABOUT", 1000, "亿元", "BINDING", "INCREASE", v, False)

# No figure, a caliber change, an estimate still pending.
add("ANNUAL", 2017, "%", "EXPECTED", "INCREASE", "80", "", "NOT_EVALUABLE", "NO_DATA")
add("ANNUAL", 2017, "%", "EXPECTED", "INCREASE", "80", "2017=nc85", "NOT_COMPARABLE", "CALIBER_CHANGED", 85)
add("ANNUAL", 2017, "%", "EXPECTED", "INCREASE", "80", "2017=est", "NOT_EVALUABLE", "ESTIMATE_PENDING")
add("ANNUAL", 2017, "亿元", "EXPECTED", "INCREASE", "6.5%左右", "2016=g9", "NOT_EVALUABLE", "NO_DATA")

# ---- five-year plan 2016-2020 -------------------------------------------------------------------------------------

SHARE = {y: (Decimal(y - 2016 + 1) / Decimal(5)).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP) for y in range(2016, 2021)}


def five_level(kind, t, attribute, direction, year, v, baseline):
    """A level in a five-year plan: final as in an annual plan; during the period AT_LEAST/AT_MOST are judged as
    they stand (ON_TRACK/LAGGING), REACH/ABOUT are AHEAD when already met, else against the straight line from the
    2015 baseline: expected = b + (t - b) * share (share = years elapsed / 5), ON_TRACK when v >= expected - band
    (v <= expected + band when the indicator should fall)."""
    text = {"AT_LEAST": f"≥{t}", "AT_MOST": f"≤{t}", "REACH": f"{t}", "ABOUT": f"{t}左右"}[kind]
    band = ABOUT_POINTS if kind == "ABOUT" else None
    tol = tolerance(attribute, band)
    t = d(t)
    obs = ";".join(x for x in (f"2015={baseline}" if baseline is not None else "", f"{year}={v}") if x)
    final = year == 2020
    if kind in ("AT_LEAST", "AT_MOST"):
        meets = d(v) >= t if kind == "AT_LEAST" else d(v) <= t
        verdict = ("ACHIEVED" if meets else "NOT_ACHIEVED") if final else ("ON_TRACK" if meets else "LAGGING")
        add("FIVE_YEAR", year, "%", attribute, direction, text, obs, verdict, kind, v, t)
        return
    rule = "ABOUT_WITHIN_BAND" if kind == "ABOUT" else "REACH_LEVEL"
    if direction == "DECREASE":
        thr = t + tol
        meets = d(v) <= thr
    else:
        thr = t - tol
        meets = d(v) >= thr
    if final:
        add("FIVE_YEAR", year, "%", attribute, direction, text, obs, "ACHIEVED" if meets else "NOT_ACHIEVED", rule, v, thr)
        return
    if meets:
        add("FIVE_YEAR", year, "%", attribute, direction, text, obs, "AHEAD", rule + "_AHEAD", v, thr)
        return
    if baseline is None:
        add("FIVE_YEAR", year, "%", attribute, direction, text, obs, "NOT_EVALUABLE", "NO_BASELINE", v, thr)
        return
    b = d(baseline)
    expected = b + (t - b) * SHARE[year]
    on = d(v) <= expected + tol if direction == "DECREASE" else d(v) >= expected - tol
    add("FIVE_YEAR", year, "%", attribute, direction, text, obs, "ON_TRACK" if on else "LAGGING",
        "LINEAR_PROGRESS_FROM_BASELINE", v, thr, expected)


for attribute in ("EXPECTED", "BINDING"):
    # REACH 70 from a 60 baseline: 2017 (share 0.4) calls for 64, 2018 (0.6) for 66.
    for year, exp in ((2017, Decimal(64)), (2018, Decimal(66))):
        for v in (exp - Decimal("0.6"), exp - Decimal("0.5"), exp - Decimal("0.01"), exp, exp + 1, Decimal(70), Decimal(71)):
            five_level("REACH", 70, attribute, "INCREASE", year, v, 60)
            five_level("ABOUT", 70, attribute, "INCREASE", year, v, 60)
    # DECREASE: from 20 down to 10; 2018 calls for 14.
    for v in (Decimal("14.5"), Decimal("14.51"), Decimal(14), Decimal("14.01"), Decimal(10), Decimal(9)):
        five_level("REACH", 10, attribute, "DECREASE", 2018, v, 20)
    # Final year, both sides.
    for v in (Decimal("69.99"), Decimal(70), Decimal("69.5"), Decimal("69.49")):
        five_level("REACH", 70, attribute, "INCREASE", 2020, v, 60)
        five_level("ABOUT", 70, attribute, "INCREASE", 2020, v, 60)
    for kind, t in (("AT_LEAST", 94), ("AT_MOST", 10.5)):
        for year in (2018, 2020):
            for v in (d(t) - Decimal("0.01"), d(t), d(t) + Decimal("0.01")):
                five_level(kind, t, attribute, "INCREASE" if kind == "AT_LEAST" else "DECREASE", year, v, None)
# During the period without a baseline: only AHEAD can be told.
five_level("REACH", 70, "EXPECTED", "INCREASE", 2018, 65, None)
five_level("REACH", 70, "EXPECTED", "INCREASE", 2018, 72, None)
add("FIVE_YEAR", 2020, "%", "EXPECTED", "INCREASE", "70", "2015=60;2019=71", "NOT_EVALUABLE", "NO_DATA")


def average_growth(attribute, text, t, band, year, rates, period=None):
    """年均增长: the geometric mean of the yearly growth rates (or the plan's own period result), against t - band.
    Final: ACHIEVED when mean >= t - band; missing years make it NOT_EVALUABLE. During the period: AHEAD when the
    growth so far compounds to the whole period's (1 + t)^5, else ON_TRACK when mean >= t - band."""
    tol = tolerance(attribute, band)
    thr = d(t) - tol
    final = year == 2020
    if period is not None:
        obs = f"2020=p{period}"
        verdict = "ACHIEVED" if d(period) >= thr else "NOT_ACHIEVED"
        add("FIVE_YEAR", year, "%", attribute, "INCREASE", text, obs, verdict, "AVERAGE_GROWTH_AT_LEAST_TARGET", period, thr)
        return
    obs = ";".join(f"{y}=g{g}" for y, g in rates.items())
    years = [y for y in range(2016, year + 1)]
    missing = [y for y in years if y not in rates]
    present = [rates[y] for y in years if y in rates]
    if not present or (final and missing):
        add("FIVE_YEAR", year, "%", attribute, "INCREASE", text, obs, "NOT_EVALUABLE", "NO_DATA")
        return
    product = 1.0
    exact = Decimal(1)
    for g in present:
        product *= 1 + float(g) / 100
        exact *= 1 + d(g) / 100
    mean = round2((math.pow(product, 1.0 / len(present)) - 1) * 100)
    whole = (1 + d(t) / 100) ** 5
    if final:
        verdict = "ACHIEVED" if mean >= thr else "NOT_ACHIEVED"
    elif exact >= whole:
        verdict = "AHEAD"
    else:
        verdict = "ON_TRACK" if mean >= thr else "LAGGING"
    add("FIVE_YEAR", year, "%", attribute, "INCREASE", text, obs, verdict, "AVERAGE_GROWTH_GEOMETRIC_MEAN", mean, thr)


for attribute in ("EXPECTED", "BINDING"):
    for text, band in (("年均增长7%左右", ABOUT_POINTS), ("年均增长7%", None)):
        for g in ("6.49", "6.5", "6.99", "7", "7.3"):
            average_growth(attribute, text, 7, band, 2020, {y: g for y in range(2016, 2021)})
        average_growth(attribute, text, 7, band, 2018, {2016: "6.4", 2017: "6.6", 2018: "6.5"})
        average_growth(attribute, text, 7, band, 2018, {2016: "8", 2017: "6", 2018: "7.2"})
        average_growth(attribute, text, 7, band, 2020, {2016: "8", 2017: "6", 2018: "7.2", 2019: "6.9", 2020: "7"})
        average_growth(attribute, text, 7, band, 2020, {2016: "8", 2017: "8", 2018: "8", 2019: "8"})
        average_growth(attribute, text, 7, band, 2019, {2016: "8", 2018: "7", 2019: "7"})
        average_growth(attribute, text, 7, band, 2020, None, period="6.6")
        average_growth(attribute, text, 7, band, 2020, None, period="6.4")
    # AHEAD by compounding: two years of 22% are more than five years of 7% (1.07^5 = 1.4026).
    average_growth(attribute, "年均增长7%", 7, None, 2017, {2016: "22", 2017: "22"})
    average_growth(attribute, "年均增长7%", 7, None, 2017, {2016: "18", 2017: "18"})


def cumulative_decline(attribute, text, t, band, year, rates):
    """累计下降: 1 - product(1 - r) over the yearly decline rates, all years present. Final: ACHIEVED when >= t - band.
    During the period: AHEAD when already >= t, else ON_TRACK when >= the constant-rate path 1 - (1 - t)^share, less the band."""
    tol = tolerance(attribute, band)
    obs = ";".join(f"{y}={r}" for y, r in rates.items())
    years = list(range(2016, year + 1))
    if any(y not in rates for y in years):
        add("FIVE_YEAR", year, "%", attribute, "INCREASE", text, obs, "NOT_EVALUABLE", "NO_DATA", measures="DECLINE_RATE")
        return
    remaining = Decimal(1)
    for y in years:
        remaining *= 1 - d(rates[y]) / 100
    cumulative = ((1 - remaining) * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    thr = d(t) - tol
    expected = None
    if year == 2020:
        verdict = "ACHIEVED" if cumulative >= thr else "NOT_ACHIEVED"
    elif cumulative >= d(t):
        verdict = "AHEAD"
    else:
        expected = ((1 - (1 - d(t) / 100) ** d(SHARE[year])) * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        verdict = "ON_TRACK" if cumulative >= expected - tol else "LAGGING"
    add("FIVE_YEAR", year, "%", attribute, "INCREASE", text, obs, verdict, "CUMULATIVE_DECLINE", cumulative, thr, expected,
        measures="DECLINE_RATE")


for attribute in ("EXPECTED", "BINDING"):
    for text in ("累计下降15%", "累计降低15%", "比2015年下降15%"):
        # Five years of 4%: 18.46% in all.
        cumulative_decline(attribute, text, 15, None, 2020, {y: "4" for y in range(2016, 2021)})
        # Five years of 3.2%: 15.0% ... 3.19%: just below.
        cumulative_decline(attribute, text, 15, None, 2020, {y: "3.2" for y in range(2016, 2021)})
        cumulative_decline(attribute, text, 15, None, 2020, {y: "3.1" for y in range(2016, 2021)})
    cumulative_decline(attribute, "累计下降15%", 15, None, 2018, {2016: "3", 2017: "3", 2018: "3"})
    cumulative_decline(attribute, "累计下降15%", 15, None, 2018, {2016: "2", 2017: "2", 2018: "2"})
    cumulative_decline(attribute, "累计下降15%", 15, None, 2018, {2016: "6", 2017: "6", 2018: "6"})
    cumulative_decline(attribute, "累计下降15%", 15, None, 2018, {2016: "3.1", 2017: "3.1", 2018: "3.1"})
    cumulative_decline(attribute, "累计下降15%", 15, None, 2020, {2016: "4", 2017: "4", 2019: "4", 2020: "4"})
    cumulative_decline(attribute, "累计下降15%左右", 15, ABOUT_POINTS, 2020, {y: "3.1" for y in range(2016, 2021)})
    cumulative_decline(attribute, "累计下降15%左右", 15, ABOUT_POINTS, 2020, {y: "3" for y in range(2016, 2021)})


def relative(plan, attribute, text, band, year, own, ref):
    """与经济增长(基本)同步: growth not below the reference growth (less the 基本 band); in a five-year plan the geometric
    means over the years both have."""
    tol = tolerance(attribute, band)
    obs = ";".join(f"{y}=g{g}" for y, g in own.items())
    refs = ";".join(f"{y}=g{g}" for y, g in ref.items())
    final = year == (2017 if plan == "ANNUAL" else 2020)
    if plan == "ANNUAL":
        if year not in own or year not in ref:
            add(plan, year, "%", attribute, "INCREASE", text, obs, "NOT_EVALUABLE", "NO_DATA", ref=refs)
            return
        g, r = d(own[year]), d(ref[year])
        rule = "GROWTH_IN_STEP_WITH_REFERENCE"
    else:
        common = [y for y in range(2016, year + 1) if y in own and y in ref]
        if not common:
            add(plan, year, "%", attribute, "INCREASE", text, obs, "NOT_EVALUABLE", "NO_DATA", ref=refs)
            return

        def mean(values):
            p = 1.0
            for x in values:
                p *= 1 + float(x) / 100
            return round2((math.pow(p, 1.0 / len(values)) - 1) * 100)
        g, r = mean([own[y] for y in common]), mean([ref[y] for y in common])
        rule = "AVERAGE_GROWTH_IN_STEP_WITH_REFERENCE"
    thr = r - tol
    meets = g >= thr
    verdict = ("ACHIEVED" if meets else "NOT_ACHIEVED") if final else ("ON_TRACK" if meets else "LAGGING")
    add(plan, year, "%", attribute, "INCREASE", text, obs, verdict, rule, g, thr, ref=refs)


for attribute in ("EXPECTED", "BINDING"):
    for g in ("6.9", "7", "6.5", "6.49"):
        relative("ANNUAL", attribute, "与经济增长同步", Decimal(0), 2017, {2017: g}, {2017: "7"})
        relative("ANNUAL", attribute, "与经济增长基本同步", BASIC_POINTS, 2017, {2017: g}, {2017: "7"})
    relative("FIVE_YEAR", attribute, "与经济增长同步", Decimal(0), 2020, {y: "7" for y in range(2016, 2021)}, {y: "7" for y in range(2016, 2021)})
    relative("FIVE_YEAR", attribute, "与经济增长同步", Decimal(0), 2020, {y: "6.9" for y in range(2016, 2021)}, {y: "7" for y in range(2016, 2021)})
    relative("FIVE_YEAR", attribute, "与经济增长基本同步", BASIC_POINTS, 2020, {y: "6.5" for y in range(2016, 2021)}, {y: "7" for y in range(2016, 2021)})
    relative("FIVE_YEAR", attribute, "与经济增长基本同步", BASIC_POINTS, 2018, {2016: "6", 2017: "6", 2018: "6"}, {2016: "7", 2017: "7", 2018: "7"})
relative("ANNUAL", "EXPECTED", "与经济增长同步", Decimal(0), 2017, {}, {2017: "7"})

# Words only: the official statement decides (同步 yes, 未同步 no).
add("ANNUAL", 2017, "%", "EXPECTED", "INCREASE", "与经济增长基本同步", "2017=w与经济增长基本同步", "ACHIEVED", "OFFICIAL_QUALITATIVE_STATEMENT", ref="2017=g7")
add("ANNUAL", 2017, "%", "EXPECTED", "INCREASE", "与经济增长基本同步", "2017=w未与经济增长同步", "NOT_ACHIEVED", "OFFICIAL_QUALITATIVE_STATEMENT", ref="2017=g7")

writer = csv.writer(sys.stdout, lineterminator="\n")
writer.writerow(["id", "plan", "year", "unit", "attribute", "direction", "target", "observations", "reference",
                 "verdict", "rule", "actual", "threshold", "expected", "measures"])
writer.writerows(rows)
