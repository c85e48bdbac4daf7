#!/usr/bin/env python3
"""papi's man page (roff, section 1) from the JSON that `papi --experimental-dump-help` prints
(swift-argument-parser's ToolInfoV0), so the page says exactly what `papi COMMAND --help` says.

    PAPI_LANG=vi papi --experimental-dump-help | python3 Scripts/make-man.py --lang vi --readme README.md > papi.1

Sections: NAME, SYNOPSIS, DESCRIPTION, COMMANDS (every subcommand, recursively, with its
options), FILES, EXIT STATUS, ENVIRONMENT, EXAMPLES and SEE ALSO, with the headings in the
page's language (`--lang vi|en`). The examples are the `papi …` lines of the README's
```sh blocks (its quick start or examples section when it has one), else a short built-in
list. Python 3 standard library only."""
import argparse
import datetime
import json
import os
import re
import sys

TEXT = {
    "vi": {
        "manual": "Lệnh người dùng",
        "NAME": "TÊN",
        "SYNOPSIS": "CÚ PHÁP",
        "DESCRIPTION": "MÔ TẢ",
        "COMMANDS": "LỆNH",
        "FILES": "TỆP",
        "EXIT STATUS": "TRẠNG THÁI THOÁT",
        "ENVIRONMENT": "BIẾN MÔI TRƯỜNG",
        "EXAMPLES": "VÍ DỤ",
        "SEE ALSO": "XEM THÊM",
        "command": "lệnh",
        "options": "tùy chọn",
        "default": "mặc định",
        "values": "giá trị",
        "repeat": "có thể dùng nhiều lần",
        "alias": "tên khác",
        "top options": "Tùy chọn của chính papi:",
        "Show the version.": "Hiện phiên bản của papi.",
        "Show help information.": "Hiện trợ giúp này.",
        "help everywhere": (
            "Mọi lệnh đều nhận `-h`, `--help`: in hướng dẫn ngắn của lệnh đó "
            "(`papi score --help`, `papi actions update --help`)."
        ),
        "commands intro": (
            "Dưới đây là từng lệnh: cú pháp, tác dụng và các tùy chọn. Lệnh có lệnh con "
            "(như `papi actions`) chỉ là tên nhóm: hãy gọi một lệnh con của nó."
        ),
        "files": [
            (
                "{prefix}/share/papi/questionnaires/",
                "Các tệp đi kèm papi khi cài đặt: bảng hỏi `papi-2024.yaml` và `sipas-2024.yaml` "
                "(gọi bằng tên: `-q papi-2024`), danh mục nhiệm vụ `papi-tasks.yaml` với lịch ngày "
                "nghỉ `holidays-vn.yaml`, từ điển ý kiến `feedback-lexicon.yaml`, và `README.md` mô "
                "tả định dạng bảng hỏi. papi tìm thư mục này bên cạnh thư mục `bin/` chứa chương "
                "trình, nên chạy được từ bất kỳ thư mục nào.",
            ),
            (
                "questionnaires/",
                "Trong thư mục làm việc: nếu ở đây có tệp cùng tên thì papi dùng tệp này trước "
                "bản có sẵn của papi. Tệp được chỉ rõ bằng tùy chọn (`-q`, `--tasks`, `--lexicon`) "
                "luôn được dùng trước tiên. Lệnh nào dùng tệp mặc định thì ghi rõ tệp nào trên "
                "stderr.",
            ),
            (
                "papi.db",
                "Cơ sở dữ liệu mặc định (SQLite) trong thư mục làm việc; chọn tệp khác bằng "
                "`--db PATH`. Lệnh chỉ đọc không bao giờ tạo tệp này.",
            ),
        ],
        "exit": [
            ("0", "Thành công."),
            (
                "1",
                "papi không làm được việc được yêu cầu (tệp không đọc được, dữ liệu sai, xung đột "
                "trong cơ sở dữ liệu, thiếu tệp…), hoặc `papi validate` thấy lỗi trong tệp. Thông "
                "báo trên stderr nói rõ chuyện gì đã xảy ra và cần làm gì.",
            ),
            ("64", "Lỗi cú pháp lệnh: tùy chọn không tồn tại, thiếu giá trị hoặc giá trị không hợp lệ."),
        ],
        "environment": [
            (
                "PAPI_LANG",
                "`vi` hoặc `en`: ngôn ngữ của thông báo và kết quả khi không có `--lang`.",
            ),
            (
                "PAPI_THREADS",
                "Số luồng dùng để đọc và tính điểm (mặc định: số lõi). `1` làm mọi bước chạy "
                "tuần tự; kết quả vẫn giống hệt.",
            ),
        ],
        "examples intro": "Ví dụ trong README của papi:",
        "examples samples": (
            "Ví dụ trong README của papi (các tệp trong `samples/` là dữ liệu mẫu đi kèm mã nguồn "
            "của papi; chạy từ thư mục mã nguồn):"
        ),
        "builtin examples": [
            ("Kiểm tra một tệp xuất khảo sát theo bảng hỏi PAPI 2024 có sẵn:",
             "papi validate khao-sat-2024.csv -q papi-2024"),
            ("Tính điểm từng xã trên tám chỉ số nội dung PAPI:",
             "papi score khao-sat-2024.csv -q papi-2024"),
            ("Lưu tệp thành đợt khảo sát 2024 trong papi.db:",
             "papi import khao-sat-2024.csv -q papi-2024 --wave 2024"),
            ("Báo cáo điểm yếu của đợt 2024 so với mục tiêu và đợt 2023, ra tệp HTML:",
             "papi report --wave 2024 --compare 2023 --targets muc-tieu.yaml --format html --out bao-cao.html"),
            ("Lập kế hoạch khắc phục và xem các việc quá hạn:",
             "papi plan --wave 2024 --targets muc-tieu.yaml\npapi actions list --wave 2024 --overdue"),
        ],
        "see also other": "Trang này bằng tiếng Anh.",
        "see also": [
            ("{prefix}/share/papi/questionnaires/README.md", "Định dạng bảng hỏi."),
            ("README.md", "Trong mã nguồn của papi: hướng dẫn đầy đủ."),
        ],
    },
    "en": {
        "manual": "User Commands",
        "NAME": "NAME",
        "SYNOPSIS": "SYNOPSIS",
        "DESCRIPTION": "DESCRIPTION",
        "COMMANDS": "COMMANDS",
        "FILES": "FILES",
        "EXIT STATUS": "EXIT STATUS",
        "ENVIRONMENT": "ENVIRONMENT",
        "EXAMPLES": "EXAMPLES",
        "SEE ALSO": "SEE ALSO",
        "command": "command",
        "options": "options",
        "default": "default",
        "values": "values",
        "repeat": "may be given more than once",
        "alias": "alias",
        "top options": "Options of papi itself:",
        "help everywhere": (
            "Every command takes `-h`, `--help`: it prints that command's short help "
            "(`papi score --help`, `papi actions update --help`)."
        ),
        "commands intro": (
            "Each command below with its usage, what it does and its options. A command with "
            "subcommands (such as `papi actions`) is only a group: run one of its subcommands."
        ),
        "files": [
            (
                "{prefix}/share/papi/questionnaires/",
                "What papi ships with: the questionnaires `papi-2024.yaml` and `sipas-2024.yaml` "
                "(named by `-q papi-2024`), the task catalogue `papi-tasks.yaml` with its holiday "
                "calendar `holidays-vn.yaml`, the feedback lexicon `feedback-lexicon.yaml`, and a "
                "`README.md` describing the questionnaire format. papi finds this folder next to "
                "the `bin/` it runs from, so it works from any folder.",
            ),
            (
                "questionnaires/",
                "In the working folder: a file of the same name here is used before papi's own "
                "copy. A file named by an option (`-q`, `--tasks`, `--lexicon`) always comes "
                "first. A command that used a default says which file on stderr.",
            ),
            (
                "papi.db",
                "The default database (SQLite) in the working folder; `--db PATH` names another. "
                "A command that only reads never creates it.",
            ),
        ],
        "exit": [
            ("0", "Success."),
            (
                "1",
                "papi could not do what was asked (a file it cannot read, wrong data, a conflict "
                "in the database, a missing file…), or `papi validate` found problems in the files. "
                "The message on stderr says what happened and what to do.",
            ),
            ("64", "A usage error: an unknown option, a missing value or a value that is not allowed."),
        ],
        "environment": [
            (
                "PAPI_LANG",
                "`vi` or `en`: the language of messages and outputs when `--lang` is not given.",
            ),
            (
                "PAPI_THREADS",
                "The number of threads for reading and scoring (default: the number of cores). `1` "
                "makes every step sequential; the results are the same.",
            ),
        ],
        "examples intro": "Examples from papi's README:",
        "examples samples": (
            "Examples from papi's README (the files in `samples/` are the sample exports that come "
            "with papi's source; run them from the source folder):"
        ),
        "builtin examples": [
            ("Check a survey export against the shipped PAPI 2024 questionnaire:",
             "papi validate survey-2024.csv -q papi-2024"),
            ("Score every commune on the eight PAPI dimensions:",
             "papi score survey-2024.csv -q papi-2024"),
            ("Store the export as survey wave 2024 in papi.db:",
             "papi import survey-2024.csv -q papi-2024 --wave 2024"),
            ("The weakness report of wave 2024 against targets and wave 2023, as an HTML file:",
             "papi report --wave 2024 --compare 2023 --targets targets.yaml --format html --out report.html"),
            ("Make the improvement plan, then list the overdue actions:",
             "papi plan --wave 2024 --targets targets.yaml\npapi actions list --wave 2024 --overdue"),
        ],
        "see also other": "This page in Vietnamese.",
        "see also": [
            ("{prefix}/share/papi/questionnaires/README.md", "The questionnaire format."),
            ("README.md", "In papi's source: the full guide."),
        ],
    },
}

