"""Headers every answer of the server carries, over real HTTP, whatever route or refusal gave it: the browser
must not guess a type other than the one given (an error text read as HTML), and no page, not even a refusal or
a feed opened in a browser, sends its address (which may hold a token) on as a Referer, or shows in a frame."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory

from tests.front_door import Served
from tests.teams.conftest import SDK_WARNINGS
from tests.test_hostile_requests import Hostile, app, send, signed, teams

__all__ = ["app"]

pytestmark = pytest.mark.filterwarnings(SDK_WARNINGS)

ANSWERS: dict[str, Callable[[], Hostile]] = {
    "the health check": lambda: Hostile("GET", "/healthz"),
    "readiness": lambda: Hostile("GET", "/readyz"),
    "a calendar that is not there": lambda: Hostile("GET", "/calendar/cjcg.ics?token=wrong"),
    "a path that does not exist": lambda: Hostile("GET", "/admin"),
    "a method not allowed": lambda: Hostile("TRACE", "/healthz"),
    "OPTIONS": lambda: Hostile("OPTIONS", "/slack/events"),
    "the stylesheet": lambda: Hostile("GET", "/static/govbot-page.css"),
    "a group page that is not there": lambda: Hostile("GET", "/groups/nothing/"),
    "Slack, unsigned": lambda: Hostile("POST", "/slack/events", b"x=1"),
    "Slack, signed junk": lambda: signed("{not json", content_type="application/json"),
    "Teams, no token": lambda: teams(None),
}


@pytest.mark.parametrize("name", list(ANSWERS))
def test_every_answer_forbids_sniffing_referers_and_frames(app: Served, name: str) -> None:
    _, headers, _ = send(app.url, ANSWERS[name]())
    assert headers.get("X-Content-Type-Options") == "nosniff", name
    assert headers.get("Referrer-Policy") == "no-referrer", name
    assert headers.get("X-Frame-Options") == "DENY", name


def test_a_readiness_probe_costs_its_access_line_and_no_more(app: Served) -> None:
    """A load balancer asks /readyz every few seconds of every day: each answer is one line of log."""
    logged = len(app.logged())
    for _ in range(5):
        send(app.url, Hostile("GET", "/readyz"))  # 503 here: the test's record was made without the migrations
    deadline = time.monotonic() + 5
    while app.logged()[logged:].count("GET /readyz") < 5 and time.monotonic() < deadline:
        time.sleep(0.01)  # the access line is written once the answer is sent: poll the log for the last one
    lines = app.logged()[logged:].splitlines()
    assert len(lines) == 5 and all("GET /readyz 503" in line for line in lines), lines


def test_readiness_probes_read_the_migration_scripts_once_not_on_every_probe(
        app: Served, monkeypatch: pytest.MonkeyPatch) -> None:
    """Anyone may ask /readyz as often as they like, and each answer read every migration script again (6 ms of
    CPU, twenty times a normal request's): the code's own migrations are read once a process."""
    read: list[str] = []
    original = ScriptDirectory.from_config

    def counted(config: Config) -> ScriptDirectory:
        read.append(config.get_main_option("script_location") or "")
        return original(config)

    monkeypatch.setattr(ScriptDirectory, "from_config", counted)
    for _ in range(20):
        assert send(app.url, Hostile("GET", "/readyz"))[0] == 503  # the test's record has no migrations
    assert len(read) <= 1, read
