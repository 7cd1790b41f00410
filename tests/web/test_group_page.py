"""The group page over HTTP: who may open it (a personal link, for a member, until it expires; public pages for
all; confidential groups nothing to anyone else), the session cookie, and the minutes downloads."""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer
from docx import Document
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.db import unit_of_work
from bot.models import Group, Interest
from bot.records.calendar_feed import feed_token
from bot.settings import Settings
from govbot.serve import build_web_app
from tests.conftest import Chat
from tests.test_seeds_l import lieg_motion_tabled, lieg_opened
from tests.web.pages import link_for, minuted_cjcg


def fetch(settings: Settings, sessions: sessionmaker[Session], now: dt.datetime, *paths: str,
          cookie: str | None = None) -> list[Any]:
    """GET each path in turn, sending `cookie` if given; (status, headers, body) of each. Redirects are not
    followed, so a test sees the cookie a link sets."""

    async def call() -> list[Any]:
        app = build_web_app(settings, sessions, lambda: now)
        results = []
        async with TestClient(TestServer(app)) as client:
            for path in paths:
                response = await client.get(path, allow_redirects=False,
                                            headers={"Cookie": cookie} if cookie else None)
                results.append((response.status, response.headers, await response.read()))
        return results

    return asyncio.run(call())


def test_a_members_link_opens_the_page_once_then_the_session_cookie_carries_it(
        recorded: Callable[[str], Chat], sessions: sessionmaker[Session], page_settings: Settings) -> None:
    chat = minuted_cjcg(recorded("cjcg"))
    link = link_for(chat, "bob")
    [(status, headers, _)] = fetch(page_settings, sessions, chat.now, link)
    assert status == 303 and headers["Location"] == "/groups/cjcg/", "the link is taken out of the address"
    cookie = headers["Set-Cookie"]
    assert cookie.startswith("govbot_page=") and "Secure" in cookie and "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie and "Path=/groups/cjcg/" in cookie
    [(status, headers, body)] = fetch(page_settings, sessions, chat.now, "/groups/cjcg/",
                                      cookie=cookie.split(";")[0])
    assert status == 200, body
    page = body.decode()
    assert "Meeting 1: Thu 10 Dec 2026, 10:00 GMT (closed)" in page
    assert "Minutes: DRAFT — not approved" in page
    # the page lists declarations as the minutes do, by item (tests/records/test_records13.py)
    assert re.search(r"<strong>Item 2 \([^)]*\):</strong> bob \(Southend City Council\): personal: My sister "
                     r"manages a provider", page), page
    assert "That the joint action plan 2027-29 be approved." in page
    assert "carried: 2 for, 1 against, 0 abstaining" in page
    assert page.count('class="tally"') == 2 and 'aria-label="Votes on motion 1: For 2, Against 1, Abstain 0"' in page
    assert headers["Referrer-Policy"] == "no-referrer" and "default-src 'none'" in headers["Content-Security-Policy"]


def test_expired_foreign_and_former_members_links_are_refused(
        recorded: Callable[[str], Chat], sessions: sessionmaker[Session], page_settings: Settings) -> None:
    chat = recorded("cjcg")
    bob, carol = link_for(chat, "bob"), link_for(chat, "carol")
    later = chat.now + dt.timedelta(hours=page_settings.page_link_hours, seconds=1)
    [(expired, _, body)] = fetch(page_settings, sessions, later, bob)
    assert expired == 404 and b"say `page`" in body  # a confidential group: as if there were no page
    assert "is confidential (ToR 6.7-6.9): only its members and their deputies see anything of it" in chat.refused("zed", "page").text
    forged = bob.replace("?t=", "?t=x")
    chat.ok("alice", "member remove @carol")
    results = fetch(page_settings, sessions, chat.now, forged, carol, "/groups/cjcg/", "/groups/nosuch/")
    assert [r[0] for r in results] == [404, 404, 404, 404]
    assert len({r[2] for r in results}) == 1, "a confidential group's answer must not differ from no group"


def test_a_members_page_asks_for_a_link_and_a_public_page_is_open_to_all(
        chat: Chat, sessions: sessionmaker[Session], page_settings: Settings) -> None:
    chat.load("lieg")  # its ToR says nothing of public meetings: members only, but not confidential
    [(status, _, body)] = fetch(page_settings, sessions, chat.now, "/groups/lieg/")
    assert status == 403 and b"say `page` to the bot" in body
    assert "works until" in chat.ok("alice", "page").text
    from tests.web.public import load_public_group

    load_public_group(chat)
    [(status, _, body)] = fetch(page_settings, sessions, chat.now, "/groups/openboard/")
    assert status == 200 and b"This page is public, as the group&#39;s meetings are public (ToR 9)" in body
    assert "http://localhost/groups/openboard/" in chat.ok("alice", "page").text


