#!/usr/bin/env python3
"""What python-docx reads in a .docx file, as JSON, for the tests (DocxOutputTests) to check.

    .build/test-venv/bin/python Scripts/read-docx.py FILE.docx

The sections' page setup (size, orientation, margins in millimetres, a first page of its
own), the default and named styles (font, size, bold), every paragraph (style and text) and
every table (whether its first row repeats on each page, and its rows' texts), and the text
of the header of pages 2 onwards. python-docx's warnings are errors: exit status 1."""
import json
import sys
import warnings

import docx
from docx.oxml.ns import qn


def mm(length):
    return None if length is None else round(length.mm, 1)


def main(path):
    warnings.simplefilter("error")
    document = docx.Document(path)
    sections = []
    for section in document.sections:
        sections.append({
            "width": mm(section.page_width), "height": mm(section.page_height),
            "landscape": section.orientation == docx.enum.section.WD_ORIENT.LANDSCAPE,
            "top": mm(section.top_margin), "bottom": mm(section.bottom_margin),
            "left": mm(section.left_margin), "right": mm(section.right_margin),
            "firstPageOwn": section.different_first_page_header_footer,
            "header": " ".join(p._p.xml.count("PAGE") and "PAGE" or p.text for p in section.header.paragraphs),
        })
    styles = {}
    for name in ["Normal", "Title", "Heading 1", "Heading 2", "Heading 3"]:
        style = document.styles[name]
        styles[name] = {
            "font": style.font.name, "size": style.font.size.pt if style.font.size else None,
            "bold": bool(style.font.bold),
        }
    defaults = document.styles.element.find(qn("w:docDefaults"))
    fonts = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:rFonts"))
    size = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:sz"))
    paragraphs = [{"style": p.style.name, "text": p.text} for p in document.paragraphs]
    tables = []
    for table in document.tables:
        first = table.rows[0]._tr
        repeats = first.trPr is not None and first.trPr.find(qn("w:tblHeader")) is not None
        tables.append({"headerRepeats": repeats, "rows": [[c.text for c in r.cells] for r in table.rows]})
    print(json.dumps({
        "sections": sections, "styles": styles,
        "defaultFont": fonts.get(qn("w:ascii")), "defaultSize": int(size.get(qn("w:val"))) / 2,
        "title": document.core_properties.title, "language": document.core_properties.language,
        "paragraphs": paragraphs, "tables": tables,
    }, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
