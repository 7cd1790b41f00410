"""The Word minutes as a council files them, read back with python-docx; the PDF where LibreOffice is installed."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections.abc import Callable

import pytest
from docx import Document
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.db import unit_of_work
from bot.models import Group, Meeting
from bot.records.minutes_file import as_pdf, minutes_file, pdf_available
from tests.conftest import Chat


def filed(sessions: sessionmaker[Session]) -> tuple[bytes, str]:
    with unit_of_work(sessions) as session:
        group = session.scalars(select(Group)).one()
        meeting = session.scalars(select(Meeting).where(Meeting.group_id == group.id, Meeting.number == 1)).one()
        minutes = minutes_file(session, group, meeting)
        return minutes.as_docx(), minutes.text


def test_draft_then_approved_minutes_say_so_in_the_header_on_a4_with_page_fields(
        recorded: Callable[[str], Chat], sessions: sessionmaker[Session]) -> None:
    chat = recorded("lieg")
    document = Document(io.BytesIO(filed(sessions)[0]))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert [p.text for p in section.header.paragraphs] == ["London Information Exchange Group — 10 December 2026",
                                                           "DRAFT — not approved"]
    footer = section.footer.paragraphs[0]
    assert footer.text.startswith("Page 1 of 1") and re.search(r"instrText[^>]*> PAGE <", footer._p.xml)
    assert re.search(r"instrText[^>]*> NUMPAGES <", footer._p.xml)
    properties = document.core_properties
    assert properties.title == "Minutes of London Information Exchange Group: meeting 1, 10 December 2026"
    assert properties.author and properties.author != "python-docx" and properties.created.year == 2026
    headings = {p.style.name for p in document.paragraphs if p.style is not None}
    for name in ("Title", "Heading 1", "Heading 2"):  # Arial as set, not the theme's Calibri Light over it, in black
        style = document.styles[name].element.xml
        assert 'w:ascii="Arial"' in style and "Theme=" not in style, f"{name} takes a theme font or colour"
    assert "List Bullet" not in headings, "labelled lines are plain paragraphs, not bullets"
    chat.ok("alice", "minutes approve 1")
    approved = Document(io.BytesIO(filed(sessions)[0])).sections[0].header.paragraphs[1].text
    assert approved.startswith("Approved on ") and " by alice (Barnet)" in approved


@pytest.mark.skipif(not pdf_available() or shutil.which("pdftotext") is None,
                    reason="LibreOffice (soffice) or poppler's pdftotext is not installed: no PDF to check")
def test_the_pdf_is_a4_with_every_page_numbered_and_marked_draft(recorded: Callable[[str], Chat],
                                                               sessions: sessionmaker[Session]) -> None:
    recorded("cjcg")
    pdf = as_pdf(filed(sessions)[0])
    assert pdf is not None and pdf.startswith(b"%PDF")
    boxes = re.findall(rb"/MediaBox\s*\[\s*([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+)", pdf)
    assert boxes and {(round(float(w)), round(float(h))) for _, _, w, h in boxes} == {(595, 842)}, "A4 portrait"
    pages = int(re.findall(rb"/Type\s*/Pages\b.*?/Count\s+(\d+)", pdf, re.S)[0])
    assert pages >= 2, "the CJCG meeting's minutes run over a page"
    text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True).stdout
    sheets = text.decode("utf-8").split("\f")[:pages]
    for number, sheet in enumerate(sheets, start=1):
        assert "DRAFT — not approved" in sheet and f"Page {number} of {pages}" in sheet, sheet
    assert "Signed as a correct record" in sheets[-1]
