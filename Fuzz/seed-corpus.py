#!/usr/bin/env python3
"""Writes the fuzzers' seed corpora (Fuzz/corpus/<target>/) from the repository's samples,
questionnaires and a few small hand-written files: what papi reads, in the shapes the
readers know (encodings, delimiters, line ends, quoting). Run from the repository's root;
the output is committed, so CI fuzzes from the same seeds."""
import io
import os
import pathlib
import shutil
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "Fuzz" / "corpus"


def lines(path, count):
    with open(ROOT / path, "rb") as file:
        return b"".join(file.readline() for _ in range(count))


def variants(head):
    """A CSV head as exports come: as is, CRLF, ';', tab, UTF-8 BOM, UTF-16LE with BOM."""
    text = head.decode("utf-8")
    yield "lf", head
    yield "crlf", head.replace(b"\n", b"\r\n")
    yield "semicolon", head.replace(b",", b";")
    yield "tab", head.replace(b",", b"\t")
    yield "bom", b"\xef\xbb\xbf" + head
    yield "utf16", b"\xff\xfe" + text.encode("utf-16-le")


def write(target, name, data):
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)


def copy(target, source):
    write(target, pathlib.Path(source).name, (ROOT / source).read_bytes())


def main():
    shutil.rmtree(CORPUS, ignore_errors=True)
    for sample in ["kobo-kontum-2024", "kobo-kontum-2023", "odk-quangtri-2024"]:
        for kind, data in variants(lines(f"samples/{sample}.csv", 5)):
            write("export", f"{sample}-{kind}.csv", data)
    for broken in sorted((ROOT / "samples" / "broken").glob("*.csv")):
        write("export", broken.name, lines(f"samples/broken/{broken.name}", 14))
    write("export", "header-only.csv", lines("samples/kobo-kontum-2024.csv", 1))
    write("export", "sipas-limesurvey.csv", lines("samples/sipas-limesurvey-2024.csv", 6))

    for kind, data in variants(lines("samples/petitions-2024.csv", 8)):
        write("feedback", f"petitions-{kind}.csv", data)
    write(
        "feedback", "english-header.csv",
        "id,date,unit_code,channel,text,status\n"
        "F1,2024-01-08,23491,1022,\"Gọi 0905 123 456, nhà số 12 đường Lê Lợi\",open\n"
        "F2,08/01/2024,23491,,\"\"\"quoted\"\"\nline\",\n".encode())

    for name in ["papi-2024", "sipas-2024"]:
        copy("questionnaire", f"questionnaires/{name}.yaml")
    write(
        "questionnaire", "small.yaml",
        b"id: t\nkind: papi\nrespondent: {id: [id], unit: commune, unit_name: name, parent: province, weight: w}\n"
        b"missing: [\"98\", \"99\"]\ndimensions:\n  - id: d1\n    name: {vi: \"M\xe1\xbb\x99t\", en: \"One\"}\n"
        b"    subdimensions:\n      - id: d1.1\n        indicators:\n"
        b"          - {id: a, column: a, type: binary, yes: [\"1\"], no: [\"0\"]}\n"
        b"          - {id: b, column: b, type: likert, range: [1, 5], reverse: true}\n"
        b"          - {id: c, column: c, type: choice, scores: {\"1\": 1.0, \"2\": 0.5, \"3\": 0}}\n")

    for name in ["targets", "targets-provinces"]:
        copy("targets", f"samples/{name}.yaml")
    write(
        "targets", "every-kind.yaml",
        b"min_n: 20\nrules:\n  - {metric: total, level: commune, target: 40}\n"
        b"  - {metric: d1, level: commune, previous: -0.1}\n  - {metric: d2.1, parent: \"62\", peer_mean: 0}\n"
        b"  - {metric: d3, unit: \"23491\", benchmark: papi-official}\n  - {metric: rank, level: province, top: 20}\n")

    copy("catalogue", "questionnaires/papi-tasks.yaml")
    write(
        "catalogue", "local.yaml",
        "extends: papi-tasks.yaml\ntasks:\n  - id: t-local-1\n    applies_to: [d1, total]\n"
        "    title: {vi: \"Niêm yết công khai\", en: \"Post publicly\"}\n    lead: van-phong-ubnd-xa\n"
        "    support: [cong-chuc-tu-phap-ho-tich]\n    due: \"+30d\"\n    priority: high\n"
        "    source: \"KH 1, II.1\"\n".encode())
    # Local catalogues extend the shipped one by name: the scratch file's folder has it.
    copy("calendar", "questionnaires/holidays-vn.yaml")
    write(
        "calendar", "small.yaml",
        b"id: vn\ncovers: {from: 2025-01-01, to: 2026-12-31}\nweekend: [saturday, sunday]\nholidays:\n  - {date: 2025-09-01, name: {vi: \"Qu\xe1\xbb\x91c kh\xc3\xa1nh\"}}\n"
        b"  - {from: 2026-02-14, to: 2026-02-22}\nworkdays:\n  - {date: 2026-02-28, name: {vi: \"L\xc3\xa0m b\xc3\xb9\"}}\n")
    # Workbooks: the fixtures as written, and stored (not deflated) so that the fuzzer's
    # changes reach the XML (the checksum then fails only once the part has been parsed).
    workbooks = ROOT / "Tests" / "PapiKitTests" / "Fixtures" / "workbooks"
    for name in ["survey.xlsxwriter.xlsx", "survey.inline.xlsx", "cells.xlsx", "sparse.xlsx", "dates-1904.xlsx",
                 "truncated.xlsx"]:
        copy("workbook", f"Tests/PapiKitTests/Fixtures/workbooks/{name}")
    for name in ["survey.xlsxwriter.xlsx", "cells.xlsx", "two-sheets.xlsx"]:
        stored = io.BytesIO()
        with zipfile.ZipFile(workbooks / name) as source, zipfile.ZipFile(stored, "w", zipfile.ZIP_STORED) as target:
            for info in source.infolist():
                copied = zipfile.ZipInfo(info.filename, date_time=info.date_time)
                target.writestr(copied, source.read(info.filename))
        write("workbook", "stored-" + name, stored.getvalue())

    copy("lexicon", "questionnaires/feedback-lexicon.yaml")
    write(
        "lexicon", "small.yaml",
        "replace: false\nterms:\n  d6.3: [\"đường hỏng\", \"ổ gà\"]\n  d5: [\"trễ hẹn\"]\n".encode())


if __name__ == "__main__":
    main()
