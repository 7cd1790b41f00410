"""Minutes converted to PDF for download, one at a time, on a thread of their own: each is LibreOffice's work of
seconds, so the pages, the webhooks and /healthz never wait behind them (they share the event loop's default
threads), and past a few waiting a request is asked to come back rather than queue without end."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

from aiohttp import web

from bot.records.minutes_file import as_pdf

PDFS_WAITING = 4  # conversions asked for and not yet done, in this process, before the next is turned away
BUSY = ("Minutes are being converted", "Several PDFs are being made right now; try again in a minute, or download "
        "the Word document, which is ready at once.")
RETRY_AFTER = "60"  # seconds, as BUSY says


class Busy(Exception):
    """PDFS_WAITING conversions are waiting already."""


class Conversions:
    """The PDF conversions of one server process."""

    def __init__(self, room: int = PDFS_WAITING) -> None:
        self.room = room
        self.waiting = 0  # changed only on the event loop's thread
        self.thread = ThreadPoolExecutor(1, thread_name_prefix="pdf")

    @classmethod
    def serving(cls, app: web.Application) -> Conversions:
        """The conversions of `app`'s server, finished when it stops."""
        conversions = cls()

        async def finish(_: web.Application) -> None:
            await asyncio.to_thread(conversions.close)

        app.on_cleanup.append(finish)
        return conversions

    @contextmanager
    def turn(self, kind: str) -> Iterator[None]:
        """A place among the waiting for a download of `kind` (only a PDF needs one), held until it is answered.
        Raises Busy when `room` are waiting already."""
        if kind != "pdf":
            yield
            return
        if self.waiting >= self.room:
            raise Busy
        self.waiting += 1
        try:
            yield
        finally:
            self.waiting -= 1

    async def made(self, body: bytes | None, kind: str) -> bytes | None:
        """The file to download: `body` itself, unless `kind` is pdf, when it is the Word document to convert and
        the PDF is returned once the conversions before it are done (None where LibreOffice cannot make one)."""
        if kind != "pdf" or body is None:
            return body
        return await asyncio.get_running_loop().run_in_executor(self.thread, as_pdf, body)

    def close(self) -> None:
        """Finish the conversions under way, then stop."""
        self.thread.shutdown(wait=True)
