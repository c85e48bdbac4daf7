#!/usr/bin/env python3
"""Rebuild the workbook and platform-export fixtures in Tests/PapiKitTests/Fixtures/workbooks/
(what each file is and what a test must find in it: that folder's README.md).

Run by hand, never by the tests: the tests read the committed files. Needs a Python with
openpyxl, xlsxwriter, msoffcrypto-tool and python-docx (and, for --check, fastexcel), and LibreOffice
(`soffice`) for the LibreOffice-written files:

    python3 -m venv /tmp/xl-venv && /tmp/xl-venv/bin/pip install openpyxl xlsxwriter msoffcrypto-tool python-docx fastexcel
    /tmp/xl-venv/bin/python Scripts/make-workbook-fixtures.py          # write every file
    /tmp/xl-venv/bin/python Scripts/make-workbook-fixtures.py --check  # write, then read back and check the README facts

Every date and time inside the files is fixed (document properties, zip entry times, the
random salts and OLE times of the encryption), so a second run gives the same bytes.
"""
import argparse
import csv
import datetime
import hashlib
import io
import random
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import xlsxwriter
from openpyxl.styles import Alignment, Font

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "Tests" / "PapiKitTests" / "Fixtures" / "workbooks"
FIXED = datetime.datetime(2024, 10, 7, 9, 0, 0)  # every "created"/"modified" in the files
ZIP_TIME = (2024, 10, 7, 9, 0, 0)  # every zip entry time of a re-packed file

# ---------------------------------------------------------------------------------------------
# The survey: 12 respondents in 3 communes (codes with leading zeros, stored as text).
# ---------------------------------------------------------------------------------------------
COLUMNS = ["start", "commune_code", "commune_name", "q1_biet", "q2_hailong", "q3_solan", "q4_dichvu",
           "comment", "weight", "_uuid"]
TAM_SON, NGHIA_THUAN, CAN_TY = ("00874", "Thị trấn Tam Sơn"), ("00880", "Xã Nghĩa Thuận"), ("00883", "Xã Cán Tỷ")
D = datetime.date


def respondent(day, unit, q1, q2, q3, q4, comment, weight, uuid):
    return {"start": D(2024, 10, day), "commune_code": unit[0], "commune_name": unit[1], "q1_biet": q1,
            "q2_hailong": q2, "q3_solan": q3, "q4_dichvu": q4, "comment": comment, "weight": weight, "_uuid": uuid}


# q3_solan alternates int and float (1 / 1.0) so that every writer is given both; the XML <v>
# is "1" either way (see README). q2 None = unanswered; 98 = "Không biết" (a missing code).
SURVEY = [
    respondent(1, TAM_SON, "Có", 4, 1, "khaisinh chungthuc", "Cán bộ nhiệt tình, hướng dẫn rõ ràng.", 1.25,
               "3f0c2a51-6d4e-4b8a-9c1f-0a7e5d2b8c01"),
    respondent(1, TAM_SON, "Không", 3, 2.0, "datdai", "Phải đi lại 3 lần mới xong hồ sơ đất.", 0.8,
               "3f0c2a51-6d4e-4b8a-9c1f-0a7e5d2b8c02"),
    respondent(2, TAM_SON, "Có", 5, 1, "khaisinh", "", 1.1, "3f0c2a51-6d4e-4b8a-9c1f-0a7e5d2b8c03"),
    respondent(2, TAM_SON, "Có", 98, 3.0, "", "Không có ý kiến", 1, "3f0c2a51-6d4e-4b8a-9c1f-0a7e5d2b8c04"),
    respondent(3, NGHIA_THUAN, "Không", 2, 3, "chungthuc datdai", "Thủ tục đất đai, nhà ở còn rườm rà.", 0.95,
               "3f0c2a51-6d4e-4b8a-9c1f-0a7e5d2b8c05"),
    respondent(3, NGHIA_THUAN, "Có", 4, 1.0, "khaisinh chungthuc datdai", "", 1.25,
               "3f0c2a51-6d4e-4b8a-9c1f-0a7e5d2b8c06"),
    respondent(4, NGHIA_THUAN, "Có", None, 2, "chungthuc", "Cán bộ một cửa đến muộn.", 1.5,
               "3f0c2a51-6d4e-4b8a-9c1f-0a7e5d2b8c07"),
    respondent(4, NGHIA_THUAN, "Không", 1, 3.0, "datdai", 'Bị gợi ý "bồi dưỡng" khi làm hồ sơ.', 0.75,
               "3f0c2a51-6d4e-4b8a-9c1f-0a7e5d2b8c08"),
    respondent(5, CAN_TY, "Có", 5, 1, "khaisinh", "Rất hài lòng.", 1, "3f0c2a51-6d4e-4b8a-9c1f-0a7e5d2b8c09"),
    respondent(5, CAN_TY, "Có", 4, 2.0, "chungthuc", "", 1.2, "3f0c2a51-6d4e-4b8a-9c1f-0a7e5d2b8c10"),
    respondent(6, CAN_TY, "Không", 3, 1, "khaisinh datdai", "Cần thêm biển chỉ dẫn.", 0.9,
               "3f0c2a51-6d4e-4b8a-9c1f-0a7e5d2b8c11"),
    respondent(6, CAN_TY, "Có", 4, 1.0, "khaisinh chungthuc", "Đường vào UBND xã lầy lội mùa mưa.\nXin sửa sớm.",
               1.05, "3f0c2a51-6d4e-4b8a-9c1f-0a7e5d2b8c12"),
]

SURVEY_YAML = """\
# The questionnaire of the workbook fixtures (README.md beside it). survey.csv and every
# survey.*.xlsx hold the same 12 respondents; reading any of them with this file must give
# the same table and byte-identical JSON.
id: workbook-fixture
title: {vi: "Khảo sát thử: đọc bảng tính", en: "Fixture survey: reading workbooks"}
respondent:
  id: [_uuid]
  unit: commune_code
  unit_name: commune_name
  weight: weight
missing: ["", "98", "99"]
feedback: [comment]
dimensions:
  - id: d1
    name: {vi: "Thủ tục hành chính công", en: "Public administrative procedures"}
    subdimensions:
      - id: d1.1
        name: {vi: "Chất lượng phục vụ", en: "Service quality"}
        indicators:
          - {id: d1.1.a, column: q1_biet, type: binary, yes: ["Có"], no: ["Không"]}
          - {id: d1.1.b, column: q2_hailong, type: likert, range: [1, 5]}
          - {id: d1.1.c, column: q3_solan, type: choice, scores: {"1": 1.0, "2": 0.5, "3": 0.0}}
      - id: d1.2
        name: {vi: "Thủ tục đã làm", en: "Procedures used"}
        indicators:
          - {id: d1.2.a, column: q4_dichvu, type: binary, select: khaisinh}
          - {id: d1.2.b, column: q4_dichvu, type: binary, select: chungthuc}
          - {id: d1.2.c, column: q4_dichvu, type: binary, select: datdai}
"""


