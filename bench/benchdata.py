#!/usr/bin/env python3
"""Data and HTTP helpers for bench/generate.sh and bench/import.sh (standard library only).

  benchdata.py indicators DIR PREFIX PLANS PER_PLAN FIRST_YEAR LAST_YEAR
        plans.csv, indicators.csv and observations.csv for plans PREFIX-01..PREFIX-NN (FIVE_YEAR, FIRST_YEAR..LAST_YEAR),
        PER_PLAN indicators each (seq 1..PER_PLAN; the API takes seq 1..99,999)
        and one observation per indicator per year.
  benchdata.py projects DIR LIST PROJECTS INDICATOR_PREFIX PLANS PER_PLAN
        lists.csv, projects.csv, investments.csv and milestones.csv: PROJECTS projects on the list LIST.
  benchdata.py import URL TOKEN ENTITY FILE CHUNK [LABEL]
        POSTs FILE to URL/api/v1/imports?entity=ENTITY in chunks of CHUNK data rows (0: the whole file in one request)
        over one keep-alive connection; stops at the first answer other than 200 (printing the Problem). Prints
        "rows seconds created updated unchanged" on stdout, progress on stderr.
  benchdata.py copyfile OBSERVATIONS_CSV IDMAP OUT
        The observations of OBSERVATIONS_CSV as rows of the observation table, for COPY ... FROM STDIN (text format);
        IDMAP holds "code<TAB>id" lines of the indicators (from psql).

Everything generated is deterministic (random.Random seeded by the codes), so a rerun writes the same files and an
import of them is idempotent.
"""
import csv
import http.client
import json
import os
import random
import sys
import time
import urllib.parse
from datetime import date, timedelta

DEPARTMENTS = ["DRC", "COMMERCE", "SCITECH", "CONSTRUCTION_WATER", "HEALTH", "CULTURE", "EDUCATION", "FINANCE", "HRSS",
               "HHG_PARK", "FINANCIAL_AFFAIRS", "ENVIRONMENT", "URBAN_MGMT", "GOV_SERVICES"]

