#!/usr/bin/env python3
"""design_check.py: papi's design-based standard errors against samplics.

Usage:
    python design_check.py --papi PATH/TO/papi [--keep DIR] [--show N]
    python design_check.py --reference-only [--keep DIR]

For every case below it runs `papi score FILE -q Q.yaml --level L --format json
[--lonely-psu M]` and compares every estimate of every unit with a reference:

- point estimates, n and `complete`: score_reference.py (imported, not copied);
- SE and df: samplics' TaylorEstimator (indicators: PopParam.mean of the answers with the
  sampling weights; composites: PopParam.total of the linearised scores z_r of
  score_reference.py with weight 1), with psu = (commune, cluster), stratum, and fpc = the
  factor 1 - f_h per stratum, single_psu=SinglePSUEst.skip;
- `--lonely-psu adjust` (a lonely stratum adds (1 - f_h) t_hc^2): samplics has no such
  option, so that case is plain arithmetic from the formula (checked, in the other modes,
  to agree with samplics);
- low/upp = estimate -/+ t(0.975, df) SE (scipy), deff = V / V_indep with V_indep
  = n/(n-1) sum z_r^2 = score_reference.py's SE squared, n_eff = n / deff.

Cases: generated data (a fixed seed, written to a temporary folder): clusters only;
clusters in strata (default and adjust); strata with fpc as PSU counts; fpc as
fractions; strata without clusters (with and without fpc as respondent counts); clusters
with an fpc and no strata; a stratum with one PSU in the whole file (papi must refuse it
without --lonely-psu, naming the stratum, and agree with each of adjust, certainty,
remove). Then samples/kobo-kontum-2024.csv and samples/odk-quangtri-2024.csv with
questionnaires/papi-2024.yaml plus `cluster: village`. Each at levels commune and
province. Without design keys papi's output must stay as it was: the same values as
score_reference.py and none of the design keys.

Exit 0 when everything agrees, 1 on any disagreement (each one printed), 2 on a usage or
environment error. Needs samplics (Tests/requirements.txt), PyYAML, numpy and scipy.
"""

import argparse
import contextlib
import csv
import importlib.metadata
import io
import json
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

import yaml  # noqa: E402

import score_reference as ref  # noqa: E402

# samplics 0.6.1 warns on import that it is archived (FutureWarning); polars may warn too.
warnings.filterwarnings("ignore")
import numpy as np  # noqa: E402
from samplics.estimation import TaylorEstimator  # noqa: E402
from samplics.utils.types import PopParam, SinglePSUEst  # noqa: E402
from scipy.stats import t as student  # noqa: E402

SEED = 20240605
REL = 1e-9
ABS = 1e-12
NO_STRATUM = "\x00one-stratum"
NOISE = 1e-20  # a deff below this is a variance of 0 plus rounding
DESIGN_FIELDS = ("df", "clusters", "deff", "n_eff")
LONELY_STRATUM = "Z9-single"


class ReferenceError_(Exception):
    """The reference disagrees with itself (samplics vs the formula): a bug here, not in papi."""


# --------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------


@contextlib.contextmanager
def quiet():
    """score_reference.py warns on stderr (unused headers, ...); keep the test output short,
    but show its messages if it dies."""
    buf = io.StringIO()
    try:
        with contextlib.redirect_stderr(buf):
            yield
    except SystemExit:
        sys.stderr.write(buf.getvalue())
        raise


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, bool) or isinstance(b, bool):
        return a == b
    d = abs(a - b)
    return d <= ABS or d <= REL * max(abs(a), abs(b))


def fmt(v):
    return "null" if v is None else repr(v)


# --------------------------------------------------------------------------
# Generated data
# --------------------------------------------------------------------------