# ---------------------------------------------------------------------------------------------
# How a cell value reads as text: the rules of ../shared/data/real-exports/SOURCES.md
# ("How the CSVs were made"), so the fixtures and the real workbooks agree.
# ---------------------------------------------------------------------------------------------
def number_text(value):
    """Integers and integral floats without `.0`; other floats with 15 significant digits,
    never in exponent notation."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    text = format(Decimal("%.15g" % value), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def cell_text(value):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, (int, float)):
        return number_text(value)
    return value


# ---------------------------------------------------------------------------------------------
# Writing helpers
# ---------------------------------------------------------------------------------------------
def write_csv(path, rows, *, delimiter=",", quote_all=False, newline="\r\n", bom=False, final_newline=True):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=newline,
                        quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL)
    for row in rows:
        writer.writerow(row)
    text = buffer.getvalue()
    if not final_newline and text.endswith(newline):
        text = text[: -len(newline)]
    path.write_bytes(("\ufeff" if bom else "").encode() + text.encode("utf-8"))


def xlsxwriter_book(path, options=None):
    book = xlsxwriter.Workbook(str(path), options or {})
    book.set_properties({"created": FIXED, "author": "papi fixtures"})
    return book


def openpyxl_book():
    book = openpyxl.Workbook()
    book.properties.created = FIXED
    book.properties.modified = FIXED
    book.properties.creator = "papi fixtures"
    return book


CORE_DATES = re.compile(r"(<(dcterms:created|dcterms:modified|meta:creation-date|dc:date)[^>]*>)[^<]*(</\2>)")


def repack(path, edit=None):
    """Rewrite a zip with fixed entry times and fixed document dates (openpyxl and LibreOffice
    stamp the current time), in the same entry order and compression; `edit(name, bytes)`
    may change or rename an entry: it returns (name, bytes)."""
    with zipfile.ZipFile(path) as source:
        entries = [(info, source.read(info.filename)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w") as target:
        for info, data in entries:
            name = info.filename
            if name.endswith((".xml", ".rdf")) and name in ("docProps/core.xml", "meta.xml"):
                stamp = FIXED.strftime("%Y-%m-%dT%H:%M:%S")
                text = CORE_DATES.sub(lambda m: m.group(1) + (stamp + "Z" if "dcterms" in m.group(2) else stamp)
                                      + m.group(3), data.decode("utf-8"))
                text = re.sub(r"<meta:editing-duration>[^<]*</meta:editing-duration>",
                              "<meta:editing-duration>PT0S</meta:editing-duration>", text)
                data = text.encode("utf-8")
            if name == "docProps/app.xml":
                data = re.sub(rb"<TotalTime>\d+</TotalTime>", b"<TotalTime>0</TotalTime>", data)
            if edit:
                name, data = edit(name, data)
            new = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            new.compress_type = info.compress_type
            new.external_attr = 0o644 << 16
            target.writestr(new, data)


def soffice(source, target_ext, filter_name, outdir):
    """LibreOffice headless conversion with a private profile; returns the written path."""
    profile = Path(tempfile.gettempdir()) / "papi-fixtures-lo-profile"
    command = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
               f"{target_ext}:{filter_name}" if filter_name else target_ext, "--outdir", str(outdir), str(source)]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
    written = Path(outdir) / (Path(source).stem + "." + target_ext)
    if not written.exists():
        sys.exit(f"soffice did not write {written}")
    return written


def patch_cell(sheet_xml, ref, element):
    """Replace the <c r="REF" …>…</c> (or <c r="REF" …/>) element of a sheet's XML."""
    pattern = re.compile(r'<c r="%s"(?:[^>]*/>|[^>]*>.*?</c>)' % ref, re.S)
    new, count = pattern.subn(element, sheet_xml, count=1)
    if count != 1:
        sys.exit(f"patch_cell: {ref} not found")
    return new


# ---------------------------------------------------------------------------------------------
# 1. survey.yaml, survey.csv and the same data from four writers
# ---------------------------------------------------------------------------------------------
def survey_rows():
    return [[cell_text(r[c]) for c in COLUMNS] for r in SURVEY]


def write_survey():
    (OUT / "survey.yaml").write_text(SURVEY_YAML, encoding="utf-8")
    # KoboToolbox web-UI CSV: `,`, every field quoted, CRLF, UTF-8 without BOM.
    write_csv(OUT / "survey.csv", [COLUMNS] + survey_rows(), quote_all=True)

    # (a) openpyxl: inline strings (openpyxl 3.1 writes no sharedStrings.xml), numbers t="n",
    # `start` styled yyyy-mm-dd.
    book = openpyxl_book()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append(COLUMNS)
    for r in SURVEY:
        sheet.append([r[c] if r[c] != "" else None for c in COLUMNS])
    for row in sheet.iter_rows(min_row=2, min_col=1, max_col=1):
        row[0].number_format = "yyyy-mm-dd"
    book.save(OUT / "survey.openpyxl.xlsx")
    repack(OUT / "survey.openpyxl.xlsx")

    # (b) xlsxwriter default: shared strings; `start` styled dd/mm/yyyy (a custom numFmt 164).
    write_survey_xlsxwriter(OUT / "survey.xlsxwriter.xlsx", {}, {"num_format": "dd/mm/yyyy"}, "Sheet1")
    # (c) xlsxwriter constant_memory: inline strings, rows written in order; `start` with the
    # built-in numFmtId 14 (no <numFmt> element: the reader must know 14 is a date).
    write_survey_xlsxwriter(OUT / "survey.inline.xlsx", {"constant_memory": True}, {"num_format": 14},
                            "Khảo sát 2024")

    # (d) LibreOffice re-saves the openpyxl file (shared strings, its own styles).
    with tempfile.TemporaryDirectory() as tmp:
        written = soffice(OUT / "survey.openpyxl.xlsx", "xlsx", "Calc MS Excel 2007 XML", tmp)
        shutil.move(written, OUT / "survey.libreoffice.xlsx")
        repack(OUT / "survey.libreoffice.xlsx")


def write_comments_in_rows():
    """`comments-in-rows.xlsx`: the xlsxwriter survey with a comment holding `</row>` between
    rows 5 and 6 and a CDATA section in a string, both legal XML: a reader that cuts the
    sheet at row end tags to parse it on several cores must still read it whole and right."""
    shutil.copy(OUT / "survey.xlsxwriter.xlsx", OUT / "comments-in-rows.xlsx")

    def edit(name, data):
        if name == "xl/worksheets/sheet1.xml":
            text = data.decode("utf-8")
            text = text.replace('<row r="6"', '<!-- a comment: </row><row r="99"> --><row r="6"', 1)
            text = text.replace("<sheetData>", "<sheetData><!-- </row> -->", 1)
            data = text.encode("utf-8")
        return name, data

    repack(OUT / "comments-in-rows.xlsx", edit)


def write_bad_shared_string():
    """`bad-shared-string.xlsx`: the xlsxwriter survey whose cell C3 points to a shared string
    the workbook does not have (a damaged file: an error naming the cell)."""
    shutil.copy(OUT / "survey.xlsxwriter.xlsx", OUT / "bad-shared-string.xlsx")

    def edit(name, data):
        if name == "xl/worksheets/sheet1.xml":
            data = re.sub(rb'(<c r="C3"[^>]*t="s"[^>]*><v>)\d+(</v>)', rb"\g<1>99999\g<2>", data, count=1)
        return name, data

    repack(OUT / "bad-shared-string.xlsx", edit)