# Headings of the README sections whose ```sh blocks are the examples, and of those never used.
EXAMPLE_HEADINGS = re.compile(r"quick ?start|example|usage|getting started|ví dụ|bắt đầu|cách dùng", re.I)
SKIPPED_HEADINGS = re.compile(r"install|cài đặt|build|benchmark|develop|test", re.I)
SHELL_FENCES = {"sh", "shell", "bash", "console", "zsh"}
MAX_EXAMPLES = 12


# ---- roff escaping --------------------------------------------------------------------------


def esc(text):
    """Text as roff prints it literally: backslashes as `\\e`, every hyphen as `\\-` (a minus, so
    options and commands copied from the page work). Line starts are made safe by `line`."""
    return text.replace("\\", "\\e").replace("-", "\\-")


def inline(text):
    """Running text: escaped, one line, `code` in bold."""
    text = esc(" ".join(text.split()))
    return re.sub(r"`([^`]+)`", lambda m: "\\fB" + m.group(1) + "\\fR", text)


def wrap_command(command, width=68):
    """A long command line as shell continuation lines (` \\`) that fit the page, broken
    before an option so an option stays with its value."""
    words = command.split(" ")
    groups = [words[0]]
    for word in words[1:]:
        if word.startswith("-") or not groups[-1].startswith("-") or " " in groups[-1]:
            groups.append(word)
        else:
            groups[-1] += " " + word
    rows = [groups[0]]
    for group in groups[1:]:
        if len(rows[-1]) + 1 + len(group) + 2 > width:
            rows[-1] += " \\"
            rows.append("    " + group)
        else:
            rows[-1] += " " + group
    return "\n".join(rows)


