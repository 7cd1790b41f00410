"""Minutes as PDF under load, over real HTTP to the app `govbot run` builds: LibreOffice takes seconds and a
good share of a core for each, so several members downloading at once (or someone replaying a link) must neither
break each other's conversion nor starve the rest of the server."""

from __future__ import annotations

import datetime as dt
import shutil
import stat
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from bot.records import page_links
from bot.records.page_links import Admission
from bot.settings import Settings
from handlers.web import pages
from handlers.web.pdfs import PDFS_WAITING
from tests.conftest import Chat
from tests.front_door import served
from tests.web.pages import link_for, minuted_cjcg

# A LibreOffice that takes its time: it says it has started, then writes a PDF only once the test opens the gate,
# so requests pile up behind it for as long as the test needs, however loaded the machine.
HELD_SOFFICE = """#!/bin/sh
touch "{folder}/started"
while [ ! -e "{folder}/gate" ]; do sleep 0.02; done
while [ "$1" != "--outdir" ]; do shift; done
printf '%%PDF-1.4 slow' > "$2/minutes.pdf"
"""


def get(url: str) -> tuple[int, dict[str, str], bytes, float]:
    started = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            return response.status, dict(response.headers), response.read(), time.monotonic() - started
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read(), time.monotonic() - started


def pdf_link(chat: Chat) -> str:
    return link_for(chat, "alice").replace("/?t=", "/meetings/1/minutes.pdf?t=")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_two_members_downloading_the_pdf_at_once_both_get_it(
        recorded: Callable[[str], Chat], sessions: sessionmaker[Session], page_settings: Settings) -> None:
    chat = minuted_cjcg(recorded("cjcg"))
    path = pdf_link(chat)
    with served(page_settings, sessions, lambda: chat.now) as app, ThreadPoolExecutor(2) as pool:
        answers = list(pool.map(get, [app.url + path] * 2))
    assert [(status, body[:5]) for status, _, body, _ in answers] == [(200, b"%PDF-")] * 2
    # As a browser saves it (the one real conversion of the web tests: tests/web/test_group_page.py's PDF test
    # checks only the server without LibreOffice, which needs none)
    assert all(headers["Content-Type"] == "application/pdf" for _, headers, _, _ in answers)
    assert all('filename="cjcg-meeting-1-minutes.pdf"' in headers["Content-Disposition"] for _, headers, _, _ in answers)


def test_pdfs_wait_their_turn_a_crowd_is_told_to_come_back_and_the_server_still_answers(
        recorded: Callable[[str], Chat], sessions: sessionmaker[Session], page_settings: Settings,
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    soffice = tmp_path / "soffice"
    soffice.write_text(HELD_SOFFICE.format(folder=tmp_path))
    soffice.chmod(soffice.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{tmp_path}:/usr/bin:/bin")
    chat = minuted_cjcg(recorded("cjcg"))
    path = pdf_link(chat)
    with served(page_settings, sessions, lambda: chat.now) as app, ThreadPoolExecutor(12) as pool:
        crowd = [pool.submit(get, app.url + path) for _ in range(10)]
        started = time.monotonic()
        while not (tmp_path / "started").exists():  # the first conversion is under way, the rest wait behind it
            assert time.monotonic() - started < 30, "no conversion started"
            time.sleep(0.02)
        health = pool.submit(get, app.url + "/healthz").result(timeout=30)  # while that conversion holds
        # While the gate is shut only a refusal can be answered: the first to come back is one, at once.
        turned_away = [future.result() for future in wait(crowd, timeout=30, return_when=FIRST_COMPLETED).done]
        (tmp_path / "gate").touch()
        answers = [future.result() for future in crowd]
    assert health[0] == 200, ("the health check waits behind no conversion", health)
    assert turned_away and {status for status, _, _, _ in turned_away} == {503}, "a crowd is told at once"
    statuses = sorted(status for status, _, _, _ in answers)
    assert statuses.count(200) >= 2 and 503 in statuses, statuses
    busy = next(answer for answer in answers if answer[0] == 503)
    assert busy[1]["Retry-After"] == "60" and b"try again in a minute" in busy[2]
    assert b"Word document" in busy[2], "the refusal offers what works now"


# A LibreOffice that counts its runs, and writes a PDF at once.
COUNTING_SOFFICE = """#!/bin/sh
echo run >> "{folder}/runs"
while [ "$1" != "--outdir" ]; do shift; done
printf '%%PDF-1.4 counted' > "$2/minutes.pdf"
"""


def test_the_same_minutes_asked_for_again_and_again_are_converted_once(
        recorded: Callable[[str], Chat], sessions: sessionmaker[Session], page_settings: Settings,
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A link replayed in a loop (or a public group's minutes fetched so) started LibreOffice, seconds of a core,
    for every request: four at a time kept a core busy for as long as the loop ran, and members were told to come
    back. The PDF of the same record is made once and kept; a change to the minutes makes a new one."""
    soffice = tmp_path / "soffice"
    soffice.write_text(COUNTING_SOFFICE.format(folder=tmp_path))
    soffice.chmod(soffice.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{tmp_path}:/usr/bin:/bin")
    chat = minuted_cjcg(recorded("cjcg"))
    path = pdf_link(chat)
    with served(page_settings, sessions, lambda: chat.now) as app, ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(get, [app.url + path] * 8)) + [get(app.url + path) for _ in range(8)]
        assert {(status, body) for status, _, body, _ in answers} == {(200, b"%PDF-1.4 counted")}
        assert (tmp_path / "runs").read_text().count("run") == 1
        chat.ok("alice", 'minute "A late correction to the record." --item 1 --meeting 1')
        assert get(app.url + path)[0] == 200
        assert (tmp_path / "runs").read_text().count("run") == 2


def test_a_request_the_link_refuses_holds_no_place_among_the_pdfs_waiting(
        recorded: Callable[[str], Chat], sessions: sessionmaker[Session], page_settings: Settings,
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Requests with a link that admits nobody (a stale or mistyped one, or someone guessing) took one of the four
    places before their link was read: while the record was slow to answer for them, a member with a good link was
    told several PDFs were being made, when none was."""
    soffice = tmp_path / "soffice"
    soffice.write_text(HELD_SOFFICE.format(folder=tmp_path))
    soffice.chmod(soffice.stat().st_mode | stat.S_IEXEC)
    (tmp_path / "gate").touch()  # conversions finish at once
    monkeypatch.setenv("PATH", f"{tmp_path}:/usr/bin:/bin")
    chat = minuted_cjcg(recorded("cjcg"))
    path = pdf_link(chat)
    slow, reading = threading.Event(), threading.Semaphore(0)

    def admit(session: Session, short_name: str, token: str, secret: str | None, now: dt.datetime) -> Admission:
        if token == "guessed":  # the record takes its time over these
            reading.release()
            slow.wait(30)
        return page_links.admit(session, short_name, token, secret, now)

    monkeypatch.setattr(pages, "admit", admit)
    guessed = path.split("?t=")[0] + "?t=guessed"
    with served(page_settings, sessions, lambda: chat.now) as app, ThreadPoolExecutor(PDFS_WAITING + 1) as pool:
        refused = [pool.submit(get, app.url + guessed) for _ in range(PDFS_WAITING)]
        for _ in refused:
            assert reading.acquire(timeout=30), "the refused requests' links were not read"
        member = get(app.url + path)
        slow.set()
        refusals = [future.result()[0] for future in refused]
    assert (member[0], member[2][:5]) == (200, b"%PDF-"), member[:3]
    assert set(refusals) == {404}, refusals
