#!/usr/bin/env python3
"""What openpyxl reads in an .xlsx file, as JSON, for the tests (XlsxOutputTests) to check.

    .build/test-venv/bin/python Scripts/read-xlsx.py FILE.xlsx

For each sheet: its name, the frozen panes, the auto filter's range, the column widths, and
every row's cells as value, Python type and number format (dates as ISO text). openpyxl's
warnings (a part it cannot read, a style it does not know) are errors: exit status 1."""
import datetime
import json
import sys
import warnings

import openpyxl


def cell(c):
    value = c.value
    if isinstance(value, datetime.datetime):
        shown = value.isoformat()
    else:
        shown = value
    return {"value": shown, "type": type(value).__name__, "format": c.number_format, "bold": bool(c.font.b)}


def main(path):
    warnings.simplefilter("error")
    book = openpyxl.load_workbook(path)
    sheets = []
    for sheet in book.worksheets:
        sheets.append(
            {
                "name": sheet.title,
                "freezePanes": sheet.freeze_panes,
                "autoFilter": sheet.auto_filter.ref,
                "widths": {key: dim.width for key, dim in sorted(sheet.column_dimensions.items()) if dim.customWidth},
                "rows": [[cell(c) for c in row] for row in sheet.iter_rows()],
            }
        )
    json.dump(
        {"title": book.properties.title, "language": book.properties.language, "sheets": sheets},
        sys.stdout,
        ensure_ascii=False,
    )


if __name__ == "__main__":
    main(sys.argv[1])
