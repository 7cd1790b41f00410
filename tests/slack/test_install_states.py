"""The install page is open to anyone, so opening it must cost the server no write: each visit kept a one-time
state in the database (slack_sdk's store), never removed unless an install completed, so a loop of anonymous
GETs grew the record without end and queued writes behind every member's vote. Over real HTTP."""

from __future__ import annotations

import re
import urllib.error
import urllib.request

from sqlalchemy import Engine, text

from bot.db import session_factory
from tests.slack.conftest import Clock, serving
from tests.slack.fake_slack import FakeSlack
from tests.slack.test_install import install, migrated, oauth_mode  # noqa: F401 (fixture)


def kept_states(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(connection.scalar(text("SELECT count(*) FROM slack_oauth_states")) or 0)


def callback(url: str, state: str, cookie: str) -> int:
    request = urllib.request.Request(f"{url}/slack/oauth_redirect?code=c0de&state={state}",
                                     headers={"Cookie": f"slack-app-oauth-state={cookie}"})
    try:
        with urllib.request.urlopen(request, timeout=10) as page:
            return page.status
    except urllib.error.HTTPError as error:
        return error.code


def test_anonymous_visits_to_the_install_page_keep_nothing_in_the_record(
        fake: FakeSlack, migrated: Engine, clock: Clock) -> None:  # noqa: F811 (fixture)
    with serving(oauth_mode(fake), session_factory(migrated), clock, fake) as workspace:
        for _ in range(50):
            with urllib.request.urlopen(workspace.url + "/slack/install", timeout=10) as page:
                assert page.status == 200 and "state=" in page.read().decode()
        assert kept_states(migrated) == 0
        install(workspace, fake)  # an admin's install still completes


def test_a_state_is_taken_once_and_one_govbot_did_not_sign_never(
        fake: FakeSlack, migrated: Engine, clock: Clock) -> None:  # noqa: F811 (fixture)
    with serving(oauth_mode(fake), session_factory(migrated), clock, fake) as workspace:
        with urllib.request.urlopen(workspace.url + "/slack/install", timeout=10) as page:
            found = re.search(r"state=([^&\"]+)", page.read().decode())
        assert found
        state = found.group(1)
        assert callback(workspace.url, state, state) == 200
        assert callback(workspace.url, state, state) == 401  # used already
        forged = state[:-4] + ("AAAA" if not state.endswith("AAAA") else "BBBB")
        assert callback(workspace.url, forged, forged) == 401
        assert len(fake.of("oauth.v2.access")) == 1
