#!/usr/bin/env python3
"""Deterministic generator of the sample survey exports in samples/.

Usage:  python3 samples/generate.py            (from anywhere; paths are relative to this file)

Reads questionnaires/papi-2024.yaml and questionnaires/sipas-2024.yaml and writes

  samples/kobo-kontum-2024.csv          KoboToolbox CSV export (Kon Tum, 12 communes)
  samples/kobo-kontum-2023.csv          the same communes a year earlier (the previous wave)
  samples/odk-quangtri-2024.csv         ODK Central CSV export (Quảng Trị, 10 communes)
  samples/sipas-limesurvey-2024.csv     LimeSurvey CSV export of a SIPAS survey (Hà Giang, 7 communes)
  samples/broken/faults.csv             small export with one fault per row (see README.md)
  samples/broken/missing-column.csv     export whose commune-code column has an unknown name
  samples/broken/cp1258-undeclared.csv  valid export written in Windows-1258 (Excel, vi-VN)

Python 3 standard library plus PyYAML. Every file has its own fixed seed, so running the
script twice gives byte-identical files, and changing one file's recipe leaves the others
unchanged. The answers are synthetic: names, phone numbers and comments are made up; commune
codes and names are the real pre-2025 administrative units (GSO list).
"""
import datetime as dt
import math
import os
import random
import re
import sys
import unicodedata

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


# --------------------------------------------------------------------------------------------
# Questionnaire loading
# --------------------------------------------------------------------------------------------

class _Loader(yaml.SafeLoader):
    """SafeLoader without YAML 1.1 yes/no/on/off booleans, so `yes:` / `no:` stay strings
    (the questionnaire format uses them as keys)."""


_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:bool"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def load_questionnaire(name):
    with open(os.path.join(ROOT, "questionnaires", name), encoding="utf-8") as f:
        return yaml.load(f, Loader=_Loader)


# All options of the select-multiple questions (the questionnaire only names those it scores).
SELECT_OPTIONS = {"d603": ["yte", "giaoduc", "dien", "nuoc"]}


class Column:
    """One answer column of the export, derived from the questionnaire's indicators."""

    def __init__(self, name, dim, ind):
        self.name = name
        self.dim = dim
        self.ind = ind                      # the (first) indicator reading this column
        self.kind = "select" if "select" in ind else ind["type"]
        self.reverse = bool(ind.get("reverse", False))
        extra = [str(m) for m in ind.get("missing", [])]
        self.na_code = "97" if "97" in extra else None
        self.na_label = next((m for m in extra if not m.isdigit()), None)
        self.labels = {}                    # code -> label (likert) / yes-no labels (binary)
        if self.kind == "likert":
            self.labels = {str(v): k for k, v in ind.get("labels", {}).items()}
        elif self.kind == "binary":
            yes = [str(x) for x in ind.get("yes", [])]
            no = [str(x) for x in ind.get("no", [])]
            self.labels = {"1": next((x for x in yes if not x.isdigit()), "1"),
                           "2": next((x for x in no if not x.isdigit()), "2")}
        self.options = SELECT_OPTIONS.get(name, [])


def answer_columns(q):
    """Ordered answer columns of a questionnaire (a select-multiple column once)."""
    cols = {}
    for d in q["dimensions"]:
        for s in d["subdimensions"]:
            for ind in s["indicators"]:
                name = ind.get("column") or ind["columns"][0]
                if name in cols:
                    assert "select" in ind and cols[name].kind == "select", name
                    assert ind["select"] in cols[name].options, (name, ind["select"])
                    continue
                c = Column(name, d["id"], ind)
                if c.kind == "select":
                    assert ind["select"] in c.options, (name, ind["select"])
                cols[name] = c
    return list(cols.values())


def alias_of(q, name):
    """The first alias of a column (e.g. LimeSurvey's `E1[SQ001]` for `e101`)."""
    for d in q["dimensions"]:
        for s in d["subdimensions"]:
            for ind in s["indicators"]:
                if ind.get("columns") and ind["columns"][0] == name and len(ind["columns"]) > 1:
                    return ind["columns"][1]
    return name


# --------------------------------------------------------------------------------------------
# Response model
# --------------------------------------------------------------------------------------------

def sigmoid(x):
    return 1.0 / (1.0 + math.exp(-x))


# Column difficulty (logit): negative = few good answers. Unlisted columns draw one at random.
BASE_OVERRIDE = {
    "d101": -0.3, "d102": 0.2, "d103": -0.6, "d107": -0.2, "d109": 1.0, "d201": -1.4,
    "d205": 0.4, "d206": 0.6, "d208": -1.0, "d211": -1.2, "d212": -0.8, "d213": -0.6,
    "d401": 1.0, "d402": 0.8, "d404": 1.1, "d405": 1.4, "d406": 0.4, "d407": -0.5,
    "d408": -0.3, "d409": -0.2, "d504": 0.0, "d601": 2.2, "d607": 0.3, "d608": -0.9,
    "d610": 2.0, "d702": 0.3, "d708": -0.8, "d801": -0.6, "d802": -1.1, "d804": 0.6,
    "d805": 0.2, "d806": 1.0, "d807": -0.2,
}
# Dimension level (logit), so that scores resemble published provincial PAPI levels
# (accountability, environment and e-governance score lowest).
DIM_SHIFT = {"d3": -0.5, "d7": -0.6, "d8": -0.9}
SELECT_BASE = {"yte": 0.3, "giaoduc": -0.4, "dien": 3.0, "nuoc": -0.6}
# Share of "97" (question does not apply) where the indicator declares it.
NA_RATE = {
    "d110": 0.35, "d111": 0.35, "d112": 0.35, "d202": 0.40, "d203": 0.40, "d213": 0.80,
    "d301": 0.45, "d302": 0.55, "d303": 0.75, "d304": 0.85, "d305": 0.85,
    "d501": 0.45, "d502": 0.45, "d503": 0.45, "d504": 0.70, "d505": 0.70, "d506": 0.70,
    "d602": 0.40, "d604": 0.55, "d605": 0.55, "d606": 0.55, "d703": 0.80, "d803": 0.65,
    "d807": 0.80, "d808": 0.80, "d809": 0.80,
}


