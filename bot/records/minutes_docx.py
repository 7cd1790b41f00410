"""Minutes as a Word document (python-docx), laid out from the same text as the Markdown minutes, on A4 with the
group and status in the header and page numbers in the footer (see docx_page)."""

from __future__ import annotations

import io
import re

from docx import Document
from docx.shared import Mm
from docx.text.paragraph import Paragraph

from bot.records import docx_template
from bot.records.docx_page import properties, set_up
from bot.records.filing import Filing

BOLD = re.compile(r"\*\*(.+?)\*\*")
# What XML 1.0, so a Word file, cannot hold. python-docx refuses it, so one such character anywhere in the record
# (kept before forms were checked as typed text is) made every Word and PDF copy of the minutes fail.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
UNREADABLE = "\ufffd"  # the replacement character, where the record holds one


def runs(paragraph: Paragraph, text: str) -> None:
    """Add `text` to `paragraph`, with **bold** spans bold."""
    for index, part in enumerate(BOLD.split(text)):
        if part:
            paragraph.add_run(part).bold = index % 2 == 1


def docx(minutes_markdown: str, filing: Filing, template: bytes | None = None) -> bytes:
    """The minutes (as `bot.records.minutes.markdown` writes them, or as approved) as .docx bytes: on the group's
    house template (its page, styles, header and footer) where it has one, else on govbot's A4 page."""
    if template is None:
        document = Document()
        set_up(document, filing)
    else:
        document = docx_template.on_template(template)
        docx_template.header_and_footer(document, filing)
        properties(document, filing)
    for line in NOT_XML.sub(UNREADABLE, minutes_markdown).splitlines():
        if not line.strip():
            continue
        level = len(line) - len(line.lstrip("#"))
        if level and line[level:level + 1] == " ":
            document.add_heading(line[level + 1:], level=0 if level == 1 else level - 1)
        elif line.startswith("- "):  # a labelled line ("Present: …"), set as a hanging paragraph, not a bullet
            paragraph = document.add_paragraph()
            paragraph.paragraph_format.left_indent = Mm(8)
            paragraph.paragraph_format.first_line_indent = Mm(-8)
            runs(paragraph, line[2:])
        elif line.startswith("_") and line.endswith("_"):
            document.add_paragraph().add_run(line.strip("_")).italic = True
        else:
            runs(document.add_paragraph(), line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