def line(text):
    """A text line: one starting with `.` or `'` would be read as a request, so it gets `\\&`."""
    return "\\&" + text if text.startswith((".", "'")) else text


def arg(text):
    """A macro argument: quoted, with its double quotes as `\\(dq`."""
    return '"' + esc(text).replace('"', "\\(dq") + '"'


def wrap(text, width=78):
    """A long text line as several (the page reads the same, the source stays readable): broken
    only at a plain space, not at an escaped one (`\\ `), nor after a sentence's end (roff
    would put a wider space there, wrongly after an abbreviation such as "e.g.")."""
    words = re.split(r"(?<!\\) ", text)
    rows = [words[0]]
    for word in words[1:]:
        if len(rows[-1]) + 1 + len(word) > width and not re.search(r"[.!?][)\]\"'*]*$", rows[-1]):
            rows.append(word)
        else:
            rows[-1] += " " + word
    return rows


class Page:
    def __init__(self):
        self.lines = []

    def req(self, name, *args):
        if name in ("PP", "LP", "P") and self.lines and self.lines[-1].startswith((".SH", ".SS", ".PP")):
            return  # a heading or a paragraph break is already there
        self.lines.append("." + name + "".join(" " + a for a in args))

    def tag(self, text):
        """The tag of a `.TP` entry: the one next input line, so never wrapped."""
        self.req("TP")
        self.lines.append(line(" ".join(text.split())))

    def text(self, text):
        for part in text.split("\n"):
            part = part.strip()
            if part:
                self.lines.extend(line(row) for row in wrap(part) if row)

    def verbatim(self, text):
        """Lines as they are (an example: no filling), in a paragraph of their own, indented."""
        self.req("PP")
        self.req("RS", "4")
        self.req("EX")
        for part in text.split("\n"):
            self.lines.append(line(esc(part.rstrip())) if part.strip() else "\\&")
        self.req("EE")
        self.req("RE")

    def prose(self, text):
        """Help text (an abstract or a discussion): paragraphs at blank lines; an indented
        paragraph is kept as it is, a `-`/`*`/`•` list becomes a bulleted list."""
        for block in re.split(r"\n\s*\n", text.strip("\n")):
            rows = [r for r in block.split("\n") if r.strip()]
            if not rows:
                continue
            if all(r.startswith((" ", "\t")) for r in rows):
                indent = min(len(r) - len(r.lstrip()) for r in rows)
                self.verbatim("\n".join(r[indent:] for r in rows))
            elif re.match(r"\s*([-*•]|\d+[.)])\s", rows[0]) and all(
                re.match(r"\s*([-*•]|\d+[.)])\s", r) or r.startswith("  ") for r in rows
            ):
                items = []
                for r in rows:
                    m = re.match(r"\s*([-*•]|\d+[.)])\s+(.*)", r)
                    if m and not r.startswith("    "):
                        items.append([m.group(1), m.group(2)])
                    else:
                        items[-1][1] += " " + r.strip()
                for mark, body in items:
                    self.req("IP", "\\(bu" if mark in "-*•" else esc(mark), "4")
                    self.text(inline(body))
                self.req("PP")
            else:
                # A heading line followed by indented lines (papi's "Ví dụ:" and its example
                # commands): prose for the unindented runs, the indented runs kept line by line.
                runs = []
                for r in rows:
                    indented = r.startswith((" ", "\t"))
                    if runs and runs[-1][0] == indented:
                        runs[-1][1].append(r)
                    else:
                        runs.append((indented, [r]))
                for indented, run in runs:
                    if indented:
                        indent = min(len(r) - len(r.lstrip()) for r in run)
                        self.verbatim("\n".join(r[indent:] for r in run))
                    else:
                        self.req("PP")
                        self.text(inline(" ".join(run)))


