"""Casting and changing a ballot: who may vote, and what their words choose."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Row, select, update

from bot.commands import STOP, PersonRef
from bot.errors import NotAllowed, NotFound, UsageError
from bot.grammar import mention
from bot.models import Attendance, Meeting, Person, Poll, SecretTally, SecretVoter
from bot.refs import PollRef
from bot.replies import Reply
from bot.rules.calendar import show
from bot.rules.voting import vote_refusal
from bot.services import attendance, guests, roll
from bot.services.ballot_write import write_ballot
from bot.services.context import Context
from bot.services.interests import declared_on_item
from bot.services.numbers import meeting_number
from bot.services.out_for_item import out_refusal
from bot.services.poll_records import get_poll, not_open_yet, refuse_withdrawn
from bot.services.record_lock import require_unlocked
from bot.services.set_aside import seat_voted
from bot.services.standing import is_voting
from bot.services.vote_cap import vote_cap_refusal
from bot.typed_words import person_ref
from bot.verbs import Vote

MOTION_CHOICES = {"for": 1, "yes": 1, "aye": 1, "in favour": 1, "in favor": 1, "against": 2, "no": 2, "nay": 2,
                  "opposed": 2, "abstain": 3, "abstention": 3, "abstaining": 3}


def choices_of(poll: Poll, words: Sequence[str],
               named: Callable[[PersonRef], str] = lambda ref: ref.name or ref.value) -> list[int]:
    """Option positions from what the voter typed: a number, a label, a candidate named as a person (`@alice`, or
    picked from the @ menu: `named` gives their name), or for/against/abstain on a motion."""
    if poll.kind == "motion":
        word = " ".join(words).casefold().rstrip(STOP)  # `vote 1 For.`
        if word not in MOTION_CHOICES or MOTION_CHOICES[word] > len(poll.options):
            allowed = "/".join(o.label.casefold() for o in poll.options)
            raise UsageError(f"Vote {allowed} on motion {poll.number}: `vote {poll.number} for`.")
        return [MOTION_CHOICES[word]]
    by_label = {o.label.casefold(): o.position for o in poll.options}
    whole = " ".join(words).casefold()
    if whole in by_label:
        return [by_label[whole]]
    picked: list[int] = []
    for word in words:  # a candidate typed as their handle (`vote 1 @alice`) is the option that names them
        ref, number = person_ref(word), word.rstrip(STOP)  # `vote 2 2.`: a sentence's stop ends the number
        said = f"@{named(ref)}" if ref is not None else word
        position = int(number) if number.isdecimal() else by_label.get(word.casefold()) or \
            by_label.get(said.casefold().removeprefix("@").rstrip(STOP))
        if position is None or not 1 <= position <= len(poll.options):
            listing = ", ".join(f"{o.position} {o.label}" for o in poll.options)
            raise UsageError(f"'{said[:40]}' is not an option of poll {poll.number}. Options: {listing}.")
        if position not in picked:
            picked.append(position)
    if len(picked) > 1 and not poll.multi:
        raise UsageError(f"Poll {poll.number} takes one choice; vote for one option.")
    return picked


def candidate(ctx: Context, ref: PersonRef) -> str:
    """The name of the person a vote names (`vote 1 @alice`, a mention on Slack or Teams), to find their option."""
    try:
        return ctx.person(ref).display_name
    except NotFound:
        return ref.name or ref.value


def entitled_member(ctx: Context, poll: Poll, for_ref: PersonRef | None) -> int:
    """The member whose vote the speaker casts; refuses anyone the ToR does not let vote."""
    if poll.meeting_id is not None:
        meeting = ctx.session.get(Meeting, poll.meeting_id)
        assert meeting is not None
        casters = roll.voters_present(ctx, meeting)
        mine = [member for member, caster in casters.items() if caster == ctx.actor.id]
    else:
        mine = [ctx.actor.id] if is_voting(ctx, ctx.membership(ctx.actor)) else []
    if for_ref is not None:
        wanted = ctx.person(for_ref)
        if mine and wanted.id not in mine:  # one who votes, naming someone whose vote is not theirs to cast
            rule = ctx.terms.deputies
            by = f"or by {rule.a_word} attending in their place" if rule.allowed and rule.may_vote else "alone"
            raise NotAllowed(rule.cited(f"You do not cast {wanted.display_name}'s vote: a vote is cast by the member "
                                        f"{by}") + f". Vote with `vote {poll.number} <choice>`"
                             + (", naming whose with --for." if len(mine) > 1 else "."))
        mine = [m for m in mine if m == wanted.id]
    if len(mine) == 1:
        return mine[0]
    if len(mine) > 1:
        raise UsageError("You cast more than one vote here; say whose with `--for @member`.")
    number = meeting_number(ctx.session, poll.meeting_id) if poll.meeting_id is not None else None
    if poll.meeting_id is not None and number is not None and \
            (as_guest := guests.guest_at(ctx, poll.meeting_id, number)) is not None:
        raise NotAllowed(f"{as_guest}: guests do not vote.")
    if poll.meeting_id is not None and (out := out_of_room(ctx, poll)) is not None:
        raise NotAllowed(out)
    if poll.meeting_id is not None:
        refusal, waiting = deputy_refusal(ctx, poll.meeting_id), not_yet_attending(ctx, poll.meeting_id)
        if refusal is not None or waiting is not None:
            raise NotAllowed(" ".join(part for part in (refusal, waiting) if part))
    held = ctx.membership(ctx.actor)
    if held is None and (former := attendance.former_seat(ctx)) is not None:  # a term ended, a successor seated
        raise NotAllowed(f"{former.removesuffix('.')}, so you do not vote.")
    raise NotAllowed(vote_refusal(ctx.terms, held, ctx.today, voter=ctx.actor.display_name, meeting_number=number))


def out_of_room(ctx: Context, poll: Poll) -> str | None:
    """Why the speaker, out of the room for an item (`leaving --item N`), does not vote now; else None."""
    meeting = ctx.session.get(Meeting, poll.meeting_id)
    if meeting is None or meeting.status != "open":
        return None
    return out_refusal(ctx, meeting, roll.attending_row(ctx, meeting, ctx.actor), poll.kind, poll.number)


def deputy_refusal(ctx: Context, meeting_id: int) -> str | None:
    """Why a deputy at the meeting does not vote: the member they deputised for has arrived (CJCG 7.2: a deputy
    attends where the member "cannot attend"), or they attend beside the member (LIEG 2.4: "an additional
    individual"); None when the speaker is neither."""
    rule = ctx.terms.deputies
    for row in ctx.session.scalars(select(Attendance).where(Attendance.meeting_id == meeting_id)):
        member = ctx.session.get(Person, row.member_id)
        if member is None:
            continue
        if row.relieved_id == ctx.actor.id and row.left_at is not None:  # the member came, then left
            return rule.cited(f"{member.display_name}, for whom you {rule.stands_in('d')}, attended and left at "
                              f"{row.left_at.astimezone(ctx.terms.zone):%H:%M}; the vote stays with "
                              f"{member.display_name}, who votes again on coming back with `here`: {rule.a_word} "
                              "votes only in place of a member who did not attend") + "."
        if row.relieved_id == ctx.actor.id:
            return rule.cited(f"{member.display_name}, for whom you {rule.stands_in('d')}, is present and votes: "
                              f"{rule.a_word} votes only in place of an absent member") + "."
        if row.status == "present" and row.deputy_id == ctx.actor.id:
            state = "who is present and votes" if row.left_at is None else "who has left the meeting"
            return rule.cited(f"You attend beside {member.display_name}, {state}: an additional individual has no "
                              "vote") + "."
    return None


def not_yet_attending(ctx: Context, meeting_id: int) -> str | None:
    """Where the speaker is the named deputy of a member who is not at the meeting, and does not yet attend in their
    place: how to (`here --for @member`), which gives them that member's vote; None otherwise."""
    meeting = ctx.session.get(Meeting, meeting_id)
    if meeting is None or meeting.status != "open":
        return None
    rule, rows = ctx.terms.deputies, {row.member_id: row for row in roll.attendance(ctx, meeting)}
    waiting = [n.member for n in roll.nominations_for(ctx, meeting, ctx.actor)
               if n.member_id not in rows or rows[n.member_id].status in ("apologies", "absent")]
    if not waiting or ctx.membership(ctx.actor) is not None:
        return None
    member = waiting[0].display_name
    return rule.cited(f"{member} named you their {rule.word} and is not here: say `here --for {mention(member)}` "
                      f"to attend in {member}'s place, and vote for them") + "."


def vote(ctx: Context, cmd: Vote) -> Reply:
    """Cast or change a vote. Open polls count the latest vote; secret ballots cannot change."""
    poll = get_poll(ctx, cmd.poll)
    refuse_withdrawn(poll)
    if poll.status != "open":
        hint = f"see `results {poll.number}`." if poll.status == "closed" else \
            f"it is not open for votes yet: {not_open_yet(ctx, poll)}"
        raise NotAllowed(f"{poll.kind.capitalize()} {poll.number} is {poll.status}; {hint}")
    if poll.closes_at and poll.closes_at <= ctx.now:
        raise NotAllowed(f"Voting on {poll.kind} {poll.number} closed at {show(poll.closes_at, ctx.terms.zone)}.")
    require_unlocked(ctx, poll.meeting_id, "a vote in it")
    if poll.secret and ctx.place is not None and ctx.place.said_in_public:
        raise NotAllowed("This poll is secret, and what you type here is seen by the channel: vote with the buttons "
                         "on the poll's card (only you see your choice).")
    positions = choices_of(poll, cmd.choice, lambda ref: candidate(ctx, ref))
    member_id = entitled_member(ctx, poll, cmd.for_)
    if (over := vote_cap_refusal(ctx, poll, member_id) or seat_voted(ctx, poll, member_id)) is not None:
        raise NotAllowed(over)
    labels = ", ".join(poll.options[p - 1].label for p in positions)
    on_behalf = "" if member_id == ctx.actor.id else f" as {ctx.terms.deputies.word}"
    notices = interest_reminders(ctx, poll, member_id)
    if poll.secret:
        if ctx.session.scalar(select(SecretVoter.id).where(SecretVoter.poll_id == poll.id,
                                                          SecretVoter.member_id == member_id)) is not None:
            return Reply(f"Your vote in secret poll {poll.number} is already counted; secret ballots cannot be "
                         "changed.", private=True, subject=PollRef(poll.id))
        ctx.session.add(SecretVoter(poll_id=poll.id, member_id=member_id))
        ctx.session.execute(update(SecretTally).where(SecretTally.poll_id == poll.id,
                                                      SecretTally.position.in_(positions))
                            .values(count=SecretTally.count + 1))
        ctx.audit("ballot.cast_secret", poll=poll.id, member=member_id)
        return Reply(f"Your secret ballot in poll {poll.number} is counted. It cannot be changed.", private=True,
                     subject=PollRef(poll.id), notices=notices)
    ballot, written = write_ballot(ctx, poll, member_id, positions)
    if not written:
        return Reply(f"Your vote{on_behalf} on {poll.kind} {poll.number} is already recorded: {labels}.", private=True,
                     subject=PollRef(poll.id), notices=notices)
    changed = ballot is not None
    ctx.audit("ballot.changed" if changed else "ballot.cast", poll=poll.id, member=member_id, choices=positions)
    verb = "changed to" if changed else "recorded:"
    return Reply(f"Your vote{on_behalf} on {poll.kind} {poll.number} is {verb} {labels}"
                 f"{replacing(ctx, poll, ballot, member_id)}.", private=True,
                 subject=PollRef(poll.id), notices=notices)


def replacing(ctx: Context, poll: Poll, ballot: Row[Any] | None, member_id: int) -> str:
    """`, replacing the vote For that nadia cast for you as alternate`: where the vote changed was cast by another,
    the member's deputy in their place (PLPCP Membership), whose vote it was; empty otherwise."""
    if ballot is None or ballot.cast_by_id == ctx.actor.id or member_id != ctx.actor.id:
        return ""
    caster = ctx.session.get(Person, ballot.cast_by_id)
    labels = ", ".join(poll.options[p - 1].label for p in ballot.choices)
    return f", replacing the vote {labels} that {caster.display_name if caster else 'another'} cast for you as " \
        f"{ctx.terms.deputies.word}"


def interest_reminders(ctx: Context, poll: Poll, member_id: int) -> tuple[str, ...]:
    if poll.item_id is None:
        return ()
    declared = declared_on_item(ctx, ctx.actor.id, poll.item_id)
    if member_id != ctx.actor.id:
        declared += declared_on_item(ctx, member_id, poll.item_id)
    rule = ctx.terms.interests
    asks = (rule.cited("The ToR asks that it be declared and recorded") + ", and says nothing of a member with an "
            "interest not voting") if "interests" in ctx.terms.model_fields_set else "The ToR says nothing of interests"
    return tuple(dict.fromkeys(f"Reminder: an interest was declared on this item: {i.description}. {asks}: whether "
                               "to vote is yours to judge, with the chair." for i in declared))
