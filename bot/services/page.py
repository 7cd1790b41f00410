"""The group's web page from chat: `page` gives a person their own link, and the record's answers (minutes,
registers, actions) end with it."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import TypeVar

from bot.commands import Command
from bot.errors import NotAllowed
from bot.records.page_links import is_member, issue
from bot.replies import Reply
from bot.rules.calendar import show
from bot.rules.page_access import Visibility, explain, visibility
from bot.services.context import Context
from bot.settings import get_settings
from bot.verbs import Page

C = TypeVar("C", bound=Command)
NOT_SET_UP = ("Group pages are not switched on on this server: its administrator sets PAGE_SECRET (and PUBLIC_URL) "
              "in its settings.")
OVERHEARD = ("Your personal link to the group's page would be read by everyone in this channel, so ask me in a 1:1 "
             "chat: say `page` there.")


def base_url() -> str:
    settings = get_settings()
    return (settings.public_url or f"http://localhost:{settings.port}").rstrip("/")


def page_url(ctx: Context, anchor: str = "") -> str | None:
    """The page's address for the person speaking: the plain address of a public page, else a personal link
    that expires. None when the person is not a member of a page that is not public, or pages are not set up."""
    settings = get_settings()
    address = f"{base_url()}/groups/{ctx.group.short_name}/"
    if visibility(ctx.terms) == Visibility.PUBLIC:
        return address + anchor
    if settings.page_key is None or not is_member(ctx.session, ctx.group, ctx.actor.id, ctx.today):
        return None
    expires = ctx.now + dt.timedelta(hours=settings.page_link_hours)
    token = issue(settings.page_key, ctx.group.short_name, ctx.actor.id, expires)
    return f"{address}?t={token}{anchor}"


def overheard(ctx: Context) -> bool:
    """Whether the whole channel reads the answer, even one meant for the speaker (a Teams channel cannot show
    an answer to one person): no personal link goes there."""
    return ctx.place is not None and ctx.place.said_in_public


def page_link(ctx: Context, cmd: Page) -> Reply:
    """The group's page: the record (meetings, minutes, registers, actions, attendance) on the web."""
    public = visibility(ctx.terms) == Visibility.PUBLIC
    if not public and not is_member(ctx.session, ctx.group, ctx.actor.id, ctx.today):
        raise NotAllowed(explain(ctx.terms) + "; you do not hold a seat in it, so I cannot give you a link.")
    if not public and overheard(ctx):
        return Reply(OVERHEARD, title="Open the record", private=True)
    url = page_url(ctx)
    if url is None:
        raise NotAllowed(NOT_SET_UP)
    hours = get_settings().page_link_hours
    until = "" if public else (f" This link is yours alone and works until "
                               f"{show(ctx.now + dt.timedelta(hours=hours), ctx.terms.zone)}, while you are a member; "
                               "say `page` again for a new one.")
    return Reply(f"The record of {ctx.terms.name}: {url}\n{explain(ctx.terms)}.{until}",
                 title="Open the record", private=True)


def with_link(use_case: Callable[[Context, C], Reply], anchor: str) -> Callable[[Context, C], Reply]:
    """`use_case`, its reply ending with the link to that part of the group's page (when the speaker may have one)."""

    def answered(ctx: Context, cmd: C) -> Reply:
        reply = use_case(ctx, cmd)
        # A personal link goes only in a reply the speaker alone sees: in the channel, others could open it.
        personal = visibility(ctx.terms) != Visibility.PUBLIC
        url = None if reply.error or (personal and (not reply.private or overheard(ctx))) else page_url(ctx, anchor)
        if url is None:
            return reply
        return dataclasses.replace(reply, link=("Open the record", url))

    answered.__doc__ = use_case.__doc__
    return answered
