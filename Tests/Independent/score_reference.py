#!/usr/bin/env python3
"""Independent reference computation of papi scores.

Written directly from the normative text (PRODUCT.md §3.2, §4, §6 and
questionnaires/README.md), without reference to the Swift implementation, so
that the Swift scoring can be checked against it.

Usage:
    python3 score_reference.py QUESTIONNAIRE.yaml EXPORT.csv \
        [--delimiter ';'] [--level commune|province|district] > out.json

Dependencies: Python 3.11 standard library + PyYAML.

Deliberately simple and explicit: every sum uses math.fsum, every composite
standard error is computed by an explicit loop over respondents
(z_r = sum_i c_i z_ri), never by a shortcut formula.
"""

import argparse
import csv
import json
import math
import re
import sys
import unicodedata

import yaml

Z95 = 1.959964
SEPARATORS = ("/", "-")


def die(msg):
    print(f"score_reference: error: {msg}", file=sys.stderr)
    sys.exit(1)


def warn(msg):
    print(f"score_reference: warning: {msg}", file=sys.stderr)


def nfc(s):
    return unicodedata.normalize("NFC", s).strip()


# --------------------------------------------------------------------------
# YAML: a loader closer to YAML 1.2 core, so that `yes:` / `no:` keys and
# yes/no/on/off values stay strings (PyYAML's default YAML 1.1 resolver
# would turn the binary indicator keys `yes` and `no` into booleans).
# --------------------------------------------------------------------------


class _Loader(yaml.SafeLoader):
    pass


_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for (tag, rx) in v if tag != "tag:yaml.org,2002:bool"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


def code_str(v):
    """A YAML scalar used as an answer code, as the string it stands for."""
    if isinstance(v, bool):
        die(f"boolean {v!r} where an answer code was expected (quote it in the YAML)")
    if isinstance(v, float) and v.is_integer():
        # e.g. `1.0` written unquoted; keep the integer spelling
        return str(int(v))
    return nfc(str(v))


def as_list(v):
    if v is None:
        return []
    if isinstance(v, list):
        return v
    return [v]


# --------------------------------------------------------------------------
# Questionnaire
# --------------------------------------------------------------------------


