"""The one entry point every platform calls: a person says something in a channel; the bot replies."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from bot import group_commit
from bot.commands import Command, parse
from bot.db import unit_of_work
from bot.dispatch import USE_CASES
from bot.errors import DomainError, NotFound, UsageError
from bot.identity import Audience
from bot.observe import command_done
from bot.payloads import Pressed, decode
from bot.refs import RecordRef
from bot.replies import Aside, Reply, refusal
from bot.said_plainly import plainly
from bot.services import confidential, direct, groups
from bot.services.channel_bind import bind
from bot.services.channel_unbind import NOT_BOUND
from bot.services.choices import hinted, sole_vote_typed
from bot.services.context import Context, Place, Speaker, person_for, speaker_context
from bot.services.deliveries import Delivery, claim
from bot.services.direct_posts import to_the_channel
from bot.services.exposure import exposure_asides
from bot.services.help_answer import help_answer
from bot.services.mention_text import names_written
from bot.services.record_cards import card_now, with_cards
from bot.services.record_pace import require_within_pace
from bot.verbs import GroupBind, GroupUnbind, Help
from bot.vote_unnumbered import read_vote, unnumbered

logger = logging.getLogger(__name__)

Answer = TypeVar("Answer", Reply, Reply | None)
Pending = Callable[[RecordRef], bool]  # whether the platform is refreshing this record's card already

FAILURE = ("Sorry, something went wrong on my side and nothing was recorded. Please try again; if it persists, "
           "tell your administrator (the error is in the bot's log).")


def respond(sessions: sessionmaker[Session], speaker: Speaker, place: Place, said: str | Command | Pressed,
            now: dt.datetime) -> Reply:
    """Run one command from `speaker` in `place` at `now` and return the reply: `said` is typed text, a form's typed
    command, or what a pressed button carries.

    Never raises: bad input and refusals come back as private error replies; every change a command makes
    is committed whole or not at all.
    """
    named = None
    if isinstance(said, str):
        said, named = direct.named_group(plainly(said))
    command = read_command(sessions, speaker, place, said, now)
    if isinstance(command, Reply):
        return command
    return respond_command(sessions, speaker, place, command, now, named=named)


def read_command(sessions: sessionmaker[Session], speaker: Speaker, place: Place, said: str | Command | Pressed,
                 now: dt.datetime) -> Command | Reply:
    """The typed command `said` stands for; or the refusal, saying what would work, when it stands for none. Text
    and a button's payload are read once, here."""
    if isinstance(said, Command):
        return said
    try:
        return decode(said.payload, now.date()) if isinstance(said, Pressed) else parse(said, now.date())
    except UsageError as error:
        sole = sole_vote(sessions, speaker, place, said, now) if error.missing == "poll" else None
        return sole or refuse_usage(sessions, speaker, place, error, now)
    except DomainError as error:
        return refusal(error.message)


def sole_vote(sessions: sessionmaker[Session], speaker: Speaker, place: Place, said: str | Pressed,
              now: dt.datetime) -> Command | None:
    """`vote for` typed with one vote open in the group: that vote (`vote 3 for`); else None (two open: ask which)."""
    typed = transact(sessions, "hint", lambda session: Reply(sole_vote_typed(session, speaker, place, said, now))) \
        if isinstance(said, str) and unnumbered(said) else None
    return read_vote(typed.text, now.date()) if typed is not None and not typed.error else None


def refuse_usage(sessions: sessionmaker[Session], speaker: Speaker, place: Place, error: UsageError,
                 now: dt.datetime) -> Reply:
    """The grammar's refusal, and where it left out a poll, meeting or action number, the ones that would do."""
    if error.missing is None:
        return refusal(error.message)
    listed = transact(sessions, "hint", lambda session: Reply(hinted(session, speaker, place, error, now)))
    return refusal(error.message if listed.error else listed.text)


def respond_command(sessions: sessionmaker[Session], speaker: Speaker, place: Place, command: Command,
                    now: dt.datetime, *, named: str | None = None) -> Reply:
    """Run an already typed command (from a form or card, say) exactly as `respond` runs typed text."""
    return transact(sessions, command.verb, lambda session: answer(session, speaker, place, command, now, named))


def respond_once(sessions: sessionmaker[Session], speaker: Speaker, place: Place, said: str | Command | Pressed,
                 now: dt.datetime, delivery: Delivery | None, pending: Pending | None = None,
                 also: Callable[[Session], None] | None = None) -> Reply | None:
    """As `respond`, for what a platform delivered: None, and nothing changed, when `delivery` was handled
    before (a platform's retry, a replayed request, a double click). The delivery is claimed in the command's
    own transaction. `pending` says which records' cards the platform is refreshing already (with_cards).
    `also` is the platform's own bookkeeping (keeping the conversation's reference), done in the command's
    transaction after the command, not in one of its own: a refusal may have undone it with the command."""
    named = None
    if isinstance(said, str):
        said, named = direct.named_group(plainly(said))
    read = read_command(sessions, speaker, place, said, now)
    if isinstance(read, Reply):
        return read
    command = read

    def once(session: Session) -> Reply | None:
        if delivery is not None and not claim(session, delivery, now):
            return None
        reply = answer(session, speaker, place, command, now, named, pending)
        if also is not None:
            also(session)
        return reply

    return transact(sessions, command.verb, once)


