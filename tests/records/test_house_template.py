"""A group's own Word template for its minutes: named by the ToR file, checked when the ToR is loaded, and the
minutes filed on it (its page, styles, header and footer; govbot's content and the draft mark)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Mm, RGBColor
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.db import unit_of_work
from bot.errors import TermsError
from bot.models import Group, Meeting
from bot.records.minutes_file import minutes_file
from bot.services.context import Place
from bot.services.groups import bind_channel, import_group
from tests.conftest import Chat, example

RED = RGBColor(0xA0, 0x10, 0x10)


def house_template(folder: Path) -> Path:
    """A council's template as Word would save one: Letter-size page with 20 mm margins, Georgia text, dark red
    headings, a crest line and placeholders in the header, "OFFICIAL" in the footer, and sample body text."""
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(216), Mm(279)
    section.left_margin = section.right_margin = Mm(20)
    document.styles["Normal"].font.name = "Georgia"
    document.styles["Heading 1"].font.color.rgb = RED
    header = section.header
    header.paragraphs[0].text = "Southend-on-Sea City Council"
    placeholders = header.add_paragraph()
    for part in ("{{ gro", "up }} — {{meeting_date}}"):  # Word often splits a placeholder over runs
        placeholders.add_run(part)
    header.add_paragraph("{{ status }}")
    section.footer.paragraphs[0].text = "OFFICIAL"
    document.add_paragraph("Sample minutes text: delete before use.")
    path = folder / "house.docx"
    document.save(path)
    return path


def tor_naming(folder: Path, template: str, clause: str = "6.3") -> Path:
    text = example("cjcg").read_text(encoding="utf-8") + f"\nminutes: {{template: {template}, clause: \"{clause}\"}}\n"
    path = folder / "cjcg.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def load(sessions: sessionmaker[Session], chat: Chat, tor: Path) -> None:
    with unit_of_work(sessions) as session:
        group = import_group(session, tor.read_text(encoding="utf-8"), chat.now, source=str(tor), folder=tor.parent)
        bind_channel(session, group, Place("console", chat.channel), chat.now, actor_id=None)


def filed(sessions: sessionmaker[Session]) -> Document:
    with unit_of_work(sessions) as session:
        group = session.scalars(select(Group)).one()
        meeting = session.scalars(select(Meeting).where(Meeting.group_id == group.id)).one()
        return Document(io.BytesIO(minutes_file(session, group, meeting).as_docx()))


def test_minutes_are_filed_on_the_groups_house_template(chat: Chat, sessions: sessionmaker[Session],
                                                        tmp_path: Path) -> None:
    house_template(tmp_path)
    load(sessions, chat, tor_naming(tmp_path, "house.docx"))
    chat.ok("alice", "meeting schedule 2026-12-10 10:00 --where \"Civic Centre\"")
    chat.ok("alice", "agenda add \"Joint action plan\"")
    document = filed(sessions)
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.left_margin.mm)) == (216, 20), "the template's page"
    assert document.styles["Normal"].font.name == "Georgia"
    assert document.styles["Heading 1"].font.color.rgb == RED
    assert [p.text for p in section.header.paragraphs] == [
        "Southend-on-Sea City Council", "Children's Joint Commissioning Group — 10 December 2026",
        "DRAFT — not approved"]
    assert [p.text for p in section.footer.paragraphs] == ["OFFICIAL"]
    text = [p.text for p in document.paragraphs]
    assert "Sample minutes text: delete before use." not in text, "the template's sample text is not minuted"
    assert text[0] == "Minutes of Children's Joint Commissioning Group: meeting 1"
    assert "1. Joint action plan" in text and "Place: Civic Centre" in text
    assert document.core_properties.title.startswith("Minutes of Children's Joint Commissioning Group")
    chat.ok("alice", "meeting open --confirm")
    chat.ok("alice", "meeting close")
    chat.ok("alice", "minutes approve 1")
    status = filed(sessions).sections[0].header.paragraphs[2].text
    assert status.startswith("Approved on ") and " by alice (Southend City Council)" in status


def test_a_template_without_a_status_placeholder_still_marks_the_draft(chat: Chat, sessions: sessionmaker[Session],
                                                                        tmp_path: Path) -> None:
    """A template made in Word without placeholders, and without Word's heading styles, files the minutes with
    the draft mark added to its header and "Page X of Y" in its empty footer."""
    document = Document()
    document.sections[0].header.paragraphs[0].text = "Southend-on-Sea City Council"
    styles = document.styles.element
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3"):
        styles.remove(document.styles[name].element)
    document.save(tmp_path / "plain.docx")
    load(sessions, chat, tor_naming(tmp_path, "plain.docx"))
    chat.ok("alice", "meeting schedule 2026-12-10 10:00")
    minutes = filed(sessions)
    header = [p.text for p in minutes.sections[0].header.paragraphs]
    assert header == ["Southend-on-Sea City Council", "DRAFT — not approved"]
    assert minutes.sections[0].footer.paragraphs[0].text == "Page 1 of 1"
    assert minutes.paragraphs[0].style is not None and minutes.paragraphs[0].style.name == "Title"


@pytest.mark.parametrize(("make", "said"), [
    (lambda folder: None, "cannot read missing.docx (No such file or directory)"),
    (lambda folder: (folder / "missing.docx").write_text("not a Word file"), "it is not a Word document or template"),
])
def test_a_missing_or_broken_template_is_refused_when_the_tor_is_loaded(
        chat: Chat, sessions: sessionmaker[Session], tmp_path: Path, make: object, said: str) -> None:
    make(tmp_path)  # type: ignore[operator]
    tor = tor_naming(tmp_path, "missing.docx", clause="6.3")
    with pytest.raises(TermsError) as refused:
        load(sessions, chat, tor)
    message = str(refused.value)
    assert message.startswith(f"{tor}: minutes.template (ToR 6.3): ") and said in message
    assert ".docx or .dotx" in message, "says what would work"
    with unit_of_work(sessions) as session:
        assert session.scalars(select(Group)).all() == [], "nothing is loaded"


def test_a_dotx_template_is_taken_as_word_saves_it(chat: Chat, sessions: sessionmaker[Session],
                                                   tmp_path: Path) -> None:
    """Councils keep house templates as .dotx; the file differs from a .docx only in its declared content type."""
    import zipfile

    house_template(tmp_path)
    with zipfile.ZipFile(tmp_path / "house.docx") as docx, zipfile.ZipFile(tmp_path / "house.dotx", "w") as dotx:
        for entry in docx.infolist():
            data = docx.read(entry)
            if entry.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            dotx.writestr(entry, data)
    load(sessions, chat, tor_naming(tmp_path, "house.dotx"))
    chat.ok("alice", "meeting schedule 2026-12-10 10:00")
    assert filed(sessions).styles["Normal"].font.name == "Georgia"
