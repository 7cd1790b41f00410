"""Workspaces that come and go: uninstalling or revoking forgets the tokens and stops the channels; installing
again puts them back. A workspace that never installed govbot is told how to. Over real HTTP, signed."""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from aiohttp import web
from cryptography.fernet import Fernet
from pydantic import SecretStr
from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session, sessionmaker

from bot.db import session_factory, unit_of_work
from bot.errors import DomainError
from bot.models import AuditEvent, ChannelBinding, OutboxMessage
from bot.ports import DeliveryFailed, Destination
from bot.replies import Reply
from bot.settings import Settings, get_settings
from govbot.cli import main
from handlers.slack import SlackNotifier, mount
from handlers.slack.install import installation_store
from scheduler import outbox
from tests.slack.conftest import Clock, Workspace, serving
from tests.slack.fake_slack import FakeSlack
from tests.slack.test_install import install, migrated, oauth_mode, stored_tokens  # noqa: F401 (fixture)

NEW = "T0NEW"  # the workspace the fake's OAuth exchange installs into


def in_new_workspace(workspace: Workspace, user: str, text_: str) -> tuple[int, str, str]:
    body, response_url = workspace.command_body(user, text_)
    body = body.replace("team_id=T0GOV", f"team_id={NEW}")
    sent = workspace.post(body, workspace.headers(body))
    return sent.status, sent.body, response_url


def rows(engine: Engine, table: str) -> int:
    with engine.connect() as connection:
        return int(connection.scalar(text(f"SELECT count(*) FROM {table}")) or 0)


@pytest.fixture
def bound(fake: FakeSlack, migrated: Engine, clock: Clock) -> Iterator[tuple[Workspace, Settings]]:  # noqa: F811
    """govbot installed in workspace T0NEW, CJCG bound to a channel there, a reminder queued for it."""
    settings = oauth_mode(fake)
    fake.installed_token = "xoxb-" + secrets.token_hex(12)
    sessions: sessionmaker[Session] = session_factory(migrated)
    with serving(settings, sessions, clock, fake) as workspace:
        install(workspace, fake)
        workspace.load("cjcg")
        assert in_new_workspace(workspace, "alice", "group bind cjcg")[0] == 200
        fake.wait_for(lambda: fake.of("chat.postMessage"))
        with unit_of_work(sessions) as session:
            binding = session.scalars(select(ChannelBinding)).one()
            outbox.enqueue(session, [{"key": "meeting:1:channel", "group_id": binding.group_id, "kind": "meeting",
                                      "title": "Meeting 1", "text": "Meeting 1 is tomorrow.", "due_at": clock(),
                                      "expires_at": None, "channel_binding_id": binding.id}], clock())
        yield workspace, settings


def binding_of(sessions: sessionmaker[Session]) -> ChannelBinding:
    with sessions() as session:
        return session.scalars(select(ChannelBinding)).one()


def audited(sessions: sessionmaker[Session], action: str) -> list[dict[str, object]]:
    with sessions() as session:
        return [e.detail for e in session.scalars(select(AuditEvent).where(AuditEvent.action == action))]


def test_uninstall_forgets_the_tokens_and_stops_the_channel_until_reinstalled(
        bound: tuple[Workspace, Settings], fake: FakeSlack, migrated: Engine) -> None:  # noqa: F811
    workspace, settings = bound
    assert rows(migrated, "slack_installations") == 1 and rows(migrated, "slack_bots") == 1

    sent = workspace.event({"type": "app_uninstalled"}, "Ev0UNINSTALL", team=NEW)
    assert sent.status == 200
    workspace.finish()  # acknowledged work is done

    # Both token tables forget the workspace; its channel is disabled, its queued reminder set aside, saying why.
    assert rows(migrated, "slack_installations") == 0 and rows(migrated, "slack_bots") == 0
    binding = binding_of(workspace.sessions)
    reason = f"govbot was uninstalled from Slack workspace {NEW}; reinstalling it there restores the channel"
    assert binding.conversation == {"team_id": NEW, "disabled": {"reason": reason, "at": binding.conversation[
        "disabled"]["at"]}}
    with workspace.sessions() as session:
        queued = session.scalars(select(OutboxMessage)).one()
    assert (queued.status, queued.last_error) == ("expired", reason)
    assert audited(workspace.sessions, "channel.disabled") == [
        {"platform": "slack", "workspace": NEW, "channel": binding.channel_id, "reason": reason,
         "reminders_set_aside": 1}]
    # Nothing more goes out with the dead token.
    with pytest.raises(DeliveryFailed) as failed:
        SlackNotifier.from_settings(settings, migrated).send(
            Destination("slack", channel_id=binding.channel_id, conversation=binding.conversation), Reply("Hello"))
    assert failed.value.permanent and "not installed in Slack workspace T0NEW" in failed.value.reason


