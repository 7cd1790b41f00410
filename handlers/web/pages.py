"""Routes of the group pages. Translation only: the request's link or cookie goes to `admit`, the record's page
to Jinja2. A personal link (`?t=…`) is swapped for one session cookie and the address cleaned of it."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Awaitable, Callable
from pathlib import Path

from aiohttp import web
from jinja2 import Environment, FileSystemLoader, select_autoescape
from sqlalchemy.orm import Session, sessionmaker

from bot.db import unit_of_work
from bot.errors import NotAllowed, NotFound
from bot.models import Group
from bot.records.group_page import group_page
from bot.records.meeting_record import HIDDEN, find_meeting
from bot.records.minutes import apology_lines, chaired_by, declared, in_attendance, people
from bot.records.minutes_file import NO_PDF, minutes_file
from bot.records.page_links import Admission, admit, calendar_token, read
from bot.services.draft_minutes import draft_refusal
from bot.settings import Settings
from handlers.web.chart import svg, tally
from handlers.web.pdfs import BUSY, RETRY_AFTER, Busy, Conversions

HERE = Path(__file__).parent
COOKIE = "govbot_page"
TEMPLATES = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html"]))
TEMPLATES.globals["apology_lines"] = apology_lines  # the page lists apologies as the minutes do
TEMPLATES.globals["in_attendance"] = in_attendance  # and who attended without being a member
# and names, who chaired and the declarations as the minutes do: a name with its times ("dan — left at 10:30, back
# at 10:40") is parted from the next by a semicolon, a deputy's declaration says for whom
TEMPLATES.globals.update(people=people, chaired_by=chaired_by, declared=declared)
TEMPLATES.globals["HIDDEN"] = HIDDEN  # an open secret poll's counts, in the words of its card and the minutes
HEADERS = {
    "Cache-Control": "private, no-store",
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'none'; "
                               "frame-ancestors 'none'; base-uri 'none'",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}
# One answer for an unknown group and a confidential one the reader may not see: neither is said to exist.
NOWHERE = ("No page here", "There is no group page at this address. If you are a member, ask the bot in your "
           "group's channel for your link: say `page`.")
ASK = ("This page is for the group's members", "Open it through your own link: say `page` to the bot in the "
       "group's channel. Each link expires after a while and works only while you are a member.")
FORMATS = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
           "md": "text/markdown", "pdf": "application/pdf"}


def notice(status: int, heading: str, message: str, retry_after: str | None = None) -> web.Response:
    body = TEMPLATES.get_template("notice.html").render(heading=heading, message=message)
    later = {"Retry-After": retry_after} if retry_after else {}
    return web.Response(text=body, status=status, content_type="text/html", charset="utf-8",
                        headers={**HEADERS, **later})


def turned_away(admission: Admission) -> web.Response | None:
    """The answer to a reader the link does not admit (a members' page: ask for a link; else: nothing here)."""
    if admission.group is not None:
        return None
    return notice(403, *ASK) if admission.exists else notice(404, *NOWHERE)


def token_of(request: web.Request) -> str:
    return request.query.get("t") or request.cookies.get(COOKIE, "")


def rendered_page(sessions: sessionmaker[Session], secret: str | None, clock: Callable[[], dt.datetime],
                  short_name: str, token: str) -> tuple[Admission, str]:
    """The group page for a reader the token admits, rendered; an empty page for one it does not."""
    with unit_of_work(sessions) as session:
        admission = admit(session, short_name, token, secret, clock())
        if admission.group is None:
            return admission, ""
        group, now, reader = admission.group, clock(), admission.reader_id
        own = calendar_token(secret, short_name, reader) if secret and reader is not None else None
        content = group_page(session, group, now, lambda meeting: draft_refusal(session, group, reader, meeting, now),
                             own)
        assert content.chart is not None
        return admission, TEMPLATES.get_template("group.html").render(page=content, chart=svg(content.chart),
                                                                      tally=tally)


def minutes_admission(sessions: sessionmaker[Session], secret: str | None, clock: Callable[[], dt.datetime],
                      short_name: str, token: str) -> Admission:
    """Whether the link `token` admits its holder to the minutes of `short_name` (`admit`)."""
    with unit_of_work(sessions) as session:
        return admit(session, short_name, token, secret, clock())


def minutes_download(sessions: sessionmaker[Session], admission: Admission, number: int, kind: str,
                     now: dt.datetime) -> bytes | None:
    """A meeting's minutes as Markdown (`kind` md) or Word (docx, and pdf: the document to convert), for a reader
    admitted to the group's page. Raises NotFound for a meeting the group has not held, and NotAllowed for draft
    minutes the ToR keeps from the reader until they are approved."""
    assert admission.group is not None
    with unit_of_work(sessions) as session:
        group = session.get(Group, admission.group.id)
        if group is None:
            raise NotFound("The group is no longer in the record.")
        meeting = find_meeting(session, group, number)
        if (refused := draft_refusal(session, group, admission.reader_id, meeting, now)) is not None:
            raise NotAllowed(refused)
        filed = minutes_file(session, group, meeting)
    return filed.text.encode() if kind == "md" else filed.as_docx()


Admit = Callable[[str, str], Admission]
Download = Callable[[Admission, int, str], bytes | None]


def minutes_route(admitted: Admit, download: Download,
                  pdfs: Conversions) -> Callable[[web.Request], Awaitable[web.StreamResponse]]:
    """GET a meeting's minutes as a file, for a reader the link admits."""

    async def minutes(request: web.Request) -> web.StreamResponse:
        short_name, kind = request.match_info["group"], request.match_info["kind"]
        # The link is read before a place among the PDFs waiting is taken: one it refuses holds none.
        admission = await asyncio.to_thread(admitted, short_name, token_of(request))
        if (refused := turned_away(admission)) is not None:
            return refused
        assert admission.group is not None  # turned_away answers every request without one
        try:
            with pdfs.turn(kind):  # a crowd asking for PDFs is turned away before their files are made
                body = await asyncio.to_thread(download, admission, int(request.match_info["number"]), kind)
                body = await pdfs.made(body, kind)
        except NotFound as missing:
            return notice(404, "No such meeting", str(missing))
        except NotAllowed as draft:
            return notice(403, "These minutes are a draft", str(draft))
        except Busy:
            return notice(503, *BUSY, retry_after=RETRY_AFTER)
        if body is None:
            return notice(404, "No PDF here", NO_PDF)
        # The meeting's number as people say it: `/meetings/000001/` named its file `…-meeting-000001-…`.
        name = f"{short_name}-meeting-{int(request.match_info['number'])}-minutes.{kind}"
        return web.Response(body=body, content_type=FORMATS[kind], headers={
            **HEADERS, "Content-Disposition": f'attachment; filename="{name}"'})

    return minutes


def mount(app: web.Application, settings: Settings, sessions: sessionmaker[Session],
          clock: Callable[[], dt.datetime]) -> None:
    """Add the group page routes to `app`."""
    secret = settings.page_key

    def page(short_name: str, token: str) -> tuple[Admission, str]:
        return rendered_page(sessions, secret, clock, short_name, token)

    async def group(request: web.Request) -> web.StreamResponse:
        token = token_of(request)
        admission, body = await asyncio.to_thread(page, request.match_info["group"], token)
        if (refused := turned_away(admission)) is not None:
            return refused
        if "t" in request.query and admission.reader_id is not None:
            return signed_in(request, token)
        return web.Response(text=body, content_type="text/html", charset="utf-8", headers=HEADERS)

    def signed_in(request: web.Request, token: str) -> web.StreamResponse:
        """Keep the link in the group's session cookie, and take it out of the address bar and history. The cookie
        is the group's own (its path is the group's pages): one for all groups was overwritten by the next group's
        link, and a member of two groups found the first group's page shut to them."""
        found = read(secret or "", token, clock())
        response = web.Response(status=303, headers={**HEADERS, "Location": request.path})
        seconds = int((found.expires - clock()).total_seconds()) if found else 0
        response.set_cookie(COOKIE, token, path=f"/groups/{request.match_info['group']}/", max_age=seconds,
                            secure=True, httponly=True, samesite="Lax")
        return response

    def admitted(short_name: str, token: str) -> Admission:
        return minutes_admission(sessions, secret, clock, short_name, token)

    def download(admission: Admission, number: int, kind: str) -> bytes | None:
        return minutes_download(sessions, admission, number, kind, clock())

    async def stylesheet(request: web.Request) -> web.StreamResponse:
        return web.FileResponse(HERE / "static" / "page.css", headers={"Cache-Control": "public, max-age=3600",
                                                                       "Content-Type": "text/css"})

    async def slashed(request: web.Request) -> web.StreamResponse:
        """The page's own address, with its slash (the session cookie's path is the group's pages under it), the
        query and its link kept: `/groups/cjcg` typed or pasted without it was a bare 404."""
        query = f"?{request.rel_url.raw_query_string}" if request.rel_url.raw_query_string else ""
        raise web.HTTPPermanentRedirect(f"{request.rel_url.raw_path}/{query}", headers=HEADERS)

    app.router.add_get("/groups/{group}/", group)
    app.router.add_get("/groups/{group}", slashed)
    app.router.add_get(r"/groups/{group}/meetings/{number:\d{1,6}}/minutes.{kind:docx|md|pdf}",
                       minutes_route(admitted, download, Conversions.serving(app)))
    app.router.add_get("/static/govbot-page.css", stylesheet)