# province, district (stratum), zone (stratum of the lonely case), commune, name, clusters
# Clusters are named "Thôn 1", "Thôn 2", ... in every commune, so only (commune, cluster)
# tells them apart. District H01 has 4 PSUs, H02 5, H03 2, H04 4 (one, Thôn 9, whose
# respondents answered nothing: it counts for the fpc, in no estimate).
COMMUNES = [
    ("46", "H01", "Z1", "10101", "Xã An Lạc", ["Thôn 1", "Thôn 2", "Thôn 3"]),
    ("46", "H01", LONELY_STRATUM, "10102", "Xã Bình Minh", ["Thôn 1"]),
    ("46", "H02", "Z1", "10201", "Xã Cẩm Thành", ["Thôn 1", "Thôn 2"]),
    ("46", "H02", "Z1", "10202", "Xã Đông Sơn", ["Thôn 1", "Thôn 2"]),
    ("46", "H02", "Z1", "10203", "Xã Hòa Bình", ["Thôn 1"]),
    ("62", "H03", "Z1", "20101", "Xã Kon Đào", ["Thôn 1", "Thôn 2"]),
    ("62", "H04", "Z2", "20201", "Xã Ngọc Lây", ["Thôn 1"]),
    ("62", "H04", "Z2", "20202", "Xã Pờ Ê", ["Thôn 1", "Thôn 2", "Thôn 9"]),
]
# Per stratum: PSU counts (fpc_n), fractions (fpc_f), respondent counts (fpc_r); per zone:
# PSU counts (fpc_z); one PSU count for the whole file (fpc_all).
FPC_N = {"H01": 40, "H02": 25, "H03": 8, "H04": 30}
FPC_F = {"H01": "0.1", "H02": "0.2", "H03": "0.25", "H04": "0.5"}
FPC_R = {"H01": 900, "H02": 400, "H03": 120, "H04": 600}
FPC_Z = {"Z1": 60, LONELY_STRATUM: 5, "Z2": 25}
FPC_ALL = 150

# Indicators: id, column, type, extra keys; latent baseline.
INDICATORS = {
    "d1": {
        "d1.1": [
            ("d1.1.a", "q11", "binary", {"yes": ["1"], "no": ["2"]}, 0.3),
            ("d1.1.b", "q12", "likert", {"range": [1, 5]}, 0.2),
            ("d1.1.c", "q13", "binary", {"yes": ["1"], "no": ["2"], "weight": 2}, -0.4),
        ],
        "d1.2": [
            ("d1.2.a", "q14", "likert", {"range": [1, 4], "reverse": True}, -0.3),
            ("d1.2.b", "q15", "choice", {"scores": {"1": 1.0, "2": 0.5, "3": 0.0},
                                         "missing": ["97"]}, 0.1),
        ],
    },
    "d2": {
        "d2.1": [
            ("d2.1.a", "q21", "binary", {"yes": ["1"], "no": ["2"]}, 0.8),
            ("d2.1.b", "q22", "likert", {"range": [1, 5], "weight": 0.5}, 0.0),
        ],
        "d2.2": [
            ("d2.2.a", "q23", "binary", {"yes": ["1"], "no": ["2"]}, -0.1),
            ("d2.2.b", "q24", "likert", {"range": [1, 5]}, 0.4),
        ],
    },
}


def generated_questionnaire(design):
    dims = []
    for did, subs in INDICATORS.items():
        sds = []
        for sid, inds in subs.items():
            items = []
            for iid, col, typ, extra, _ in inds:
                item = {"id": iid, "column": col, "text": {"vi": f"Câu {col}", "en": f"Item {col}"},
                        "type": typ}
                item.update(extra)
                items.append(item)
            sds.append({"id": sid, "name": {"vi": f"Nội dung {sid}", "en": f"Sub-dimension {sid}"},
                        "indicators": items})
        dims.append({"id": did, "name": {"vi": f"Lĩnh vực {did}", "en": f"Dimension {did}"},
                     "subdimensions": sds})
    respondent = {"id": "rid", "unit": "commune_code", "unit_name": "commune_name",
                  "parent": "province_code", "weight": "weight"}
    respondent.update({k: v for k, v in design.items() if v is not None})
    return {"id": "design-check", "kind": "papi",
            "title": {"vi": "Bảng hỏi thử thiết kế mẫu", "en": "Survey design check"},
            "respondent": respondent, "missing": ["", "98", "99"], "dimensions": dims}