def write_register():
    """`register.xlsx`: a unit register as an office keeps it in Excel, with a commune whose
    parent is not in it (an error that must name the sheet and row)."""
    book = xlsxwriter_book(OUT / "register.xlsx")
    sheet = book.add_worksheet("Đơn vị")
    rows = [["code", "name", "level", "parent_code"], ["02", "Hà Giang", "province", ""],
            ["00874", "Thị trấn Tam Sơn", "commune", "02"], ["00880", "Xã Nghĩa Thuận", "commune", "99"]]
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value != "":
                sheet.write_string(r, c, value)
    book.close()
    repack(OUT / "register.xlsx")


def write_survey_xlsxwriter(path, options, date_format, sheet_name, rows=None, edit=None):
    book = xlsxwriter_book(path, options)
    sheet = book.add_worksheet(sheet_name)
    date_style = book.add_format(date_format)
    sheet.write_row(0, 0, COLUMNS)
    for index, r in enumerate(rows or SURVEY, start=1):
        for column, name in enumerate(COLUMNS):
            value = r[name]
            if edit:
                value = edit(index, name, value)
            if value is None or value == "":
                continue
            if isinstance(value, datetime.date):
                sheet.write_datetime(index, column, value, date_style)
            elif isinstance(value, str):
                sheet.write_string(index, column, value)
            else:
                sheet.write_number(index, column, value)
    book.close()


# ---------------------------------------------------------------------------------------------
# 2. Variants
# ---------------------------------------------------------------------------------------------
def truncating_time():
    """A time of day whose serial, written with 16 significant digits, truncates to the second
    before: a reader must round to the nearest second."""
    base = datetime.datetime(1899, 12, 30)
    moment = datetime.datetime(2024, 10, 1, 8, 27, 28)
    for step in range(600):
        candidate = moment + datetime.timedelta(seconds=step)
        delta = candidate - base
        serial = float("%.16G" % (delta.days + delta.seconds / 86400))
        if int((serial - int(serial)) * 86400) != delta.seconds:
            return candidate
    sys.exit("no truncating time found")


def write_dates():
    tricky = truncating_time()
    common = [
        ("iso_date", D(2024, 10, 1), "yyyy-mm-dd", "2024-10-01"),
        ("dmy_date", D(2024, 2, 29), "dd/mm/yyyy", "2024-02-29"),
        ("builtin_14", D(2024, 12, 31), 14, "2024-12-31"),
        ("datetime", tricky, "yyyy-mm-dd hh:mm:ss", tricky.isoformat()),
        ("time_hidden", datetime.datetime(2023, 11, 3, 10, 25, 56), "dd/mm/yyyy", "2023-11-03T10:25:56"),
        ("midnight_shown", datetime.datetime(2024, 10, 1, 0, 0), "yyyy-mm-dd hh:mm", "2024-10-01T00:00:00"),
        ("text_date", "01/10/2024", None, "01/10/2024"),
    ]
    only_1900 = [
        ("plain_number", 45566, None, "45566"),
        ("early_1900", D(1900, 1, 15), "yyyy-mm-dd", "1900-01-15"),
        ("feb28_1900", D(1900, 2, 28), "yyyy-mm-dd", "1900-02-28"),
        ("mar1_1900", D(1900, 3, 1), "yyyy-mm-dd", "1900-03-01"),
        ("serial_60", 60, "yyyy-mm-dd", "1900-02-28"),
    ]
    only_1904 = [
        ("plain_number", 44104, None, "44104"),
        ("epoch_1904", D(1904, 1, 1), "yyyy-mm-dd", "1904-01-01"),
    ]
    for name, rows, options in (("dates-1900", common + only_1900, {}),
                                ("dates-1904", common + only_1904, {"date_1904": True})):
        book = xlsxwriter_book(OUT / f"{name}.xlsx", options)
        sheet = book.add_worksheet("Sheet1")
        sheet.write_row(0, 0, ["case", "value"])
        formats = {}
        for index, (case, value, number_format, _) in enumerate(rows, start=1):
            sheet.write_string(index, 0, case)
            style = None
            if number_format is not None:
                if number_format not in formats:
                    formats[number_format] = book.add_format({"num_format": number_format})
                style = formats[number_format]
            if isinstance(value, (datetime.date, datetime.datetime)):
                sheet.write_datetime(index, 1, value, style)
            elif isinstance(value, str):
                sheet.write_string(index, 1, value)
            else:
                sheet.write_number(index, 1, value, style)
        book.close()
        write_csv(OUT / f"{name}.csv", [["case", "value"]] + [[case, text] for case, _, _, text in rows],
                  newline="\n")


CELLS = [
    # (case, how it is written, expected text)
    ("bool_true", ("bool", True), "TRUE"),
    ("bool_false", ("bool", False), "FALSE"),
    ("formula_number", ("formula", "=2+3", 5), "5"),
    ("formula_string", ("formula", '="Xã "&"Cán Tỷ"', "Xã Cán Tỷ"), "Xã Cán Tỷ"),
    ("formula_bool", ("formula", "=1>0", True), "TRUE"),
    ("error_na", ("formula", "=NA()", "#N/A"), "#N/A"),
    ("error_div0", ("formula", "=1/0", "#DIV/0!"), "#DIV/0!"),
    ("rich_shared", ("rich",), "Rất hài lòng"),
    ("rich_inline", ("patch", '<c r="B10" t="inlineStr"><is><r><rPr><b/></rPr><t xml:space="preserve">Xã </t></r>'
                     '<r><t>Nghĩa Thuận</t></r></is></c>'), "Xã Nghĩa Thuận"),
    ("phonetic", ("phonetic",), "Cán Tỷ"),
    ("float_sum", ("patch", '<c r="B12"><v>0.30000000000000004</v></c>'), "0.3"),
    ("tiny", ("number", 1e-7), "0.0000001"),
    ("big_int", ("number", 123456789012), "123456789012"),
    ("negative", ("number", -2.5), "-2.5"),
    ("text_007", ("string", "007"), "007"),
    ("float_one", ("patch", '<c r="B17"><v>1.0</v></c>'), "1"),
    ("formatted_007", ("number", 7, "000"), "7"),
    ("percent", ("number", 0.25, "0%"), "0.25"),
    ("empty_string", ("string", ""), ""),
    ("spaces", ("string", "  Có  "), "  Có  "),
    ("crlf", ("string", "Dòng 1\r\nDòng 2"), "Dòng 1\r\nDòng 2"),
    ("nfd", ("string", unicodedata.normalize("NFD", "Xã Hướng Phùng")), unicodedata.normalize("NFD", "Xã Hướng Phùng")),
    ("long_digits_text", ("string", "012345678901234567890"), "012345678901234567890"),
    ("pi", ("number", 3.141592653589793), "3.14159265358979"),
    ("iso_cell", ("patch", '<c r="B26" t="d"><v>2024-10-01</v></c>'), "2024-10-01"),
    ("number_as_shared_text", ("string", "4"), "4"),
]


