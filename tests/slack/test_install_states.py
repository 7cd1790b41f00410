"""The install page is open to anyone, so opening it must cost the server no write: each visit kept a one-time
state in the database (slack_sdk's store), never removed unless an install completed, so a loop of anonymous
GETs grew the record without end and queued writes behind every member's vote. Over real HTTP."""

from __future__ import annotations

import contextlib
import re
import threading
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import Engine, event, text

from bot.db import make_engine, session_factory
from tests import conftest
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


def both_at_once(engines: list[Engine]) -> None:
    """Hold each of the next two redemptions just before its first write until the other has reached its own: both
    have made every check they make before writing, as when two arrive at the same moment."""
    met, waited = threading.Barrier(2, timeout=5), set[int]()

    def hold(connection: object, cursor: object, statement: str, *args: object) -> None:
        if statement.lstrip().upper().startswith("INSERT") and not met.broken and len(waited) < 2 \
                and threading.get_ident() not in waited:
            waited.add(threading.get_ident())
            with contextlib.suppress(threading.BrokenBarrierError):
                met.wait()

    for engine in engines:
        event.listen(engine, "before_cursor_execute", hold)


@pytest.mark.postgres
def test_a_state_redeemed_twice_at_once_on_two_replicas_installs_once_on_postgresql(
        postgres_schema_url: str, fake: FakeSlack, clock: Clock) -> None:
    """The same callback (address and cookie) replayed to two replicas at the same moment: one install, and the
    other is told the link was used. Each checked that the state was unused before either recorded its use."""
    conftest.migrated(postgres_schema_url)
    engines = [make_engine(postgres_schema_url) for _ in range(2)]
    settings = oauth_mode(fake)
    try:
        with serving(settings, session_factory(engines[0]), clock, fake) as a, \
                serving(settings, session_factory(engines[1]), clock, fake) as b:
            with urllib.request.urlopen(a.url + "/slack/install", timeout=10) as page:
                found = re.search(r"state=([^&\"]+)", page.read().decode())
            assert found
            both_at_once(engines)
            with ThreadPoolExecutor(2) as pool:
                statuses = sorted(pool.map(lambda url: callback(url, found.group(1), found.group(1)),
                                           [a.url, b.url]))
    finally:
        for engine in engines:
            engine.dispose()
    assert statuses == [200, 401]
    assert len(fake.of("oauth.v2.access")) == 1
