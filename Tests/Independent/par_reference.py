#!/usr/bin/env python3
"""Independent reference computation of the PAR INDEX report (papi par report).

Written directly from the normative text (PRODUCT.md §8.1 criteria set, §8.2
results, §8.3 computations, §8.4 JSON; §6 for JSON conventions), without
reference to the Swift implementation, so that the Swift code can be checked
against it. Where §8 is silent, the choice made is written in README.md
("PAR: choices where §8 is silent") and in a comment here marked CHOICE.

Usage:
    python3 par_reference.py CRITERIA.yaml RESULTS.csv [RESULTS2.csv ...] --year Y \
        [--compare Y0 [--compare-criteria SET0.yaml]] [--unit U] [--target-rank K] \
        [--delimiter ';'] > out.json

Prints the JSON of `papi par report --format json` without the `tool` key.
Dependencies: Python 3.11 standard library + PyYAML. Every sum is math.fsum.
Errors (bad criteria set, bad results) go to stderr and exit 1; warnings
(the checks) go to stderr too and into `checks`.
"""

import argparse
import csv
import json
import math
import os
import re
import sys
import unicodedata

import yaml

EPS = 1e-9  # CHOICE: float slack for "reaches", "ties" and "more than 0.01"
TOL_SCORE = 0.01  # §8.3: stated / rule tolerance
TOL_PERCENT = 0.05  # §8.3: percent tolerance, in percentage points


def die(msg):
    print(f"par_reference: error: {msg}", file=sys.stderr)
    sys.exit(1)


def warn(msg):
    print(f"par_reference: warning: {msg}", file=sys.stderr)


def nfc(s):
    return unicodedata.normalize("NFC", s).strip()


def fold(s):
    """Header / status matching: NFC, case-insensitive, inner spaces collapsed."""
    return re.sub(r"\s+", " ", nfc(s)).casefold()


def code_key(code):
    """Criterion-code order, numeric by segment (1.10 after 1.9); letters after numbers."""
    key = []
    for seg in str(code).split("."):
        if seg.isdigit():
            key.append((0, int(seg), ""))
        else:
            key.append((1, 0, seg))
    return key


# --------------------------------------------------------------------------
# Numbers
# --------------------------------------------------------------------------


def parse_number(text, counts=False):
    """A score, count or stated figure, in English or Vietnamese writing.

    "3.89" and "3,89" are 3.89. With both separators the last one is the
    decimal mark ("1.234,5", "1,234.5"). CHOICE: in count columns
    (numerator/denominator) a dot followed by groups of exactly three digits
    is a thousands separator ("1.049" = 1049, "51.740" = 51740), as the seeds
    write counts; in score columns a single dot is always decimal.
    """
    s = nfc(text).replace("\u00a0", "").replace(" ", "")
    if s == "":
        return None
    if not re.fullmatch(r"[+-]?[\d.,]+", s) or not re.search(r"\d", s):
        raise ValueError(text)
    sign = -1.0 if s.startswith("-") else 1.0
    s = s.lstrip("+-")
    if "." in s and "," in s:
        if s.rfind(",") > s.rfind("."):
            s = s.replace(".", "").replace(",", ".")
        else:
            s = s.replace(",", "")
    elif "," in s:
        if s.count(",") > 1:
            if not re.fullmatch(r"\d{1,3}(,\d{3})+", s):
                raise ValueError(text)
            s = s.replace(",", "")
        else:
            s = s.replace(",", ".")
    elif "." in s:
        if s.count(".") > 1 or (counts and re.fullmatch(r"\d{1,3}(\.\d{3})+", s)):
            if not re.fullmatch(r"\d{1,3}(\.\d{3})+", s):
                raise ValueError(text)
            s = s.replace(".", "")
    return sign * float(s)


def yaml_number(v, what):
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        die(f"{what}: {v!r} is not a number")
    return float(v)


# --------------------------------------------------------------------------
# Criteria set (§8.1)
# --------------------------------------------------------------------------