def generate_csv(path):
    """Answers with intra-cluster correlation: a commune and a cluster random effect on the
    latent scale of every item. Some answers missing at random; nobody in 20101/Thôn 2
    answered q14 (so at province level, stratum H03 has one PSU for d1.2.a only); nobody in
    10203 answered q23/q24 (sub-dimension d2.2, d2 and the total are null there); one
    respondent of 10101 and all of 20202/Thôn 9 answered nothing."""
    rng = random.Random(SEED)
    cols = [iid_col for subs in INDICATORS.values() for inds in subs.values() for iid_col in inds]
    header = ["rid", "province_code", "district", "zone", "commune_code", "commune_name",
              "village", "weight", "fpc_n", "fpc_f", "fpc_r", "fpc_z", "fpc_all"] + [c[1] for c in cols]
    rows = []
    k = 0
    for prov, dist, zone, code, name, clusters in COMMUNES:
        u_commune = rng.gauss(0, 0.5)
        for cl in clusters:
            u = u_commune + rng.gauss(0, 0.9)
            size = 3 if cl == "Thôn 9" else rng.randint(6, 11)
            for j in range(size):
                k += 1
                row = {"rid": f"r{k:04d}", "province_code": prov, "district": dist, "zone": zone,
                       "commune_code": code, "commune_name": name, "village": cl,
                       "weight": rng.choice(["0.5", "1", "1.5", "2", "2.5", "1"]),
                       "fpc_n": str(FPC_N[dist]), "fpc_f": FPC_F[dist], "fpc_r": str(FPC_R[dist]),
                       "fpc_z": str(FPC_Z[zone]), "fpc_all": str(FPC_ALL)}
                nothing = cl == "Thôn 9" or (code == "10101" and cl == "Thôn 2" and j == 0)
                for iid, col, typ, extra, base in cols:
                    latent = base + u + rng.gauss(0, 0.8)
                    if typ == "binary":
                        v = "1" if rng.random() < 1 / (1 + math.exp(-latent)) else "2"
                    elif typ == "likert":
                        lo, hi = extra["range"]
                        mid = (lo + hi) / 2
                        v = str(min(hi, max(lo, round(mid + latent * (hi - lo) / 3))))
                    else:
                        v = "1" if latent > 0.5 else ("2" if latent > -0.5 else "3")
                    r = rng.random()
                    if r < 0.04:
                        v = ""
                    elif r < 0.07:
                        v = "98"
                    elif r < 0.08 and col == "q15":
                        v = "97"
                    if nothing or (code == "20101" and cl == "Thôn 2" and col == "q14") or (
                            code == "10203" and col in ("q23", "q24")):
                        v = rng.choice(["", "98"])
                    row[col] = v
                rows.append(row)
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=header)
        w.writeheader()
        w.writerows(rows)
    return len(rows)


def write_yaml(path, data):
    with open(path, "w", encoding="utf-8") as f:
        yaml.dump(data, f, allow_unicode=True, sort_keys=False)


