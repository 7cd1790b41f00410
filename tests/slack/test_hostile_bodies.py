"""Requests Slack signed (or a holder of the signing secret forged) whose contents are hostile, over real HTTP to
the running app with the fake Slack Web API: the bot never sends anything to an address the request names that is
not Slack's, and what a platform says about a person or a channel cannot break or disguise the record."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

import pytest
from sqlalchemy import Engine, func, select

from bot.db import make_engine
from bot.models import Identity, Person
from tests.conftest import migrated
from tests.slack.conftest import Sent, Workspace, buttons
from tests.slack.fake_slack import Call
from tests.slack.test_duplicates import poll_card

__all__ = ["poll_card"]


@pytest.fixture
def elsewhere() -> Iterator[list[str]]:
    """An HTTP server that is not Slack (an internal service an attacker would like the bot to call): the paths
    it was sent."""
    reached: list[str] = []

    class Listener(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            reached.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Listener)
    thread = threading.Thread(target=server.serve_forever, args=(0.01,), daemon=True)
    thread.start()
    reached.append(f"http://127.0.0.1:{server.server_address[1]}")
    try:
        yield reached
    finally:
        server.shutdown()
        server.server_close()


def test_a_response_url_that_is_not_slacks_is_never_called_and_the_answer_still_arrives(
        workspace: Workspace, poll_card: Call, elsewhere: list[str]) -> None:
    target = elsewhere.pop(0) + "/internal/admin"
    click = workspace.click_body("bob", buttons(poll_card)["Online"], poll_card.answer["ts"])
    sent = workspace.interaction({**click, "response_url": target})
    assert sent.status == 200
    answer = workspace.fake.wait_for(lambda: next(iter(workspace.fake.of("chat.postEphemeral")), None))
    assert answer.params["user"] == "UBOB" and "Your vote on poll 1 is recorded" in answer.params["text"]
    assert elsewhere == []


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(request: pytest.FixtureRequest, tmp_path: Path, empty_record: Path) -> Iterator[Engine]:
    """The record on SQLite and on PostgreSQL, whose columns hold at most their width and no NUL."""
    if request.param == "sqlite":
        shutil.copyfile(empty_record, tmp_path / "govbot.db")
        url = f"sqlite:///{tmp_path / 'govbot.db'}"
    else:
        url = request.getfixturevalue("postgres_schema_url")
        migrated(url)
    engine = make_engine(url)
    yield engine
    engine.dispose()


def command_as(workspace: Workspace, text: str, **fields: str) -> Sent:
    body, response_url = workspace.command_body("zed", text)
    body = urlencode({**dict(parse_qsl(body)), **fields})
    sent = workspace.post(body, workspace.headers(body))
    sent.response_url = response_url
    return sent


def apologies_said(workspace: Workspace, count: int) -> list[str]:
    """The channel's notes of apologies, once there are `count` of them."""
    def said() -> list[str] | None:
        notes = [str(c.params["text"]) for c in workspace.fake.calls if "Apologies from" in str(c.params.get("text"))]
        return notes if len(notes) >= count else None

    return list(workspace.fake.wait_for(said))


def name_of(workspace: Workspace, account: str) -> str | None:
    with workspace.sessions() as session:
        return session.scalar(select(Person.display_name).join(Identity).where(Identity.external_id == account))


NAMES = {"a NUL": ("Zed\x00Zero", "ZedZero"), "a right-to-left override": ("Zed \u202egnp.exe", "Zed gnp.exe"),
         "a zero-width space": ("Ze\u200bd", "Zed"), "a line break": ("Zed\nChair", "Zed Chair"),
         "a name of 300 characters": ("Z" * 300, "Z" * 200), "nothing but controls": ("\x01\x02", "UGRACE")}
HOLDERS = ("UBOB", "UCAROL", "UDAN", "UERIN", "UFRANK", "UGRACE")  # seated by id: their names come from Slack


def test_what_slack_says_of_a_person_is_cleaned_and_cut_before_it_is_kept(workspace: Workspace) -> None:
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    workspace.say("alice", "meeting schedule 2026-12-10 10:00")
    for n, (account, (name, (given, kept))) in enumerate(zip(HOLDERS, NAMES.items(), strict=True)):
        assert command_as(workspace, "apologies", user_name=given, user_id=account).status == 200
        shown = f"<@{kept}>" if kept == account else kept  # kept by account alone: Slack shows it by name
        assert f"Apologies from {shown} recorded" in apologies_said(workspace, n + 1)[n], name
        assert name_of(workspace, account) == kept, name


def test_ids_longer_than_slack_gives_are_refused_at_the_door(workspace: Workspace) -> None:
    workspace.load("cjcg")
    with workspace.sessions() as session:
        before = session.scalar(select(func.count()).select_from(Person))
    assert command_as(workspace, "quorum", user_id="U" + "X" * 300).status == 400
    assert command_as(workspace, "quorum", channel_id="C" + "X" * 300).status == 400
    # and ids holding a control character (a NUL failed the command on PostgreSQL, after the ack)
    assert command_as(workspace, "quorum", user_id="UZ\x00ED").status == 400
    assert command_as(workspace, "quorum", channel_id="C\x01CJCG").status == 400
    with workspace.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Person)) == before


def test_a_mention_longer_than_any_account_id_is_refused_politely(workspace: Workspace) -> None:
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    answer = workspace.say("alice", "deputy <@U" + "X" * 300 + "> --meeting next")
    assert "names a person with @" in answer.params["text"]
    assert "went wrong" not in answer.params["text"]