class Model:
    def __init__(self, rng, cols, communes, weak):
        """weak: {commune_code: {dim: logit shift}} on top of random commune differences."""
        self.cols = cols
        self.base = {c.name: BASE_OVERRIDE.get(c.name, round(rng.uniform(-0.3, 1.2), 3)) + DIM_SHIFT.get(c.dim, 0.0)
                     for c in cols}
        dims = sorted({c.dim for c in cols})
        self.eff = {}
        for code in communes:
            g = rng.uniform(-0.35, 0.35)
            self.eff[code] = {d: g + rng.gauss(0.0, 0.25) + weak.get(code, {}).get(d, 0.0) for d in dims}

    def answers(self, rng, commune, missing=(0.05, 0.03, 0.01)):
        """One respondent's coded answers: {column: code | "" | "98" | "99" | "97" | [options]}."""
        person = rng.gauss(0.0, 0.4)
        out = {}
        p_empty, p_dk, p_ref = missing
        for c in self.cols:
            u = rng.random()
            if c.kind == "select":
                if u < p_empty:
                    out[c.name] = ""
                else:
                    e = self.eff[commune][c.dim]
                    chosen = [o for o in c.options if rng.random() < sigmoid(SELECT_BASE[o] + e + person / 2)]
                    out[c.name] = chosen or ["dien"]
                continue
            if u < p_empty:
                out[c.name] = ""
                continue
            if u < p_empty + p_dk:
                out[c.name] = "98"
                continue
            if u < p_empty + p_dk + p_ref:
                out[c.name] = "99"
                continue
            if c.na_code and rng.random() < NA_RATE.get(c.name, 0.5):
                out[c.name] = c.na_code
                continue
            p = sigmoid(self.base[c.name] + self.eff[commune][c.dim] + person + rng.gauss(0.0, 0.3))
            out[c.name] = draw(rng, c, p)
        return out


def draw(rng, c, p):
    """A coded answer to column c for a respondent whose chance of a 'good' answer is p."""
    ind = c.ind
    if c.kind == "binary":
        good = rng.random() < p
        yes = (not good) if c.reverse else good
        return "1" if yes else "2"
    if c.kind in ("likert", "scale"):
        lo, hi = ind["range"]
        sd = 0.9 if c.kind == "likert" else 1.6
        v = lo + (hi - lo) * p + rng.gauss(0.0, sd)
        v = min(hi, max(lo, int(math.floor(v + 0.5))))
        if c.reverse:
            v = lo + hi - v
        return str(v)
    if c.kind == "choice":
        target = p + rng.gauss(0.0, 0.22)
        best = None
        for code, score in ind["scores"].items():
            dist = abs(float(score) - target)
            if best is None or dist < best[0]:
                best = (dist, str(code))
        return best[1]
    raise ValueError(c.kind)


# --------------------------------------------------------------------------------------------
# Fake people, comments, ids
# --------------------------------------------------------------------------------------------

KINH_SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
                 "Ngô", "Dương", "Lý", "Phan", "Huỳnh"]
KINH_MALE = ["Hùng", "Tuấn", "Dũng", "Sơn", "Phúc", "Hải", "Bình", "Quang", "Thắng", "Lộc", "Đức", "Khoa"]
KINH_FEMALE = ["Lan", "Hương", "Thảo", "Nga", "Trang", "Hòa", "Mai", "Hiền", "Yến", "Loan", "Nhung", "Thủy"]
KINH_MIDDLE_M = ["Văn", "Đức", "Minh", "Ngọc", "Quốc", "Hữu"]
KINH_MIDDLE_F = ["Thị", "Thị", "Ngọc", "Thu", "Thanh", "Kim"]

# Xơ Đăng / Ba Na / Giẻ Triêng naming (A for men, Y for women) - Kon Tum.
TAYNGUYEN_M = ["A Thuân", "A Blưk", "A Tôm", "A Khiêm", "A Phọt", "A Hiếu", "A Sang", "A Dưk",
               "A Rin", "A Nhơn", "A Lâm", "A Vương", "Đinh Văn Rơ", "A Bình", "A Tuyên"]
TAYNGUYEN_F = ["Y Nhung", "Y Hoa", "Y Lan", "Y Mai", "Y Bê", "Y Hiền", "Y Thanh", "Y Blưm",
               "Y Kim", "Y Đươi", "Y Sương", "Y Phương", "Y Ngọc", "Y Len", "Y Duyên"]
# Vân Kiều / Pa Kô naming - Quảng Trị mountain districts.
VANKIEU_M = ["Hồ Văn Bốc", "Hồ Văn Lả", "Hồ Văn Thanh", "Hồ Văn Tuấn", "Pả Lanh", "Kăn Kiêng",
             "Hồ Văn Khăm", "Hồ Văn Đươl", "Côn Sa", "Hồ Văn Nghiệp"]