def write_cells():
    path = OUT / "cells.xlsx"
    book = xlsxwriter_book(path)
    sheet = book.add_worksheet("Sheet1")
    sheet.write_row(0, 0, ["case", "value"])
    bold = book.add_format({"bold": True})
    for index, (case, how, _) in enumerate(CELLS, start=1):
        sheet.write_string(index, 0, case)
        kind = how[0]
        if kind == "bool":
            sheet.write_boolean(index, 1, how[1])
        elif kind == "formula":
            sheet.write_formula(index, 1, how[1], None, how[2])
        elif kind == "rich":
            sheet.write_rich_string(index, 1, bold, "Rất ", "hài lòng")
        elif kind == "phonetic":
            sheet.write_string(index, 1, "PHONETIC_PLACEHOLDER")
        elif kind == "patch":
            sheet.write_number(index, 1, 999000 + index)  # replaced below
        elif kind == "string":
            sheet.write_string(index, 1, how[1])
        elif kind == "number":
            style = book.add_format({"num_format": how[2]}) if len(how) > 2 else None
            sheet.write_number(index, 1, how[1], style)
    book.close()

    patches = {f"B{index + 2}": how[1] for index, (_, how, _) in enumerate(CELLS) if how[0] == "patch"}
    for ref, element in patches.items():
        assert element.startswith(f'<c r="{ref}"'), (ref, element)

    def edit(name, data):
        if name == "xl/worksheets/sheet1.xml":
            text = data.decode("utf-8")
            for ref, element in patches.items():
                text = patch_cell(text, ref, element)
            return name, text.encode("utf-8")
        if name == "xl/sharedStrings.xml":
            text = data.decode("utf-8").replace(
                "<si><t>PHONETIC_PLACEHOLDER</t></si>",
                '<si><t>Cán Tỷ</t><rPh sb="0" eb="3"><t>カン</t></rPh><rPh sb="4" eb="6"><t>ティ</t></rPh>'
                '<phoneticPr fontId="0" type="noConversion"/></si>')
            return name, text.encode("utf-8")
        return name, data

    repack(path, edit)
    write_csv(OUT / "cells.csv", [["case", "value"]] + [[case, text] for case, _, text in CELLS], newline="\n")


def write_sparse():
    """The survey with gaps: `comment` moved last so that empty comments leave the row's end
    out; an empty row 8; a formula-only row 16; styled empty cells in A20:J30; a styled
    empty row 31 (row-level style, no cells)."""
    order = ["_uuid", "start", "commune_code", "commune_name", "q1_biet", "q2_hailong", "q3_solan", "q4_dichvu",
             "weight", "comment"]
    path = OUT / "sparse.xlsx"
    book = xlsxwriter_book(path)
    sheet = book.add_worksheet("Sheet1")
    date_style = book.add_format({"num_format": "yyyy-mm-dd"})
    fill = book.add_format({"bg_color": "#FFF2CC", "border": 1})
    sheet.write_row(0, 0, order)
    sheet_row = 1
    for index, r in enumerate(SURVEY):
        if index == 6:
            sheet_row += 1  # row 8 stays empty
        for column, name in enumerate(order):
            value = r[name]
            if value is None or value == "":
                continue
            if isinstance(value, datetime.date):
                sheet.write_datetime(sheet_row, column, value, date_style)
            elif isinstance(value, str):
                sheet.write_string(sheet_row, column, value)
            else:
                sheet.write_number(sheet_row, column, value)
        sheet_row += 1
    assert sheet_row == 14  # data in rows 2–14 (1-based), row 8 empty
    q2 = [r["q2_hailong"] for r in SURVEY if isinstance(r["q2_hailong"], (int, float))]
    sheet.write_formula(15, 0, "=COUNTA(A2:A14)", None, 12)
    sheet.write_formula(15, 5, "=AVERAGE(F2:F14)", None, sum(q2) / len(q2))
    for row in range(19, 30):
        for column in range(len(order)):
            sheet.write_blank(row, column, None, fill)
    sheet.set_row(30, None, fill)
    book.close()
    return sum(q2) / len(q2)


TITLE = "BẢNG TỔNG HỢP KHẢO SÁT SỰ HÀI LÒNG CỦA NGƯỜI DÂN, HUYỆN VỊ XUYÊN, THÁNG 10/2024"


def write_title_row():
    book = openpyxl_book()
    sheet = book.active
    sheet.title = "Tổng hợp"
    sheet["A1"] = TITLE
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A1"].alignment = Alignment(horizontal="center")
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(COLUMNS))
    for column, name in enumerate(COLUMNS, start=1):
        sheet.cell(row=3, column=column, value=name).font = Font(bold=True)
    for index, r in enumerate(SURVEY, start=4):
        for column, name in enumerate(COLUMNS, start=1):
            value = r[name]
            if value is None or value == "":
                continue
            cell = sheet.cell(row=index, column=column, value=value)
            if isinstance(value, datetime.date):
                cell.number_format = "yyyy-mm-dd"
    book.save(OUT / "title-row.xlsx")
    repack(OUT / "title-row.xlsx")
    # As Excel's "CSV UTF-8 (Comma delimited)" writes it: BOM, CRLF, quoting when needed, every
    # line as wide as the used range.
    blank = [""] * len(COLUMNS)
    write_csv(OUT / "title-row.csv", [[TITLE] + blank[1:], blank, COLUMNS] + survey_rows(), bom=True)


# Two header rows: (group, sub-header) per column; the groups are merged over their columns.
TWO_HEADERS = [
    ("", "start"),
    ("Thông tin", "_uuid"), ("Thông tin", "commune_code"), ("Thông tin", "commune_name"),
    ("Dịch vụ hành chính", "Biết quy trình"), ("Dịch vụ hành chính", "Mức hài lòng"),
    ("Dịch vụ hành chính", "Số lần đi lại"),
    ("Y tế", "Biết quy trình"), ("Y tế", "Mức hài lòng"),
    ("Dịch vụ đã dùng", ""),
    ("Khác", "weight"), ("Khác", "comment"),
]
HEALTH = [("Có", 4), ("Có", 3), ("Không", 5), ("Có", 4), ("Không", 2), ("Có", 5), ("Có", 4), ("Không", 3),
          ("Có", 5), ("Có", 4), ("Không", 3), ("Có", 2)]

TWO_HEADERS_YAML = """\
# two-headers.xlsx / two-headers.csv read with `--header-rows 2` (README.md beside it).
# Columns are named by their sub-header (`start`), by "group/sub-header" (the group path
# matches the sub-header, so `_uuid` finds "Thông tin/_uuid"), or by the group where the
# sub-header is empty ("Dịch vụ đã dùng"). "Biết quy trình" and "Mức hài lòng" appear under two
# groups: they must be named with their group.
id: two-headers-fixture
respondent:
  id: [_uuid]
  unit: commune_code
  unit_name: commune_name
  weight: weight
missing: ["", "98", "99"]
dimensions:
  - id: d1
    name: {vi: "Dịch vụ công", en: "Public services"}
    subdimensions:
      - id: d1.1
        name: {vi: "Hành chính", en: "Administrative"}
        indicators:
          - {id: hc.biet, column: "Dịch vụ hành chính/Biết quy trình", type: binary, yes: ["Có"], no: ["Không"]}
          - {id: hc.hailong, column: "Dịch vụ hành chính/Mức hài lòng", type: likert, range: [1, 5]}
          - {id: hc.solan, column: "Số lần đi lại", type: choice, scores: {"1": 1.0, "2": 0.5, "3": 0.0}}
      - id: d1.2
        name: {vi: "Y tế", en: "Health"}
        indicators:
          - {id: yt.biet, column: "Y tế/Biết quy trình", type: binary, yes: ["Có"], no: ["Không"]}
          - {id: yt.hailong, column: "Y tế/Mức hài lòng", type: likert, range: [1, 5]}
      - id: d1.3
        name: {vi: "Thủ tục đã làm", en: "Procedures used"}
        indicators:
          - {id: dv.khaisinh, column: "Dịch vụ đã dùng", type: binary, select: khaisinh}
          - {id: dv.chungthuc, column: "Dịch vụ đã dùng", type: binary, select: chungthuc}
          - {id: dv.datdai, column: "Dịch vụ đã dùng", type: binary, select: datdai}
"""