def cases(tmp):
    """Every case: name, export, delimiter, questionnaire, design keys, levels and runs.
    A run is a --lonely-psu mode (None: not given); `fail` runs must be refused."""
    out = []
    gen_csv = os.path.join(tmp, "design-check.csv")
    generate_csv(gen_csv)

    def gen(name, design, modes=(None,), fail=()):
        q = os.path.join(tmp, f"design-check-{name}.yaml")
        write_yaml(q, generated_questionnaire(design))
        out.append({"name": f"generated {name}", "csv": gen_csv, "delim": ",", "q": q,
                    "design": design, "modes": list(modes), "fail": list(fail)})

    none = {"cluster": None, "strata": None, "fpc": None}
    gen("no-design", dict(none))
    gen("clusters", {**none, "cluster": "village"})
    gen("clusters+strata", {**none, "cluster": "village", "strata": "district"},
        modes=(None, "adjust"))
    gen("clusters+strata+fpc-counts", {"cluster": "village", "strata": "district", "fpc": "fpc_n"},
        modes=(None, "adjust"))
    gen("clusters+strata+fpc-fractions", {"cluster": "village", "strata": "district", "fpc": "fpc_f"})
    gen("strata", {**none, "strata": "district"})
    gen("strata+fpc-counts", {**none, "strata": "district", "fpc": "fpc_r"})
    gen("clusters+fpc", {"cluster": "village", "strata": None, "fpc": "fpc_all"})
    gen("lonely-stratum", {"cluster": "village", "strata": "zone", "fpc": "fpc_z"},
        modes=("adjust", "certainty", "remove"), fail=(None,))

    # The samples, with `cluster: village` added to papi-2024.yaml's respondent block. The
    # questionnaire is read with score_reference.py's loader (YAML 1.2 booleans, so the `yes:`
    # and `no:` keys stay strings) and written back with PyYAML.
    with open(os.path.join(ROOT, "questionnaires", "papi-2024.yaml"), encoding="utf-8-sig") as f:
        qd = yaml.load(f, Loader=ref._Loader)
    qd["respondent"]["cluster"] = "village"
    qv = os.path.join(tmp, "papi-2024-village.yaml")
    write_yaml(qv, qd)
    for sample, delim in (("kobo-kontum-2024", ";"), ("odk-quangtri-2024", ",")):
        path = os.path.join(ROOT, "samples", f"{sample}.csv")
        out.append({"name": f"{sample} no-design", "csv": path, "delim": delim,
                    "q": os.path.join(ROOT, "questionnaires", "papi-2024.yaml"),
                    "design": dict(none), "modes": [None], "fail": []})
        out.append({"name": sample, "csv": path, "delim": delim, "q": qv,
                    "design": {**none, "cluster": "village"}, "modes": [None], "fail": []})
    return out


# --------------------------------------------------------------------------
# The design of a file (cluster, stratum, fpc factor of every respondent)
# --------------------------------------------------------------------------


