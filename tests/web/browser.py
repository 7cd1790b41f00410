"""A real Chromium for the page tests: Debian's `chromium` driven by Playwright (no browser download), and the
group pages served by the real aiohttp app on localhost in a background thread."""

from __future__ import annotations

import asyncio
import os
import queue
import shutil
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from aiohttp import web
from sqlalchemy.orm import Session, sessionmaker

from bot.settings import Settings
from govbot.serve import build_web_app

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def chromium_or_skip() -> str:
    """The system Chromium's path; the test is skipped without one, and fails in CI (CI=true)."""
    if CHROMIUM is None:
        reason = "Debian's chromium is not installed (apt-get install chromium); the browser tests need it"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return CHROMIUM


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Chromium for the module's tests."""
    path = chromium_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=path, headless=True, args=["--no-sandbox"])
        yield launched
        launched.close()


@contextmanager
def serving(settings: Settings, sessions: sessionmaker[Session], clock: Callable[..., Any]) -> Iterator[str]:
    """The web app on a free localhost port, in its own thread and event loop (Playwright's sync API holds the
    main thread's), until the block ends; yields its base URL."""
    loop = asyncio.new_event_loop()
    ready: queue.Queue[int] = queue.Queue()

    def run() -> None:
        asyncio.set_event_loop(loop)
        runner = web.AppRunner(build_web_app(settings, sessions, clock))
        loop.run_until_complete(runner.setup())
        loop.run_until_complete(web.TCPSite(runner, "localhost", 0).start())
        ready.put(runner.addresses[0][1])
        loop.run_forever()
        loop.run_until_complete(runner.cleanup())
        loop.close()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        yield f"http://localhost:{ready.get(timeout=30)}"
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=10)