def two_headers_values():
    rows = []
    for r, (knows, satisfied) in zip(SURVEY, HEALTH):
        rows.append([r["start"], r["_uuid"], r["commune_code"], r["commune_name"], r["q1_biet"], r["q2_hailong"],
                     r["q3_solan"], knows, satisfied, r["q4_dichvu"], r["weight"], r["comment"]])
    return rows


def write_two_headers():
    (OUT / "two-headers.yaml").write_text(TWO_HEADERS_YAML, encoding="utf-8")
    path = OUT / "two-headers.xlsx"
    book = xlsxwriter_book(path)
    sheet = book.add_worksheet("Sheet1")
    group_style = book.add_format({"bold": True, "align": "center", "bg_color": "#DDEBF7", "border": 1})
    sub_style = book.add_format({"bold": True, "border": 1})
    date_style = book.add_format({"num_format": "yyyy-mm-dd"})
    column = 0
    while column < len(TWO_HEADERS):
        group = TWO_HEADERS[column][0]
        end = column
        while end + 1 < len(TWO_HEADERS) and TWO_HEADERS[end + 1][0] == group and group:
            end += 1
        if group and end > column:
            sheet.merge_range(0, column, 0, end, group, group_style)
        elif group:
            sheet.write_string(0, column, group, group_style)
        column = end + 1
    for column, (_, sub) in enumerate(TWO_HEADERS):
        if sub:
            sheet.write_string(1, column, sub, sub_style)
    for index, values in enumerate(two_headers_values(), start=2):
        for column, value in enumerate(values):
            if value is None or value == "":
                continue
            if isinstance(value, datetime.date):
                sheet.write_datetime(index, column, value, date_style)
            elif isinstance(value, str):
                sheet.write_string(index, column, value)
            else:
                sheet.write_number(index, column, value)
    book.close()
    # The CSV as Excel writes it: a merged group's text in its first cell, the rest empty.
    groups, seen = [], None
    for group, _ in TWO_HEADERS:
        groups.append(group if group != seen else "")
        seen = group
    write_csv(OUT / "two-headers.csv",
              [groups, [sub for _, sub in TWO_HEADERS]]
              + [[cell_text(v) for v in values] for values in two_headers_values()], bom=True)


def write_two_sheets():
    """The data sheet "Dữ liệu" is created first (sheet1.xml, sheetId 1), then a cover sheet
    is put in front of it: workbook order Ghi chú, Dữ liệu; XML paths sheet2.xml, sheet1.xml."""
    book = openpyxl_book()
    cover = book.active
    cover.title = "Ghi chú"
    cover["A1"] = "Khảo sát sự hài lòng của người dân, tháng 10/2024"
    cover["A1"].font = Font(bold=True, size=14)
    cover["A3"] = "Người lập: Văn phòng UBND huyện"
    cover["A4"] = "Ngày lập: 07/10/2024"
    cover["A5"] = "Số liệu ở trang «Dữ liệu»; mỗi dòng là một phiếu."
    data = book.create_sheet("Dữ liệu")
    data.append(COLUMNS)
    for r in SURVEY:
        data.append([r[c] if r[c] != "" else None for c in COLUMNS])
    for row in data.iter_rows(min_row=2, min_col=1, max_col=1):
        row[0].number_format = "yyyy-mm-dd"
    path = OUT / "two-sheets.xlsx"
    book.save(path)

    def edit(name, data):
        if name == "xl/worksheets/sheet1.xml":
            return "xl/worksheets/sheet2.xml", data
        if name == "xl/worksheets/sheet2.xml":
            return "xl/worksheets/sheet1.xml", data
        if name == "xl/_rels/workbook.xml.rels":
            text = data.decode("utf-8")
            text = text.replace("sheet1.xml", "SHEET_A").replace("sheet2.xml", "sheet1.xml")
            return name, text.replace("SHEET_A", "sheet2.xml").encode("utf-8")
        if name == "xl/workbook.xml":
            text = data.decode("utf-8")
            text = re.sub(r'(<sheet [^>]*name="Ghi chú"[^>]*sheetId=")1"', r'\g<1>2"', text)
            text = re.sub(r'(<sheet [^>]*name="Dữ liệu"[^>]*sheetId=")2"', r'\g<1>1"', text)
            return name, text.encode("utf-8")
        return name, data

    repack(path, edit)


def write_bad_cells():
    def edit(index, name, value):
        if index == 4 and name == "q2_hailong":
            return 7  # Sheet1!E5: outside 1–5 and not a missing code
        if index == 9 and name == "commune_code":
            return None  # Sheet1!B10: no cell at all
        return value

    write_survey_xlsxwriter(OUT / "bad-cells.xlsx", {}, {"num_format": "yyyy-mm-dd"}, "Sheet1", edit=edit)