def design_cells(q, design, path, delim, resp):
    """The cells of the design columns of every respondent, found by line as
    score_reference.read_export read it, the columns matched as it matches respondent
    columns (name or alias exactly, else a group path ending with it)."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f, delimiter=delim)
        lines = {}
        header = None
        for row in reader:
            if header is None:
                header = [ref.nfc(h) for h in row]
                continue
            lines[reader.line_num] = [ref.nfc(c) for c in row]
    cells = {}
    for key in ("cluster", "strata", "fpc"):
        col = design.get(key)
        if col is None:
            continue
        names = q.respondent_names(ref.nfc(col))
        idx = [i for i, h in enumerate(header) if h in names]
        if not idx:
            idx = [i for i, h in enumerate(header) if ref.header_matches(h, names) == 1]
        if not idx:
            raise SystemExit(f"design_check: {path}: no column {col!r} for `{key}`")
        cells[key] = [lines[r["line"]][idx[0]] for r in resp]
    return cells


class Design:
    """PSU, stratum and fpc factor (1 - f_h) of each respondent of a file."""

    def __init__(self, q, design, path, delim, resp):
        cells = design_cells(q, design, path, delim, resp)
        n = len(resp)
        if "cluster" in cells:
            # a cluster is nested in its commune (the unit column), at every level
            self.psu = [f"{r['unit']}\x1f{c}" for r, c in zip(resp, cells["cluster"])]
        else:
            self.psu = [f"row\x1f{r['line']}" for r in resp]
        self.stratum = cells.get("strata", [NO_STRATUM] * n)
        home = {}
        for p, h in zip(self.psu, self.stratum):
            if home.setdefault(p, h) != h:
                raise SystemExit(f"design_check: PSU {p!r} is in strata {home[p]!r} and {h!r}")
        # n_h^design: distinct PSUs of each stratum in the whole file
        self.file_psus = {}
        for p, h in zip(self.psu, self.stratum):
            self.file_psus.setdefault(h, set()).add(p)
        self.factor = {h: 1.0 for h in self.file_psus}
        if "fpc" in cells:
            per = {}
            for h, v in zip(self.stratum, cells["fpc"]):
                per.setdefault(h, set()).add(float(v))
            if any(len(v) != 1 for v in per.values()):
                raise SystemExit("design_check: fpc is not constant within a stratum")
            per = {h: next(iter(v)) for h, v in per.items()}
            fractions = all(v <= 1 for v in per.values())
            for h, v in per.items():
                f = v if fractions else len(self.file_psus[h]) / v
                self.factor[h] = 1.0 - f
        self.lonely_in_file = sorted(h for h, ps in self.file_psus.items() if len(ps) == 1)


# --------------------------------------------------------------------------
# Reference
# --------------------------------------------------------------------------


def estimates_of(total, dims):
    """(id, JSON object, value key, is indicator) of every estimate of a unit, in order."""
    out = [("total", total, "score", False)]
    for d in dims:
        out.append((d["id"], d, "score", False))
        for s in d["subdimensions"]:
            out.append((s["id"], s, "score", False))
            for i in s["indicators"]:
                out.append((i["id"], i, "estimate", True))
    return out


def raw_design_estimate(eid, is_ind, rows, det, design, idx):
    """Everything one estimate's design gives that does not depend on --lonely-psu."""
    sel = [k for k, on in enumerate(det["rows"]) if on]
    psu = [design.psu[idx[k]] for k in sel]
    strat = [design.stratum[idx[k]] for k in sel]
    z = [det["z"][k] for k in sel]
    clusters = len(set(psu))
    nstrata = len(set(strat))
    df = clusters - nstrata

    # samplics (lonely strata skipped: they add 0)
    strata_sorted = np.unique(np.array(strat))
    fpc = {str(h): design.factor[str(h)] for h in strata_sorted}
    if is_ind:
        est = TaylorEstimator(PopParam.mean)
        y = np.array([rows[k]["x"][eid] for k in sel])
        w = np.array([rows[k]["weight"] for k in sel])
    else:
        est = TaylorEstimator(PopParam.total)
        y = np.array(z)
        w = np.ones(len(z))
    try:
        est.estimate(y=y, samp_weight=w, stratum=np.array(strat), psu=np.array(psu), fpc=fpc,
                     single_psu=SinglePSUEst.skip)
        with_ci = True
    except ZeroDivisionError:
        # samplics 0.6.1 computes the coefficient of variation SE / estimate last, and
        # fails on an estimate of exactly 0 (an indicator everyone answered 0): variance and
        # degree of freedom are already set then, the CI is not.
        with_ci = False
    v_samplics = float(est.variance)

    # the formula, by hand: cluster totals per stratum
    totals = {}
    for zz, h, p in zip(z, strat, psu):
        totals.setdefault(h, {}).setdefault(p, []).append(zz)
    v_terms, lonely_terms = [], []
    for h, by_psu in totals.items():
        t = [math.fsum(v) for v in by_psu.values()]
        nh = len(t)
        if nh == 1:
            lonely_terms.append(design.factor[h] * t[0] * t[0])
        else:
            tbar = math.fsum(t) / nh
            v_terms.append(design.factor[h] * nh / (nh - 1) * math.fsum((x - tbar) ** 2 for x in t))
    v_skip = math.fsum(v_terms)
    v_adjust = math.fsum(v_terms + lonely_terms)

    # samplics and the formula must agree (on the SE scale), and so must df
    problems = []
    if not close(math.sqrt(v_samplics), math.sqrt(v_skip)):
        problems.append(f"SE samplics {math.sqrt(v_samplics)!r} vs formula {math.sqrt(v_skip)!r}")
    if est.degree_of_freedom != df:
        problems.append(f"df samplics {est.degree_of_freedom} vs {df}")
    if is_ind and not close(float(est.point_est), det["value"]):
        problems.append(f"estimate samplics {est.point_est!r} vs score_reference {det['value']!r}")
    if is_ind and df >= 1 and with_ci:
        tq = student.ppf(0.975, df)
        if not close(float(est.lower_ci), det["value"] - tq * math.sqrt(v_samplics)):
            problems.append(f"low samplics {est.lower_ci!r}")
    if problems:
        raise ReferenceError_(f"{eid}: " + "; ".join(problems))
    return {"df": df, "clusters": clusters, "v_samplics": v_samplics, "v_adjust": v_adjust,
            "lonely": len(lonely_terms)}


