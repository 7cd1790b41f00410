"""The group page in a real browser: a member's personal link, the record on the page, the minutes' Word file,
refusals, and an axe-core accessibility check; screenshots at desktop and phone widths are kept as artefacts."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from docx import Document
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.db import unit_of_work
from bot.models import Group
from bot.records import registers
from bot.records.page_links import issue
from bot.services.context import Speaker, person_for
from bot.settings import Settings
from tests.conftest import Chat, Clock
from tests.web.browser import browser, serving
from tests.web.pages import SECRET, link_for, minuted_cjcg

__all__ = ["browser"]
CHAIR = "Cllr Jane Smith (Southend City Council)"


def artefacts(tmp_path: Path) -> Path:
    """Where screenshots go: $GOVBOT_ARTEFACTS (CI keeps it) or the test's tmp dir."""
    folder = Path(os.environ.get("GOVBOT_ARTEFACTS") or tmp_path / "artefacts")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_a_member_reads_the_record_downloads_the_minutes_and_the_page_is_accessible(
        browser: Any, named_cjcg: Callable[[], Chat], sessions: sessionmaker[Session], page_settings: Settings,
        tmp_path: Path) -> None:
    chat = minuted_cjcg(named_cjcg())
    link = link_for(chat, "bob")
    with unit_of_work(sessions) as session:
        group = session.scalars(select(Group).where(Group.short_name == "cjcg")).one()
        decisions, interests = registers.decisions(session, group), registers.interests(session, group)
    with serving(page_settings, sessions, Clock(chat.now)) as base:
        context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
        page = context.new_page()
        page.goto(base + link)
        assert page.url == base + "/groups/cjcg/", "the personal link is taken out of the address bar"
        assert page.locator("h1").inner_text() == "Children's Joint Commissioning Group"
        meeting = page.locator("#meeting-1")
        assert "Meeting 1: Thu 10 Dec 2026, 10:00 GMT (closed)" in meeting.inner_text()
        assert "Minutes: DRAFT — not approved" in meeting.inner_text()
        assert f"Present: {CHAIR}, bob (Southend City Council)" in meeting.inner_text()
        assert "Apologies: carol (Southend City Council) — annual leave, deputy yan attended; dan (Southend City Council)" \
            in meeting.inner_text()
        rows = page.locator("#decisions-table tbody tr")
        assert rows.count() == len(decisions.rows)
        assert [rows.nth(i).locator("td").nth(8).inner_text() for i in range(rows.count())] == \
            [row[8] for row in decisions.rows]
        assert page.locator("#interests-table tbody tr").count() == len(interests.rows)
        assert page.locator("#attendance svg rect").count() > 0
        page.screenshot(path=str(artefacts(tmp_path) / "group-page-desktop.png"), full_page=True)
        meeting.scroll_into_view_if_needed()
        page.screenshot(path=str(artefacts(tmp_path) / "group-page-meeting.png"))
        with page.expect_download() as download:
            meeting.get_by_role("link", name="Word (DOCX) of meeting 1").click()
        saved = tmp_path / "minutes.docx"
        download.value.save_as(saved)
        from axe_playwright_python.sync_playwright import Axe

        results = Axe().run(page)
        serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
        assert serious == [], results.generate_report()
        page.set_viewport_size({"width": 390, "height": 844})
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, "no sideways scroll on a phone"
        page.screenshot(path=str(artefacts(tmp_path) / "group-page-phone.png"), full_page=True)
        context.close()
    check_minutes(saved)


def check_minutes(path: Path) -> None:
    """The Word file as a council files it: A4, header and footer, names not ids, a signature block."""
    document = Document(str(path))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)  # A4, in twips
    assert [p.text for p in section.header.paragraphs] == [
        "Children's Joint Commissioning Group — 10 December 2026", "DRAFT — not approved"]
    footer = section.footer.paragraphs[0]._p.xml
    assert "PAGE" in footer and "NUMPAGES" in footer and "Page " in section.footer.paragraphs[0].text
    text = "\n".join(p.text for p in document.paragraphs)
    assert f"Chair: {CHAIR}" in text and "alice" not in text
    assert "1. Joint action plan 2027-29" in text and "Resolved: That the joint action plan 2027-29 be approved." \
        in text
    assert "Signed: ________________________________ (Chair)" in text and f"Name: {CHAIR}" in text
    assert document.core_properties.title.startswith("Minutes of Children's Joint Commissioning Group: meeting 1")
    assert document.core_properties.author != "python-docx"


def test_expired_and_non_member_links_are_refused_and_a_confidential_group_shows_nothing(
        browser: Any, named_cjcg: Callable[[], Chat], sessions: sessionmaker[Session], page_settings: Settings) -> None:
    chat = named_cjcg()
    link = link_for(chat, "bob")
    with unit_of_work(sessions) as session:
        outsider = person_for(session, Speaker("console", "zed", "zed")).id
    stranger = f"/groups/cjcg/?t={issue(SECRET, 'cjcg', outsider, chat.now + dt.timedelta(hours=1))}"
    clock = Clock(chat.now)
    with serving(page_settings, sessions, clock) as base:
        context = browser.new_context()
        page = context.new_page()
        for path in (stranger, "/groups/cjcg/"):
            page.goto(base + path)
            assert page.locator("h1").inner_text() == "No page here"
            assert "Joint Commissioning" not in page.content()
        clock.now += dt.timedelta(hours=page_settings.page_link_hours, minutes=1)
        page.goto(base + link)
        assert page.locator("h1").inner_text() == "No page here", "an expired link opens nothing"
        context.close()
