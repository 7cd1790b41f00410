"""What an operator watches: /readyz, /metrics behind a token, request ids, JSON logs, and a clean SIGTERM."""

from __future__ import annotations

import asyncio
import json
import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from aiohttp import web
from pydantic import SecretStr

from bot.conversation import respond
from bot.db import make_engine, session_factory
from bot.services.context import Place, Speaker
from bot.settings import Settings
from govbot.serve import build_web_app
from tests.conftest import START, Clock, cjcg_in_room
from tests.deploy.processes import get
from tests.test_cli import govbot_main

TOKEN = secrets.token_hex(16)


@contextmanager
def serving(app: web.Application) -> Iterator[str]:
    """`app` on an ephemeral port of 127.0.0.1, in a thread; yields its base URL."""
    loop = asyncio.new_event_loop()
    runner = web.AppRunner(app)
    loop.run_until_complete(runner.setup())
    site = web.TCPSite(runner, "127.0.0.1", 0)
    loop.run_until_complete(site.start())
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{runner.addresses[0][1]}"
    finally:
        asyncio.run_coroutine_threadsafe(runner.cleanup(), loop).result(timeout=30)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=10)
        loop.close()


def settings(**values: object) -> Settings:
    return Settings(_env_file=None, **values)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One server for the module's tests, which only read from it (the pages, the metrics, the headers)."""
    engine, sessions = cjcg_in_room(f"sqlite:///{tmp_path_factory.mktemp('server') / 'govbot.db'}",
                                    Place("console", "room"))
    respond(sessions, Speaker("console", "alice", "alice"), Place("console", "room"), "group info", START)
    with serving(build_web_app(settings(metrics_token=SecretStr(TOKEN)), sessions, Clock())) as base:
        yield base
    engine.dispose()


def test_metrics_need_the_token(server: str) -> None:
    assert get(server + "/metrics")[0] == 401
    assert get(server + "/metrics", {"Authorization": "Bearer wrong"})[0] == 401
    assert get(server + "/metrics", {"Authorization": f"Bearer {TOKEN}"})[0] == 200


@pytest.mark.parametrize("authorization", ["Bearer \xff\xfe", "Bearer " + "\xe9" * 40, "bearer wrong", "Basic x"])
def test_metrics_refuse_a_token_of_any_bytes_without_failing(server: str, authorization: str) -> None:
    """A header's bytes need not be UTF-8 (HTTP headers are Latin-1 on the wire): the comparison with the token
    raised on them, a 500 and an incident line for a scanner's probe."""
    status, body, _ = get(server + "/metrics", {"Authorization": authorization})
    assert status == 401 and "incident" not in body
    assert get(server + "/metrics", {"Authorization": f"Bearer {TOKEN}"})[0] == 200


def test_metrics_count_requests_by_route_and_commands_by_verb(server: str) -> None:
    get(server + "/healthz")
    get(server + "/no/such/page?token=secret")
    status, body, headers = get(server + "/metrics", {"Authorization": f"Bearer {TOKEN}"})
    assert status == 200 and headers["Content-Type"].startswith("text/plain; version=")
    assert 'govbot_http_requests_total{route="/healthz",status="200"}' in body
    assert 'govbot_http_requests_total{route="unmatched",status="404"}' in body
    assert "secret" not in body and "/no/such/page" not in body
    assert 'govbot_command_seconds_count{outcome="ok",verb="group info"}' in body
    assert "govbot_outbox_depth 0.0" in body and "govbot_outbox_oldest_age_seconds 0.0" in body
    assert "# TYPE govbot_deliveries_total counter" in body
    assert "# TYPE govbot_scheduler_pass_seconds histogram" in body


def test_without_a_token_there_is_no_metrics_page(tmp_path: Path) -> None:
    engine, sessions = cjcg_in_room(f"sqlite:///{tmp_path / 'govbot.db'}", Place("console", "room"))
    with serving(build_web_app(settings(), sessions, Clock())) as base:
        assert get(base + "/metrics")[0] == 404
    engine.dispose()


def test_ready_only_when_the_record_answers_with_every_migration(tmp_path: Path, server: str) -> None:
    status, body, _ = get(server + "/readyz")
    assert status == 200 and json.loads(body) == {"status": "ok", "database": "ok", "migrations": "current"}
    engine = make_engine(f"sqlite:///{tmp_path / 'empty.db'}")  # reachable, but never migrated
    with serving(build_web_app(settings(), session_factory(engine), Clock())) as base:
        status, body, _ = get(base + "/readyz")
        assert status == 503 and json.loads(body)["migrations"] == "pending"
        assert get(base + "/healthz")[0] == 200  # alive all the same: restarting it would not help
    engine.dispose()


def test_each_response_names_its_request(server: str) -> None:
    assert get(server + "/healthz", {"X-Request-Id": "lb-7f3a"})[2]["X-Request-Id"] == "lb-7f3a"
    made_up = get(server + "/healthz", {"X-Request-Id": "<script>"})[2]["X-Request-Id"]
    assert len(made_up) == 16 and made_up.isalnum()
    assert get(server + "/nowhere")[2].get("X-Request-Id")


# JSON logs carrying each request's id, and a clean stop at SIGTERM, are checked of a real `govbot run` process by
# tests/deploy/test_sqlite_group_commit.py, whose one server also records a crowd's votes: not by a process here.


def test_a_bad_setting_is_named_without_its_value(tmp_path: Path) -> None:
    # main() in this process (tests/test_cli.py's govbot_main): what it says is checked, not the process's start
    result = govbot_main("db", "upgrade", db=None, cwd=tmp_path, LOG_FORMAT="yaml", PORT="http-secret-99")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "These settings (in the environment or .env) are not valid" in result.stderr
    assert "LOG_FORMAT: String should match pattern" in result.stderr and "PORT: Input should be" in result.stderr
    assert "http-secret-99" not in result.stderr


def test_a_page_secret_short_enough_to_guess_is_refused_at_start(monkeypatch: pytest.MonkeyPatch) -> None:
    from pydantic import ValidationError

    from govbot.cli import settings_problem

    monkeypatch.setenv("PAGE_SECRET", "hunter2")
    with pytest.raises(ValidationError) as refused:
        Settings(_env_file=None)  # type: ignore[call-arg]
    said = settings_problem(refused.value)
    assert "PAGE_SECRET: Value error, at least 32 characters" in said and "secrets.token_urlsafe(32)" in said
    assert "hunter2" not in said
    monkeypatch.setenv("PAGE_SECRET", secrets.token_urlsafe(32))
    assert Settings(_env_file=None).page_key is not None  # type: ignore[call-arg]
