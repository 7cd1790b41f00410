"""Requests Slack signed (or a holder of the signing secret forged) whose contents are hostile, over real HTTP to
the running app with the fake Slack Web API: the bot never sends anything to an address the request names that is
not Slack's, and what a platform says about a person or a channel cannot break or disguise the record."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.slack.conftest import Workspace, buttons
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