class Node:
    def __init__(self, code, name, field, parent):
        self.code = code
        self.name = name
        self.field = field  # code of the top-level field
        self.parent = parent
        self.children = []
        self.max = None
        self.rule = None  # None, ("ratio",) or ("thresholds", [(a, p), ...])
        self.replaces = {}
        self.offices = []

    @property
    def leaf(self):
        return not self.children


class CriteriaSet:
    def __init__(self, path):
        try:
            with open(path, encoding="utf-8-sig") as f:
                d = yaml.safe_load(f)
        except (OSError, yaml.YAMLError) as e:
            die(f"{path}: cannot read the criteria set: {e}")
        if not isinstance(d, dict):
            die(f"{path}: not a criteria set")
        if d.get("kind") != "par":
            die(f"{path}: kind is {d.get('kind')!r}, expected par")
        self.path = path
        self.id = str(d.get("id", ""))
        self.kind = "par"
        self.scale = yaml_number(d.get("scale", 100), "scale")
        if self.scale <= 0:
            die(f"{path}: scale must be > 0")
        self.bands = []
        prev = None
        for b in d.get("bands") or []:
            name = b.get("name")
            if isinstance(name, dict):
                name = name.get("vi") or name.get("en")
            bmin = yaml_number(b.get("min"), f"band {name}")
            if prev is not None and not bmin < prev:
                die(f"{path}: bands must be highest first (band {name!r}, min {bmin})")
            prev = bmin
            self.bands.append((nfc(str(name)), bmin))
        self.nodes = {}
        self.fields = []
        for f in d.get("fields") or []:
            self.fields.append(self._node(f, None, None))
        if not self.fields:
            die(f"{path}: no fields")
        self.leaves = sorted((n for n in self.nodes.values() if n.leaf), key=lambda n: code_key(n.code))

    def _node(self, d, field, parent):
        if "code" not in d:
            die(f"{self.path}: a criterion without code (under {parent.code if parent else 'fields'})")
        code = nfc(str(d["code"]))
        if code in self.nodes:
            die(f"{self.path}: duplicate code {code}: give each criterion its own code")
        if code.casefold() == "total":
            die(f"{self.path}: `total` is reserved, not a criterion code")
        name = d.get("name")
        if isinstance(name, dict):
            name = name.get("vi") or name.get("en")
        n = Node(code, name, field or code, parent)
        self.nodes[code] = n
        for c in d.get("criteria") or []:
            n.children.append(self._node(c, field or code, n))
        stated_max = d.get("max")
        if stated_max is not None:
            stated_max = yaml_number(stated_max, f"criterion {code} max")
            if stated_max <= 0:
                die(f"{self.path}: criterion {code}: max {stated_max} must be > 0")
        if n.children:
            n.max = math.fsum(c.max for c in n.children)
            if stated_max is not None and abs(stated_max - n.max) > EPS:
                die(f"{self.path}: criterion {code}: stated max {stated_max:g} but its children add up "
                    f"to {n.max:g}: correct the max or drop it")
            if d.get("rule") is not None:
                die(f"{self.path}: criterion {code}: a rule belongs on a leaf criterion")
        else:
            if parent is None:
                die(f"{self.path}: field {code} has no criteria")
            if stated_max is None:
                die(f"{self.path}: criterion {code}: a leaf needs `max`")
            n.max = stated_max
        rule = d.get("rule")
        if rule is not None:
            if not isinstance(rule, dict):
                die(f"{self.path}: criterion {code}: bad rule {rule!r}")
            if rule.get("ratio") and rule.get("thresholds") is not None:
                die(f"{self.path}: criterion {code}: a rule is ratio or thresholds, not both")
            if rule.get("ratio"):
                n.rule = ("ratio",)
            elif rule.get("thresholds") is not None:
                pairs = []
                for t in rule["thresholds"]:
                    if not isinstance(t, (list, tuple)) or len(t) != 2:
                        die(f"{self.path}: criterion {code}: threshold {t!r} must be [ratio, points]")
                    a = yaml_number(t[0], f"criterion {code} threshold")
                    p = yaml_number(t[1], f"criterion {code} threshold points")
                    if pairs and not a < pairs[-1][0]:
                        die(f"{self.path}: criterion {code}: thresholds not descending ({a:g} after "
                            f"{pairs[-1][0]:g}): list them highest ratio first")
                    if p < 0 or p > n.max + EPS:
                        die(f"{self.path}: criterion {code}: threshold points {p:g} outside 0..{n.max:g}")
                    pairs.append((a, p))
                n.rule = ("thresholds", pairs)
            elif rule:
                die(f"{self.path}: criterion {code}: unknown rule {rule!r} (ratio or thresholds)")
        for y, old in (d.get("replaces") or {}).items():
            y = str(y)
            if not re.fullmatch(r"\d{4}", y):
                die(f"{self.path}: criterion {code}: replaces year {y!r} must be a 4-digit year, e.g. \"2022\"")
            n.replaces[y] = nfc(str(old))
        n.offices = [clean_office(str(o)) for o in (d.get("offices") or [])]
        return n

    def band(self, index):
        if index is None:
            return None
        for name, bmin in self.bands:
            if index >= bmin - EPS:  # CHOICE: reaching = index >= min (float slack 1e-9)
                return name
        return None

    def next_band(self, index):
        """The band just above the unit's, as (name, min); None at the top."""
        above = None
        for name, bmin in self.bands:
            if index >= bmin - EPS:
                return above
            above = (name, bmin)
        return above