def reference_units(q, resp, design, level):
    """Per unit code: respondents and, per estimate id, the reference object plus the raw
    design quantities (None without a design)."""
    with quiet():
        key = ref.level_key(q, level)
        groups = {}
        for i, r in enumerate(resp):
            groups.setdefault(key(r)[0], []).append(i)
    units = {}
    stats = {"estimates": 0, "lonely": 0, "df0": 0}
    for code in sorted(groups, key=lambda c: c.encode("utf-8")):
        idx = groups[code]
        rows = [resp[i] for i in idx]
        detail = {}
        with quiet():
            total, dims = ref.score_unit(q, rows, detail)
        ests = {}
        for eid, obj, vkey, is_ind in estimates_of(total, dims):
            raw = None
            if design is not None and obj[vkey] is not None:
                det = dict(detail[eid], value=obj[vkey])
                raw = raw_design_estimate(eid, is_ind, rows, det, design, idx)
                if sum(det["rows"]) != obj["n"]:
                    raise ReferenceError_(f"{code} {eid}: contributing rows {sum(det['rows'])} != n {obj['n']}")
                stats["lonely"] += raw["lonely"] > 0
                stats["df0"] += raw["df"] < 1
            stats["estimates"] += 1
            ests[eid] = {"obj": obj, "vkey": vkey, "raw": raw}
        units[code] = {"respondents": len(rows), "estimates": ests}
    return units, stats


def expected(entry, mode):
    """The object papi must print for one estimate, with a design, in --lonely-psu mode."""
    obj, vkey, raw = entry["obj"], entry["vkey"], entry["raw"]
    value = obj[vkey]
    out = {vkey: value, "n": obj["n"]}
    if "complete" in obj:
        out["complete"] = obj["complete"]
    if raw is None:  # a null estimate: no contributing rows (n 0, PRODUCT §4.4)
        out.update(se=None, low=None, upp=None, df=0, clusters=0, deff=None, n_eff=None)
        return out
    out["df"] = raw["df"]
    out["clusters"] = raw["clusters"]
    if raw["df"] < 1:
        out.update(se=None, low=None, upp=None, deff=None, n_eff=None)
        return out
    v = raw["v_adjust"] if mode == "adjust" else raw["v_samplics"]
    se = math.sqrt(v)
    tq = float(student.ppf(0.975, raw["df"]))
    out.update(se=se, low=value - tq * se, upp=value + tq * se)
    v_indep = obj["se"] ** 2 if obj["se"] is not None else 0.0
    if v > 0 and v_indep > 0:
        deff = v / v_indep
        out.update(deff=deff, n_eff=obj["n"] / deff)
    else:
        out.update(deff=None, n_eff=None)
    if v_indep > 0 and v <= NOISE * v_indep:
        # V is 0 in exact arithmetic (e.g. two clusters with the same weighted mean) and what
        # is left is rounding, which differs with the order of the sums: papi may print null
        # (it got exactly 0) or any deff below NOISE.
        out["noise"] = True
    return out


# --------------------------------------------------------------------------
# papi
# --------------------------------------------------------------------------