VANKIEU_F = ["Hồ Thị Lài", "Hồ Thị Pía", "Hồ Thị Thêm", "Hồ Thị Hoa", "Hồ Thị Lai", "Hồ Thị Ngân",
             "Hồ Thị Xoan", "Hồ Thị Cương", "A Vương Thị Nhẹ", "Hồ Thị Sen"]
# H'Mông naming - Hà Giang.
HMONG_M = ["Giàng Seo Phử", "Sùng Mí Chứ", "Vàng Mí Lử", "Lầu Văn Páo", "Thào Mí Dình",
           "Ly Mí Sính", "Mua Seo Chúng", "Giàng Mí Vư", "Sình Dúng Sử", "Hầu Mí Lềnh"]
HMONG_F = ["Vàng Thị Mai", "Giàng Thị Dở", "Sùng Thị Mỷ", "Lầu Thị Sáy", "Ly Thị Dính",
           "Thào Thị Pà", "Mua Thị Chư", "Sùng Thị Cở", "Giàng Thị Mỷ", "Hầu Thị Súa"]


def kinh_name(rng, female):
    if female:
        return f"{rng.choice(KINH_SURNAMES)} {rng.choice(KINH_MIDDLE_F)} {rng.choice(KINH_FEMALE)}"
    return f"{rng.choice(KINH_SURNAMES)} {rng.choice(KINH_MIDDLE_M)} {rng.choice(KINH_MALE)}"


def person_name(rng, female, local_share, local_m, local_f):
    if rng.random() < local_share:
        return rng.choice(local_f if female else local_m)
    return kinh_name(rng, female)


def phone(rng):
    prefix = rng.choice(["086", "096", "097", "098", "032", "033", "035", "038", "091", "094",
                         "088", "070", "077", "081", "083"])
    return prefix + "".join(str(rng.randrange(10)) for _ in range(7))


def uuid4(rng):
    u = rng.getrandbits(128)
    u = (u & ~(0xF000 << 64)) | (0x4000 << 64)
    u = (u & ~(0xC000 << 48)) | (0x8000 << 48)
    h = "%032x" % u
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def token(rng, n):
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789"
    return "".join(rng.choice(alphabet) for _ in range(n))


# Free-text comments as people write them: commas, "quotes", a line break now and then.
COMMENTS_KONTUM = [
    "Đường vào làng mùa mưa bị sạt lở, xe máy không đi được.",
    "Cán bộ xã nhiệt tình, hướng dẫn làm giấy tờ rõ ràng.",
    "Đề nghị xã công khai danh sách hộ nghèo tại nhà rông của làng.",
    "Chưa thấy họp dân bàn về quy hoạch đất, chỉ nghe thông báo qua loa.",
    "Cán bộ địa chính hay nói \"để từ từ\", hồ sơ sổ đỏ nhà tôi chờ hơn 1 năm.",
    "Nước sinh hoạt lấy từ suối, mùa khô bị đục, có mùi.",
    "Trạm y tế xã thiếu thuốc, phải xuống huyện khám.",
    "Trường tiểu học ở điểm lẻ chỉ có 2 phòng học, học sinh học ghép lớp.",
    "Rác thải không có người thu gom, dân phải tự đốt.",
    "Sóng điện thoại yếu, không dùng được dịch vụ công trực tuyến.",
    "Mong chính quyền lắng nghe ý kiến người dân nhiều hơn.",
    "Khai thác cát trên sông gây sạt lở bờ, đã báo nhưng chưa xử lý.\nĐề nghị huyện kiểm tra.",
    "Xe chở mủ cao su đi qua làng, mùi hôi, bụi nhiều.",
    "Cái gọi là \"đóng góp tự nguyện\" thực ra là bắt buộc, mỗi hộ 200.000 đồng.",
    "Trưởng thôn làm việc tốt, được dân tin tưởng.",
    "Bộ phận một cửa đông người, phải chờ lâu, không có chỗ ngồi.",
    "An ninh trật tự ổn định, không còn trộm bò như trước.",
    "Đề nghị làm lại cầu treo qua suối Đăk Pne, cầu cũ đã hư hỏng.",
    "Thủ tục làm căn cước cho con nhanh, đúng hẹn.",
    "Chưa biết Cổng dịch vụ công là gì, chưa ai hướng dẫn.",
    "Hộ tôi nghèo nhưng không có tên trong danh sách, đã hỏi nhưng xã nói \"hết chỉ tiêu\".",
    "Điện lưới chập chờn, hay mất điện vào buổi tối.",
    "Cần thêm đèn đường ở đoạn qua trường học.\nBuổi tối học sinh đi về rất tối.",
    "Không có ý kiến.",
]
COMMENTS_QUANGTRI = [
    "Đường liên thôn xuống cấp, mùa mưa lũ bị ngập.",
    "Cán bộ một cửa lịch sự, giải quyết nhanh.",
    "Chưa thấy xã công khai thu chi ngân sách, dân không biết tiền đóng góp dùng vào việc gì.",
    "Nước máy chưa về tới thôn, phải dùng nước giếng.",
    "Bệnh viện huyện đông, chờ khám cả buổi sáng.",
    "Đề nghị hỗ trợ bà con sau bão lũ kịp thời hơn.",
    "Cán bộ nói \"về chờ thông báo\" nhưng 3 tháng chưa thấy trả lời.",
    "Internet ổn, đã nộp hồ sơ trực tuyến được, khá tiện.",
    "Cát tặc khai thác trên sông Thạch Hãn, bờ sông bị sạt.\nĐề nghị xử lý nghiêm.",
    "Trường học có bếp ăn bán trú, phụ huynh yên tâm.",
    "Đất rừng chưa được cấp sổ, thủ tục rườm rà, đi lại nhiều lần.",
    "Không có ý kiến gì thêm.",
    "Khói đốt rơm rạ sau mùa gặt gây khó thở.",
    "Mong chính quyền đối thoại với dân thường xuyên hơn, ít nhất mỗi năm một lần.",
]
COMMENTS_HAGIANG = [
    "Đường lên bản dốc, mùa mưa hay sạt lở.",
    "Cán bộ xã nói tiếng Mông, hướng dẫn dễ hiểu.",
    "Phải đi lại 3 lần mới làm xong giấy khai sinh cho con.",
    "Chưa có nước sạch, mùa khô phải đi lấy nước xa.",
    "Cán bộ bảo \"mai quay lại\", mất cả ngày công.",
    "Trạm y tế có bác sĩ, khám miễn phí bằng thẻ bảo hiểm.",
    "Không có ý kiến.",
]


