"""Minutes as a Word document (python-docx), laid out from the same text as the Markdown minutes."""

from __future__ import annotations

import io
import re

from docx import Document
from docx.text.paragraph import Paragraph

BOLD = re.compile(r"\*\*(.+?)\*\*")


def runs(paragraph: Paragraph, text: str) -> None:
    """Add `text` to `paragraph`, with **bold** spans bold."""
    for index, part in enumerate(BOLD.split(text)):
        if part:
            paragraph.add_run(part).bold = index % 2 == 1


def docx(minutes_markdown: str) -> bytes:
    """The minutes (as `bot.records.minutes.markdown` writes them, or as approved) as .docx bytes."""
    document = Document()
    for line in minutes_markdown.splitlines():
        if not line.strip():
            continue
        level = len(line) - len(line.lstrip("#"))
        if level and line[level:level + 1] == " ":
            document.add_heading(line[level + 1:], level=level)
        elif line.startswith("- "):
            runs(document.add_paragraph(style="List Bullet"), line[2:])
        elif line.startswith("_") and line.endswith("_"):
            document.add_paragraph().add_run(line.strip("_")).italic = True
        else:
            runs(document.add_paragraph(), line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