# name zh, name en, category, unit, direction, target texts (all read by TargetParser), optional kind, observation shape
# Shapes: growth (growthRate only), level (value + year-on-year growthRate), share (value), decline (yearly decline
# rate in value), count (whole-number value), qualitative (text only).
TEMPLATES = [
    ("地区生产总值年均增长率", "Average annual growth rate of regional GDP", "ECONOMY", "%", "INCREASE",
     ["7左右", "年均增长7%", "年均增长7.5%左右", "力争年均增长8%", "6.5"], None, ("growth", 7.0, 1.2)),
    ("地区生产总值", "Regional GDP", "ECONOMY", "亿元", "INCREASE",
     ["年均增长7%左右", "年均增长6.5%", "3500左右", "达到3500亿元", "≥3200"], None, ("level", 2800.0, 7.0)),
    ("服务业增加值占地区生产总值比重", "Share of services in regional GDP", "ECONOMY", "%", "INCREASE",
     ["≥65", "65以上", "不低于65%", "达到66%"], None, ("share", 62.0, 0.6)),
    ("单位地区生产总值能耗下降率", "Decline rate of energy use per unit of GDP", "URBAN_ENVIRONMENT", "%", "INCREASE",
     ["累计下降18%", "比2015年下降15%", "下降16%", "18"], None, ("decline", 3.5, 0.8)),
    ("城镇登记失业率", "Registered urban unemployment rate", "WELLBEING", "%", "DECREASE",
     ["≤3.5", "3.5%以内", "控制在3.5%以内", "不高于3.5%"], None, ("share", 3.0, -0.05)),
    ("细颗粒物（PM2.5）年均浓度", "Annual mean PM2.5 concentration", "URBAN_ENVIRONMENT", "微克/立方米", "DECREASE",
     ["≤35", "控制在35微克/立方米以内", "35以下"], None, ("share", 42.0, -1.2)),
    ("区域环境噪声平均值", "Mean ambient noise level", "URBAN_ENVIRONMENT", "分贝", "DECREASE",
     ["56分贝以下", "不超过56分贝", "≤56"], None, ("share", 57.5, -0.2)),
    ("高新技术企业数", "High-tech enterprises", "INNOVATION", "家", "INCREASE",
     ["不少于285家", "超过300家", "≥285", "500以上"], None, ("count", 180.0, 9.0)),
    ("人口自然增长率", "Natural population growth rate", "SOCIAL", "‰", "MAINTAIN",
     ["7‰以内", "保持5‰左右", "≤6"], None, ("share", 5.2, -0.1)),
    ("社会消费品零售总额", "Total retail sales of consumer goods", "ECONOMY", "亿元", "INCREASE",
     ["年均增长8%", "年均增长8%以上", "力争年均增长9%"], None, ("level", 1100.0, 8.0)),
    ("居民人均可支配收入年均增长率", "Average annual growth of per capita disposable income", "WELLBEING", "%", "INCREASE",
     ["与经济增长同步", "与经济增长基本同步"], "RELATIVE", ("growth", 7.2, 1.0)),
    ("公共文化设施覆盖率", "Coverage of public cultural facilities", "CULTURE", "%", "INCREASE",
     ["100", "达到100%", "力争达到98%"], None, ("share", 90.0, 1.0)),
    ("新增就业人数", "New jobs", "WELLBEING", "人", "INCREASE",
     ["70000左右", "不少于60000人"], None, ("count", 65000.0, 0.5)),
    ("建成区绿化覆盖率", "Green coverage of the built-up area", "URBAN_ENVIRONMENT", "%", "INCREASE",
     ["力争达到45%", "≥42"], None, ("share", 40.0, 0.5)),
    ("研究与试验发展经费支出占地区生产总值比重", "R&D spending as a share of GDP", "INNOVATION", "%", "INCREASE",
     ["3.5", "达到3.5%", "3.5左右"], None, ("share", 2.6, 0.1)),
    ("营商环境建设", "Business environment", "SOCIAL", "项", "INCREASE",
     ["基本建成国际一流营商环境", "营商环境持续优化"], "QUALITATIVE", ("qualitative", 0, 0)),
    ("新增公共绿地面积", "New public green space", "URBAN_ENVIRONMENT", "万平方米", "INCREASE",
     ["达到120万平方米", "120以上"], None, ("level", 8.0, 5.0)),
    ("专利授权量", "Patents granted", "INNOVATION", "件", "INCREASE",
     ["≥5000", "不少于5000件"], None, ("count", 4200.0, 6.0)),
    ("一般公共预算收入", "General public budget revenue", "ECONOMY", "亿元", "INCREASE",
     ["年均增长6%", "年均增长6%左右"], None, ("level", 60.0, 6.0)),
    ("单位地区生产总值二氧化碳排放下降率", "Decline rate of CO2 emissions per unit of GDP", "URBAN_ENVIRONMENT", "%", "INCREASE",
     ["累计下降20.5%", "比2015年下降19%"], None, ("decline", 4.0, 0.7)),
]

QUALITATIVE = ["稳步推进", "取得阶段性成效", "按计划推进", "基本完成年度任务"]