# ---- the command tree -----------------------------------------------------------------------


def flag_name(name):
    dash = {"long": "--", "short": "-", "longWithSingleDash": "-"}[name["kind"]]
    return esc(dash + name["name"])


def shown(argument):
    return argument.get("shouldDisplay", True)


def is_help(argument):
    return argument["kind"] == "flag" and any(
        n["name"] == "help" and n["kind"] == "long" for n in argument.get("names") or []
    )


def is_version(argument):
    return argument["kind"] == "flag" and any(
        n["name"] == "version" and n["kind"] == "long" for n in argument.get("names") or []
    )


def visible_subcommands(command):
    return [
        c
        for c in command.get("subcommands") or []
        if c.get("shouldDisplay", True) and c["commandName"] != "help"
    ]


def options_of(command):
    """The arguments a command's entry lists: shown ones, without the `-h, --help` and
    `--version` every command has (said once, in DESCRIPTION)."""
    return [a for a in command.get("arguments") or [] if shown(a) and not is_help(a) and not is_version(a)]


def value_name(argument):
    return "\\fI" + esc(argument.get("valueName") or "value") + "\\fR"


def usage_item(argument):
    """One argument in a synopsis, e.g. `[\\-\\-format format]`, with unbreakable spaces."""
    if argument["kind"] == "positional":
        item = value_name(argument) + ("\\ ...\\&" if argument.get("isRepeating") else "")
    else:
        names = argument.get("names") or []
        preferred = argument.get("preferredName") or (names[0] if names else {"kind": "long", "name": "?"})
        item = "\\fB" + flag_name(preferred) + "\\fR"
        if argument["kind"] == "option":
            item += "\\ " + value_name(argument)
        if argument.get("isRepeating"):
            item += "\\ ...\\&"
    return "[" + item + "]" if argument.get("isOptional") else item