# --------------------------------------------------------------------------
# Results (§8.2)
# --------------------------------------------------------------------------

HEADERS = {
    "unit_code": ["unit_code", "mã đơn vị"],
    "unit_name": ["unit_name", "tên đơn vị"],
    "parent": ["parent", "đơn vị cấp trên"],
    "year": ["year", "năm"],
    "criterion": ["criterion", "tiêu chí", "mã tiêu chí"],
    "score": ["score", "điểm thẩm định", "điểm"],
    "self_score": ["self_score", "điểm tự chấm"],
    "status": ["status", "trạng thái"],
    "numerator": ["numerator", "tử số"],
    "denominator": ["denominator", "mẫu số"],
    "as_of": ["as_of", "tính đến ngày"],
    "reason": ["reason", "lý do", "nguyên nhân"],
    "offices": ["offices", "trách nhiệm", "cơ quan chịu trách nhiệm"],
    "stated": ["stated", "điểm công bố"],
}
HEADER_LOOKUP = {fold(alias): key for key, aliases in HEADERS.items() for alias in aliases}

STATUS = {
    "": "scored", "scored": "scored", "đã chấm": "scored", "chấm điểm": "scored",
    "not_scored": "not_scored", "not scored": "not_scored",
    "không chấm điểm": "not_scored", "không phát sinh": "not_scored",
}


class Row:
    pass


