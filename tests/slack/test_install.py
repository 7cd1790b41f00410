"""Installing into several workspaces: slack_sdk's stores on govbot's migrated database, and the OAuth routes."""

from __future__ import annotations

import json
import re
import secrets
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from cryptography.fernet import Fernet
from pydantic import SecretStr
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from sqlalchemy import Engine, MetaData, select, text
from sqlalchemy.orm import Session, sessionmaker

from bot.db import make_engine, session_factory
from bot.models import ChannelBinding
from bot.ports import DeliveryFailed, Destination
from bot.replies import Reply
from bot.settings import Settings
from handlers.slack import SlackNotifier
from handlers.slack.install import authorization_url, installation_store
from tests.conftest import migrated as migrate
from tests.slack.conftest import Clock, Workspace, serving
from tests.slack.fake_slack import FakeSlack
from tests.test_migrations import SLACK_SDK_TABLES


@pytest.fixture
def migrated(tmp_path: Path) -> Iterator[Engine]:
    """A database `govbot db upgrade` made (a copy of the one this process migrated: tests/conftest.py)."""
    url = f"sqlite:///{tmp_path / 'govbot.db'}"
    migrate(url)
    engine = make_engine(url)
    yield engine
    engine.dispose()


def test_migration_0005_builds_the_tables_slack_sdk_expects(migrated: Engine) -> None:
    theirs = MetaData()
    SQLAlchemyInstallationStore.build_installations_table(theirs, "slack_installations")
    SQLAlchemyInstallationStore.build_bots_table(theirs, "slack_bots")
    SQLAlchemyOAuthStateStore.build_oauth_states_table(theirs, "slack_oauth_states")
    assert set(theirs.tables) == SLACK_SDK_TABLES
    with migrated.connect() as connection:
        context = MigrationContext.configure(connection, opts={
            "include_name": lambda name, type_, parent: type_ != "table" or name in SLACK_SDK_TABLES})
        assert compare_metadata(context, theirs) == []


def test_govslack_consent_page_is_on_the_govslack_host() -> None:
    assert authorization_url("https://slack-gov.com/api/") == "https://slack-gov.com/oauth/v2/authorize"
    assert authorization_url("https://slack.com/api/") == "https://slack.com/oauth/v2/authorize"


def oauth_mode(fake: FakeSlack) -> Settings:
    """Settings for several workspaces: OAuth, with the tokens sealed under a key of their own."""
    return Settings(_env_file=None, slack_client_id="1234.5678",  # type: ignore[call-arg]
                    slack_client_secret=SecretStr(secrets.token_hex(16)),
                    slack_signing_secret=SecretStr(secrets.token_hex(16)), slack_api_url=fake.url,
                    slack_token_key=SecretStr(Fernet.generate_key().decode()))


def install(workspace: Workspace, fake: FakeSlack, code: str = "c0de") -> None:
    """A workspace admin opens /slack/install, approves on Slack's consent page and comes back with a code."""
    with urllib.request.urlopen(workspace.url + "/slack/install", timeout=10) as page:
        html, cookie = page.read().decode(), page.headers["Set-Cookie"]
    consent = re.search(r'href="([^"]+oauth[^"]+)"', html)
    assert consent and consent.group(1).startswith(fake.url.removesuffix("api/") + "oauth/v2/authorize?")
    assert "client_id=1234.5678" in consent.group(1) and "scope=commands" in consent.group(1)
    state = re.search(r"state=([^&\"]+)", consent.group(1))
    assert state
    # Slack sends the admin back with a code and the state; the cookie proves it is the same browser.
    callback = urllib.request.Request(f"{workspace.url}/slack/oauth_redirect?code={code}&state={state.group(1)}",
                                      headers={"Cookie": cookie.split(";")[0]})
    with urllib.request.urlopen(callback, timeout=10) as done:
        assert done.status == 200
    assert fake.of("oauth.v2.access")[-1].params["code"] == code


def stored_tokens(engine: Engine) -> list[str]:
    """Every token column of slack_sdk's tables, as the database holds it."""
    with engine.connect() as connection:
        return [token for table in ("slack_installations", "slack_bots")
                for token in connection.scalars(text(f"SELECT bot_token FROM {table}"))]