class Indicator:
    def __init__(self, d, kind, global_missing):
        self.id = str(d["id"])
        cols = d.get("columns", d.get("column"))
        cols = [nfc(str(c)) for c in as_list(cols)]
        if not cols:
            die(f"indicator {self.id}: no column")
        self.names = cols  # first is the name, the rest aliases
        self.type = d.get("type")
        if self.type not in ("binary", "likert", "scale", "choice"):
            die(f"indicator {self.id}: bad type {self.type!r}")
        self.weight = float(d.get("weight", 1))
        self.reverse = bool(d.get("reverse", False))
        self.missing = set(global_missing) | {code_str(m) for m in as_list(d.get("missing"))}
        self.select = code_str(d["select"]) if d.get("select") is not None else None
        self.yes = [code_str(v) for v in as_list(d.get("yes"))]
        self.no = [code_str(v) for v in as_list(d.get("no"))]
        self.range = None
        if d.get("range") is not None:
            lo, hi = d["range"]
            self.range = (int(lo), int(hi))
            if not self.range[0] < self.range[1]:
                die(f"indicator {self.id}: range min must be < max")
        self.labels = {}
        for k, v in (d.get("labels") or {}).items():
            self.labels[code_str(k)] = v
        self.scores = {}
        for k, v in (d.get("scores") or {}).items():
            self.scores[code_str(k)] = float(v)
        # questionnaires/README.md: an indicator's own answers win over the questionnaire's
        # `missing:` ("98" listed among a knowledge item's `no:` answers is 0, not missing).
        own = set(self.yes) | set(self.no) | set(self.labels) | set(self.scores)
        if self.range is not None:
            own |= {str(v) for v in range(self.range[0], self.range[1] + 1)}
        self.missing = ({m for m in global_missing if m not in own}
                        | {code_str(m) for m in as_list(d.get("missing"))})
        self.satisfied = None
        if d.get("satisfied") is not None:
            if kind == "percent":
                self.satisfied = {int(v) for v in as_list(d["satisfied"])}
            else:
                warn(f"indicator {self.id}: `satisfied` ignored (kind is not percent)")
        if self.type in ("likert", "scale") and self.range is None:
            die(f"indicator {self.id}: {self.type} needs range")
        if self.type == "binary" and self.select is None and not (self.yes and self.no):
            die(f"indicator {self.id}: binary needs yes and no (or select)")
        if self.type == "choice" and not self.scores:
            die(f"indicator {self.id}: choice needs scores")

    # ---- answer value (PRODUCT §4 item 1) --------------------------------

    def is_missing(self, cell):
        if cell == "":
            return True
        return lookup_code(cell, {m: True for m in self.missing}) is not None

    def value(self, cell):
        """x in [0,1] for a non-missing, non-select cell; raises ValueError."""
        if self.type == "binary":
            table = {}
            for c in self.yes:
                table[c] = 1.0
            for c in self.no:
                if c in table:
                    raise ValueError(f"code {c!r} is both yes and no")
                table[c] = 0.0
            x = lookup_code(cell, table)
            if x is None:
                raise ValueError("not a yes/no code")
        elif self.type in ("likert", "scale"):
            a = lookup_code(cell, self.labels)
            if a is None:
                if not re.fullmatch(r"[+-]?[0-9]+", cell):
                    raise ValueError("not an integer or label")
                a = int(cell)
            a = int(a)
            lo, hi = self.range
            if not lo <= a <= hi:
                raise ValueError(f"outside range [{lo}, {hi}]")
            if self.satisfied is not None:
                x = 1.0 if a in self.satisfied else 0.0
            else:
                x = (a - lo) / (hi - lo)
        else:  # choice
            code = cell
            if self.labels:
                lab = lookup_code(cell, self.labels)
                if lab is not None:
                    code = code_str(lab)
            x = lookup_code(code, self.scores)
            if x is None:
                raise ValueError("not a choice code")
        if self.reverse:
            x = 1.0 - x
        return x


def lookup_code(cell, table):
    """Exact match after NFC, then ignoring case (README 'How export headers
    are matched'). Returns the table value or None."""
    if cell in table:
        return table[cell]
    folded = cell.casefold()
    hits = {k: v for k, v in table.items() if k.casefold() == folded}
    if not hits:
        return None
    vals = set(map(repr, hits.values()))
    if len(vals) > 1:
        raise ValueError(f"{cell!r} matches several codes ignoring case: {sorted(hits)}")
    return next(iter(hits.values()))