def write_error_inputs():
    source = OUT / "survey.openpyxl.xlsx"
    with tempfile.TemporaryDirectory() as tmp:
        shutil.move(soffice(source, "xls", "MS Excel 97", tmp), OUT / "survey.xls")
        shutil.move(soffice(source, "ods", "calc8", tmp), OUT / "survey.ods")
        repack(OUT / "survey.ods")

    # A Word document (python-docx) saved under an .xlsx name.
    import docx

    document = docx.Document()
    document.core_properties.created = FIXED
    document.core_properties.modified = FIXED
    document.core_properties.last_printed = FIXED
    document.core_properties.author = "papi fixtures"
    document.add_heading("Biên bản họp thôn", level=1)
    document.add_paragraph("Đây là một văn bản Word, không phải bảng tính.")
    document.save(OUT / "not-a-sheet.xlsx")
    repack(OUT / "not-a-sheet.xlsx")

    # Encrypted OOXML ("Encrypt with password" in Excel): an OLE compound file holding the
    # streams EncryptionInfo and EncryptedPackage. The salts come from a fixed seed.
    import msoffcrypto
    from msoffcrypto.format.ooxml import OOXMLFile
    from msoffcrypto.method import ecma376_agile

    from msoffcrypto.method.container import ecma376_encrypted

    class FixedClock(datetime.datetime):
        @classmethod
        def now(cls, tz=None):
            return FIXED

    seeded = random.Random(20241007)
    ecma376_agile._random_buffer = lambda size: bytes(seeded.getrandbits(8) for _ in range(size))
    ecma376_encrypted.datetime = FixedClock  # the OLE directory's creation and modification times
    with open(OUT / "survey.xlsxwriter.xlsx", "rb") as plain, open(OUT / "encrypted.xlsx", "wb") as target:
        OOXMLFile(plain).encrypt("papi", target)
    with open(OUT / "encrypted.xlsx", "rb") as check:
        assert msoffcrypto.OfficeFile(check).is_encrypted()

    whole = (OUT / "survey.xlsxwriter.xlsx").read_bytes()
    (OUT / "truncated.xlsx").write_bytes(whole[: len(whole) // 2])


# ---------------------------------------------------------------------------------------------
# 3. Google Forms
# ---------------------------------------------------------------------------------------------
GF_COMMUNE = "Ông/bà đang sống ở xã, thị trấn nào?"
GF_ATTITUDE = "Ông/bà có hài lòng với thái độ phục vụ của cán bộ bộ phận một cửa không?"
GF_SCALE = "Mức độ hài lòng chung của ông/bà với bộ phận một cửa"
GF_PROCEDURES = "Trong 12 tháng qua, ông/bà đã làm những thủ tục nào ở xã?"
GF_COMMENT = "Ý kiến khác của ông/bà"
GF_OPTIONS = ["Đăng ký khai sinh", "Chứng thực bản sao", "Đất đai, nhà ở", "Đăng ký kết hôn"]
GOOGLE_FORMS = [
    # (timestamp en, timestamp vi, commune, attitude, scale, chosen, other, comment)
    ((2024, 10, 1, 8, 27, 28), "Thị trấn Tam Sơn", "Có", 4, [0, 1], "", "Cán bộ nhiệt tình."),
    ((2024, 10, 1, 9, 5, 17), "Thị trấn Tam Sơn", "Không", 2, [2], "", "Phải đi lại nhiều lần, mất thời gian."),
    ((2024, 10, 1, 14, 41, 9), "Thị trấn Tam Sơn", "Có", 5, [0, 3], "", ""),
    ((2024, 10, 2, 7, 58, 44), "Xã Nghĩa Thuận", "Có", 4, [1, 2], "", ""),
    ((2024, 10, 2, 10, 12, 3), "Xã Nghĩa Thuận", "Không", 3, [0, 1, 2], "", "Thủ tục đất đai còn rườm rà."),
    ((2024, 10, 2, 16, 30, 51), "Xã Nghĩa Thuận", "Có", 5, [0], "Hỏi thăm chế độ chính sách", ""),
    ((2024, 10, 3, 8, 3, 15), "Xã Cán Tỷ", "Có", 4, [1], "", ""),
    ((2024, 10, 3, 11, 47, 36), "Xã Cán Tỷ", "Không", 2, [], "", "Cán bộ đến muộn."),
    ((2024, 10, 3, 15, 15, 2), "Xã Cán Tỷ", "Có", 5, [2, 3], "", ""),
    ((2024, 10, 4, 9, 20, 40), "Xã Cán Tỷ", "Có", 4, [0, 1], "", ""),
]

GOOGLE_FORMS_YAML = f"""\
# google-forms.csv and google-forms-vi.csv (README.md beside it). Google Forms has no
# respondent id; the commune question is the unit. The checkbox question's cell joins the
# chosen option LABELS with ", ", and "Đất đai, nhà ở" itself contains ", ": a select must
# match whole declared labels, longest first. No `separator:` here: the `Timestamp` /
# `Dấu thời gian` first column is the Google Forms layout, which sets ", " by itself.
id: google-forms-fixture
respondent: {{id: none, unit: "{GF_COMMUNE}"}}
missing: [""]
feedback: ["{GF_COMMENT}"]
dimensions:
  - id: d1
    name: {{vi: "Bộ phận một cửa", en: "One-stop desk"}}
    subdimensions:
      - id: d1.1
        name: {{vi: "Hài lòng", en: "Satisfaction"}}
        indicators:
          - {{id: thaido, column: "{GF_ATTITUDE}", type: binary, yes: ["Có"], no: ["Không"]}}
          - {{id: hailong, column: "{GF_SCALE}", type: likert, range: [1, 5]}}
      - id: d1.2
        name: {{vi: "Thủ tục đã làm", en: "Procedures used"}}
        indicators:
          - {{id: khaisinh, column: "{GF_PROCEDURES}", type: binary, select: "Đăng ký khai sinh"}}
          - {{id: chungthuc, column: "{GF_PROCEDURES}", type: binary, select: "Chứng thực bản sao"}}
          - {{id: datdai, column: "{GF_PROCEDURES}", type: binary, select: "Đất đai, nhà ở"}}
          - {{id: kethon, column: "{GF_PROCEDURES}", type: binary, select: "Đăng ký kết hôn"}}
"""


def gf_time_en(t):
    moment = datetime.datetime(*t)
    hour = moment.hour % 12 or 12
    return f"{moment:%Y/%m/%d} {hour}:{moment:%M:%S} {'AM' if moment.hour < 12 else 'PM'} GMT+7"


def gf_time_vi(t):
    moment = datetime.datetime(*t)
    return f"{moment.day}/{moment.month}/{moment.year} {moment.hour}:{moment:%M:%S}"


def write_google_forms():
    (OUT / "google-forms.yaml").write_text(GOOGLE_FORMS_YAML, encoding="utf-8")
    for name, first, stamp in (("google-forms.csv", "Timestamp", gf_time_en),
                               ("google-forms-vi.csv", "Dấu thời gian", gf_time_vi)):
        rows = [[first, GF_COMMUNE, GF_ATTITUDE, GF_SCALE, GF_PROCEDURES, GF_COMMENT]]
        for t, commune, attitude, scale, chosen, other, comment in GOOGLE_FORMS:
            labels = [GF_OPTIONS[i] for i in chosen] + ([other] if other else [])
            rows.append([stamp(t), commune, attitude, str(scale), ", ".join(labels), comment])
        write_csv(OUT / name, rows, final_newline=False)


# ---------------------------------------------------------------------------------------------
# 4. LimeSurvey
# ---------------------------------------------------------------------------------------------
NULL = None  # a NULL database value: LimeSurvey 6's CsvWriter writes it unquoted (bare empty)
LS_META = [("id", "Response ID"), ("submitdate", "Date submitted"), ("lastpage", "Last page"),
           ("startlanguage", "Start language"), ("seed", "Seed"), ("startdate", "Date started"),
           ("datestamp", "Date last action")]
LS_Q_COMMUNE = "Ông/bà đang sống ở xã, thị trấn nào?"
LS_Q1 = "Ông/bà hài lòng thế nào với thái độ của cán bộ bộ phận một cửa?"
LS_Q2 = "Ông/bà đã làm những thủ tục nào ở xã?"
LS_Q3 = "Ông/bà có phải đi lại nhiều lần mới xong thủ tục không?"
LS_Q4 = "Ý kiến khác của ông/bà"
LS_QUESTIONS = [("MAXA", LS_Q_COMMUNE), ("G01Q01", LS_Q1),
                ("G01Q02[SQ001]", LS_Q2 + " [Đăng ký khai sinh]"),
                ("G01Q02[SQ002]", LS_Q2 + " [Chứng thực bản sao]"),
                ("G01Q02[SQ003]", LS_Q2 + " [Đất đai, nhà ở]"),
                ("G01Q02[other]", LS_Q2 + " [Khác]"),
                ("G01Q03", LS_Q3), ("G02Q01", LS_Q4)]


def ls_response(rid, submit, lastpage, start, seed, commune, q1, sq, other, q3, comment):
    if submit:
        datestamp = submit
    else:
        datestamp = start
    return [str(rid), submit, str(lastpage), "vi", str(seed), start, datestamp, commune, q1] + sq + [other, q3, comment]


# 8 responses, ids with gaps (deleted test responses); 6 complete, 2 incomplete.
# Pages: 1 = MAXA, 2 = G01, 3 = G02. A question shown but left empty is '' (quoted ""), a
# question never reached is NULL (bare empty).
LIMESURVEY = [
    ls_response(3, "2024-10-01 08:27:28", 3, "2024-10-01 08:15:03", 288270728, "00874", "4", ["Y", "Y", ""], "",
                "N", "Cán bộ nhiệt tình."),
    ls_response(4, "2024-10-01 09:05:17", 3, "2024-10-01 08:41:33", 1380696137, "00874", "2", ["", "", "Y"], "",
                "Y", "Phải đi lại 3 lần, mất hai buổi làm."),
    ls_response(5, "2024-10-01 14:41:09", 3, "2024-10-01 14:30:12", 904112583, "00874", "5", ["Y", "", ""],
                "Hỏi thăm chế độ chính sách", "N", ""),
    ls_response(7, NULL, 1, "2024-10-02 07:50:20", 517330296, "00880", NULL, [NULL, NULL, NULL], NULL, NULL, NULL),
    ls_response(8, "2024-10-02 10:12:03", 3, "2024-10-02 09:58:47", 77410329, "00880", "3", ["", "", ""], "", "N",
                "Không có ý kiến"),
    ls_response(9, "2024-10-02 16:30:51", 3, "2024-10-02 16:11:05", 1650093318, "00880", "", ["Y", "Y", "Y"], "",
                "Y", 'Thủ tục đất đai, nhà ở còn chậm; cán bộ nói "chờ thêm".'),
    ls_response(11, NULL, 0, "2024-10-03 08:03:15", 1223406688, NULL, NULL, [NULL, NULL, NULL], NULL, NULL, NULL),
    ls_response(12, "2024-10-03 11:47:36", 3, "2024-10-03 11:30:02", 402287761, "00883", "4", ["", "Y", ""], "",
                "N", ""),
]

LIMESURVEY_YAML = """\
# limesurvey-code-text.csv, limesurvey-code-text.xlsx and limesurvey-text-code.csv
# (README.md beside it). Columns are named by their LimeSurvey code; the checkbox question
# G01Q02 is one `G01Q02[SQxxx]` column per option (`Y` when chosen, empty otherwise), read as
# a select-multiple whose options are the subquestion codes. `complete: submitdate` leaves
# out the responses whose submitdate is empty (it is also the default for a LimeSurvey layout).
id: limesurvey-fixture
respondent: {id: [id], unit: MAXA, complete: submitdate}
missing: [""]
feedback: [G02Q01]
dimensions:
  - id: d1
    name: {vi: "Bộ phận một cửa", en: "One-stop desk"}
    subdimensions:
      - id: d1.1
        name: {vi: "Hài lòng", en: "Satisfaction"}
        indicators:
          - {id: thaido, column: G01Q01, type: likert, range: [1, 5]}
          - {id: dilai, column: G01Q03, type: binary, yes: ["Y"], no: ["N"], reverse: true}
      - id: d1.2
        name: {vi: "Thủ tục đã làm", en: "Procedures used"}
        indicators:
          - {id: khaisinh, column: G01Q02, type: binary, select: SQ001}
          - {id: chungthuc, column: G01Q02, type: binary, select: SQ002}
          - {id: datdai, column: G01Q02, type: binary, select: SQ003}
"""


def ls_csv(path, headers):
    """LimeSurvey 6 CsvWriter: UTF-8 BOM, `,` (the export dialog's default), CRLF, every
    non-NULL value quoted with "" doubled, NULL unquoted, then one more CRLF at the end."""
    def field(value):
        if value is None:
            return ""
        return '"' + value.replace('"', '""') + '"'

    lines = [",".join(field(h) for h in headers)] + [",".join(field(v) for v in row) for row in LIMESURVEY]
    path.write_bytes(b"\xef\xbb\xbf" + ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8"))


LS_NUMBER = re.compile(r"^-?(0|[1-9][0-9]*)(\.[0-9]+)?$")


def write_limesurvey():
    (OUT / "limesurvey.yaml").write_text(LIMESURVEY_YAML, encoding="utf-8")
    codes = [code for code, _ in LS_META] + [code for code, _ in LS_QUESTIONS]
    texts = [text for _, text in LS_META] + [text for _, text in LS_QUESTIONS]
    ls_csv(OUT / "limesurvey-code-text.csv", [f"{c}. {t}" for c, t in zip(codes, texts)])
    ls_csv(OUT / "limesurvey-text-code.csv", [f"{t} [{c}]" for c, t in zip(codes, texts)])
    ls_csv(OUT / "limesurvey-full.csv", texts)

    # The same export as LimeSurvey's ExcelWriter (PHP_XLSXWriter) writes it: the sheet named
    # after the survey title, values matching -?(0|[1-9][0-9]*)(\.[0-9]+)? as numbers, every
    # other value an inline string, '' and NULL as empty cells. Imitated with xlsxwriter's
    # constant_memory mode (inline strings).
    path = OUT / "limesurvey-code-text.xlsx"
    book = xlsxwriter_book(path, {"constant_memory": True})
    sheet = book.add_worksheet("Khảo sát một cửa 2024")
    sheet.write_row(0, 0, [f"{c}. {t}" for c, t in zip(codes, texts)])
    for index, row in enumerate(LIMESURVEY, start=1):
        for column, value in enumerate(row):
            if value is None or value == "":
                continue
            if value == "0" or (value[0] != "0" and value.isdigit()) or LS_NUMBER.match(value):
                sheet.write_number(index, column, float(value) if "." in value else int(value))
            else:
                sheet.write_string(index, column, value)
    book.close()


# ---------------------------------------------------------------------------------------------
# 5. No id
# ---------------------------------------------------------------------------------------------
NO_ID_COLUMNS = ["commune_code", "commune_name", "q1_biet", "q2_hailong", "q3_solan", "q4_dichvu", "comment", "weight"]
NO_ID_ROWS = [
    ["00874", "Thị trấn Tam Sơn", "Có", "4", "1", "khaisinh chungthuc", "", "1"],
    ["00874", "Thị trấn Tam Sơn", "Không", "3", "2", "datdai", "Phải chờ lâu.", "1"],
    ["00880", "Xã Nghĩa Thuận", "Có", "5", "1", "khaisinh", "", "1"],
    ["00880", "Xã Nghĩa Thuận", "Có", "5", "1", "khaisinh", "", "1"],
    ["00883", "Xã Cán Tỷ", "Không", "2", "3", "chungthuc datdai", "Cán bộ đến muộn.", "1"],
    ["00883", "Xã Cán Tỷ", "Có", "4", "1", "khaisinh", "", "1"],
]


def write_no_id():
    (OUT / "no-id.yaml").write_text(
        SURVEY_YAML.replace("id: workbook-fixture", "id: no-id-fixture")
        .replace("  id: [_uuid]\n", "  id: none\n")
        .replace("# The questionnaire of the workbook fixtures (README.md beside it). survey.csv and every\n"
                 "# survey.*.xlsx hold the same 12 respondents; reading any of them with this file must give\n"
                 "# the same table and byte-identical JSON.\n",
                 "# no-id.csv (README.md beside it): an Excel sheet typed by hand, without a respondent id\n"
                 "# column. Data rows 3 and 4 (lines 4 and 5) are the same answers twice; papi cannot tell.\n"),
        encoding="utf-8")
    write_csv(OUT / "no-id.csv", [NO_ID_COLUMNS] + NO_ID_ROWS, bom=True)


# ---------------------------------------------------------------------------------------------
# --check: read every file back and check what the README says
# ---------------------------------------------------------------------------------------------
def read_openpyxl(path, sheet=None):
    book = openpyxl.load_workbook(path, data_only=True)
    ws = book[sheet] if sheet else book.worksheets[0]
    rows = []
    for row in ws.iter_rows():
        texts = []
        for cell in row:
            value = cell.value
            if isinstance(value, datetime.datetime) and value.time() == datetime.time(0):
                shows_time = re.search(r"[hs]", re.sub(r'"[^"]*"|\[[^]]*\]', "", cell.number_format.lower()))
                value = value if shows_time else value.date()
            texts.append(cell_text(value))
        rows.append(texts)
    return rows


def check(average):
    failures = []

    def expect(condition, message):
        if not condition:
            failures.append(message)

    rows = survey_rows()
    expected_csv = list(csv.reader(io.StringIO((OUT / "survey.csv").read_text(encoding="utf-8"), newline="")))
    expect(expected_csv == [COLUMNS] + rows, "survey.csv does not hold the survey")
    for name, sheet in (("survey.openpyxl.xlsx", None), ("survey.xlsxwriter.xlsx", None),
                        ("survey.inline.xlsx", None), ("survey.libreoffice.xlsx", None),
                        ("title-row.xlsx", None), ("two-sheets.xlsx", "Dữ liệu")):
        got = read_openpyxl(OUT / name, sheet)
        if name == "title-row.xlsx":
            got = got[2:]
        got = [[value.replace("_x000D_", "\r") for value in row] for row in got]
        expect(got == [COLUMNS] + rows, f"{name}: cells differ from survey.csv: {got[:3]}")

    # Which XML each writer wrote.
    def parts(name):
        with zipfile.ZipFile(OUT / name) as z:
            return {n: z.read(n) for n in z.namelist()}

    for name, shared in (("survey.openpyxl.xlsx", False), ("survey.xlsxwriter.xlsx", True),
                         ("survey.inline.xlsx", False), ("survey.libreoffice.xlsx", True)):
        p = parts(name)
        sheet_xml = next(v for k, v in p.items() if k.startswith("xl/worksheets/sheet")).decode()
        expect(("xl/sharedStrings.xml" in p) == shared, f"{name}: sharedStrings present = {not shared}")
        expect(('t="inlineStr"' in sheet_xml) == (not shared), f"{name}: inline strings")
        expect("<v>1.0</v>" not in sheet_xml, f"{name}: a <v>1.0</v>")

    cells = read_openpyxl(OUT / "cells.xlsx")
    with zipfile.ZipFile(OUT / "cells.xlsx") as z:
        cells_xml = z.read("xl/worksheets/sheet1.xml").decode()
    for index, (case, how, text) in enumerate(CELLS, start=2):
        expect(cells[index - 1][0] == case, f"cells.xlsx: A{index} is {cells[index - 1][0]}, not {case}")
        if how[0] == "patch":
            expect(how[1] in cells_xml, f"cells.xlsx: B{index} not patched")
        elif how[0] in ("string", "number", "bool", "rich", "phonetic") and case != "crlf":
            expect(cells[index - 1][1] == text, f"cells.xlsx: B{index} reads {cells[index - 1][1]!r}, not {text!r}")
    expect(cells_xml.count("99900") == 0, "cells.xlsx: a placeholder is left")

    sparse = read_openpyxl(OUT / "sparse.xlsx")
    expect(len([r for r in sparse[1:14] if any(r)]) == 12, "sparse.xlsx: 12 data rows")
    expect(sparse[15][0] == "12" and abs(float(sparse[15][5]) - average) < 1e-9, "sparse.xlsx: formula row")

    bad = read_openpyxl(OUT / "bad-cells.xlsx")
    expect(bad[4][4] == "7" and bad[9][1] == "", "bad-cells.xlsx: E5 and B10")

    with zipfile.ZipFile(OUT / "two-sheets.xlsx") as z:
        rels = z.read("xl/_rels/workbook.xml.rels").decode()
        workbook = z.read("xl/workbook.xml").decode()
    expect(workbook.index("Ghi chú") < workbook.index("Dữ liệu"), "two-sheets: order")
    expect(re.search(r'Target="[^"]*sheet2\.xml"', rels) is not None, "two-sheets: rels")

    header = (OUT / "limesurvey-code-text.csv").read_bytes()
    expect(header.startswith(b'\xef\xbb\xbf"id. Response ID","submitdate. Date submitted"'), "limesurvey header")
    expect((OUT / "encrypted.xlsx").read_bytes()[:8] == bytes.fromhex("D0CF11E0A1B11AE1"), "encrypted is CFB")
    expect((OUT / "survey.xls").read_bytes()[:8] == bytes.fromhex("D0CF11E0A1B11AE1"), "xls is CFB")
    expect((OUT / "survey.ods").read_bytes()[30:38] == b"mimetype", "ods starts with mimetype")

    try:  # calamine (fastexcel, as Polars' read_excel): the same cells
        import fastexcel
        frame = fastexcel.read_excel(str(OUT / "survey.xlsxwriter.xlsx")).load_sheet(0).to_polars()
        expect(frame.height == 12, f"calamine reads {frame.height} rows")
        frame = fastexcel.read_excel(str(OUT / "sparse.xlsx")).load_sheet(0).to_polars()
        print(f"note: calamine reads sparse.xlsx as {frame.height} rows (empty rows included)")
    except ImportError:
        print("note: fastexcel not installed, calamine cross-check skipped")

    for failure in failures:
        print("FAIL:", failure)
    return not failures


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="read the files back and check the README facts")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    write_survey()
    write_dates()
    write_cells()
    average = write_sparse()
    write_title_row()
    write_two_headers()
    write_two_sheets()
    write_bad_cells()
    write_comments_in_rows()
    write_register()
    write_bad_shared_string()
    write_error_inputs()
    write_google_forms()
    write_limesurvey()
    write_no_id()
    for path in sorted(OUT.iterdir()):
        if path.name != "README.md":
            print(f"{path.stat().st_size:>7}  {hashlib.sha256(path.read_bytes()).hexdigest()[:16]}  {path.name}")
    if args.check and not check(average):
        sys.exit(1)


if __name__ == "__main__":
    main()