def synopsis(page, words, command):
    page.req("SY", arg(" ".join(words)))
    items = [usage_item(a) for a in options_of(command)]
    if visible_subcommands(command):
        items = ["\\fI" + esc(TEXT[LANG]["command"]) + "\\fR", "[\\fI" + esc(TEXT[LANG]["options"]) + "\\fR]"]
    for item in items:
        page.text(item)
    page.req("YS")


def option_entry(page, argument):
    t = TEXT[LANG]
    if argument["kind"] == "positional":
        tag = value_name(argument) + ("\\ ...\\&" if argument.get("isRepeating") else "")
    else:
        tag = ", ".join("\\fB" + flag_name(n) + "\\fR" for n in argument.get("names") or [])
        if argument["kind"] == "option":
            tag += " " + value_name(argument)
    page.tag(tag)
    body = inline(argument.get("abstract") or "")
    notes = []
    values = argument.get("allValues") or argument.get("allValueStrings")
    if values:
        notes.append(esc(t["values"]) + ": " + ", ".join("\\fB" + esc(v) + "\\fR" for v in values))
    if argument.get("defaultValue") not in (None, ""):
        notes.append(esc(t["default"]) + ": \\fB" + esc(argument["defaultValue"]) + "\\fR")
    if argument["kind"] == "option" and argument.get("isRepeating"):
        notes.append(esc(t["repeat"]))
    if notes:
        body = (body + " " if body else "") + "(" + "; ".join(notes) + ")"
    if body:
        page.text(body)
    descriptions = argument.get("allValueDescriptions") or {}
    for value in values or []:
        if descriptions.get(value):
            page.req("RS")
            page.req("TP", "4")
            page.lines.append(line("\\fB" + esc(value) + "\\fR"))
            page.text(inline(descriptions[value]))
            page.req("RE")
    if argument.get("discussion"):
        page.req("RS")
        page.prose(argument["discussion"])
        page.req("RE")


def command_entry(page, words, command):
    t = TEXT[LANG]
    page.req("SS", arg(" ".join(words)))
    synopsis(page, words, command)
    page.req("PP")
    abstract = inline(command.get("abstract") or "")
    if command.get("aliases"):
        names = ", ".join("\\fB" + esc(a) + "\\fR" for a in command["aliases"])
        abstract += " (" + esc(t["alias"]) + ": " + names + ")"
    page.text(abstract)
    if command.get("discussion"):
        page.prose(command["discussion"])
    section = None
    for argument in options_of(command):
        if argument.get("sectionTitle") and argument["sectionTitle"] != section:
            section = argument["sectionTitle"]
            page.req("PP")
            page.text("\\fI" + esc(section) + "\\fR")
        option_entry(page, argument)
    for sub in visible_subcommands(command):
        command_entry(page, words + [sub["commandName"]], sub)