class Questionnaire:
    def __init__(self, path):
        with open(path, encoding="utf-8-sig") as f:
            d = yaml.load(f, Loader=_Loader)
        self.id = str(d["id"])
        self.kind = d.get("kind", "papi")
        if self.kind not in ("papi", "percent"):
            die(f"questionnaire kind {self.kind!r}")
        r = d.get("respondent") or {}
        self.id_cols = [nfc(str(c)) for c in as_list(r.get("id"))]
        if r.get("unit") is None:
            die("respondent.unit is required")
        self.unit_col = nfc(str(r["unit"]))
        self.unit_name_col = nfc(str(r["unit_name"])) if r.get("unit_name") is not None else None
        self.parent_cols = [nfc(str(c)) for c in as_list(r.get("parent"))]
        self.weight_col = nfc(str(r["weight"])) if r.get("weight") is not None else None
        # questionnaires/README.md: rows whose `complete` column is empty are incomplete
        # responses, left out (a LimeSurvey export uses `submitdate` by itself).
        self.complete_col = nfc(str(r["complete"])).strip() if r.get("complete") is not None else None
        self.pii_cols = [nfc(str(c)) for c in as_list(r.get("pii"))]
        self.aliases = {}
        for k, v in (r.get("aliases") or {}).items():
            self.aliases[nfc(str(k))] = [nfc(str(a)) for a in as_list(v)]
        global_missing = {code_str(m) for m in as_list(d.get("missing"))}
        self.dimensions = []
        seen = set()
        for dd in d.get("dimensions") or []:
            dim = {
                "id": str(dd["id"]),
                "weight": float(dd.get("weight", 1)),
                "subdimensions": [],
            }
            for sd in dd.get("subdimensions") or []:
                sub = {"id": str(sd["id"]), "indicators": []}
                for ind in sd.get("indicators") or []:
                    sub["indicators"].append(Indicator(ind, self.kind, global_missing))
                if not sub["indicators"]:
                    die(f"sub-dimension {sub['id']} has no indicator")
                dim["subdimensions"].append(sub)
            if not dim["subdimensions"]:
                die(f"dimension {dim['id']} has no sub-dimension")
            self.dimensions.append(dim)
        for dim in self.dimensions:
            for x in [dim["id"]] + [s["id"] for s in dim["subdimensions"]] + [
                i.id for s in dim["subdimensions"] for i in s["indicators"]
            ]:
                if x in seen:
                    die(f"duplicate id {x}")
                seen.add(x)

    def indicators(self):
        return [i for dim in self.dimensions for s in dim["subdimensions"] for i in s["indicators"]]

    def respondent_names(self, col):
        return [col] + self.aliases.get(col, [])


# --------------------------------------------------------------------------
# Header matching
# --------------------------------------------------------------------------


def header_matches(header, names):
    """0 = no match, 2 = exact match, 1 = group-path match (grp/x, grp/sub/x, grp-x)."""
    if header in names:
        return 2
    for n in names:
        for sep in SEPARATORS:
            if header.endswith(sep + n) and len(header) > len(n) + 1:
                return 1
    return 0


def match_headers(q, headers):
    """Return a dict target -> column index.

    Targets: ("id", name), ("unit",), ("unit_name",), ("parent", k), ("weight",),
    ("pii", name), ("ind", indicator_column_name), ("opt", select_column_name, option).
    """
    # Candidate targets with their name lists.
    targets = []
    for c in q.id_cols:
        targets.append((("id", c), q.respondent_names(c)))
    targets.append((("unit",), q.respondent_names(q.unit_col)))
    if q.unit_name_col:
        targets.append((("unit_name",), q.respondent_names(q.unit_name_col)))
    for k, c in enumerate(q.parent_cols):
        targets.append((("parent", k), q.respondent_names(c)))
    if q.weight_col:
        targets.append((("weight",), q.respondent_names(q.weight_col)))
    for c in q.pii_cols:
        targets.append((("pii", c), q.respondent_names(c)))
    ind_cols = {}
    for ind in q.indicators():
        ind_cols.setdefault(ind.names[0], list(ind.names))
    for name, names in ind_cols.items():
        targets.append((("ind", name), names))
    select_cols = {}
    for ind in q.indicators():
        if ind.select is not None:
            select_cols.setdefault(ind.names[0], list(ind.names))

    found = {}  # target -> (quality, index)

    def offer(target, quality, idx):
        """Keep the best match per target (exact > option/group path); the
        first header wins a tie, with a warning."""
        old = found.get(target)
        if old is None or quality > old[0]:
            found[target] = (quality, idx)
        elif quality == old[0]:
            warn(f"header {headers[idx]!r} also matches {target}; using {headers[old[1]]!r}")

    for idx, h in enumerate(headers):
        if h == "":
            continue
        # 1. exact name or alias
        exact = [t for t, names in targets if h in names]
        if exact:
            for t in exact:
                offer(t, 3, idx)
            continue
        # 2. select-multiple option column: <select column (maybe with group path)><sep><option>
        opt_hit = None
        for pos, ch in enumerate(h):
            if ch in SEPARATORS and 0 < pos < len(h) - 1:
                prefix, option = h[:pos], h[pos + 1:]
                for sc, names in select_cols.items():
                    if header_matches(prefix, names):
                        opt_hit = (sc, option)
                        break
            if opt_hit:
                break
        if opt_hit:
            sc, option = opt_hit
            offer(("opt", sc, option), 2 if h[: -len(option) - 1] in select_cols[sc] else 1, idx)
            continue
        # 3. group path ending with a name or alias
        for t, names in targets:
            if header_matches(h, names) == 1:
                offer(t, 1, idx)
    return {t: idx for t, (qual, idx) in found.items()}


