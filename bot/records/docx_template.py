"""Minutes on a group's house template: the template's page, styles, header and footer, with govbot's content.

The template's header and footer may say `{{ group }}`, `{{ meeting_date }}`, `{{ status }}` and `{{ title }}`;
a header that does not say `{{ status }}` gets the status added, so draft minutes are never filed unmarked, and an
empty header or footer gets govbot's own (the group and date; "Page X of Y")."""

from __future__ import annotations

import copy
import io
import re

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.section import _Footer, _Header
from docx.text.paragraph import Paragraph

from bot.records.docx_page import page_numbers
from bot.records.filing import Filing

PLACEHOLDER = re.compile(r"\{\{\s*(group|meeting_date|status|title)\s*\}\}")
STYLES = ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3")  # what the minutes' lines are set in


def on_template(template: bytes) -> WordDocument:
    """The template opened as the minutes' document: its body emptied (sample text goes; the page setup, kept in
    the body's last section properties, stays), and any style the minutes use that it lacks taken from Word's
    defaults, as Word itself adds a built-in style when it is first used."""
    document = Document(io.BytesIO(template))
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    defaults = Document().styles
    names = {style.name for style in document.styles}
    for name in STYLES:
        if name not in names:
            document.styles.element.append(copy.deepcopy(defaults[name].element))
    return document


def fill(paragraph: Paragraph, filing: Filing) -> None:
    """Put the filing's words in place of the paragraph's placeholders, keeping the first run's formatting (Word
    may split `{{ group }}` over several runs)."""
    text = paragraph.text
    if not PLACEHOLDER.search(text):
        return
    filled = PLACEHOLDER.sub(lambda match: str(getattr(filing, match.group(1))), text)
    runs = paragraph.runs
    runs[0].text = filled
    for run in runs[1:]:
        run.text = ""


def paragraphs(part: _Header | _Footer) -> list[Paragraph]:
    return [*part.paragraphs, *(p for table in part.tables for row in table.rows for cell in row.cells
                                for p in cell.paragraphs)]


def empty(part: _Header | _Footer) -> bool:
    return part.is_linked_to_previous or not any(p.text.strip() for p in paragraphs(part)) and not part.tables


def header_and_footer(document: WordDocument, filing: Filing) -> None:
    """Fill the template's header and footer, adding the status, or govbot's own where the template has none."""
    section = document.sections[0]
    headers = [section.header] + ([section.first_page_header] if section.different_first_page_header_footer else [])
    footers = [section.footer] + ([section.first_page_footer] if section.different_first_page_header_footer else [])
    for header in headers:
        if empty(header):
            header.is_linked_to_previous = False
            header.paragraphs[0].text = f"{filing.group} — {filing.meeting_date}"
        said = any("status" in PLACEHOLDER.findall(p.text) for p in paragraphs(header))
        for paragraph in paragraphs(header):
            fill(paragraph, filing)
        if not said:
            status = header.add_paragraph()
            status.add_run(filing.status).bold = True
            status.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for footer in footers:
        if empty(footer):
            footer.is_linked_to_previous = False
            page_numbers(footer.paragraphs[0])
        for paragraph in paragraphs(footer):
            fill(paragraph, filing)
