"""A bare Bolt app served as govbot serves Slack (aiohttp, requests dispatched on a thread pool), for
bench/http_bench.py: `python bench/bare_server.py ack|row PORT SECRET API_URL [DB_FILE]`, API_URL being the fake
Slack's. `ack` only acknowledges; `row` first commits one row to a SQLite file (WAL, fsync'd): the durable-write
floor."""

from __future__ import annotations

import asyncio
import sqlite3
import sys
import threading
from concurrent.futures import ThreadPoolExecutor

from aiohttp import web
from slack_bolt import Ack, App, BoltRequest
from slack_sdk import WebClient

WORKERS = 16  # as handlers/slack/app.py


def bolt_app(mode: str, secret: str, api_url: str, db_file: str | None) -> App:
    app = App(signing_secret=secret, client=WebClient("xoxb-bench", base_url=api_url),
              token_verification_enabled=False, process_before_response=True)
    if mode == "ack":
        app.command("/gov")(lambda ack: ack())
        return app
    assert db_file, "row mode needs a database file"
    row = sqlite3.connect(db_file, isolation_level=None, check_same_thread=False)
    row.execute("PRAGMA journal_mode=WAL")
    row.execute("CREATE TABLE IF NOT EXISTS votes (user TEXT, text TEXT)")
    writer = threading.Lock()  # one connection shared by the pool: one writer at a time, as SQLite has anyway

    def write_then_ack(ack: Ack, body: dict[str, str]) -> None:
        with writer:
            row.execute("BEGIN IMMEDIATE")
            row.execute("INSERT INTO votes VALUES (?, ?)", (body["user_id"], body["text"]))
            row.execute("COMMIT")
        ack()

    app.command("/gov")(write_then_ack)
    return app


def main() -> None:
    mode, port, secret = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    app = bolt_app(mode, secret, sys.argv[4], sys.argv[5] if len(sys.argv) > 5 else None)
    pool = ThreadPoolExecutor(WORKERS)

    async def events(request: web.Request) -> web.Response:
        body = await request.text()
        headers = {key.lower(): request.headers.getall(key) for key in request.headers}
        response = await asyncio.get_running_loop().run_in_executor(
            pool, app.dispatch, BoltRequest(body=body, headers=headers))
        return web.Response(status=response.status, body=response.body)

    async def healthz(_: web.Request) -> web.Response:
        return web.Response(text="ok")

    web_app = web.Application()
    web_app.router.add_post("/slack/events", events)
    web_app.router.add_get("/healthz", healthz)
    web.run_app(web_app, host="127.0.0.1", port=port, print=None, access_log=None)


if __name__ == "__main__":
    main()