# --------------------------------------------------------------------------
# Reading the export
# --------------------------------------------------------------------------


def detect_delimiter(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        line = f.readline()
    counts = {}
    inq = False
    for ch in line:
        if ch == '"':
            inq = not inq
        elif not inq and ch in ",;\t":
            counts[ch] = counts.get(ch, 0) + 1
    if not counts:
        return ","
    return max(counts, key=lambda c: counts[c])


def parse_weight(s, line):
    t = s
    if re.fullmatch(r"[+-]?[0-9]+,[0-9]+", t):
        t = t.replace(",", ".")  # decimal comma (vi-VN spreadsheets)
    try:
        w = float(t)
    except ValueError:
        die(f"line {line}: weight {s!r} is not a number")
    if not math.isfinite(w) or w < 0:
        die(f"line {line}: weight {s!r} is not a finite non-negative number")
    return w


def read_export(q, path, delimiter):
    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f, delimiter=delimiter)
        rows = []
        for row in reader:
            rows.append((reader.line_num, row))
    if not rows:
        die("empty export")
    header_line, header = rows[0]
    headers = [nfc(h) for h in header]
    data = rows[1:]
    if data:
        first = [nfc(c) for c in data[0][1]]
        nonempty = [c for c in first if c != ""]
        if nonempty and all(c.startswith("#") for c in nonempty):
            data = data[1:]  # KoboToolbox HXL row

    m = match_headers(q, headers)
    id_idx = None
    for c in q.id_cols:
        if ("id", c) in m:
            id_idx = m[("id", c)]
            break
    if ("unit",) not in m:
        die(f"no unit column {q.unit_col!r} in the header")
    unit_idx = m[("unit",)]
    name_idx = m.get(("unit_name",))
    parent_idx = [m.get(("parent", k)) for k in range(len(q.parent_cols))]
    weight_idx = m.get(("weight",))
    if q.weight_col and weight_idx is None:
        warn(f"weight column {q.weight_col!r} not in the header: every weight is 1")
    pii_idx = {m[t] for t in m if t[0] == "pii"}
    complete_name = q.complete_col
    if complete_name is None and {"id", "submitdate", "lastpage"} <= {h.strip().lower() for h in headers}:
        complete_name = "submitdate"
    complete_idx = None
    if complete_name is not None:
        found = [i for i, h in enumerate(headers) if h.strip().lower() == complete_name.lower()]
        complete_idx = found[0] if found else None

    # Which column feeds each indicator.
    ind_source = {}
    for ind in q.indicators():
        col = ind.names[0]
        if ind.select is not None:
            opt_idx = None
            for t, idx in m.items():
                if t[0] == "opt" and t[1] == col and lookup_code(t[2], {ind.select: True}):
                    opt_idx = idx
                    break
            if opt_idx is not None and opt_idx not in pii_idx:
                ind_source[ind.id] = ("opt", opt_idx)
                continue
        idx = m.get(("ind", col))
        if idx is None or idx in pii_idx:
            warn(f"indicator {ind.id}: column {col!r} not in the export; no valid answers")
            ind_source[ind.id] = None
        else:
            ind_source[ind.id] = ("cell", idx)
    used = set(i for t, i in m.items() if t[0] != "opt") | {
        s[1] for s in ind_source.values() if s is not None
    }
    unused = [headers[i] for i in range(len(headers)) if i not in used and headers[i] != ""]
    if unused:
        warn(f"{len(unused)} header(s) not used: {', '.join(unused[:12])}{' …' if len(unused) > 12 else ''}")

    respondents = []
    seen_ids = {}
    for line, row in data:
        if len(row) == 0:
            warn(f"line {line}: empty line skipped")
            continue
        if len(row) != len(headers):
            die(f"line {line}: {len(row)} fields, header has {len(headers)}")
        cells = [nfc(c) for c in row]
        if complete_idx is not None and cells[complete_idx].strip() == "":
            warn(f"line {line}: incomplete response (empty {complete_name!r}) left out")
            continue
        rid = cells[id_idx] if id_idx is not None else None
        if rid is not None and rid != "":
            if rid in seen_ids:
                die(f"line {line}: duplicate respondent id {rid!r} (first on line {seen_ids[rid]})")
            seen_ids[rid] = line
        unit = cells[unit_idx]
        if unit == "":
            die(f"line {line}: empty unit code")
        r = {
            "line": line,
            "id": rid,
            "unit": unit,
            "unit_name": cells[name_idx] if name_idx is not None else None,
            "parents": [cells[i] if i is not None else None for i in parent_idx],
            "weight": parse_weight(cells[weight_idx], line) if weight_idx is not None else 1.0,
            "x": {},
        }
        for ind in q.indicators():
            src = ind_source[ind.id]
            if src is None:
                r["x"][ind.id] = None
                continue
            kind, idx = src
            cell = cells[idx]
            try:
                if kind == "opt":
                    # per-option 0/1 column: empty (or a missing code) is missing
                    if ind.is_missing(cell):
                        x = None
                    else:
                        v = lookup_code(cell, {"1": 1.0, "0": 0.0, "true": 1.0, "false": 0.0})
                        if v is None:
                            raise ValueError("option column value is not 0/1")
                        x = v
                elif ind.select is not None:
                    # summary cell: chosen options separated by spaces
                    if ind.is_missing(cell):
                        x = None
                    else:
                        chosen = cell.split()
                        x = 1.0 if lookup_code(ind.select, {c: True for c in chosen}) else 0.0
                else:
                    x = None if ind.is_missing(cell) else ind.value(cell)
            except ValueError as e:
                die(f"line {line}, column {headers[idx]!r}, indicator {ind.id}: value {cell!r}: {e}")
            if x is not None and self_check_bad(x):
                die(f"line {line}: indicator {ind.id}: value {x} outside [0,1]")
            r["x"][ind.id] = x
        respondents.append(r)
    return respondents