def transact(sessions: sessionmaker[Session], verb: str, work: Callable[[Session], Answer]) -> Answer | Reply:
    """`work` in one transaction, committed whole or rolled back whole: a refusal is the reply; a write that raced
    another (two deliveries of one click) is retried and then sees the other's write. Reported to bot.observe."""
    started = time.perf_counter()
    writer = group_commit.writer_for(sessions)
    answer = attempt_work(sessions, verb, work) if writer is None else in_batch(writer, verb, work)
    command_done(verb, time.perf_counter() - started, answer)
    return answer


def attempt_work(sessions: sessionmaker[Session], verb: str, work: Callable[[Session], Answer]) -> Answer | Reply:
    for attempt in range(3):
        try:
            with unit_of_work(sessions) as session:
                return work(session)
        except DomainError as error:
            return refusal(error.message)
        except (IntegrityError, OperationalError):
            if attempt == 2:
                logger.exception("command %r failed after retries", verb)
                return refusal(FAILURE)
        except Exception:
            logger.exception("command %r failed", verb)
            return refusal(FAILURE)
    return refusal(FAILURE)


def in_batch(writer: group_commit.GroupCommit, verb: str, work: Callable[[Session], Answer]) -> Answer | Reply:
    """`work` in the writer's next batch (SQLite's group commit): answered once the batch is committed."""
    try:
        return writer.run(verb, work)
    except DomainError as error:
        return refusal(error.message)
    except Exception:
        logger.exception("command %r failed", verb)
        return refusal(FAILURE)


def answer(session: Session, speaker: Speaker, place: Place, command: Command, now: dt.datetime,
           named: str | None = None, pending: Pending | None = None) -> Reply:
    """`run`, then what the channel's audience calls for: a confidential group's chair warned, in this same
    transaction, when the platform says who can read the channel; else, after a bind, the platform asked to say."""
    reply = run(session, speaker, place, command, now, named, pending)
    if reply.error or place.direct:
        return reply
    if place.audience is not None:
        asides = exposure_asides(session, speaker, place, place.audience, now)
        return dataclasses.replace(reply, asides=reply.asides + asides) if asides else reply
    return dataclasses.replace(reply, audience_wanted=True) if isinstance(command, GroupBind) else reply


def exposure(sessions: sessionmaker[Session], speaker: Speaker, place: Place, audience: Audience,
             now: dt.datetime) -> tuple[Aside, ...]:
    """The warning due, once per binding, now that the platform says who can read `place` (after a reply that
    wanted its audience): see `answer`. Empty when none is due."""
    asides = transact(sessions, "exposure", lambda session: Reply("", asides=exposure_asides(
        session, speaker, place, audience, now)))
    return asides.asides


def run(session: Session, speaker: Speaker, place: Place, command: Command, now: dt.datetime,
        named: str | None = None, pending: Pending | None = None) -> Reply:
    if isinstance(command, Help):
        return help_answer(session, speaker, place, command, now)
    if isinstance(command, GroupBind):
        return bind(session, person_for(session, speaker).id, place, command.short_name, now)
    group, seated = groups.group_and_seat(session, place, speaker)
    if isinstance(command, GroupUnbind) and group is None:
        raise NotFound(NOT_BOUND)
    actor = seated[0] if seated is not None else person_for(session, speaker)
    if group is None and place.direct:  # a 1:1 chat with the bot: the person's own groups
        chosen = direct.groups_meant(session, actor, command.verb, named, now)
        # the cards a command changed are in the group's channel, not here: named for the platform to read anew;
        # what it changed is posted there too (direct_posts)
        combined = direct.combined(chosen, [
            to_the_channel(ctx, with_cards(ctx, USE_CASES[type(command)](ctx, names_written(ctx, command)), everywhere))
            for ctx in (Context(session=session, group=g, actor=actor, now=now, platform=speaker.platform, place=place)
                        for g in chosen)])
        for g in chosen:
            require_within_pace(session, g, actor, now)
        return combined
    if group is None:
        # Raised, not returned: the refusal must roll back the person just created for a first-time speaker.
        raise NotFound("This channel is not bound to a group yet. A chair or secretary binds it with "
                       "`group bind <short-name>`.")
    direct.check_named(group, named)
    ctx = Context(session=session, group=group, actor=actor, now=now, platform=speaker.platform, place=place)
    if seated is not None:
        ctx.seat_read(actor, seated[1])
    confidential.require_may_see(ctx, command)
    reply = with_cards(ctx, USE_CASES[type(command)](ctx, names_written(ctx, command)), pending)
    require_within_pace(session, group, actor, now)  # raised after the change: the refusal rolls it back
    return reply


def everywhere(ref: RecordRef) -> bool:
    """Every card as pending (bot.services.record_cards.with_cards): one a direct message changed is refreshed
    where it is posted, read anew there."""
    return True


def card(sessions: sessionmaker[Session], speaker: Speaker, place: Place, ref: RecordRef,
         now: dt.datetime, when: Callable[[Session], bool] | None = None) -> Reply | None:
    """The public card of `ref` in `place`'s group as it stands now, for a platform refreshing a card it posted
    (or the card a button was pressed on); None when `place` is bound to no group or the record has no card there.
    Changes nothing; the card is the channel's view, whoever is reading. With `when`, also None unless `when` holds
    (the platform posted a card to refresh), asked in the same transaction, before the card is composed."""

    def read(session: Session) -> Reply | None:
        if when is not None and not when(session):
            return None
        group, seated = groups.group_and_seat(session, place, speaker)  # the reader and their seat with it
        if group is None:
            return None
        return card_now(speaker_context(session, group, seated, speaker, place, now), ref)

    shown = transact(sessions, "card", read)
    return None if shown is None or shown.error else shown