def test_reinstalling_restores_the_channel(bound: tuple[Workspace, Settings], fake: FakeSlack, clock: Clock,
                                           migrated: Engine) -> None:  # noqa: F811
    workspace, settings = bound
    assert workspace.event({"type": "app_uninstalled"}, "Ev0UNINSTALL", team=NEW).status == 200
    fake.wait_for(lambda: audited(workspace.sessions, "channel.disabled"))
    fake.installed_token = "xoxb-" + secrets.token_hex(12)
    install(workspace, fake, code="again")
    binding = binding_of(workspace.sessions)
    assert binding.conversation == {"team_id": NEW}
    assert audited(workspace.sessions, "channel.restored") == [
        {"platform": "slack", "workspace": NEW, "channel": binding.channel_id}]
    # The channel is in use again, with the new token.
    status, _, _ = in_new_workspace(workspace, "alice", "meeting schedule 2027-03-02 10:00")
    assert status == 200
    assert fake.wait_for(lambda: fake.of("chat.postMessage")[1:])[-1].token == fake.installed_token


def test_revoking_a_persons_token_keeps_the_bot_and_revoking_the_bots_stops_the_channel(
        bound: tuple[Workspace, Settings], fake: FakeSlack, migrated: Engine) -> None:  # noqa: F811
    workspace, settings = bound
    sent = workspace.event({"type": "tokens_revoked", "tokens": {"oauth": ["UADMIN"]}}, "Ev0REVOKE1", team=NEW)
    assert sent.status == 200
    fake.wait_for(lambda: rows(migrated, "slack_installations") == 0)
    assert rows(migrated, "slack_bots") == 1  # the bot's own token still works: the channel carries on
    assert "disabled" not in (binding_of(workspace.sessions).conversation or {})

    sent = workspace.event({"type": "tokens_revoked", "tokens": {"bot": ["UGOVBOT"]}}, "Ev0REVOKE2", team=NEW)
    assert sent.status == 200
    fake.wait_for(lambda: audited(workspace.sessions, "channel.disabled"))
    assert rows(migrated, "slack_bots") == 0
    assert "token for Slack workspace T0NEW was revoked" in binding_of(workspace.sessions).conversation[
        "disabled"]["reason"]


def test_a_forged_uninstall_changes_nothing(bound: tuple[Workspace, Settings], migrated: Engine) -> None:  # noqa: F811
    workspace, _ = bound
    body = json.dumps({"team_id": NEW, "type": "event_callback", "event": {"type": "app_uninstalled"},
                       "event_id": "Ev0FORGED", "api_app_id": "A0GOV"})
    assert workspace.post(body, workspace.headers(body, secret="not-the-secret",
                                                  content_type="application/json")).status == 401
    assert rows(migrated, "slack_bots") == 1


def test_a_command_from_a_workspace_that_never_installed_govbot_says_how_to_install_it(
        fake: FakeSlack, migrated: Engine, clock: Clock) -> None:  # noqa: F811
    with serving(oauth_mode(fake), session_factory(migrated), clock, fake) as workspace:
        sent = workspace.command("alice", "help")
        said = workspace.reply_to(sent)
    assert sent.status == 200
    assert said.params.get("response_type", "ephemeral") == "ephemeral"
    assert said.params["text"] == ("govbot is not installed in this workspace — ask an admin to install it from "
                                   "/slack/install on your govbot server.")