def comment(rng, pool, p_empty=0.45, p_nfd=0.0):
    if rng.random() < p_empty:
        return ""
    s = rng.choice(pool)
    if p_nfd and rng.random() < p_nfd:
        s = unicodedata.normalize("NFD", s)     # typed on a device that writes decomposed text
    return s


# --------------------------------------------------------------------------------------------
# Units (real pre-2025 commune codes and names, GSO list; villages are illustrative)
# --------------------------------------------------------------------------------------------

KONTUM = ("62", [
    # code, name, villages
    ("23341", "Thị trấn Đắk Glei", ["Tổ dân phố 1", "Tổ dân phố 4"]),
    ("23344", "Xã Đắk Blô", ["Thôn Đăk Wất", "Thôn Pêng Blong"]),
    ("23347", "Xã Đắk Man", ["Thôn Đăk Ga", "Thôn Măng Khênh"]),
    ("23362", "Xã Mường Hoong", ["Thôn Ngọc Tiên", "Thôn Xa Úc"]),
    ("23368", "Xã Đắk Long", ["Thôn Đăk Book", "Thôn Dục Nhầy"]),
    ("23479", "Thị trấn Đắk Rve", ["Tổ dân phố 2", "Thôn Kon Bdeh"]),
    ("23482", "Xã Đắk Kôi", ["Thôn 5", "Thôn Kon Skôi"]),
    ("23485", "Xã Đắk Tơ Lung", ["Thôn Kon Keng", "Thôn Đăk Tiêng"]),
    ("23488", "Xã Đắk Ruồng", ["Thôn 10", "Thôn 12"]),
    ("23491", "Xã Đắk Pnê", ["Thôn Kon Pia", "Thôn Kon Túc"]),
    ("23494", "Xã Đăk Tờ Re", ["Thôn Kon Klah", "Thôn Kon Trang"]),
    ("23497", "Xã Tân Lập", ["Thôn 1", "Thôn Kon Rlong"]),
])
KONTUM_WEAK = {"23347": {"d2": -1.4, "d7": -1.3},      # Xã Đắk Man
               "23494": {"d2": -1.3, "d7": -1.4},      # Xã Đăk Tờ Re
               "23362": {"d5": -1.0},                  # Xã Mường Hoong: procedures
               "23479": {"d8": +0.8, "d6": +0.5}}      # Thị trấn Đắk Rve: town, better services

QUANGTRI = ("45", [
    ("19363", "Thị trấn Hồ Xá", ["Khu phố 3", "Khu phố 7"]),
    ("19369", "Xã Vĩnh Thái", ["Thôn Tân Mỹ", "Thôn Đơn Duệ"]),
    ("19396", "Xã Vĩnh Hoà", ["Thôn Lai Bình", "Thôn Thủy Ba"]),     # register: "Xã Vĩnh Hòa"
    ("19429", "Thị trấn Khe Sanh", ["Khóm 1", "Khóm 4"]),
    ("19441", "Xã Hướng Phùng", ["Thôn Cheo Ló", "Thôn Hướng Choa"]),
    ("19468", "Xã Húc", ["Thôn Húc Thượng", "Thôn Tà Rùng"]),
    ("19495", "Thị trấn Gio Linh", ["Khu phố 2", "Khu phố 5"]),
    ("19510", "Xã Gio Mỹ", ["Thôn Phước Thị", "Thôn Kỳ Trúc"]),
    ("19555", "Thị trấn Krông Klang", ["Khóm 2", "Khóm 3"]),
    ("19564", "Xã Đa Krông", ["Thôn Ba Ngày", "Thôn Pa Lọc"]),
])
QUANGTRI_NFD = {"19441"}          # this commune's name is written decomposed (NFD) in the export
QUANGTRI_WEAK = {"19468": {"d6": -1.2, "d8": -1.4},   # Xã Húc
                 "19564": {"d3": -1.3},               # Xã Đa Krông
                 "19363": {"d8": +0.7}}
QUANGTRI_LOCAL = {"19429", "19441", "19468", "19555", "19564"}   # Vân Kiều / Pa Kô areas

HAGIANG = ("02", [
    ("00874", "Thị trấn Tam Sơn"),
    ("00877", "Xã Bát Đại Sơn"),
    ("00880", "Xã Nghĩa Thuận"),
    ("00883", "Xã Cán Tỷ"),
    ("00889", "Xã Thanh Vân"),
    ("00913", "Thị trấn Vị Xuyên"),
    ("00925", "Xã Tùng Bá"),
])
HAGIANG_WEAK = {"00880": {"e5": -1.6}, "00883": {"e3": -1.4}, "00913": {"e1": +0.6}}


# --------------------------------------------------------------------------------------------
# CSV writers (by hand, to control quoting and line ends exactly)
# --------------------------------------------------------------------------------------------