def self_check_bad(x):
    return not (0.0 <= x <= 1.0)


# --------------------------------------------------------------------------
# Scoring (PRODUCT §4)
# --------------------------------------------------------------------------


def se_from_z(zs, n):
    """sqrt(n/(n-1) * sum z^2), None when n < 2."""
    if n < 2:
        return None
    return math.sqrt(n / (n - 1) * math.fsum(z * z for z in zs))


def metric(estimate, se, n, key="score", complete=None):
    out = {key: estimate, "se": se, "n": n}
    if estimate is None or se is None:
        out["low"] = None
        out["upp"] = None
    else:
        out["low"] = estimate - Z95 * se
        out["upp"] = estimate + Z95 * se
    if complete is not None:
        out["complete"] = complete
    return out


def score_unit(q, resp, detail=None):
    """resp: the unit's respondents. Returns (total, dimensions) JSON objects.

    detail: an optional dict, filled for design_check.py with, for every estimate that is not
    null (indicator, sub-dimension, dimension id, and "total"), {"z": [z_r per respondent of
    resp], "rows": [True where the respondent contributes (a valid answer to the indicator, or
    to at least one indicator below the composite)]}. It does not change the result.
"""
    # ---- indicators (item 2) ----
    ind_stats = {}  # id -> dict(p, n, z: list per respondent)
    for ind in q.indicators():
        valid = [(r["weight"], r["x"][ind.id]) for r in resp if r["x"][ind.id] is not None]
        n = len(valid)
        if n == 0:
            ind_stats[ind.id] = {"p": None, "n": 0, "z": [0.0] * len(resp), "se": None}
            continue
        W = math.fsum(w for w, _ in valid)
        if W <= 0:
            die(f"indicator {ind.id}: weights of valid answers sum to {W}")
        p = math.fsum(w * x for w, x in valid) / W
        z = []
        for r in resp:
            x = r["x"][ind.id]
            z.append(r["weight"] * (x - p) / W if x is not None else 0.0)
        ind_stats[ind.id] = {"p": p, "n": n, "z": z, "se": se_from_z(z, n), "W": W}
        if detail is not None:
            detail[ind.id] = {"z": z, "rows": [r["x"][ind.id] is not None for r in resp]}

    def composite(coeffs, c0, ind_ids, key):
        """SE and n of C = c0 + sum c_i p_i by an explicit loop over respondents.
        ind_ids: all indicators below the composite (for n); key: its id in `detail`."""
        n = 0
        zs = []
        rows = []
        for k, r in enumerate(resp):
            rows.append(any(r["x"][i] is not None for i in ind_ids))
            if rows[-1]:
                n += 1
            z_r = math.fsum(c * ind_stats[i]["z"][k] for i, c in coeffs.items())
            zs.append(z_r)
        if detail is not None:
            detail[key] = {"z": zs, "rows": rows}
        return se_from_z(zs, n), n

    dims_out = []
    dim_parts = []  # (estimate or None, coeffs, c0, complete, ind_ids)
    for dim in q.dimensions:
        k = len(dim["subdimensions"])
        subs_out = []
        sub_parts = []
        for sub in dim["subdimensions"]:
            inds_out = []
            for ind in sub["indicators"]:
                st = ind_stats[ind.id]
                inds_out.append(
                    {"id": ind.id, **metric(st["p"], st["se"], st["n"], key="estimate")}
                )
            # ---- sub-dimension (item 3) ----
            have = [ind for ind in sub["indicators"] if ind_stats[ind.id]["n"] >= 1]
            ids = [ind.id for ind in sub["indicators"]]
            complete = len(have) == len(sub["indicators"])
            if not have:
                est, coeffs, c0 = None, {}, 0.0
            else:
                A = math.fsum(ind.weight for ind in have)
                v = math.fsum(ind.weight * ind_stats[ind.id]["p"] for ind in have) / A
                if q.kind == "papi":
                    est = (1 + 9 * v) / k
                    c0 = 1.0 / k
                    coeffs = {ind.id: 9 * ind.weight / (k * A) for ind in have}
                else:
                    est = 100 * v
                    c0 = 0.0
                    coeffs = {ind.id: 100 * ind.weight / A for ind in have}
            sub_parts.append((est, coeffs, c0, complete, ids))
            if est is None:
                so = metric(None, None, 0, complete=complete)
            else:
                se, n = composite(coeffs, c0, ids, sub["id"])
                so = metric(est, se, n, complete=complete)
            subs_out.append({"id": sub["id"], **so, "indicators": inds_out})
        # ---- dimension (item 4) ----
        d_complete = all(p[3] for p in sub_parts)
        d_ids = [i for p in sub_parts for i in p[4]]
        if any(p[0] is None for p in sub_parts):
            d_est, d_coeffs, d_c0 = None, {}, 0.0
        else:
            f = 1.0 if q.kind == "papi" else 1.0 / k  # sum, or mean of its sub-dimensions
            if q.kind == "papi":
                d_est = math.fsum(p[0] for p in sub_parts)
            else:
                d_est = math.fsum(p[0] for p in sub_parts) / k
            d_coeffs = {}
            d_c0 = 0.0
            for p in sub_parts:
                d_c0 += f * p[2]
                for i, c in p[1].items():
                    d_coeffs[i] = d_coeffs.get(i, 0.0) + f * c
        dim_parts.append((d_est, d_coeffs, d_c0, d_complete, d_ids, dim["weight"]))
        if d_est is None:
            do = metric(None, None, 0, complete=d_complete)
        else:
            se, n = composite(d_coeffs, d_c0, d_ids, dim["id"])
            do = metric(d_est, se, n, complete=d_complete)
        dims_out.append({"id": dim["id"], **do, "subdimensions": subs_out})

    # ---- total ----
    t_complete = all(p[3] for p in dim_parts)
    t_ids = [i for p in dim_parts for i in p[4]]
    if any(p[0] is None for p in dim_parts):
        total = metric(None, None, 0, complete=t_complete)
    else:
        if q.kind == "papi":
            fs = [1.0 for _ in dim_parts]
            t_est = math.fsum(p[0] for p in dim_parts)
        else:
            B = math.fsum(p[5] for p in dim_parts)
            fs = [p[5] / B for p in dim_parts]
            t_est = math.fsum(p[5] * p[0] for p in dim_parts) / B
        t_coeffs = {}
        for f, p in zip(fs, dim_parts):
            for i, c in p[1].items():
                t_coeffs[i] = t_coeffs.get(i, 0.0) + f * c
        se, n = composite(t_coeffs, 0.0, t_ids, "total")
        total = metric(t_est, se, n, complete=t_complete)
    return total, dims_out


