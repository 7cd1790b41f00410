"""govbot's calls to Slack's Web API reuse their connection (handlers/slack/kept_alive.py): urllib opened, and closed,
one for every call, a TCP connect and against Slack a TLS handshake each. What Slack answers still reads as it did:
a 429 waits its Retry-After and is tried again, and a connection Slack closed while idle is replaced, not failed."""

from __future__ import annotations

import http.client
import os
import resource
import socket

import pytest
from slack_sdk.errors import SlackApiError

from bot.settings import Settings
from handlers.slack.client import web_client
from handlers.slack.kept_alive import Connections, KeptAliveClient, idle_and_open, kept_alive
from tests.slack.conftest import Workspace
from tests.slack.fake_slack import FakeSlack


def client_for(fake: FakeSlack, connections: Connections) -> KeptAliveClient:
    settings = Settings(_env_file=None, slack_api_url=fake.url)  # type: ignore[call-arg]
    return kept_alive(web_client(settings, "xoxb-kept"), connections)


def test_calls_from_one_thread_go_over_one_connection(fake: FakeSlack) -> None:
    connections = Connections()
    client = client_for(fake, connections)
    try:
        for n in range(3):
            assert client.chat_postMessage(channel="C1", text=f"post {n}")["ok"]
    finally:
        connections.close()
    posts = fake.of("chat.postMessage")
    assert len(posts) == 3 and len({c.peer for c in posts}) == 1
    assert {c.token for c in posts} == {"xoxb-kept"}


def test_a_connection_closed_while_idle_is_replaced(fake: FakeSlack) -> None:
    connections = Connections()
    client = client_for(fake, connections)
    try:
        client.chat_postMessage(channel="C1", text="first")
        (kept,) = connections.every
        assert kept.sock is not None
        kept.sock.shutdown(socket.SHUT_RD)  # reads as Slack's end of file on an idle connection
        client.chat_postMessage(channel="C1", text="second")
        assert kept not in connections.every and len(connections.every) == 1
    finally:
        connections.close()
    first, second = fake.of("chat.postMessage")
    assert first.peer != second.peer and second.params["text"] == "second"


def test_rate_limits_and_errors_read_as_before(fake: FakeSlack) -> None:
    fake.rate_limited, fake.retry_after = 1, 0
    connections = Connections()
    client = client_for(fake, connections)
    try:
        assert client.chat_postMessage(channel="C1", text="after a 429")["ok"]  # waited, and tried again
        fake.failures["chat.postMessage"] = "channel_not_found"
        with pytest.raises(SlackApiError) as refused:
            client.chat_postMessage(channel="C404", text="nowhere")
    finally:
        connections.close()
    assert refused.value.response["error"] == "channel_not_found"
    limited, retried, refused_call = fake.of("chat.postMessage")
    assert limited.answer["error"] == "ratelimited" and retried.answer["ok"] and not refused_call.answer["ok"]


def test_the_bots_listeners_call_slack_over_kept_connections(workspace: Workspace) -> None:
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    for n in range(4):
        assert workspace.say("alice", f"meeting schedule 2026-12-1{n} 10:00").method == "chat.postMessage"
    calls = [c for c in workspace.fake.calls if c.method.startswith("chat.")]
    assert len(calls) >= 4 and len({c.peer for c in calls}) < len(calls)


@pytest.mark.skipif(resource.getrlimit(resource.RLIMIT_NOFILE)[0] <= 1500, reason="needs a descriptor past 1500")
def test_a_kept_connection_on_a_descriptor_past_1023_is_still_checked_before_reuse() -> None:
    """A busy server's sockets can be numbered past 1023, where select.select raises ValueError: the check before
    reusing a kept connection would have failed the Slack call with a traceback. Open and idle it reads as reusable;
    once the far end closes it, as not."""
    with socket.create_server(("127.0.0.1", 0)) as server:
        connection = http.client.HTTPConnection("127.0.0.1", server.getsockname()[1])
        connection.connect()
        assert connection.sock is not None
        low = connection.sock
        connection.sock = socket.socket(fileno=os.dup2(low.fileno(), 1500))
        low.close()
        far, _ = server.accept()
        try:
            assert idle_and_open(connection)
            far.close()
            assert not idle_and_open(connection)
        finally:
            connection.close()