def test_the_minutes_download_as_a_council_files_them(
        recorded: Callable[[str], Chat], sessions: sessionmaker[Session], page_settings: Settings) -> None:
    chat = minuted_cjcg(recorded("cjcg"))
    link = link_for(chat, "alice")
    draft, md = fetch(page_settings, sessions, chat.now, link.replace("/?t=", "/meetings/1/minutes.docx?t="),
                      link.replace("/?t=", "/meetings/1/minutes.md?t="))
    assert draft[0] == 200 and 'filename="cjcg-meeting-1-minutes.docx"' in draft[1]["Content-Disposition"]
    document = Document(io.BytesIO(draft[2]))
    header = [p.text for p in document.sections[0].header.paragraphs]
    assert header == ["Children's Joint Commissioning Group — 10 December 2026", "DRAFT — not approved"]
    assert "### 1. Joint action plan 2027-29" in md[2].decode()
    chat.ok("alice", "minutes approve 1")
    [approved] = fetch(page_settings, sessions, chat.now, link.replace("/?t=", "/meetings/1/minutes.docx?t="))
    header = [p.text for p in Document(io.BytesIO(approved[2])).sections[0].header.paragraphs]
    assert header[1] == "Approved on 1 Dec 2026 by alice (Southend City Council)"


def test_the_pdf_is_said_plainly_to_be_unavailable_where_libreoffice_is_not_installed(
        recorded: Callable[[str], Chat], sessions: sessionmaker[Session], page_settings: Settings,
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    chat = minuted_cjcg(recorded("cjcg"))
    link = link_for(chat, "alice")
    pdf = link.replace("/?t=", "/meetings/1/minutes.pdf?t=")
    # Where LibreOffice is installed the PDF is downloaded, named and typed as a PDF: checked by
    # tests/web/test_pdf_load.py's two members downloading it at once (one conversion, ~1.5 s of CPU, not two)
    monkeypatch.setenv("PATH", str(tmp_path))  # a server without LibreOffice
    [(status, _, body)] = fetch(page_settings, sessions, chat.now, pdf)
    assert status == 404 and "LibreOffice (soffice) is not installed. Download the Word document." in body.decode()
    [(_, headers, _)] = fetch(page_settings, sessions, chat.now, link)
    [(_, _, page)] = fetch(page_settings, sessions, chat.now, "/groups/cjcg/",
                           cookie=headers["Set-Cookie"].split(";")[0])
    assert "(PDF: not available on this server, LibreOffice is not installed)" in page.decode()


def test_minutes_whose_record_holds_a_control_character_still_download_as_word(
        recorded: Callable[[str], Chat], sessions: sessionmaker[Session], page_settings: Settings) -> None:
    """A record kept before forms were checked as typed text (tests/slack/test_forms.py) may hold a control
    character, which a Word file cannot: the download was a 500 for every member, for good. It is filed with the
    character shown as unreadable (�), the rest as it was."""
    chat = minuted_cjcg(recorded("cjcg"))
    with unit_of_work(sessions) as session:
        interest = session.scalars(select(Interest).where(Interest.description.is_not(None))).first()
        assert interest is not None and interest.description is not None
        interest.description = "My sister\x07 manages a provider"
    link = link_for(chat, "alice")
    [(status, _, body)] = fetch(page_settings, sessions, chat.now,
                                link.replace("/?t=", "/meetings/1/minutes.docx?t="))
    assert status == 200, body[:300]
    text = "\n".join(paragraph.text for paragraph in Document(io.BytesIO(body)).paragraphs)
    assert "My sister\ufffd manages a provider" in text


def test_a_member_of_two_groups_keeps_each_groups_page_open(
        chat: Chat, sessions: sessionmaker[Session], page_settings: Settings) -> None:
    """One cookie for every group's pages was overwritten by the next group's link: bob opened the CJCG's page,
    then the LIEG's, and the CJCG's page (a bookmark, the tab reloaded) said there was no page there. Each group's
    link now sets a cookie for that group's pages alone, so a browser keeps both."""
    chat.load("cjcg")
    chat.load("lieg", channel="lieg-room")
    cjcg = link_for(chat, "bob")
    chat.channel = "lieg-room"
    lieg = link_for(chat, "bob")
    (_, first, _), (_, second, _) = fetch(page_settings, sessions, chat.now, cjcg, lieg)
    assert "Path=/groups/cjcg/" in first["Set-Cookie"] and "Path=/groups/lieg/" in second["Set-Cookie"]
    # What the browser then sends to each group's page: the cookie whose path it is under.
    [(status, _, _)] = fetch(page_settings, sessions, chat.now, "/groups/cjcg/",
                             cookie=first["Set-Cookie"].split(";")[0])
    assert status == 200
    [(status, _, _)] = fetch(page_settings, sessions, chat.now, "/groups/lieg/",
                             cookie=second["Set-Cookie"].split(";")[0])
    assert status == 200


def test_one_groups_link_opens_no_other_groups_page(
        chat: Chat, sessions: sessionmaker[Session], page_settings: Settings) -> None:
    """bob's link to the CJCG's page, put on the address of the LIEG's (he is a member of both) or of a group he is
    not in, opens neither and sets no cookie: a link names its group, and the signature covers the name."""
    chat.load("cjcg")
    chat.load("lieg", channel="lieg-room")
    token = link_for(chat, "bob").split("?t=", 1)[1]
    results = fetch(page_settings, sessions, chat.now, f"/groups/lieg/?t={token}",
                    f"/groups/lieg/meetings/1/minutes.md?t={token}")
    assert [status for status, _, _ in results] == [403, 403]
    assert all("Set-Cookie" not in headers for _, headers, _ in results)


def test_draft_minutes_the_tor_keeps_to_the_steering_group_are_neither_shown_nor_downloaded_by_other_members(
        recorded: Callable[[str], Chat], sessions: sessionmaker[Session], page_settings: Settings) -> None:
    """LIEG 5.2: "The minutes will be approved by the steering group before circulation." frank (Islington, not on
    the steering group) is refused the draft in chat, yet his page link showed its text and downloaded it as
    Markdown, Word or PDF. The page now says who reads the draft, and the downloads are refused saying so; erin (on
    the steering group) reads it, and once approved everyone does."""
    chat = recorded("lieg")
    refusal = "Only a member of the steering group can read the draft minutes before they are approved (ToR 5.2)."
    assert refusal in chat.refused("frank", "meeting minutes 1").text
    frank, erin = link_for(chat, "frank"), link_for(chat, "erin")
    files = [f"/meetings/1/minutes.{kind}?t=" for kind in ("md", "docx", "pdf")]
    (_, cookie, _), *downloads = fetch(page_settings, sessions, chat.now, frank,
                                       *(frank.replace("/?t=", file) for file in files))
    assert [status for status, _, _ in downloads] == [403, 403, 403]
    assert all(refusal in body.decode() and b"Attendance" not in body for _, _, body in downloads)
    [(status, _, page)] = fetch(page_settings, sessions, chat.now, "/groups/lieg/",
                                cookie=cookie["Set-Cookie"].split(";")[0])
    assert status == 200 and refusal in page.decode()
    assert "# Minutes of London Information Exchange Group" not in page.decode() and b"minutes.docx" not in page
    [(status, _, draft)] = fetch(page_settings, sessions, chat.now, erin.replace("/?t=", files[0]))
    assert status == 200 and draft.startswith(b"# Minutes of London Information Exchange Group: meeting 1")
    chat.ok("erin", "minutes approve 1")
    [(status, _, approved)] = fetch(page_settings, sessions, chat.now, frank.replace("/?t=", files[0]))
    assert status == 200 and b"# Minutes of London Information Exchange Group: meeting 1" in approved


def test_an_open_secret_polls_count_per_option_is_not_on_the_page(
        recorded: Callable[[str], Chat], sessions: sessionmaker[Session], page_settings: Settings) -> None:
    """While a secret poll is open its card hides the count per option, since a count read after each vote says
    how that voter voted; the page's decisions register, and the minutes' text, gave it (Barnet 1, Camden 0 just
    after bob's ballot). Now they say how many voted, and the counts once the poll has closed."""
    chat = recorded("cjcg")
    opened = chat.ok("alice", 'poll "Venue for the away day?" "Barnet" "Camden" --secret --closes "2026-12-31 17:00"')
    number = opened.text.split("Poll ", 1)[1].split(" ", 1)[0]
    chat.ok("bob", f"vote {number} Barnet")
    [(_, headers, _)] = fetch(page_settings, sessions, chat.now, link_for(chat, "carol"))
    [(status, _, body)] = fetch(page_settings, sessions, chat.now, "/groups/cjcg/",
                                cookie=headers["Set-Cookie"].split(";")[0])
    page = body.decode()
    assert status == 200 and "Venue for the away day?" in page
    row = page[page.index("Venue for the away day?"):][:300]
    assert "hidden until the poll closes" in row and "Barnet 1" not in row and "Camden 0" not in row, row
    chat.ok("alice", f"poll close {number} --early")
    [(_, _, body)] = fetch(page_settings, sessions, chat.now, "/groups/cjcg/",
                           cookie=headers["Set-Cookie"].split(";")[0])
    row = body.decode()[body.decode().index("Venue for the away day?"):][:300]
    assert "Barnet 1" in row and "Camden 0" in row, row


def test_the_calendar_address_on_a_members_page_stops_working_when_they_leave(
        recorded: Callable[[str], Chat], sessions: sessionmaker[Session], page_settings: Settings) -> None:
    """The page showed every member the group's own calendar address, which never expires: carol, removed from the
    CJCG (confidential, 6.7-6.9), kept reading its meetings, places and agendas in her calendar app. Her page now
    gives an address of her own, read only while she is a member; the operator's address (`govbot calendar
    --url`) is the group's, as before."""
    chat = recorded("cjcg")
    with unit_of_work(sessions) as session:
        group_token = feed_token(session, session.scalars(select(Group)).one(), chat.now)
    [(_, headers, _)] = fetch(page_settings, sessions, chat.now, link_for(chat, "carol"))
    [(_, _, page)] = fetch(page_settings, sessions, chat.now, "/groups/cjcg/",
                           cookie=headers["Set-Cookie"].split(";")[0])
    address = "/calendar/" + page.decode().split('<a href="/calendar/', 1)[1].split('"', 1)[0]
    assert group_token not in address
    [(status, _, feed)] = fetch(page_settings, sessions, chat.now, address)
    assert status == 200 and b"BEGIN:VCALENDAR" in feed
    chat.ok("alice", "member remove @carol")
    [(status, _, feed), (operators, _, _)] = fetch(page_settings, sessions, chat.now, address,
                                                   f"/calendar/cjcg.ics?token={group_token}")
    assert status == 404 and b"VCALENDAR" not in feed
    assert operators == 200


def test_withheld_draft_minutes_keep_their_resolutions_and_notes_off_the_page(
        chat: Chat, sessions: sessionmaker[Session], page_settings: Settings) -> None:
    """LIEG 5.2: "The minutes will be approved by the steering group before circulation." frank's page kept the
    draft's text from him but printed what alice minuted as resolved on item 1 under the agenda ('Resolved: ...'),
    the minutes' words, before the steering group had approved them. The agenda's titles and the votes, which the
    channel saw as they were taken, stay; the resolution is his to read once the minutes are approved."""
    lieg_motion_tabled(chat)
    chat.ok("erin", 'agenda add "ChAT returns"')
    lieg_opened(chat, "alice", "bob", "frank")
    chat.ok("alice", 'resolved "Authorities share their ChAT timetables by January" --item 1')
    chat.ok("erin", "meeting close")
    resolution = "Authorities share their ChAT timetables by January"
    [(_, cookie, _)] = fetch(page_settings, sessions, chat.now, link_for(chat, "frank"))
    [(status, _, page)] = fetch(page_settings, sessions, chat.now, "/groups/lieg/",
                                cookie=cookie["Set-Cookie"].split(";")[0])
    assert status == 200 and "ChAT returns" in page.decode()
    assert resolution not in page.decode()
    [(_, cookie, _)] = fetch(page_settings, sessions, chat.now, link_for(chat, "erin"))
    [(_, _, page)] = fetch(page_settings, sessions, chat.now, "/groups/lieg/", cookie=cookie["Set-Cookie"].split(";")[0])
    assert resolution in page.decode(), "the steering group reads the draft"
    chat.ok("erin", "minutes approve 1")
    [(_, cookie, _)] = fetch(page_settings, sessions, chat.now, link_for(chat, "frank"))
    [(_, _, page)] = fetch(page_settings, sessions, chat.now, "/groups/lieg/", cookie=cookie["Set-Cookie"].split(";")[0])
    assert resolution in page.decode()


def test_the_group_page_without_its_trailing_slash_leads_to_the_page_with_the_link_kept(
        recorded: Callable[[str], Chat], sessions: sessionmaker[Session], page_settings: Settings) -> None:
    """`/groups/cjcg` typed or pasted without its slash was a bare 404; it now leads to the page, link and all."""
    chat = minuted_cjcg(recorded("cjcg"))
    link = link_for(chat, "bob")
    token = link.split("?t=", 1)[1]
    [(status, headers, _)] = fetch(page_settings, sessions, chat.now, link.replace("/?t=", "?t="))
    assert status in (301, 308) and headers["Location"] == f"/groups/cjcg/?t={token}"
    [(status, headers, body)] = fetch(page_settings, sessions, chat.now, headers["Location"])
    assert status == 303 and headers["Location"] == "/groups/cjcg/", body  # the page's own link handling
    [(status, _, _)] = fetch(page_settings, sessions, chat.now, "/groups/cjcg")
    assert status in (301, 308)


def test_the_minutes_file_is_named_by_the_meetings_number_as_people_say_it(
        recorded: Callable[[str], Chat], sessions: sessionmaker[Session], page_settings: Settings) -> None:
    chat = minuted_cjcg(recorded("cjcg"))
    link = link_for(chat, "alice")
    [md] = fetch(page_settings, sessions, chat.now, link.replace("/?t=", "/meetings/000001/minutes.md?t="))
    assert md[0] == 200 and 'filename="cjcg-meeting-1-minutes.md"' in md[1]["Content-Disposition"]