def test_install_then_use_from_the_new_workspace(fake: FakeSlack, migrated: Engine, clock: Clock) -> None:
    settings = oauth_mode(fake)
    fake.installed_token = "xoxb-" + secrets.token_hex(12)
    sessions: sessionmaker[Session] = session_factory(migrated)
    with serving(settings, sessions, clock, fake) as workspace:
        install(workspace, fake)
        bot = installation_store(settings, migrated).find_bot(enterprise_id=None, team_id="T0NEW")
        assert bot is not None and bot.bot_token == fake.installed_token
        # The database holds the token sealed (Fernet), never as Slack issued it.
        assert len(stored_tokens(migrated)) == 2
        assert all(fake.installed_token[5:] not in token and token.startswith("gAAAAA")
                   for token in stored_tokens(migrated))

        # A member of the new workspace asks for help; govbot answers at once, in the ack.
        body, _ = workspace.command_body("alice", "help")
        body = body.replace("team_id=T0GOV", "team_id=T0NEW")
        sent = workspace.post(body, workspace.headers(body))
        assert sent.status == 200 and json.loads(sent.body)["text"].startswith("Commands")

        # Its chair binds a group there: the record is posted with that workspace's token, and reminders for
        # that channel then go out with it too.
        workspace.load("cjcg")
        body, _ = workspace.command_body("alice", "group bind cjcg")
        body = body.replace("team_id=T0GOV", "team_id=T0NEW")
        assert workspace.post(body, workspace.headers(body)).status == 200
        assert fake.wait_for(lambda: fake.of("chat.postMessage"))[0].token == fake.installed_token
        workspace.finish()
    with sessions() as session:
        binding = session.scalars(select(ChannelBinding)).one()
    assert binding.conversation == {"team_id": "T0NEW"}
    notifier = SlackNotifier.from_settings(settings, migrated)
    notifier.send(Destination("slack", channel_id=binding.channel_id, conversation=binding.conversation),
                  Reply("Meeting 1 starts tomorrow."))
    assert fake.of("chat.postMessage")[-1].token == fake.installed_token
    with pytest.raises(DeliveryFailed) as failed:
        notifier.send(Destination("slack", channel_id="C0ELSE", conversation={"team_id": "T0NEVER"}),
                      Reply("Meeting 1 starts tomorrow."))
    assert failed.value.permanent and "not installed in Slack workspace T0NEVER" in failed.value.reason


def test_a_used_or_unknown_state_is_refused(fake: FakeSlack, migrated: Engine, clock: Clock) -> None:
    settings = oauth_mode(fake)
    with serving(settings, session_factory(migrated), clock, fake) as workspace:
        forged = urllib.request.Request(f"{workspace.url}/slack/oauth_redirect?code=c0de&state=made-up",
                                        headers={"Cookie": "slack-app-oauth-state=made-up"})
        try:
            urllib.request.urlopen(forged, timeout=10)
            status = 200
        except urllib.error.HTTPError as error:
            status = error.code
        assert status == 401
        assert fake.of("oauth.v2.access") == []


def redirected(workspace: Workspace, query: str) -> tuple[int, str]:
    """GET /slack/oauth_redirect?`query` in a browser with no install cookie: the status and the page."""
    try:
        with urllib.request.urlopen(f"{workspace.url}/slack/oauth_redirect?{query}", timeout=10) as page:
            return page.status, page.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_the_failure_page_says_why_in_its_own_words_never_the_addresss(
        fake: FakeSlack, migrated: Engine, clock: Clock) -> None:
    """Bolt's failure page printed the `error` the redirect address carried, so a link to govbot's own address
    could show an admin any sentence (`?error=Your workspace is suspended, call ...`) as govbot's. Each reason is
    told in fixed words; one Slack never sends is a 400 that says only that nothing was installed."""
    planted = "Your workspace is suspended: call +44 20 7946 0000 now"
    with serving(oauth_mode(fake), session_factory(migrated), clock, fake) as workspace:
        status, page = redirected(workspace, f"error={quote(planted)}&state=x")
        assert status == 400 and "suspended" not in page and "+44" not in page
        assert "Slack did not complete the install, so nothing was installed." in page
        status, page = redirected(workspace, "error=access_denied&state=x")
        assert status == 200 and "The install was cancelled on Slack&#x27;s page" in page
        status, page = redirected(workspace, "code=c0de&state=made-up")
        assert status == 400 and "This browser did not start the install" in page  # no install cookie
    assert fake.of("oauth.v2.access") == []