def level_key(q, level):
    """Function respondent -> (code, name, parent) for the level."""
    if level == "commune":
        def key(r):
            parent = r["parents"][0] if r["parents"] else None
            return r["unit"], r["unit_name"], parent or None
        return key
    if len(q.parent_cols) == 1:
        names = {"province": 0}
    elif len(q.parent_cols) == 2:
        names = {"district": 0, "province": 1}
    else:
        names = {}
    if level not in names:
        die(f"level {level!r} not defined by this questionnaire's parent columns")
    k = names[level]

    def key(r):
        code = r["parents"][k]
        if code is None or code == "":
            die(f"line {r['line']}: no {level} code")
        parent = r["parents"][k + 1] if k + 1 < len(r["parents"]) else None
        return code, None, parent or None
    return key


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("questionnaire")
    ap.add_argument("export")
    ap.add_argument("--delimiter", default=None)
    ap.add_argument("--level", default="commune")
    a = ap.parse_args()
    delim = a.delimiter
    if delim is not None:
        if delim in ("\\t", "tab", "TAB"):
            delim = "\t"
        if len(delim) != 1:
            die("delimiter must be one character")
    else:
        delim = detect_delimiter(a.export)

    q = Questionnaire(a.questionnaire)
    resp = read_export(q, a.export, delim)
    key = level_key(q, a.level)

    units = {}
    order_info = {}
    for r in resp:
        code, name, parent = key(r)
        units.setdefault(code, []).append(r)
        if code not in order_info:
            order_info[code] = {"name": name, "parent": parent}
        else:
            info = order_info[code]
            if info["name"] is None and name:
                info["name"] = name
            elif name and name != info["name"]:
                warn(f"unit {code}: name {name!r} differs from {info['name']!r} (keeping the first)")
            if info["parent"] is None and parent:
                info["parent"] = parent
            elif parent and parent != info["parent"]:
                warn(f"unit {code}: parent {parent!r} differs from {info['parent']!r} (keeping the first)")

    out_units = []
    for code in sorted(units, key=lambda c: c.encode("utf-8")):
        total, dims = score_unit(q, units[code])
        out_units.append(
            {
                "code": code,
                "name": order_info[code]["name"] or None,
                "parent": order_info[code]["parent"],
                "respondents": len(units[code]),
                "total": total,
                "dimensions": dims,
            }
        )
    out = {
        "questionnaire": {"id": q.id, "kind": q.kind},
        "level": a.level,
        "units": out_units,
    }
    sys.stdout.write(json.dumps(out, sort_keys=True, indent=2, ensure_ascii=False, allow_nan=False))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