# ---- the README's examples ------------------------------------------------------------------


def readme_examples(path):
    """(description, command) pairs from the README's ```sh blocks: the lines starting with
    `papi ` (a `$ ` prompt and `\\` continuations allowed; a `# …` line just before one is its
    description). Blocks under a quick start/examples heading first; if they hold no papi
    line, every block outside install/build/benchmark sections. Empty when nothing fits."""
    try:
        with open(path, encoding="utf-8") as f:
            rows = f.read().split("\n")
    except OSError as error:
        print(f"make-man.py: {path}: {error.strerror}; using the built-in examples", file=sys.stderr)
        return []
    blocks = []  # (heading, [lines])
    heading, fence, block = "", None, None
    for row in rows:
        if fence is None:
            m = re.match(r"\s{0,3}(```+|~~~+)\s*([\w+-]*)", row)
            if m:
                fence = m.group(1)
                block = [] if m.group(2).lower() in SHELL_FENCES else None
                continue
            m = re.match(r"#{1,6}\s+(.*)", row)
            if m:
                heading = m.group(1).strip()
        elif row.strip().startswith(fence[:3]) and row.strip().strip(fence[0]) == "":
            if block is not None:
                blocks.append((heading, block))
            fence, block = None, None
        elif block is not None:
            block.append(row)

    def papi_lines(block):
        found, comment, pending = [], None, ""
        for row in block:
            text = pending + row.strip()
            if text.endswith("\\"):
                pending = text[:-1].rstrip() + " "
                continue
            pending = ""
            if text.startswith("$ "):
                text = text[2:].lstrip()
            if text.startswith("#"):
                comment = text.lstrip("#").strip() or None
            elif text.startswith("papi "):
                found.append((comment, " ".join(text.split())))
                comment = None
            else:
                comment = None
        return found

    preferred = [e for h, b in blocks if EXAMPLE_HEADINGS.search(h) for e in papi_lines(b)]
    if preferred:
        return preferred[:MAX_EXAMPLES]
    return [e for h, b in blocks if not SKIPPED_HEADINGS.search(h) for e in papi_lines(b)][:MAX_EXAMPLES]


def examples(page, readme):
    t = TEXT[LANG]
    found = readme_examples(readme) if readme else []
    if not found:
        for description, command in t["builtin examples"]:
            page.req("PP")
            page.text(inline(description))
            page.verbatim("\n".join(wrap_command(c) for c in command.split("\n")))
        return
    page.req("PP")
    uses_samples = any("samples/" in command for _, command in found)
    page.text(inline(t["examples samples"] if uses_samples else t["examples intro"]))
    plain = []
    for description, command in found:
        if description:
            if plain:
                page.verbatim("\n".join(plain))
                plain = []
            page.req("PP")
            page.text(inline(description))
            page.verbatim(wrap_command(command))
        else:
            plain.append(wrap_command(command))
    if plain:
        page.verbatim("\n".join(plain))


# ---- the page -------------------------------------------------------------------------------


def labelled_list(page, entries, prefix, italic):
    for label, body in entries:
        font = "\\fI" if italic else "\\fB"
        page.tag(font + esc(label.format(prefix=prefix)) + "\\fR")
        page.text(inline(body.format(prefix=prefix)))


