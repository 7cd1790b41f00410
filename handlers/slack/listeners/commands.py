"""`/gov <verb> ...`: the slash command runs the typed text as the person who typed it, in that channel.

A private answer travels in the ack itself, which Slack shows only to the person who typed the command: the
vote is recorded and its receipt shown in one round trip. A command that takes longer than Slack will wait is
acknowledged empty and answered through the response_url when it is done; records the channel must see are
posted after the ack.
"""

from __future__ import annotations

import time
from concurrent.futures import Future
from typing import Any

from slack_bolt import Ack, App, BoltContext, BoltRequest
from slack_sdk import WebClient

from bot.replies import Reply
from bot.services.context import Speaker
from handlers.slack import payloads
from handlers.slack.answer import RECEIVED_AT, Core, Exchange
from handlers.slack.exposure import tell, warn_if_exposed
from handlers.slack.render import message
from handlers.slack.workspaces import remember_team

COMMAND = "/gov"
ANSWER_WITHIN = 2.0  # seconds from arrival the ack waits for the command; Slack gives up after three


def register(app: App, core: Core) -> None:
    def gov_command(ack: Ack, body: dict[str, Any], client: WebClient, request: BoltRequest,
                    context: BoltContext) -> None:
        received = context.get(RECEIVED_AT) or time.monotonic()  # queued requests have less time left
        speaker = Speaker(payloads.PLATFORM, body["user_id"], body.get("user_name") or body["user_id"])
        place = payloads.place_of(body["channel_id"], body.get("channel_name"))
        exchange = Exchange(core, client, speaker, place, response_url=body.get("response_url"))
        text = payloads.typed(body.get("text") or "")
        running = core.workers.commands.submit(core.respond_once, speaker, place, text, request, exchange.changes)
        try:
            reply = running.result(timeout=max(0.0, received + ANSWER_WITHIN - time.monotonic()))
        except TimeoutError:
            ack()  # the answer follows when the command is done, without a worker waiting for it
            running.add_done_callback(lambda done: core.after(lambda: follow_up(exchange, settled_result(
                exchange, done), body)))
            return
        except Exception:
            exchange.settled()
            raise
        if reply is not None and reply.private:
            ack(response_type="ephemeral", **message(reply))
        else:
            ack()
        core.after(lambda: follow_up(exchange, reply, body, answered=True))

    app.command(COMMAND)(gov_command)


def settled_result(exchange: Exchange, done: Future[Reply | None]) -> Reply | None:
    """The command's reply; where it failed, its changes are settled before the failure is logged."""
    try:
        return done.result()
    except BaseException:
        exchange.settled()
        raise


def follow_up(exchange: Exchange, reply: Reply | None, body: dict[str, Any], answered: bool = False) -> None:
    """What follows the ack: the answer, if the ack could not carry it, and the channel's view of the change."""
    if reply is None:
        exchange.settled()
        return  # a repeat of a delivery already handled
    if reply.audience_wanted:  # a channel was just bound: whose workspace it is, kept before anything shows it
        with exchange.core.serially():
            remember_team(exchange.core.sessions, exchange.place, body.get("team_id"), body.get("enterprise_id"))
    try:
        if not answered:
            exchange.answer(reply)
        else:
            if not reply.private:
                exchange.show(reply)
            exchange.refresh_cards(reply)
    finally:
        exchange.settled()
    tell(exchange, reply.asides)
    if reply.audience_wanted:
        warn_if_exposed(exchange)
