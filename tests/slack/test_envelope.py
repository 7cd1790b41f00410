"""Only requests Slack signed, recently, reach the bot: anything else is 401 and writes nothing."""

from __future__ import annotations

import secrets
import time

import pytest
from sqlalchemy import func, select

from bot.models import AuditEvent, ChannelBinding, Identity, PlatformDelivery
from tests.slack.conftest import Workspace


def record_size(workspace: Workspace) -> tuple[int, ...]:
    with workspace.sessions() as session:
        return tuple(session.scalar(select(func.count()).select_from(model)) or 0
                     for model in (AuditEvent, ChannelBinding, Identity, PlatformDelivery))


@pytest.fixture
def loaded(workspace: Workspace) -> Workspace:
    workspace.load("cjcg")
    return workspace


def refused(workspace: Workspace, body: str, headers: dict[str, str]) -> None:
    before, calls = record_size(workspace), len(workspace.fake.calls)
    sent = workspace.post(body, headers)
    assert sent.status == 401, sent
    assert record_size(workspace) == before
    assert workspace.fake.calls[calls:] == []  # nobody was answered, nothing was posted


def test_a_forged_signature_is_refused(loaded: Workspace) -> None:
    body, _ = loaded.command_body("alice", "group bind cjcg")
    refused(loaded, body, loaded.headers(body, secret=secrets.token_hex(16)))


def test_a_tampered_body_is_refused(loaded: Workspace) -> None:
    body, _ = loaded.command_body("alice", "group info")
    tampered = body.replace("group+info", "group+bind+cjcg")
    assert tampered != body
    refused(loaded, tampered, loaded.headers(body))


@pytest.mark.parametrize("skew", [-330, 330])  # beyond Slack's five minutes by more than a slow request takes
def test_a_stale_or_future_timestamp_is_refused(loaded: Workspace, skew: int) -> None:
    body, _ = loaded.command_body("alice", "group bind cjcg")
    refused(loaded, body, loaded.headers(body, timestamp=str(int(time.time()) + skew)))


@pytest.mark.parametrize("timestamp", ["abc", "1e9", "", " 17", "-5", "1.5"])
def test_a_malformed_timestamp_is_refused_not_a_server_error(loaded: Workspace, timestamp: str) -> None:
    body, _ = loaded.command_body("alice", "group bind cjcg")
    refused(loaded, body, loaded.headers(body, timestamp=timestamp))


def test_a_missing_signature_is_refused(loaded: Workspace) -> None:
    body, _ = loaded.command_body("alice", "group bind cjcg")
    headers = loaded.headers(body)
    del headers["X-Slack-Signature"]
    refused(loaded, body, headers)


def test_the_same_request_signed_properly_is_accepted(loaded: Workspace) -> None:
    said = loaded.say("alice", "group bind cjcg")
    assert "now the channel of Children's Joint Commissioning Group" in said.params["text"]
    with loaded.sessions() as session:
        assert session.scalar(select(func.count()).select_from(ChannelBinding)) == 1