def write_csv(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    return len(rows)


def fmt(x, places=2):
    s = f"{x:.{places}f}"
    return s.rstrip("0").rstrip(".") if "." in s else s


def indicators(out, prefix, plans, per_plan, first, last):
    os.makedirs(out, exist_ok=True)
    plan_rows, indicator_rows, observation_rows = [], [], []
    for p in range(1, plans + 1):
        plan = f"{prefix}-{p:02d}"
        plan_rows.append([plan, "FIVE_YEAR", first, last, f"基准测试生成规划 {plan}（{first}—{last}年，第{p}组）",
                          f"Benchmark plan {plan} ({first}-{last}, group {p}), generated by bench", ""])
        width = max(3, len(str(per_plan)))
        for seq in range(1, per_plan + 1):
            code = f"{plan}-{seq:0{width}d}"
            rnd = random.Random(code)
            t = (seq - 1) % len(TEMPLATES)
            zh, en, category, unit, direction, texts, kind, shape = TEMPLATES[t]
            attribute = ["BINDING", "EXPECTED", "EXPECTED", ""][rnd.randrange(4)]
            lead = DEPARTMENTS[(seq * 7 + p) % len(DEPARTMENTS)]
            depts = [f"{lead}:LEAD"]
            for other in rnd.sample([d for d in DEPARTMENTS if d != lead], rnd.randrange(3)):
                depts.append(f"{other}:SUPPORT")
            text = texts[rnd.randrange(len(texts))]
            reference = f"{plan}-{1:0{width}d}" if kind == "RELATIVE" else ""
            indicator_rows.append([code, plan, seq, f"{zh}（{code}）", f"{en} ({code})", category, unit, attribute, direction,
                                   ";".join(depts), text, kind or "", reference, f"BENCH_{code.replace('-', '_')}", "", ""])
            kind_of, base, step = shape
            level = base * rnd.uniform(0.8, 1.2)
            for year in range(first, last + 1):
                status = "FINAL" if year < last else ["PRELIMINARY", "ESTIMATE"][rnd.randrange(2)]
                value, growth, basis, qual = "", "", "", ""
                if kind_of == "growth":
                    growth = fmt(base + rnd.uniform(-step, step))
                    basis = "COMPARABLE_CALIBER"
                elif kind_of == "level":
                    g = step + rnd.uniform(-2, 2)
                    level *= 1 + g / 100
                    value, growth, basis = fmt(level), fmt(g), "CURRENT_PRICES"
                elif kind_of == "share":
                    level = max(0.1, level + step + rnd.uniform(-abs(step) - 0.2, abs(step) + 0.2))
                    value = fmt(level)
                elif kind_of == "decline":
                    value = fmt(max(0.1, base + rnd.uniform(-step, step)))
                elif kind_of == "count":
                    level *= 1 + step / 100 + rnd.uniform(-0.02, 0.02)
                    value = str(round(level))
                else:
                    qual = QUALITATIVE[rnd.randrange(len(QUALITATIVE))]
                observation_rows.append([code, year, "", value, growth, basis, status, qual, "", "true", "bench", ""])
    n = [write_csv(os.path.join(out, "plans.csv"), ["code", "kind", "startYear", "endYear", "titleZh", "titleEn", "parent"], plan_rows),
         write_csv(os.path.join(out, "indicators.csv"),
                   ["code", "plan", "seq", "nameZh", "nameEn", "category", "unit", "attribute", "direction", "departments",
                    "targetText", "targetKind", "targetReference", "series", "footnoteZh", "footnoteEn"], indicator_rows),
         write_csv(os.path.join(out, "observations.csv"),
                   ["indicator", "year", "periodStart", "value", "growthRate", "priceBasis", "status", "qualitativeZh",
                    "qualitativeEn", "comparable", "source", "note"], observation_rows)]
    print(f"{out}: {n[0]} plans, {n[1]} indicators, {n[2]} observations", file=sys.stderr)


PROJECT_CATEGORIES = ["FUNCTIONAL_ZONES", "MAJOR_INFRASTRUCTURE", "SCI_TECH_INNOVATION", "PRODUCTIVE_CAPACITY", "PEOPLES_LIVELIHOOD"]
ZONES = ["BEIJING_ROAD_CULTURAL_CORE", "YANJIANG_ROAD_BUSINESS_BELT", "DONGFENG_ROAD_BUILDING_BELT", "HUANSHI_ROAD_INNOVATION_BELT",
         "HUANGHUAGANG_SCI_TECH_PARK", "GUANGZHOU_PRIVATE_FINANCE_STREET", "GUANGZHOU_HEALTH_MEDICAL_CENTER", "LIUHUA_MODERN_BUSINESS_DISTRICT"]
ROADS = [("东风路", "Dongfeng Road"), ("环市路", "Huanshi Road"), ("沿江路", "Yanjiang Road"), ("北京路", "Beijing Road"),
         ("中山路", "Zhongshan Road"), ("解放路", "Jiefang Road"), ("越秀路", "Yuexiu Road"), ("农林下路", "Nonglin Xia Road")]
KINDS = [("排水改造工程", "drainage renovation"), ("小学扩建工程", "primary school expansion"), ("社区卫生服务中心", "community health centre"),
         ("商务楼宇更新", "office building renewal"), ("停车场建设", "car park construction"), ("绿道提升工程", "greenway upgrade"),
         ("科技孵化基地", "technology incubator"), ("文化街区活化", "cultural quarter revival")]
STATUSES = ["IDENTIFICATION", "PREPARATION", "IMPLEMENTATION", "IMPLEMENTATION", "IMPLEMENTATION", "COMPLETION", "COMPLETED",
            "COMPLETED", "SUSPENDED", "CANCELLED"]


def projects(out, list_code, count, indicator_prefix, plans, per_plan):
    os.makedirs(out, exist_ok=True)
    # Milestones are reached in the past: never after yesterday (the service refuses a date in the future).
    latest = min(date(2025, 12, 31), date.today() - timedelta(days=1))
    list_rows = [[list_code, f"基准测试生成重点项目（{count}个）", f"Benchmark key projects ({count}), generated by bench", "",
                  f"{indicator_prefix}-01", count, "", "", ""]]
    project_rows, investment_rows, milestone_rows = [], [], []
    for n in range(1, count + 1):
        code = f"{list_code.split('-')[0]}-KP-{n:05d}"
        rnd = random.Random(code)
        road_zh, road_en = ROADS[rnd.randrange(len(ROADS))]
        kind_zh, kind_en = KINDS[rnd.randrange(len(KINDS))]
        lead = DEPARTMENTS[n % len(DEPARTMENTS)]
        depts = [f"{lead}:LEAD"] + [f"{d}:SUPPORT" for d in rnd.sample([d for d in DEPARTMENTS if d != lead], rnd.randrange(2))]
        status = STATUSES[rnd.randrange(len(STATUSES))]
        zone = ZONES[rnd.randrange(len(ZONES))] if rnd.random() < 0.4 else ""
        investment_type = ["GOVERNMENT", "SOCIAL", "PPP", ""][rnd.randrange(4)]
        # Every 10th project is linked to one indicator: project-service asks indicator-service whether it exists.
        linked = ""
        if n % 10 == 0:
            linked = f"{indicator_prefix}-{(n // 10) % plans + 1:02d}-{(n % per_plan) + 1:03d}"
        start = rnd.randrange(2016, 2023)
        end = min(2025, start + rnd.randrange(2, 6))
        total = 0
        for year in range(start, end + 1):
            planned = rnd.randrange(5, 500) * 1_000_000
            total += planned
            completed = "" if (year == end and rnd.random() < 0.3) else str(int(planned * rnd.uniform(0.6, 1.15)))
            investment_rows.append([code, year, planned, completed, ""])
        progress = {"COMPLETED": 100, "COMPLETION": 95, "IDENTIFICATION": 0, "PREPARATION": 5}.get(status, rnd.randrange(10, 90))
        located = rnd.random() < 0.5
        project_rows.append([code, list_code, n, PROJECT_CATEGORIES[rnd.randrange(len(PROJECT_CATEGORIES))],
                             f"{road_zh}{kind_zh}（{code}）", f"{road_en} {kind_en} ({code})",
                             f"推进{road_zh}{kind_zh}，{start}年开工，{end}年完成。", f"{kind_en.capitalize()} on {road_en}, {start}-{end}.",
                             zone, investment_type, ";".join(depts), status, linked, "",
                             total, progress, f"广州市越秀区{road_zh}{rnd.randrange(1, 400)}号" if located else "",
                             fmt(23.12 + rnd.uniform(0, 0.04), 6) if located else "", fmt(113.25 + rnd.uniform(0, 0.05), 6) if located else ""])
        steps = [("项目立项", "Approval", date(start - 1, rnd.randrange(1, 13), 15)),
                 ("开工建设", "Construction starts", date(start, rnd.randrange(1, 13), 1)),
                 ("竣工验收", "Completion acceptance", date(end, 12, rnd.randrange(1, 29)))]
        for i, (zh, en, planned) in enumerate(steps):
            reached = (status in ("COMPLETED", "COMPLETION") and i < 3) or (status in ("IMPLEMENTATION", "SUSPENDED") and i < 2) \
                or (status == "PREPARATION" and i == 0)
            if status == "COMPLETION" and i == 2:
                reached = False
            actual = min(latest, planned + timedelta(days=rnd.randrange(-30, 60))) if reached else None
            state = "REACHED" if reached else ("CANCELLED" if status == "CANCELLED" and i > 0 else "PLANNED")
            milestone_rows.append([code, zh, en, planned.isoformat(), actual.isoformat() if actual else "", state])
    n = [write_csv(os.path.join(out, "lists.csv"), ["code", "nameZh", "nameEn", "year", "plan", "reportedProjectCount",
                                                    "reportedCompletedInvestmentYuan", "reportedPlannedInvestmentShare", "reportedNote"], list_rows),
         write_csv(os.path.join(out, "projects.csv"), ["code", "list", "seq", "category", "nameZh", "nameEn", "tasksZh", "tasksEn", "zone",
                                                       "investmentType", "departments", "status", "indicators", "note",
                                                       "totalPlannedInvestmentYuan", "progressPercent", "address", "latitude", "longitude"],
                   project_rows),
         write_csv(os.path.join(out, "investments.csv"), ["project", "year", "plannedYuan", "completedYuan", "note"], investment_rows),
         write_csv(os.path.join(out, "milestones.csv"), ["project", "nameZh", "nameEn", "plannedDate", "actualDate", "state"], milestone_rows)]
    print(f"{out}: {n[0]} list, {n[1]} projects, {n[2]} investment rows, {n[3]} milestones", file=sys.stderr)


def chunks(path, size):
    with open(path, "rb") as f:
        header = f.readline()
        lines = f.readlines()
    if size <= 0:
        size = len(lines)
    for i in range(0, len(lines), size):
        yield i, header + b"".join(lines[i:i + size]), len(lines[i:i + size]), len(lines)


def do_import(url, token, entity, path, size, label):
    target = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(target.hostname, target.port or 80, timeout=3600)
    totals = {"CREATED": 0, "UPDATED": 0, "UNCHANGED": 0}
    rows_done, started = 0, time.monotonic()
    for first, body, rows, total in chunks(path, size):
        t0 = time.monotonic()
        conn.request("POST", f"/api/v1/imports?entity={entity}", body=body,
                     headers={"Content-Type": "text/csv; charset=UTF-8", "Authorization": f"Bearer {token}"})
        response = conn.getresponse()
        answer = response.read().decode("utf-8", "replace")
        if response.status != 200:
            print(f"{label or entity}: rows {first + 1}-{first + rows} answered {response.status}: {answer[:4000]}", file=sys.stderr)
            sys.exit(1)
        counts = json.loads(answer)["counts"][entity]
        for k in totals:
            totals[k] += counts.get(k, 0)
        rows_done += rows
        print(f"  {label or entity}: rows {first + 1}-{first + rows} of {total} in {time.monotonic() - t0:.1f} s "
              f"({rows / max(time.monotonic() - t0, 1e-9):.0f} rows/s) {counts}", file=sys.stderr)
    conn.close()
    print(rows_done, f"{time.monotonic() - started:.3f}", totals["CREATED"], totals["UPDATED"], totals["UNCHANGED"])


def copyfile(observations, idmap, out):
    ids = {}
    with open(idmap, encoding="utf-8") as f:
        for line in f:
            code, id_ = line.rstrip("\n").split("\t")
            ids[code] = id_
    now = "2026-01-01 00:00:00+00"

    def cell(v):
        return "\\N" if v == "" else v.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")

    n = 0
    with open(observations, encoding="utf-8", newline="") as f, open(out, "w", encoding="utf-8") as o:
        for r in csv.DictReader(f):
            # indicator_id, year, period_start, value, growth_rate, price_basis, status, qualitative_zh, qualitative_en,
            # comparable, source, note, revision, recorded_at, recorded_by
            o.write("\t".join(cell(v) for v in [ids[r["indicator"]], r["year"], r["periodStart"], r["value"], r["growthRate"],
                                                 r["priceBasis"], r["status"], r["qualitativeZh"], r["qualitativeEn"],
                                                 r["comparable"] or "true", r["source"], r["note"], "1", now, "bench (COPY)"]) + "\n")
            n += 1
    print(n)


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    command, args = argv[1], argv[2:]
    if command == "indicators":
        indicators(args[0], args[1], int(args[2]), int(args[3]), int(args[4]), int(args[5]))
    elif command == "projects":
        projects(args[0], args[1], int(args[2]), args[3], int(args[4]), int(args[5]))
    elif command == "import":
        do_import(args[0], args[1], args[2], args[3], int(args[4]), args[5] if len(args) > 5 else None)
    elif command == "copyfile":
        copyfile(args[0], args[1], args[2])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
