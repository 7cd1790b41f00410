"""The calendar feed on the web port: GET /calendar/{group}.ics?token=… returns the group's ICS."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable

from aiohttp import web
from sqlalchemy.orm import Session, sessionmaker

from bot.db import unit_of_work
from bot.records.calendar_feed import feed_for_token
from bot.settings import Settings

# One answer for an unknown group and a wrong token, so the URL does not reveal which groups exist.
NOT_FOUND = "No calendar here. Ask the group's secretary for the feed's current address."


def mount(app: web.Application, settings: Settings, sessions: sessionmaker[Session],
          clock: Callable[[], dt.datetime]) -> None:
    """Add the calendar route to `app`."""

    def lookup(short_name: str, token: str) -> bytes | None:
        with unit_of_work(sessions) as session:
            return feed_for_token(session, short_name, token, clock(), settings.page_key)

    async def calendar(request: web.Request) -> web.Response:
        body = await asyncio.to_thread(lookup, request.match_info["group"], request.query.get("token", ""))
        if body is None:
            raise web.HTTPNotFound(text=NOT_FOUND)
        return web.Response(body=body, content_type="text/calendar", charset="utf-8",
                            headers={"Cache-Control": "private, max-age=300"})

    app.router.add_get("/calendar/{group}.ics", calendar)
