#!/usr/bin/env python3
"""The style swift-format cannot enforce by itself: no line over 120 characters (it does
not break string literals or comments), and a doc comment on every public type."""
import glob
import re
import sys

problems = []
files = sorted(
    glob.glob("Sources/**/*.swift", recursive=True)
    + glob.glob("Tests/**/*.swift", recursive=True)
    + glob.glob("Fuzz/Sources/**/*.swift", recursive=True)
)
for path in files + ["Package.swift"]:
    lines = open(path, encoding="utf-8").read().split("\n")
    for number, line in enumerate(lines, 1):
        if len(line) > 120:
            problems.append(f"{path}:{number}: {len(line)} characters (at most 120)")
        if path.startswith("Sources/") and re.match(r"\s*public (final class|class|struct|enum|protocol|typealias) ", line):
            previous = number - 2
            while previous >= 0 and (lines[previous].strip().startswith("@") or lines[previous].strip().startswith("// swift-format")):
                previous -= 1
            if previous < 0 or not lines[previous].strip().startswith("///"):
                problems.append(f"{path}:{number}: a public type without a /// summary: {line.strip()}")
for problem in problems:
    print(problem)
sys.exit(1 if problems else 0)