def man_page(tool, readme, version, date, prefix):
    t = TEXT[LANG]
    root = tool["command"]
    name = root["commandName"]
    other = {"vi": (name + ".en", "en"), "en": (name, "vi")}[LANG][0]
    page = Page()
    page.lines.append('.\\" -*- coding: UTF-8 -*-')
    page.lines.append('.\\" Written by Scripts/make-man.py from `' + name + ' --experimental-dump-help`; do not edit.')
    page.req("TH", arg(name.upper()), "1", '"' + date + '"', arg(f"{name} {version}".strip()), arg(t["manual"]))
    # No hyphenation: it would cut paths, commands and options (and English patterns would
    # cut Vietnamese syllables). groff's .YS and .EE turn it back on to the HY register.
    page.req("nr", "HY", "0")
    page.req("nh")

    page.req("SH", arg(t["NAME"]))
    page.text(esc(name) + " \\- " + inline(root.get("abstract") or ""))

    page.req("SH", arg(t["SYNOPSIS"]))
    page.req("SY", arg(name))
    page.text("\\fI" + esc(t["command"]) + "\\fR")
    page.text("[\\fI" + esc(t["options"]) + "\\fR]")
    page.req("YS")
    top = [a for a in root.get("arguments") or [] if shown(a)]
    for argument in top:
        if is_version(argument):
            page.req("SY", arg(name))
            page.text(usage_item(dict(argument, isOptional=False)))
            page.req("YS")
    page.req("SY", arg(name))
    page.text("[\\fI" + esc(t["command"]) + "\\fR]")
    page.text("\\fB\\-\\-help\\fR")
    page.req("YS")

    page.req("SH", arg(t["DESCRIPTION"]))
    page.prose(root.get("abstract") or "")
    if root.get("discussion"):
        page.prose(root["discussion"])
    if top:
        page.req("PP")
        page.text(inline(t["top options"]))
        for argument in top:
            option_entry(page, dict(argument, abstract=t.get(argument.get("abstract"), argument.get("abstract"))))
    page.req("PP")
    page.text(inline(t["help everywhere"]))

    page.req("SH", arg(t["COMMANDS"]))
    page.text(inline(t["commands intro"]))
    for sub in visible_subcommands(root):
        command_entry(page, [name, sub["commandName"]], sub)

    page.req("SH", arg(t["FILES"]))
    labelled_list(page, t["files"], prefix, italic=True)

    page.req("SH", arg(t["EXIT STATUS"]))
    labelled_list(page, t["exit"], prefix, italic=False)

    page.req("SH", arg(t["ENVIRONMENT"]))
    labelled_list(page, t["environment"], prefix, italic=False)

    page.req("SH", arg(t["EXAMPLES"]))
    examples(page, readme)

    page.req("SH", arg(t["SEE ALSO"]))
    page.tag("\\fB" + esc(other) + "\\fR(1)")
    page.text(inline(t["see also other"]))
    labelled_list(page, t["see also"], prefix, italic=True)
    return "\n".join(page.lines) + "\n"


def main():
    global LANG
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang", choices=sorted(TEXT), required=True, help="the language of the headings")
    parser.add_argument("--readme", help="the README whose ```sh blocks give the examples")
    parser.add_argument("--version", default="", help="papi's version, for the page footer")
    parser.add_argument("--prefix", default="/usr/local", help="where papi is installed (FILES)")
    parser.add_argument("--date", help="YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else today)")
    options = parser.parse_args()
    LANG = options.lang
    date = options.date
    if date and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        parser.error(f"--date {date}: not YYYY-MM-DD")
    if not date:
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        moment = (
            datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc)
            if epoch and epoch.isdigit()
            else datetime.datetime.now(datetime.timezone.utc)
        )
        date = moment.strftime("%Y-%m-%d")
    raw = sys.stdin.buffer.read()
    try:
        tool = json.loads(raw.decode("utf-8"))
        if tool.get("serializationVersion") != 0 or "commandName" not in tool.get("command", {}):
            raise ValueError("not ToolInfoV0 (serializationVersion 0 with a command)")
    except (ValueError, AttributeError, UnicodeDecodeError) as error:
        message = f"standard input is not the output of `papi --experimental-dump-help`: {error}"
        print("make-man.py: " + message, file=sys.stderr)
        sys.exit(1)
    page = man_page(tool, options.readme, options.version, date, options.prefix.rstrip("/") or "/")
    sys.stdout.buffer.write(page.encode("utf-8"))


LANG = "en"
if __name__ == "__main__":
    main()
