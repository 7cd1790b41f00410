"""Minutes converted to PDF for download, one at a time, on a thread of their own: each is LibreOffice's work of
seconds, so the pages, the webhooks and /healthz never wait behind them (they share the event loop's default
threads), and past a few waiting a request is asked to come back rather than queue without end."""

from __future__ import annotations

import asyncio
import hashlib
import io
import zipfile
from collections import OrderedDict
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

from aiohttp import web

from bot.records.minutes_file import as_pdf

PDFS_WAITING = 4  # conversions asked for and not yet done, in this process, before the next is turned away
BUSY = ("Minutes are being converted", "Several PDFs are being made right now; try again in a minute, or download "
        "the Word document, which is ready at once.")
RETRY_AFTER = "60"  # seconds, as BUSY says
# PDFs kept, by the Word document they were made from (the same record makes the same bytes): a link replayed, or
# a public group's minutes fetched in a loop, cost a LibreOffice conversion each time and kept a core busy.
PDFS_KEPT = 16


def contents_digest(document: bytes) -> bytes:
    """A digest of what a Word document holds, its parts' names and bytes: not of the file, whose zip entries carry
    the time it was written (two seconds apart, the same minutes were two files)."""
    digest = hashlib.sha256()
    with zipfile.ZipFile(io.BytesIO(document)) as parts:
        for part in parts.infolist():
            content = parts.read(part)
            digest.update(f"{part.filename}\0{len(content)}\0".encode() + content)
    return digest.digest()


class Busy(Exception):
    """PDFS_WAITING conversions are waiting already."""


class Conversions:
    """The PDF conversions of one server process."""

    def __init__(self, room: int = PDFS_WAITING) -> None:
        self.room = room
        self.waiting = 0  # changed only on the event loop's thread
        self.thread = ThreadPoolExecutor(1, thread_name_prefix="pdf")
        # Both changed only on the event loop's thread.
        self.kept: OrderedDict[bytes, bytes] = OrderedDict()
        self.making: dict[bytes, asyncio.Future[bytes | None]] = {}  # a second request for one waits on the first

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
        the PDF is returned once the conversions before it are done (None where LibreOffice cannot make one); one
        made from the same document before is returned at once."""
        if kind != "pdf" or body is None:
            return body
        digest = contents_digest(body)
        if (kept := self.kept.get(digest)) is not None:
            self.kept.move_to_end(digest)
            return kept
        if (making := self.making.get(digest)) is not None:
            return await asyncio.shield(making)
        self.making[digest] = asyncio.get_running_loop().run_in_executor(self.thread, as_pdf, body)
        try:
            made = await asyncio.shield(self.making[digest])
        finally:
            self.making.pop(digest, None)
        if made is not None:
            self.kept[digest] = made
            while len(self.kept) > PDFS_KEPT:
                self.kept.popitem(last=False)
        return made

    def close(self) -> None:
        """Finish the conversions under way, then stop."""
        self.thread.shutdown(wait=True)