def run_papi(papi, case, level, mode, tmp):
    cmd = [papi, "score", case["csv"], "-q", case["q"], "--level", level, "--format", "json",
           "--delimiter", case["delim"]]
    if mode is not None:
        cmd += ["--lonely-psu", mode]
    env = dict(os.environ, PAPI_LANG="en", LANG="C.UTF-8")
    p = subprocess.run(cmd, cwd=tmp, env=env, capture_output=True, text=True, timeout=120)
    return p, " ".join(cmd)


def papi_estimates(unit):
    out = {}
    for eid, obj, vkey, _ in estimates_of(unit["total"], unit["dimensions"]):
        out[eid] = obj
    return out


def compare_run(label, doc, units, case, mode, bad):
    """Compare papi's JSON with the reference; append disagreements to bad."""
    def miss(unit, eid, field, got, want):
        bad.append(f"{label}: unit {unit} {eid} {field}: papi {fmt(got)} vs reference {fmt(want)}")

    has_design = any(case["design"].values())
    if has_design:
        want_design = {"cluster": case["design"]["cluster"], "strata": case["design"]["strata"],
                       "fpc": case["design"]["fpc"], "lonely_psu": mode or "fail"}
        if doc.get("design") != want_design:
            miss("-", "-", "design", doc.get("design"), want_design)
    elif "design" in doc:
        miss("-", "-", "design (key must be absent)", doc["design"], None)
    got_units = {u["code"]: u for u in doc.get("units", [])}
    if sorted(got_units) != sorted(units):
        miss("-", "-", "unit codes", sorted(got_units), sorted(units))
    for code, u in units.items():
        if code not in got_units:
            continue
        pu = got_units[code]
        if pu.get("respondents") != u["respondents"]:
            miss(code, "-", "respondents", pu.get("respondents"), u["respondents"])
        got = papi_estimates(pu)
        for eid, entry in u["estimates"].items():
            if eid not in got:
                miss(code, eid, "(estimate)", None, "present")
                continue
            g = got[eid]
            if has_design:
                want = expected(entry, mode)
            else:
                o = entry["obj"]
                want = {k: o[k] for k in (entry["vkey"], "se", "low", "upp", "n", "complete") if k in o}
                for k in DESIGN_FIELDS:
                    if k in g:
                        miss(code, eid, f"{k} (key must be absent)", g[k], None)
            noise = want.pop("noise", False)
            for field, w in want.items():
                if field not in g:
                    miss(code, eid, field, "(absent)", w)
                elif noise and field == "deff":
                    if g[field] is not None and not abs(g[field]) <= NOISE:
                        miss(code, eid, field, g[field], f"null or below {NOISE} (V is 0 up to rounding)")
                elif noise and field == "n_eff":
                    if g[field] is not None and not g[field] >= g.get("n", 0) / NOISE:
                        miss(code, eid, field, g[field], f"null or above n/{NOISE} (V is 0 up to rounding)")
                elif field in ("n", "df", "clusters", "complete"):
                    if g[field] != w or isinstance(g[field], bool) != isinstance(w, bool):
                        miss(code, eid, field, g[field], w)
                elif not close(g[field], w):
                    miss(code, eid, field, g[field], w)
        extra = sorted(set(got) - set(u["estimates"]))
        if extra:
            miss(code, ",".join(extra), "(estimate)", "present", None)


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--papi", help="the papi binary to check")
    ap.add_argument("--reference-only", action="store_true",
                    help="compute and self-check the reference (samplics vs the formula) without papi")
    ap.add_argument("--keep", metavar="DIR", help="write the generated files to DIR and keep them")
    ap.add_argument("--show", metavar="N", type=int, default=60,
                    help="print at most N disagreements (default 60)")
    a = ap.parse_args()
    if not a.papi and not a.reference_only:
        ap.error("--papi PATH is required (or --reference-only)")
    papi = None
    if a.papi:
        papi = os.path.abspath(a.papi)
        if not os.access(papi, os.X_OK):
            print(f"design_check: error: {papi} is not an executable", file=sys.stderr)
            return 2
        h = subprocess.run([papi, "score", "--help"], capture_output=True, text=True)
        if "--lonely-psu" not in h.stdout + h.stderr:
            print(f"design_check: error: `{a.papi} score --help` does not mention --lonely-psu: "
                  "this papi has no design-based standard errors", file=sys.stderr)
            return 2

    start = time.time()
    print(f"design_check: samplics {importlib.metadata.version('samplics')}, "
          f"numpy {np.__version__}, scipy {importlib.metadata.version('scipy')}")
    if a.keep:
        tmp = os.path.abspath(a.keep)
        os.makedirs(tmp, exist_ok=True)
    else:
        tmp = tempfile.mkdtemp(prefix="papi-design-check-")
    bad = []
    try:
        for case in cases(tmp):
            with quiet():
                q = ref.Questionnaire(case["q"])
                resp = ref.read_export(q, case["csv"], case["delim"])
            has_design = any(case["design"].values())
            design = Design(q, case["design"], case["csv"], case["delim"], resp) if has_design else None
            if design is not None:
                want_lonely = [LONELY_STRATUM] if case["fail"] else []
                if design.lonely_in_file != want_lonely:
                    raise ReferenceError_(f"{case['name']}: strata with one PSU in the file "
                                          f"{design.lonely_in_file}, expected {want_lonely}")
            for level in ("commune", "province"):
                try:
                    units, stats = reference_units(q, resp, design, level)
                except ReferenceError_ as e:
                    raise ReferenceError_(f"{case['name']} {level}: {e}") from None
                n_est = max(len(u["estimates"]) for u in units.values())
                for mode in case["fail"]:
                    label = f"{case['name']} {level}" + (f" --lonely-psu {mode}" if mode else "")
                    if papi is None:
                        continue
                    p, cmd = run_papi(papi, case, level, mode, tmp)
                    stderr = unicodedata.normalize("NFC", p.stderr)
                    if p.returncode == 0:
                        bad.append(f"{label}: papi exited 0; a stratum with one PSU in the file "
                                   f"needs --lonely-psu ({cmd})")
                    elif LONELY_STRATUM not in stderr:
                        bad.append(f"{label}: papi's error does not name stratum {LONELY_STRATUM}: "
                                   f"{stderr.strip()!r}")
                    else:
                        print(f"design_check: {label}: refused, naming stratum {LONELY_STRATUM}")
                for mode in case["modes"]:
                    label = f"{case['name']} {level}" + (f" --lonely-psu {mode}" if mode else "")
                    extra = (f" ({stats['lonely']} with a lonely stratum, {stats['df0']} with df < 1)"
                             if design is not None else "")
                    if papi is None:
                        print(f"design_check: {label}: reference for {len(units)} units × "
                              f"{n_est} estimates{extra}")
                        continue
                    p, cmd = run_papi(papi, case, level, mode, tmp)
                    if p.returncode != 0:
                        bad.append(f"{label}: papi exited {p.returncode}: {p.stderr.strip()} ({cmd})")
                        continue
                    try:
                        doc = json.loads(p.stdout)
                    except json.JSONDecodeError as e:
                        bad.append(f"{label}: papi's output is not JSON ({e}) ({cmd})")
                        continue
                    before = len(bad)
                    compare_run(label, doc, units, case, mode, bad)
                    if len(bad) == before:
                        print(f"design_check: {label}: {len(units)} units × {n_est} estimates "
                              f"agree{extra}")
    except ReferenceError_ as e:
        print(f"design_check: error: the reference disagrees with itself: {e}", file=sys.stderr)
        return 1
    finally:
        if not a.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    if bad:
        for line in bad[:a.show]:
            print(f"design_check: DISAGREE {line}")
        if len(bad) > a.show:
            print(f"design_check: … and {len(bad) - a.show} more disagreements")
        print(f"design_check: {len(bad)} disagreements ({time.time() - start:.1f} s)")
        return 1
    print(f"design_check: all agree ({time.time() - start:.1f} s)"
          + (" (reference only: papi not run)" if papi is None else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