def read_results(path, delimiter):
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            text = f.read()
    except (OSError, UnicodeDecodeError) as e:
        die(f"{path}: cannot read: {e}")
    if delimiter is None:
        first = text.split("\n", 1)[0]
        delimiter = max([",", ";", "\t"], key=first.count)
    lines = text.splitlines(keepends=True)
    reader = csv.reader(lines, delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        die(f"{path}: empty file")
    cols = {}
    for i, h in enumerate(header):
        key = HEADER_LOOKUP.get(fold(h))
        if key is None:
            if h.strip():
                warn(f"{path}: column {h!r} is not a §8.2 column; ignored")
            continue
        if key in cols:
            die(f"{path}: columns {header[cols[key]]!r} and {h!r} both mean {key}")
        cols[key] = i
    for req in ("unit_code", "year", "criterion"):
        if req not in cols:
            die(f"{path}: no {req} column (headers accepted: {', '.join(HEADERS[req])})")
    rows = []
    start = reader.line_num + 1
    for rec in reader:
        line = start
        start = reader.line_num + 1
        if not any(c.strip() for c in rec):
            continue
        r = Row()
        r.file = os.path.basename(path)
        r.line = line
        for key in HEADERS:
            i = cols.get(key)
            r.__dict__[key] = nfc(rec[i]) if i is not None and i < len(rec) else ""
        rows.append(r)
    return rows


def clean_office(s):
    return re.sub(r"\s+", " ", nfc(s))


def office_key(name):
    """CHOICE: offices are the same when their names agree after NFC, case folding,
    collapsing spaces and dropping spaces around '-' and '&' ("Phòng Tài chính - Kế hoạch"
    = "Phòng Tài chính-Kế hoạch"); nothing fuzzier."""
    k = clean_office(name).casefold()
    return re.sub(r"\s*([-&])\s*", r"\1", k)


def parse_offices(cell, where):
    """ "A; B:role" or "A=39; B=1" -> [(name, role|None, count|None)]; split on ';' only."""
    out = []
    for part in cell.split(";"):
        part = part.strip()
        if not part:
            continue
        count = None
        m = re.fullmatch(r"(.*?)\s*=\s*([\d.,]+)\s*", part)
        if m:
            part = m.group(1)
            try:
                count = parse_number(m.group(2), counts=True)
            except ValueError:
                die(f"{where}: office count {m.group(2)!r} is not a number")
        role = None
        if ":" in part:
            part, role = part.split(":", 1)
            role = clean_office(role) or None
        name = clean_office(part)
        if not name:
            die(f"{where}: an office without a name in {cell!r}")
        out.append((name, role, count))
    return out


# --------------------------------------------------------------------------
# Percentages written in `reason` (§8.3 percent_mismatch)
# --------------------------------------------------------------------------

DATE_RX = re.compile(r"(?<!\d)\d{1,2}/\d{1,2}/\d{2,4}(?!\d)")
NUM = r"(?<![\d.,])(\d(?:[\d.,]*\d)?)"
FRACTION_RX = re.compile(NUM + r"(?:\s+[^\W\d_]+){0,3}\s*/\s*(\d(?:[\d.,]*\d)?)(?![\d])")
PERCENT_RX = re.compile(r"(?<![\d.,])(\d+(?:[.,]\d+)?)\s*%")
# CHOICE: a percentage right after one of these words is a bound or a target, not the rate.
BOUND_WORDS = ["dưới", "trên", "chưa đạt", "không đạt", "vượt", "tối thiểu", "tối đa", "ít nhất",
               "below", "above", "under", "over", "at least", "less than", "more than",
               "<", ">", "≤", "≥"]


def percents_to_check(reason, num, den):
    """[(text, value)] of the percentages in `reason` that state num/den.

    CHOICE: dates (dd/mm/yyyy) are blanked; a percentage is checked unless
    (a) one of BOUND_WORDS is among the three words before it, or
    (b) the nearest fraction "a/b" (a and b may carry up to three words,
        e.g. "51.740 triệu đồng/94.561 triệu đồng") written before it in the text
        is not the row's numerator/denominator (it is another ratio's rate).
    """
    text = DATE_RX.sub(lambda m: " " * len(m.group(0)), reason)
    fractions = []
    for m in FRACTION_RX.finditer(text):
        try:
            a = parse_number(m.group(1), counts=True)
            b = parse_number(m.group(2), counts=True)
        except ValueError:
            continue
        fractions.append((m.end(), a, b))
    out = []
    for m in PERCENT_RX.finditer(text):
        before = text[: m.start()]
        words = before.split()[-3:]
        window = " ".join(words).casefold()
        if any(re.search(r"(?<!\w)" + re.escape(w) + r"(?!\w)", window) for w in BOUND_WORDS):
            continue
        prior = [f for f in fractions if f[0] <= m.start()]
        if prior:
            _, a, b = prior[-1]
            if abs(a - num) > EPS or abs(b - den) > EPS:
                continue
        value = float(m.group(1).replace(",", "."))
        out.append((m.group(0), value))
    return out


# --------------------------------------------------------------------------
# One year's results for one criteria set
# --------------------------------------------------------------------------


class Leaf:
    pass


class Unit:
    pass


def build_year(cset, rows, year, report_checks):
    """Units of one year: {code: Unit}. Checks are collected only when report_checks."""
    units = {}
    for r in rows:
        if r.year != year:
            continue
        if not r.unit_code:
            die(f"{r.file}:{r.line}: unit_code is empty")
        u = units.get(r.unit_code)
        if u is None:
            u = Unit()
            u.code = r.unit_code
            u.name = None
            u.parent = None
            u.leaves = {}
            u.stated = []
            u.published = {}
            units[u.code] = u
        # CHOICE: name and parent are the first non-empty values met in file order
        if u.name is None and r.unit_name:
            u.name = r.unit_name
        if u.parent is None and r.parent:
            u.parent = r.parent
        where = f"{r.file}:{r.line}"
        crit = r.criterion
        node = cset.nodes.get(crit)
        if crit.casefold() in ("index", "rank"):
            # A published figure (the extension of §8.2): the index a document
            # states, checked against the computed one; the rank as "1/10".
            if r.stated:
                if crit.casefold() == "rank":
                    m = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", r.stated)
                    if not m:
                        die(f"{where}: rank {r.stated!r} is not 'rank/of'")
                    u.published["rank"] = (int(m.group(1)), int(m.group(2)))
                else:
                    v = parse_number(r.stated)
                    u.published["index"] = v
                    u.stated.append(("index", v, r))
            continue
        if crit.casefold() == "total" or (node is not None and node.parent is None):
            # a field or total row: only `stated` (and `reason`) mean something
            if r.score:
                warn(f"{where}: a score on the {crit} row is ignored (points come from the leaves; "
                      f"put the document's figure in `stated`)")
            if r.stated:
                try:
                    v = parse_number(r.stated)
                except ValueError:
                    die(f"{where}: stated {r.stated!r} is not a number")
                u.stated.append(("total" if crit.casefold() == "total" else crit, v, r))
                if crit.casefold() == "total":
                    u.published["total"] = v
            continue
        if node is None:
            die(f"{where}: criterion {crit!r} is not in {cset.id}")
        if not node.leaf:
            die(f"{where}: criterion {crit} has sub-criteria; results go on its leaves "
                f"({', '.join(c.code for c in node.children)})")
        if crit in u.leaves:
            prev = u.leaves[crit].row
            die(f"{where}: unit {u.code} has criterion {crit} twice (also {prev.file}:{prev.line})")
        if r.stated:
            warn(f"{where}: `stated` on a leaf row is ignored (it belongs on a field or total row)")
        status = STATUS.get(fold(r.status))
        if status is None:
            die(f"{where}: status {r.status!r}: use scored, not_scored, không chấm điểm or không phát sinh")
        lf = Leaf()
        lf.node = node
        lf.row = r
        lf.status = status
        lf.score = lf.self_score = lf.num = lf.den = None
        try:
            lf.score = parse_number(r.score)
            lf.self_score = parse_number(r.self_score)
            lf.num = parse_number(r.numerator, counts=True)
            lf.den = parse_number(r.denominator, counts=True)
        except ValueError as e:
            die(f"{where}: {e.args[0]!r} is not a number")
        if status == "not_scored":
            if lf.score is not None:
                warn(f"{where}: criterion {crit} is not_scored; its score {r.score} is ignored")
            lf.score = None
        else:
            if lf.score is None:
                die(f"{where}: criterion {crit}: no score (write it, or status not_scored)")
            if lf.score < 0:
                die(f"{where}: criterion {crit}: score {lf.score:g} is negative")
            if lf.score > node.max + EPS:
                die(f"{where}: criterion {crit}: score {lf.score:g} is above its max {node.max:g}")
        if lf.self_score is not None and (lf.self_score < 0 or lf.self_score > node.max + EPS):
            die(f"{where}: criterion {crit}: self_score {lf.self_score:g} outside 0..{node.max:g}")
        if lf.num is not None and lf.den is not None:
            if lf.num < 0 or lf.den <= 0:
                die(f"{where}: criterion {crit}: counts {r.numerator}/{r.denominator} must be ≥ 0 and > 0")
            if lf.num > lf.den:
                die(f"{where}: criterion {crit}: numerator {r.numerator} > denominator {r.denominator}")
        lf.offices = parse_offices(r.offices, where) if r.offices else [(o, None, None) for o in node.offices]
        u.leaves[crit] = lf

    problems = []
    for u in units.values():
        missing = [n.code for n in cset.leaves if n.code not in u.leaves]
        if missing:
            problems.append(f"year {year}: unit {u.code} has no row for {', '.join(missing)} "
                            f"(give the score, or status not_scored)")
    if problems:
        die("\n  ".join(problems))
    for u in units.values():
        compute_unit(cset, u, report_checks)
    rank_units(units.values())
    return units


def compute_unit(cset, u, report_checks):
    scored = [lf for lf in u.leaves.values() if lf.status == "scored"]
    u.points = math.fsum(lf.score for lf in scored)
    u.max = math.fsum(lf.node.max for lf in scored)
    u.index = u.points / u.max * cset.scale if u.max > 0 else None
    u.band = cset.band(u.index)
    selfs = [lf.self_score for lf in scored if lf.self_score is not None]
    u.self_points = math.fsum(selfs) if selfs else None
    u.fields = []
    for f in cset.fields:
        fl = [lf for lf in u.leaves.values() if lf.node.field == f.code]
        fs = [lf for lf in fl if lf.status == "scored"]
        fself = [lf.self_score for lf in fs if lf.self_score is not None]
        u.fields.append({
            "code": f.code,
            "points": math.fsum(lf.score for lf in fs),
            "max": math.fsum(lf.node.max for lf in fs),
            "lost": math.fsum(lf.node.max - lf.score for lf in fs),
            "not_scored": sorted((lf.node.code for lf in fl if lf.status == "not_scored"), key=code_key),
            "self_points": math.fsum(fself) if fself else None,
        })
    u.checks = []
    if not report_checks:
        return
    # stated field / total
    field_points = {f["code"]: f["points"] for f in u.fields}
    for code, stated, r in u.stated:
        computed = u.points if code == "total" else u.index if code == "index" else field_points[code]
        if abs(stated - computed) > TOL_SCORE + EPS:
            u.checks.append(check("stated_mismatch", code, stated, computed, r,
                                  f"unit {u.code}: {code} stated {stated:g}, leaves add up to {computed:g}"))
    for lf in sorted(u.leaves.values(), key=lambda lf: code_key(lf.node.code)):
        if lf.status != "scored" or lf.num is None or lf.den is None:
            continue
        node = lf.node
        if node.rule is not None:
            ratio = lf.num / lf.den
            if node.rule[0] == "ratio":
                computed = node.max * lf.num / lf.den
            else:
                # CHOICE: no threshold holds -> 0 points
                computed = 0.0
                for a, p in node.rule[1]:
                    if ratio >= a - EPS:
                        computed = p
                        break
            if abs(lf.score - computed) > TOL_SCORE + EPS:
                u.checks.append(check("rule_mismatch", node.code, lf.score, computed, lf.row,
                                      f"unit {u.code}: {node.code} given {lf.score:g}, its rule gives "
                                      f"{computed:g} ({lf.row.numerator}/{lf.row.denominator})"))
        rate = 100.0 * lf.num / lf.den
        for text, value in percents_to_check(lf.row.reason, lf.num, lf.den):
            # CHOICE: a percentage stands for the rounding of the digits written ("92%"
            # for 91.5-92.5): the tolerance is that half unit when it is above 0.05.
            decimals = len(re.split(r"[.,]", text.rstrip("% "))[1]) if re.search(r"[.,]", text) else 0
            if abs(value - rate) > max(TOL_PERCENT, 0.5 * 10 ** -decimals) + EPS:
                c = check("percent_mismatch", node.code, value, rate, lf.row,
                          f"unit {u.code}: {node.code} reason says {text}, "
                          f"{lf.row.numerator}/{lf.row.denominator} is {rate:.3f}%")
                c["text"] = text
                u.checks.append(c)


def check(kind, code, stated, computed, row, message):
    warn(f"{row.file}:{row.line}: {kind}: {message}")
    return {"kind": kind, "criterion": code, "stated": stated, "computed": computed,
            "file": row.file, "line": row.line}


def rank_units(units):
    """Rank by index within (year, parent): 1 best, ties share (1, 2, 2, 4)."""
    groups = {}
    for u in units:
        groups.setdefault(u.parent, []).append(u)
    for group in groups.values():
        ranked = [u for u in group if u.index is not None]
        for u in group:
            u.of = len(ranked) if u.index is not None else None
            u.rank = None
            if u.index is not None:
                # CHOICE: indices within 1e-9 are a tie
                u.rank = 1 + sum(1 for v in ranked if v.index > u.index + EPS)
        u_sorted = sorted((u.index for u in ranked), reverse=True)
        for u in group:
            u.group_indices = u_sorted


# --------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------


def previous_leaf(node, year0, prev_unit, cset0):
    """The criterion's score in the compared year through `replaces` (else the same code)."""
    if prev_unit is None:
        return None
    code0 = node.replaces.get(year0, node.code)
    if cset0.nodes.get(code0) is None:
        return None
    lf0 = prev_unit.leaves.get(code0)
    if lf0 is None or lf0.status != "scored":
        return None
    return lf0.score


def published_figures(rows, cset0):
    """CHOICE: a unit known in the compared year only from a document (rows `index`,
    `rank` "1/10", `total` with `stated`) has those figures as its previous ones, with
    `published: true`; its band is the compared set's band of that index."""
    out = {}
    for r in rows:
        crit = r.criterion.casefold()
        if not r.stated or crit not in ("index", "rank", "total"):
            continue
        p = out.setdefault(r.unit_code, {"published": True, "points": None, "max": None, "index": None,
                                         "band": None, "rank": None, "of": None})
        if crit == "rank":
            m = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", r.stated)
            if not m:
                die(f"{r.file}:{r.line}: rank {r.stated!r} is not 'rank/of'")
            p["rank"], p["of"] = int(m.group(1)), int(m.group(2))
        elif crit == "index":
            p["index"] = parse_number(r.stated)
            p["band"] = cset0.band(p["index"])
        else:
            p["points"] = parse_number(r.stated)
    return out


def report(cset, units, year, year0, units0, cset0, only_unit, target_rank, published0):
    out_units = []
    table = {}
    codes = sorted(units, key=code_key)
    if only_unit is not None:
        if only_unit not in units:
            die(f"unit {only_unit} has no results in {year}")
        codes = [only_unit]
    for code in codes:
        u = units[code]
        u0 = units0.get(code) if units0 is not None else None
        prev = published0.get(code)
        if u0 is not None:
            prev = {"published": False, "points": u0.points, "max": u0.max, "index": u0.index, "band": u0.band,
                    "rank": u0.rank, "of": u0.of}
        fields = []
        for f in u.fields:
            f = dict(f)
            f["previous"] = None
            if u0 is not None:
                f0 = next((x for x in u0.fields if x["code"] == f["code"]), None)
                if f0 is not None:
                    f["previous"] = {"points": f0["points"], "max": f0["max"]}
            fields.append(f)
        lost = []
        for lf in sorted(u.leaves.values(), key=lambda lf: code_key(lf.node.code)):
            if lf.status != "scored" or not lf.score < lf.node.max:
                continue
            amount = lf.node.max - lf.score
            offices = []
            counts = [c for (_, _, c) in lf.offices]
            by_count = bool(counts) and all(c is not None for c in counts) and math.fsum(counts) > 0
            total = math.fsum(counts) if by_count else None
            for name, role, cnt in lf.offices:
                share = amount * cnt / total if by_count else amount / len(lf.offices)
                offices.append({"name": name, "role": role, "count": cnt, "lost": share})
                k = office_key(name)
                t = table.setdefault(k, {"name": name, "parts": [], "criteria": set()})
                t["parts"].append(share)
                t["criteria"].add(lf.node.code)
            lost.append({
                "criterion": lf.node.code,
                "score": lf.score,
                "max": lf.node.max,
                "lost": amount,
                "self_score": lf.self_score,
                "reason": lf.row.reason or None,
                "offices": offices,
                "previous": previous_leaf(lf.node, year0, u0, cset0) if year0 is not None else None,
            })
        # CHOICE: §8.3 "lost criteria sorted by points lost": their codes, most lost first,
        # ties (losses rounded to 1e-9) in code order
        by_loss = sorted(lost, key=lambda x: (-round(x["lost"], 9), code_key(x["criterion"])))
        recovery = {"next_band": None, "points_needed": None,
                    "criteria": [x["criterion"] for x in by_loss]}
        if u.index is not None:
            nb = cset.next_band(u.index)
            if nb is not None:
                recovery["next_band"] = nb[0]
                # index reaches min  <=>  points >= min * max / scale
                recovery["points_needed"] = nb[1] * u.max / cset.scale - u.points
        if target_rank is not None:
            recovery["target_rank"] = target_rank
            recovery["target_index"] = None
            recovery["target_points_needed"] = None
            if u.index is not None and target_rank <= len(u.group_indices):
                ti = u.group_indices[target_rank - 1]
                recovery["target_index"] = ti
                recovery["target_points_needed"] = max(0.0, ti * u.max / cset.scale - u.points)
        checks = sorted(u.checks, key=lambda c: (code_key(c["criterion"]), c["kind"], c["line"]))
        out_units.append({
            "code": u.code, "name": u.name, "parent": u.parent,
            "points": u.points, "max": u.max, "index": u.index, "band": u.band,
            "rank": u.rank, "of": u.of, "previous": prev, "self_points": u.self_points,
            "recovery": recovery, "fields": fields, "lost": lost, "checks": checks,
        })
    offices = [{"name": t["name"], "lost": math.fsum(t["parts"]),
                "criteria": sorted(t["criteria"], key=code_key)} for t in table.values()]
    # CHOICE: the offices table is sorted by points lost, most first, then by name;
    # losses are compared rounded to 1e-9 so that 1 and 11.5 - 10.49 count as equal
    offices.sort(key=lambda o: (-round(o["lost"], 9), office_key(o["name"])))
    return {"criteria": {"id": cset.id, "kind": cset.kind}, "year": year, "compare": year0,
            "units": out_units, "offices": offices}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("criteria")
    ap.add_argument("results", nargs="+")
    ap.add_argument("--year", required=True)
    ap.add_argument("--compare")
    ap.add_argument("--compare-criteria")
    ap.add_argument("--unit")
    ap.add_argument("--target-rank", type=int)
    ap.add_argument("--delimiter")
    a = ap.parse_args()
    if a.target_rank is not None and a.target_rank < 1:
        die("--target-rank must be ≥ 1")
    if a.compare_criteria and not a.compare:
        die("--compare-criteria needs --compare")
    cset = CriteriaSet(a.criteria)
    rows = []
    for p in a.results:
        rows.extend(read_results(p, a.delimiter))
    years = {r.year for r in rows} - {a.year, a.compare}
    if years:
        warn(f"rows of year(s) {', '.join(sorted(years))} ignored")
    # Units of the report's year known only from published figures are not scored.
    rows_y = [r for r in rows if r.year == a.year]
    scored_y = {r.unit_code for r in rows_y if cset.nodes.get(r.criterion) is not None
                and cset.nodes[r.criterion].parent is not None}
    rows = [r for r in rows if r.year != a.year or r.unit_code in scored_y]
    units = build_year(cset, rows, a.year, True)
    if not units:
        die(f"no results for year {a.year}")
    units0 = cset0 = None
    if a.compare:
        cset0 = CriteriaSet(a.compare_criteria) if a.compare_criteria else cset
        rows0 = [r for r in rows if r.year == a.compare]
        # CHOICE: a unit with no leaf row in the compared year (e.g. a `total` row carrying
        # only prose) has no previous figures: it is left out of that year, with a warning.
        leafless = {r.unit_code for r in rows0} - {r.unit_code for r in rows0
                                                  if cset0.nodes.get(r.criterion) is not None
                                                  and cset0.nodes[r.criterion].parent is not None}
        for c in sorted(leafless):
            warn(f"year {a.compare}: unit {c} has no criterion rows; its previous figures are null")
        published0 = published_figures([r for r in rows0 if r.unit_code in leafless], cset0)
        rows0 = [r for r in rows0 if r.unit_code not in leafless]
        units0 = build_year(cset0, rows0, a.compare, False)
    out = report(cset, units, a.year, a.compare, units0, cset0, a.unit, a.target_rank,
                 published0 if a.compare else {})
    sys.stdout.write(json.dumps(out, sort_keys=True, indent=2, ensure_ascii=False, allow_nan=False))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