def q_all(s):
    return '"' + s.replace('"', '""') + '"'


def q_min(s, delim):
    if any(ch in s for ch in (delim, '"', "\n", "\r")):
        return '"' + s.replace('"', '""') + '"'
    return s


def line_all(fields, delim):
    return delim.join(q_all(f) for f in fields)


def line_min(fields, delim):
    return delim.join(q_min(f, delim) for f in fields)


def write_bytes(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def iso_local(t, ms):
    return t.strftime("%Y-%m-%dT%H:%M:%S") + ".%03d+07:00" % ms


ICT = dt.timezone(dt.timedelta(hours=7))


# --------------------------------------------------------------------------------------------
# KoboToolbox (formpack): `;`, all fields quoted, CRLF, UTF-8 no BOM, group paths with `/`,
# HXL row, select_multiple in the `both` layout, Kobo metadata columns at the end.
# --------------------------------------------------------------------------------------------

def kobo_group_path(c):
    d = c.name[:2]
    if c.kind == "select":
        return f"grp_{d}/grp_dichvu/{c.name}"          # a nested group, as real forms have
    return f"grp_{d}/{c.name}"


def kobo_header(cols, id_cols):
    head = ["start", "end", "today", "deviceid", "ma_dtv"] + id_cols + \
           ["village", "respondent_name", "phone", "gender", "age", "weight"]
    for c in cols:
        head.append(kobo_group_path(c))
        if c.kind == "select":
            head += [f"{kobo_group_path(c)}/{o}" for o in c.options]
    head += ["comment", "_id", "_uuid", "_submission_time", "_validation_status", "_notes",
             "_status", "_submitted_by", "__version__", "_tags", "_index"]
    return head


def kobo_answer_cells(cols, ans):
    cells = []
    for c in cols:
        a = ans[c.name]
        if c.kind == "select":
            if a == "":
                cells += [""] + [""] * len(c.options)       # unanswered: details empty too
            else:
                cells.append(" ".join(o for o in c.options if o in a))
                cells += ["1" if o in a else "0" for o in c.options]
        else:
            cells.append(a)
    return cells


def stratum_weights(rng):
    """Post-stratification weights by gender x age group, one province."""
    return {(g, a): round(rng.uniform(0.62, 1.58), 6) for g in ("1", "2") for a in (0, 1, 2)}


def age_group(age):
    return 0 if age < 35 else (1 if age < 55 else 2)


def make_kobo_rows(rng, cols, province, weak, n_range, start_day, local_share,
                   pool, p_nfd=0.0):
    """Rows as dicts of logical fields, sorted by submission time."""
    pcode, units = province
    model = Model(rng, cols, [u[0] for u in units], weak)
    sw = stratum_weights(rng)
    enumerators = [(f"dtv{str(i + 1).zfill(2)}", "collect:" + token(rng, 16)) for i in range(6)]
    rows = []
    for k, (code, name, villages) in enumerate(units):
        n = rng.randint(*n_range)
        day0 = start_day + dt.timedelta(days=2 * k + rng.randint(0, 1))
        team = rng.sample(enumerators, 2)
        cfactor = rng.uniform(0.95, 1.05)
        for r in range(n):
            female = rng.random() < 0.52
            age = rng.randint(18, 70)
            w = min(1.6, max(0.6, sw[("2" if female else "1", age_group(age))] * cfactor))
            day = day0 + dt.timedelta(days=r * 2 // n)          # two days per commune
            st = dt.datetime(day.year, day.month, day.day, 7, 30, tzinfo=ICT) + \
                dt.timedelta(seconds=rng.randint(0, 9 * 3600))
            en = st + dt.timedelta(seconds=rng.randint(22 * 60, 58 * 60))
            sub = en + dt.timedelta(seconds=rng.randint(600, 3 * 86400))
            enum_name, device = team[r % 2]
            rows.append({
                "start": st, "start_ms": rng.randint(0, 999), "end": en, "end_ms": rng.randint(0, 999),
                "sub": sub, "enum": enum_name, "device": device,
                "province_code": pcode, "commune_code": code, "commune_name": name,
                "village": villages[r * 2 // n],
                "respondent_name": person_name(rng, female, local_share(code),
                                               TAYNGUYEN_M if pcode == "62" else VANKIEU_M,
                                               TAYNGUYEN_F if pcode == "62" else VANKIEU_F),
                "phone": phone(rng) if rng.random() < 0.85 else "",
                "gender": "2" if female else "1", "age": str(age), "weight": "%.6f" % w,
                "answers": model.answers(rng, code),
                "comment": comment(rng, pool, p_nfd=p_nfd),
                "uuid": uuid4(rng),
            })
    rows.sort(key=lambda x: (x["sub"], x["uuid"]))
    return rows


def kobo_record(cols, row, idx, kobo_id, version):
    sub_utc = row["sub"].astimezone(dt.timezone.utc)
    fields = [iso_local(row["start"], row["start_ms"]), iso_local(row["end"], row["end_ms"]),
              row["start"].strftime("%Y-%m-%d"), row["device"], row["enum"],
              row["province_code"], row["commune_code"], row["commune_name"], row["village"],
              row["respondent_name"], row["phone"], row["gender"], row["age"], row["weight"]]
    fields += kobo_answer_cells(cols, row["answers"])
    fields += [row["comment"], str(kobo_id), row["uuid"], sub_utc.strftime("%Y-%m-%dT%H:%M:%S"),
               "", "", "submitted_via_web", "dtv_kontum_" + row["enum"][3:], version, "", str(idx)]
    return fields


KOBO_VERSIONS = ["vDkq7BfW3sYhGmRzX2LpNa", "vR8cT4nJzQw6mHsYb9KfEu"]


def write_kobo(papi, seed, weak, n_range, start_day, p_nfd, first_id, version_of, filename):
    """A KoboToolbox export of the Kon Tum communes; version_of(row) names the form version."""
    rng = random.Random(seed)
    cols = answer_columns(papi)
    rows = make_kobo_rows(rng, cols, KONTUM, weak, n_range, start_day,
                          lambda code: 0.2 if code in ("23341", "23479") else 0.75,
                          COMMENTS_KONTUM, p_nfd=p_nfd)
    head = kobo_header(cols, ["province_code", "commune_code", "commune_name"])
    hxl = ["#adm1+code" if h == "province_code" else "#adm3+code" if h == "commune_code" else ""
           for h in head]
    out = [line_all(head, ";"), line_all(hxl, ";")]
    kobo_id = first_id
    for i, row in enumerate(rows, start=1):
        kobo_id += rng.randint(1, 4)
        rec = kobo_record(cols, row, i, kobo_id, version_of(row))
        assert len(rec) == len(head)
        out.append(line_all(rec, ";"))
    data = ("\r\n".join(out) + "\r\n").encode("utf-8")
    write_bytes(os.path.join(HERE, filename), data)
    return rows


def gen_kobo(papi):
    switch = dt.datetime(2024, 8, 20, tzinfo=ICT)     # form redeployed mid-survey
    return write_kobo(papi, 20240801, KONTUM_WEAK, (30, 48), dt.date(2024, 8, 5), 0.12, 285913140,
                      lambda row: KOBO_VERSIONS[0] if row["sub"] < switch else KOBO_VERSIONS[1],
                      "kobo-kontum-2024.csv")


# The previous wave (2023) of the same Kon Tum communes, for comparisons across waves: the
# same survey a year earlier, with its own respondents. Xã Đăk Tờ Re (23494) was not yet weak
# in environmental governance then, so its d7 shows a decline in 2024; Xã Đắk Man (23347)
# was already weak in d2.
KONTUM_WEAK_2023 = {"23347": {"d2": -1.2}, "23494": {"d2": -0.9, "d7": 0.2}, "23482": {"d8": -0.8}}


def gen_kobo_2023(papi):
    return write_kobo(papi, 20230801, KONTUM_WEAK_2023, (30, 44), dt.date(2023, 8, 7), 0.0, 241377502,
                      lambda row: "vN5pL2xQk8RtJ4wHc7BaZd", "kobo-kontum-2023.csv")


# --------------------------------------------------------------------------------------------
# ODK Central: `,`, quoted only when needed, LF, UTF-8 no BOM, `SubmissionDate` first,
# group paths with `-`, select_multiple as one space-separated cell, labels in some columns.
# --------------------------------------------------------------------------------------------

ODK_LABEL_DIMS = {"d1", "d5", "d6"}       # binary/likert answers of these dimensions as labels


def odk_cell(c, a):
    if c.kind == "select":
        return "" if a == "" else " ".join(o for o in c.options if o in a)
    if c.dim in ODK_LABEL_DIMS and c.kind in ("binary", "likert") and a != "":
        if a == "98":
            return "Không biết"
        if a == "99":
            return "Không trả lời"
        if a == "97":
            return c.na_label or a
        return c.labels.get(a, a)
    return a


def gen_odk(papi):
    rng = random.Random(20240915)
    cols = answer_columns(papi)
    rows = make_kobo_rows(rng, cols, QUANGTRI, QUANGTRI_WEAK, (30, 40), dt.date(2024, 9, 9),
                          lambda code: 0.6 if code in QUANGTRI_LOCAL else 0.0, COMMENTS_QUANGTRI)
    head = ["SubmissionDate", "start", "end", "today", "deviceid", "ma_dtv", "province_code",
            "commune_code", "commune_name", "village", "respondent_name", "phone", "gender", "age"]
    for c in cols:
        d = c.name[:2]
        head.append(f"grp_{d}-grp_dichvu-{c.name}" if c.kind == "select" else f"grp_{d}-{c.name}")
    head += ["comment", "meta-instanceID", "KEY", "SubmitterID", "SubmitterName",
             "AttachmentsPresent", "AttachmentsExpected", "Status", "ReviewState", "DeviceID",
             "Edits", "FormVersion"]
    submitters = {}
    out = [line_min(head, ",")]
    for row in rows:
        sid = submitters.setdefault(row["enum"], str(412 + len(submitters)))
        sub_utc = row["sub"].astimezone(dt.timezone.utc)
        name = row["commune_name"]
        if row["commune_code"] in QUANGTRI_NFD:
            name = unicodedata.normalize("NFD", name)
        key = "uuid:" + row["uuid"]
        r = rng.random()
        review = "approved" if r < 0.25 else ("hasIssues" if r < 0.28 else "")
        edits = "1" if review == "hasIssues" or rng.random() < 0.03 else "0"
        rec = [sub_utc.strftime("%Y-%m-%dT%H:%M:%S") + ".%03dZ" % rng.randint(0, 999),
               iso_local(row["start"], row["start_ms"]), iso_local(row["end"], row["end_ms"]),
               row["start"].strftime("%Y-%m-%d"), row["device"], row["enum"],
               row["province_code"], row["commune_code"], name, row["village"],
               row["respondent_name"], row["phone"], row["gender"], row["age"]]
        rec += [odk_cell(c, row["answers"][c.name]) for c in cols]
        rec += [row["comment"], key, key, sid, "dtv_qt_" + row["enum"][3:], "0", "0", "",
                review, row["device"], edits, "2024090201"]
        assert len(rec) == len(head)
        out.append(line_min(rec, ","))
    data = ("\n".join(out) + "\n").encode("utf-8")
    write_bytes(os.path.join(HERE, "odk-quangtri-2024.csv"), data)


# --------------------------------------------------------------------------------------------
# LimeSurvey: UTF-8 WITH BOM, `;`, every value quoted, CRLF, one trailing empty line,
# array sub-question headers `E1[SQ001]`, answer codes 1-5, unanswered = empty.
# --------------------------------------------------------------------------------------------

def gen_limesurvey(sipas):
    rng = random.Random(20241002)
    cols = answer_columns(sipas)
    pcode, units = HAGIANG
    model = Model(rng, cols, [u[0] for u in units], HAGIANG_WEAK)
    # SIPAS items: satisfaction leans positive (national indices around 80-84 %).
    for c in cols:
        model.base[c.name] = round(rng.uniform(2.0, 2.8), 3)
    page_of = {"e1": 2, "e2": 2, "e3": 3, "e4": 4, "e5": 4}
    head = ["id", "submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp",
            "commune_code", "commune_name", "province_code", "GIOITINH", "TUOI", "LINHVUC"]
    head += [alias_of(sipas, c.name) for c in cols]
    head += ["GOPY"]
    records = []
    for k, (code, name) in enumerate(units):
        n = rng.randint(30, 45)
        day0 = dt.date(2024, 10, 1) + dt.timedelta(days=3 * k)
        for _ in range(n):
            t0 = dt.datetime(day0.year, day0.month, day0.day, 7, 30) + \
                dt.timedelta(days=rng.randint(0, 2), seconds=rng.randint(0, 9 * 3600))
            t1 = t0 + dt.timedelta(seconds=rng.randint(240, 1500))
            ans = model.answers(rng, code, missing=(0.03, 0.0, 0.0))
            complete = rng.random() > 0.06
            lastpage = 5 if complete else rng.choice([1, 2, 3])
            cells = []
            for c in cols:
                a = ans[c.name]
                cells.append(a if page_of[c.dim] <= lastpage else "")
            gopy = rng.choice(COMMENTS_HAGIANG) if complete and rng.random() < 0.3 else ""
            records.append((t0, [t1.strftime("%Y-%m-%d %H:%M:%S") if complete else "", str(lastpage),
                                 "vi", str(rng.randint(10 ** 8, 2 * 10 ** 9)),
                                 t0.strftime("%Y-%m-%d %H:%M:%S"), t1.strftime("%Y-%m-%d %H:%M:%S"),
                                 code, name, pcode,
                                 rng.choice(["M", "F"]),
                                 str(rng.randint(18, 75)),
                                 rng.choice(["A1", "A1", "A2", "A2", "A3", "A4", "A5"])]
                            + cells + [gopy]))
    records.sort(key=lambda x: x[0])
    out = [line_all(head, ";")]
    for i, (_, rec) in enumerate(records, start=1):
        rec = [str(i)] + rec
        assert len(rec) == len(head)
        out.append(line_all(rec, ";"))
    data = b"\xef\xbb\xbf" + ("\r\n".join(out) + "\r\n" + "\r\n").encode("utf-8")
    write_bytes(os.path.join(HERE, "sipas-limesurvey-2024.csv"), data)


# --------------------------------------------------------------------------------------------
# Broken files
# --------------------------------------------------------------------------------------------

def physical_lines(text):
    return text.count("\n")


def gen_faults(papi):
    """A KoboToolbox-like export (`,` delimiter as the Kobo UI writes it, all fields quoted,
    CRLF) of 15 records, each fault in its own record. Returns {fault: physical line}."""
    rng = random.Random(20240802)
    cols = answer_columns(papi)
    units = (KONTUM[0], [u for u in KONTUM[1] if u[0] in ("23485", "23491")])
    rows = make_kobo_rows(rng, cols, units, {}, (8, 8), dt.date(2024, 8, 12),
                          lambda code: 0.75, COMMENTS_KONTUM)[:15]
    head = kobo_header(cols, ["province_code", "commune_code", "commune_name"])
    ci = {h: i for i, h in enumerate(head)}
    recs = []
    kobo_id = 285914020
    for i, row in enumerate(rows, start=1):
        kobo_id += 1
        recs.append(kobo_record(cols, row, i, kobo_id, KOBO_VERSIONS[0]))
    # record 2 (valid): a comment with an embedded line break, so physical lines != records
    recs[1][ci["comment"]] = "Đường vào thôn bị sạt lở, xe không qua được.\nĐề nghị xã sớm sửa chữa."
    faults = {}
    # record 4: ragged (one field too few: the d205 cell was deleted by hand)
    del recs[3][ci["grp_d2/d205"]]
    faults["ragged row (one field too few)"] = 4
    # record 6: an answer outside the codes of a binary item
    recs[5][ci["grp_d1/d101"]] = "7"
    faults["answer outside the codes (d101 = 7, binary 1/2)"] = 6
    # record 8: record 3 again (same _id and _uuid), exported after an edit changed 4 answers
    dup = list(recs[2])
    for col, new in (("grp_d2/d204", "1"), ("grp_d2/d207", "1"), ("grp_d5/d509", "9"),
                     ("grp_d7/d701", "5")):
        dup[ci[col]] = new if recs[2][ci[col]] != new else "2"
    dup[ci["_index"]] = recs[7][ci["_index"]]
    recs[7] = dup
    faults["duplicate respondent id (same _uuid as record 3, answers differ)"] = 8
    # record 10: empty commune code
    recs[9][ci["commune_code"]] = ""
    faults["empty commune code"] = 10
    # record 12: a weight that is not a number
    recs[11][ci["weight"]] = "1,2.5"
    faults["non-numeric weight (1,2.5)"] = 12
    lines = [line_all(head, ",")]
    line_no = {}
    cur = 2
    for k, rec in enumerate(recs[:-1], start=1):
        text = line_all(rec, ",")
        line_no[k] = cur
        cur += physical_lines(text) + 1
        lines.append(text)
    # record 15 (last): the comment opens a quote that never closes (file cut off)
    last = recs[-1]
    c = ci["comment"]
    head_part = ",".join(q_all(f) for f in last[:c])
    line_no[len(recs)] = cur
    lines.append(head_part + ',"Cán bộ hẹn tuần sau trả kết quả, nhưng')
    faults["unterminated quoted field in the comment (last record)"] = len(recs)
    data = ("\r\n".join(lines) + "\r\n").encode("utf-8")
    write_bytes(os.path.join(HERE, "broken", "faults.csv"), data)
    return {f: (rec, line_no[rec]) for f, rec in faults.items()}


def gen_missing_column(papi):
    """Kobo export whose commune-code question was named `xa_phuong` by the form designer."""
    rng = random.Random(20240803)
    cols = answer_columns(papi)
    units = (KONTUM[0], [u for u in KONTUM[1] if u[0] in ("23482", "23497")])
    rows = make_kobo_rows(rng, cols, units, {}, (10, 10), dt.date(2024, 8, 14),
                          lambda code: 0.75, COMMENTS_KONTUM)
    head = kobo_header(cols, ["province_code", "xa_phuong", "commune_name"])
    hxl = ["#adm1+code" if h == "province_code" else "#adm3+code" if h == "xa_phuong" else ""
           for h in head]
    out = [line_all(head, ";"), line_all(hxl, ";")]
    for i, row in enumerate(rows, start=1):
        rec = kobo_record(cols, row, i, 285915000 + i, KOBO_VERSIONS[1])
        out.append(line_all(rec, ";"))
    write_bytes(os.path.join(HERE, "broken", "missing-column.csv"),
                ("\r\n".join(out) + "\r\n").encode("utf-8"))


def cp1258_encode(text):
    """Encode as Windows writes Vietnamese in code page 1258: a precomposed character when the
    code page has one, otherwise the base letter (with circumflex, breve or horn recomposed)
    followed by a combining tone mark."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        nfd = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(m for m in nfd if m not in tones))
        tone = "".join(m for m in nfd if m in tones)
        out += (base + tone).encode("cp1258")       # raises if something is not encodable
    return bytes(out)


def gen_cp1258(papi):
    """A Kobo XLS download re-saved by Excel on Windows (vi-VN): `;` (the vi-VN list
    separator), quotes only when needed, CRLF, Windows-1258, bare column names."""
    rng = random.Random(20240804)
    cols = answer_columns(papi)
    units = [("00769", "Thị trấn Mèo Vạc", ["Tổ 1", "Tổ 3"]),
             ("00775", "Xã Pải Lủng", ["Thôn Pải Lủng", "Thôn Mèo Vạc"])]
    model = Model(rng, cols, [u[0] for u in units], {})
    head = ["start", "end", "province_code", "commune_code", "commune_name", "village",
            "respondent_name", "gender", "age"]
    for c in cols:
        head.append(c.name)
        if c.kind == "select":
            head += [f"{c.name}/{o}" for o in c.options]
    head += ["comment", "_id", "_uuid", "_submission_time", "_index"]
    out = [line_min(head, ";")]
    idx = 0
    for code, name, villages in units:
        for r in range(8):
            idx += 1
            female = rng.random() < 0.5
            st = dt.datetime(2024, 9, 17 + r // 4, 8, 0, tzinfo=ICT) + dt.timedelta(seconds=rng.randint(0, 8 * 3600))
            en = st + dt.timedelta(seconds=rng.randint(25 * 60, 55 * 60))
            rec = [iso_local(st, rng.randint(0, 999)), iso_local(en, rng.randint(0, 999)), "02", code,
                   name, villages[r // 4],
                   person_name(rng, female, 0.85, HMONG_M, HMONG_F),
                   "2" if female else "1", str(rng.randint(18, 70))]
            rec += kobo_answer_cells(cols, model.answers(rng, code))
            rec += [comment(rng, COMMENTS_HAGIANG, p_empty=0.3), str(286001200 + idx), uuid4(rng),
                    (en + dt.timedelta(hours=rng.randint(1, 30))).astimezone(dt.timezone.utc)
                    .strftime("%Y-%m-%dT%H:%M:%S"), str(idx)]
            assert len(rec) == len(head)
            out.append(line_min(rec, ";"))
    text = "\r\n".join(out) + "\r\n"
    write_bytes(os.path.join(HERE, "broken", "cp1258-undeclared.csv"), cp1258_encode(text))


def main():
    papi = load_questionnaire("papi-2024.yaml")
    sipas = load_questionnaire("sipas-2024.yaml")
    gen_kobo(papi)
    gen_odk(papi)
    gen_limesurvey(sipas)
    faults = gen_faults(papi)
    gen_missing_column(papi)
    gen_cp1258(papi)
    gen_kobo_2023(papi)
    if "-v" in sys.argv[1:]:
        for f, (rec, line) in faults.items():
            print(f"faults.csv record {rec:2d}, line {line:2d}: {f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
