#!/usr/bin/env python3
"""Checks the PAR INDEX data files that the Swift loader does not (yet) check together.

For every questionnaires/par-*.yaml (`kind: par`): codes unique; a criterion has `max` or
sub-criteria; a parent's stated `max` equals the sum of its children's; the fields add up to the
set's `scale`; thresholds descend and give no more than the criterion's max; every `offices`
entry and every text is Unicode NFC.

For the task catalogue (questionnaires/papi-tasks.yaml): every office a task names (`lead`,
`support`) is in `offices:`; every `since_2025` office list names offices of `offices:`; task ids
are unique; a `survey: par` task's `applies_to` codes exist in the set its `criteria:` names, and
without `criteria:` they are field codes "1".."8" (the national structure). Any file given on the
command line is checked instead of the defaults (a par set or a catalogue, told apart by `kind`
and `tasks`). Prints one line per problem; exit status 1 when there is any. A set's default office
that is not an office of the catalogue is printed as a note only: results may name offices as
the documents write them, but such an office gets no `since_2025` successor in a plan.

Run from the repository root: python3 Scripts/check-par-data.py
"""
import glob
import sys
import unicodedata

import yaml

problems = []
notes = []


def problem(path, text):
    problems.append(f"{path}: {text}")


def check_nfc(path, node, where="root"):
    if isinstance(node, str):
        if unicodedata.normalize("NFC", node) != node:
            problem(path, f"{where}: text not in NFC: {node[:40]!r}")
    elif isinstance(node, dict):
        for key, value in node.items():
            check_nfc(path, value, f"{where}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            check_nfc(path, value, f"{where}[{index}]")


def walk(path, node, codes, leaves, office_names):
    """Returns the node's total maximum, checking it and its children."""
    code = str(node.get("code"))
    if code in codes:
        problem(path, f"duplicate code {code}")
    codes.add(code)
    for office in node.get("offices", []) or []:
        office_names.append((code, office))
    children = node.get("criteria")
    if children:
        total = sum(walk(path, child, codes, leaves, office_names) for child in children)
        if "max" in node and abs(node["max"] - total) > 1e-9:
            problem(path, f"{code}: stated max {node['max']} but its children add to {total:g}")
        if "rule" in node:
            problem(path, f"{code}: a parent has a rule (rules are for leaves)")
        return total
    if "max" not in node:
        problem(path, f"{code}: a leaf without max")
        return 0
    if node["max"] <= 0:
        problem(path, f"{code}: max {node['max']} is not positive")
    leaves.append(code)
    rule = node.get("rule") or {}
    thresholds = rule.get("thresholds")
    if thresholds:
        ratios = [pair[0] for pair in thresholds]
        if ratios != sorted(ratios, reverse=True):
            problem(path, f"{code}: thresholds do not descend")
        if any(pair[1] > node["max"] for pair in thresholds):
            problem(path, f"{code}: a threshold gives more than the max {node['max']}")
    return node["max"]


def check_par_set(path, data):
    check_nfc(path, data)
    codes, leaves, office_names = set(), [], []
    total = sum(walk(path, field, codes, leaves, office_names) for field in data.get("fields", []))
    scale = data.get("scale", 100)
    if abs(total - scale) > 1e-9:
        problem(path, f"the fields add to {total:g}, not the scale {scale}")
    return {"codes": codes, "leaves": leaves, "offices": office_names}


def check_catalogue(path, data, sets):
    check_nfc(path, data)
    names = [office["name"] for office in data.get("offices", [])]
    known = set(names)
    for name in names:
        if names.count(name) > 1:
            problem(path, f"office listed twice: {name}")
    for office in data.get("offices", []):
        since = office.get("since_2025")
        if isinstance(since, dict):
            for level, listed in since.items():
                for name in listed:
                    if name not in known:
                        problem(path, f"office {office['name']}: since_2025.{level} names unknown office {name}")
    ids = set()
    for task in data.get("tasks", []):
        task_id = task.get("id")
        if task_id in ids:
            problem(path, f"duplicate task id {task_id}")
        ids.add(task_id)
        for name in [task.get("lead")] + list(task.get("support", []) or []):
            if name not in known:
                problem(path, f"{task_id}: unknown office {name!r}")
        if task.get("survey") != "par":
            continue
        criteria = task.get("criteria")
        for code in task.get("applies_to", []):
            if criteria is None:
                if str(code) not in [str(n) for n in range(1, 9)]:
                    problem(path, f"{task_id}: {code} is not a field code and the task names no criteria set")
            elif criteria not in sets:
                problem(path, f"{task_id}: criteria set {criteria} not found")
            elif str(code) not in sets[criteria]["codes"]:
                problem(path, f"{task_id}: {code} is not a code of {criteria}")
    # Other spellings of an office (`also:`) are that office.
    also = {other for office in data.get("offices", []) for other in office.get("also", []) or []}
    for set_id, info in sets.items():
        for code, office in info["offices"]:
            if office not in known and office not in also:
                notes.append(f"note: {set_id} {code}: default office {office!r} is not an office of the catalogue")


def main(arguments):
    paths = arguments or sorted(glob.glob("questionnaires/par-*.yaml")) + ["questionnaires/papi-tasks.yaml"]
    loaded = {}
    for path in paths:
        try:
            loaded[path] = yaml.safe_load(open(path, encoding="utf-8"))
        except (OSError, yaml.YAMLError) as error:
            problem(path, f"not readable YAML: {error}")
    sets = {}
    for path, data in loaded.items():
        if isinstance(data, dict) and data.get("kind") == "par":
            sets[data.get("id")] = check_par_set(path, data)
    if arguments:
        for path in sorted(glob.glob("questionnaires/par-*.yaml")):
            if path not in loaded:
                data = yaml.safe_load(open(path, encoding="utf-8"))
                sets.setdefault(data.get("id"), check_par_set(path, data))
    for path, data in loaded.items():
        if isinstance(data, dict) and "tasks" in data:
            check_catalogue(path, data, sets)
    for line in problems + notes:
        print(line)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