def test_oauth_without_a_token_key_refuses_to_start(fake: FakeSlack, sessions: sessionmaker[Session],
                                                    clock: Clock) -> None:
    settings = oauth_mode(fake).model_copy(update={"slack_token_key": None})
    with pytest.raises(DomainError, match="SLACK_TOKEN_KEY, which is not set. Make a key with"):
        mount(web.Application(), settings, sessions, clock)  # as `govbot run` does: it prints this and stops


def test_a_key_is_rotated_by_resealing_under_the_new_one(
        fake: FakeSlack, migrated: Engine, clock: Clock, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = oauth_mode(fake)
    fake.installed_token = "xoxb-" + secrets.token_hex(12)
    with serving(old, session_factory(migrated), clock, fake) as workspace:
        install(workspace, fake)
    new_key = Fernet.generate_key().decode()
    assert old.slack_token_key is not None
    # The operator puts the new key in front of the old one and reseals (README "Several workspaces").
    monkeypatch.chdir(tmp_path)  # no .env from the working tree
    monkeypatch.setenv("SLACK_CLIENT_ID", "1234.5678")
    monkeypatch.setenv("SLACK_TOKEN_KEY", f"{new_key},{old.slack_token_key.get_secret_value()}")
    get_settings.cache_clear()
    try:
        assert main(["--db", str(migrated.url), "slack", "seal-tokens"]) == 0
    finally:
        get_settings.cache_clear()
    assert "Sealed 2 stored Slack token(s)" in capsys.readouterr().out
    only_new = old.model_copy(update={"slack_token_key": SecretStr(new_key)})
    bot = installation_store(only_new, migrated).find_bot(enterprise_id=None, team_id=NEW)
    assert bot is not None and bot.bot_token == fake.installed_token
    with pytest.raises(DomainError, match="cannot be opened with SLACK_TOKEN_KEY"):
        installation_store(old, migrated).find_bot(enterprise_id=None, team_id=NEW)
    assert all(fake.installed_token not in token for token in stored_tokens(migrated))


def test_with_one_workspace_token_uninstalling_still_stops_the_channel(workspace: Workspace, fake: FakeSlack) -> None:
    workspace.load("cjcg")
    assert workspace.command("alice", "group bind cjcg").status == 200
    fake.wait_for(lambda: fake.of("chat.postMessage"))
    fake.wait_for(lambda: (binding_of(workspace.sessions).conversation or {}).get("team_id"))
    assert workspace.event({"type": "app_uninstalled"}, "Ev0SINGLE").status == 200
    fake.wait_for(lambda: audited(workspace.sessions, "channel.disabled"))
    assert "uninstalled from Slack workspace T0GOV" in binding_of(workspace.sessions).conversation["disabled"]["reason"]


def test_an_uninstall_signed_for_a_workspace_govbot_does_not_know_touches_no_other(
        bound: tuple[Workspace, Settings], migrated: Engine) -> None:  # noqa: F811
    """Slack signs the events of every workspace the app is in: one that never bound a channel (or another app's
    install of the same app) uninstalling, or revoking the bot's token, stops none of T0NEW's channels and forgets
    none of its tokens."""
    workspace, _ = bound
    before = rows(migrated, "slack_bots"), rows(migrated, "audit_events")
    assert workspace.event({"type": "app_uninstalled"}, "Ev0STRANGER1", team="T0STRANGER").status == 200
    assert workspace.event({"type": "tokens_revoked", "tokens": {"bot": ["UGOVBOT"], "oauth": ["UADMIN"]}},
                           "Ev0STRANGER2", team="T0STRANGER").status == 200
    workspace.finish()  # the work after each ack is done
    assert (rows(migrated, "slack_bots"), rows(migrated, "audit_events")) == before
    assert "disabled" not in (binding_of(workspace.sessions).conversation or {})
