"""Apologies for a meeting to come (or open): sent by the member, or recorded for them by whoever keeps the
meeting's record (the secretariat, the chair, the minute-taker), as a clerk records apologies sent by e-mail."""

from __future__ import annotations

from sqlalchemy import bindparam, or_, select

from bot import verbs
from bot.errors import NotAllowed, NotFound, UsageError
from bot.grammar import PersonRef, mention
from bot.models import Attendance, DeputyNomination, Meeting, Membership, Person
from bot.refs import MeetingRef
from bot.replies import Reply
from bot.rules.calendar import show, show_date
from bot.rules.deputies import may_send, sending_hint
from bot.rules.tenure import lapsed_hint, term_over, until_reappointed
from bot.services import lengths, roll
from bot.services.apology_meeting import meeting_in_month, meeting_in_reason, meeting_on_day, next_meeting_in_reason
from bot.services.authority import require
from bot.services.context import Context
from bot.services.deputy_eligibility import accounts_of
from bot.services.lengths import kept
from bot.services.record_lock import require_unlocked
from bot.terms_powers import Act
from bot.typed_words import after_separator, person_ref


def apologies(ctx: Context, cmd: verbs.Apologies) -> Reply:
    """Record apologies from the speaker, or (`--for @member`, by a holder of the power to record actions) from the
    member who sent them; refused for a meeting held, a person with no seat, or one recorded present."""
    stated = meeting_in_reason(cmd)
    refuse_for_without_dashes(ctx, cmd, stated)
    cmd = next_meeting_in_reason(ctx, meeting_in_month(ctx, meeting_on_day(ctx, stated)))
    meeting = ctx.meeting(cmd.meeting)
    if meeting.status not in ("scheduled", "open"):
        raise NotAllowed(f"Meeting {meeting.number} is {meeting.status}; apologies are for a meeting to come.")
    member = ctx.person(cmd.for_) if cmd.for_ is not None else ctx.actor
    own = member.id == ctx.actor.id
    if not own:
        require(ctx, Act.RECORD_ACTIONS, "record apologies sent by a member", meeting=meeting, present=True)
    name = member.display_name
    held = ctx.membership(member)
    if held is None and own and (named := deputy_for(ctx, meeting)) is not None:
        raise NotAllowed(named)
    if held is None:
        raise NotAllowed(f"You hold no seat in {ctx.terms.name}, so no apologies are needed." if own else
                         f"{name} holds no seat in {ctx.terms.name}, so no apologies are needed from them.")
    if (lapsed := term_over_by(ctx, held, meeting, member, own)) is not None:
        raise NotAllowed(lapsed)
    present = roll.row_for(ctx, meeting, member)
    refuse_present(ctx, meeting, present, name, own)
    # `apologies - on leave`, `apologies: unwell`: the mark that parts the command from its reason is not the reason
    reason = kept(after_separator(" ".join(cmd.reason)), lengths.TITLE, "reason") or None
    if reason is not None and reason.casefold().strip(" .!") in WITHDRAW_WORDS:
        return withdrawn(ctx, meeting, member, present, own)
    if reason is None and present is not None and present.status in ("apologies", "deputised") and present.reason:
        reason = present.reason  # recorded again with no reason: the one given before stands, rather than none
        name += f" ({reason}, the reason given before)"
    elif reason and present is not None and present.status in ("apologies", "deputised") and \
            present.reason not in (None, reason):
        name += f" ({reason}, in place of the reason given before: {present.reason})"
    sent = f"Apologies from {name} recorded" + ("" if own else f" by {ctx.actor.display_name}")
    if present is not None and present.status == "deputised" and present.deputy_id is not None:
        return deputy_attends(ctx, meeting, present, reason, sent, own)
    roll.set_status(ctx, meeting, member, "apologies", reason=reason)
    ctx.audit("attendance.apologies", meeting=meeting.id, member=member.id, reason=reason,
              **({} if own else {"recorded_by": ctx.actor.id}))
    notices: tuple[str, ...] = ()
    if own and may_send(ctx.terms, held, ctx.today):
        named = named_deputy(ctx, meeting, member)
        notices = (sending_hint(ctx.terms.deputies, held.seat_title, accounts_of(ctx, member)) if named is None
                   else named,)
    return Reply(f"{sent} for meeting {meeting.number} ({show(meeting.starts_at, ctx.terms.zone)}).",
                 notices=notices, changes=(MeetingRef(meeting.id),))


def refuse_present(ctx: Context, meeting: Meeting, present: Attendance | None, name: str, own: bool) -> None:
    """Refuse apologies from one recorded present at the open meeting, or who attended it and left."""
    if meeting.status != "open" or present is None or present.status != "present":
        return
    if present.left_at:
        at = f"{present.left_at.astimezone(ctx.terms.zone):%H:%M}"
        raise NotAllowed(f"You attended meeting {meeting.number} and left at {at}, so apologies no longer apply: the "
                         "minutes record you present until then." if own else
                         f"{name} attended meeting {meeting.number} and left at {at}, so apologies no longer apply: "
                         "the minutes record them present until then.")
    # Withdrawing after taking part would drop them from the record of who was there and voted.
    raise NotAllowed(f"You are recorded present at meeting {meeting.number}, so apologies no longer apply. If you "
                     "are leaving early, say `leaving`." if own else
                     f"{name} is recorded present at meeting {meeting.number}, so apologies no longer apply; "
                     "if they are leaving early, they say `leaving`.")


# `apologies withdraw`: a member who can come after all (it was recorded as apologies with the reason "withdraw")
WITHDRAW_WORDS = frozenset({"withdraw", "withdrawn", "withdrawal", "cancel", "cancelled", "canceled", "retract",
                            "undo", "revoke", "remove"})


def withdrawn(ctx: Context, meeting: Meeting, member: Person, row: Attendance | None, own: bool) -> Reply:
    """Withdraw `member`'s apologies for `meeting`, so the roll expects them again; refused where none stand."""
    name = member.display_name
    if row is None or row.status != "apologies":
        deputy = ctx.session.get(Person, row.deputy_id) if row is not None and row.deputy_id else None
        instead = f" {mention(deputy.display_name)} attends in {'your' if own else 'their'} place; " \
            f"{'you say' if own else name + ' says'} `here` at the meeting to attend in person." if deputy else ""
        raise NotAllowed(f"No apologies from {name} stand for meeting {meeting.number}, so there are none to "
                         f"withdraw.{instead}")
    require_unlocked(ctx, meeting.id, "a change to its attendance")
    ctx.session.delete(row)
    ctx.session.flush()
    ctx.audit("attendance.apologies_withdrawn", meeting=meeting.id, member=member.id,
              **({} if own else {"recorded_by": ctx.actor.id}))
    by = "" if own else f" by {ctx.actor.display_name}"
    return Reply(f"Apologies from {name} for meeting {meeting.number} ({show(meeting.starts_at, ctx.terms.zone)}) "
                 f"withdrawn{by}: {name} is expected to attend.", changes=(MeetingRef(meeting.id),))


def deputy_for(ctx: Context, meeting: Meeting) -> str | None:
    """What a deputy named for `meeting` (CJCG 7.2) sending apologies is told: the member who named them must know,
    to name another or send their own; None for anyone named by no one."""
    members = [n.member.display_name for n in roll.nominations_for(ctx, meeting, ctx.actor)]
    if not members:
        return None
    rule, whose = ctx.terms.deputies, " and ".join(dict.fromkeys(members))
    verb = rule.word if rule.word in ("deputy", "alternate", "substitute") else "deputy"  # each a command
    return rule.cited(f"You are {whose}'s {rule.word} for meeting {meeting.number}, not a member, so the apologies "
                      "are not yours to send") + f". If you cannot attend, tell {whose}: they can name another " \
        f"{rule.word} with `{verb} @person --meeting {meeting.number}`, or send their apologies."


# Built once, with bound parameters: read at every apology.
NAMED_DEPUTY = select(DeputyNomination).where(
    DeputyNomination.member_id == bindparam("member_id"), DeputyNomination.group_id == bindparam("group_id"),
    DeputyNomination.revoked_at.is_(None),
    or_(DeputyNomination.meeting_id == bindparam("meeting_id"), DeputyNomination.meeting_id.is_(None))) \
    .order_by(DeputyNomination.meeting_id.is_(None))


def named_deputy(ctx: Context, meeting: Meeting, member: Person) -> str | None:
    """Who attends in the member's place, where they have named someone for `meeting` (or a standing deputy): said
    to the member sending apologies; None when nobody is named."""
    nomination = ctx.session.scalars(NAMED_DEPUTY, {"member_id": member.id, "group_id": ctx.group.id,
                                                    "meeting_id": meeting.id}).first()
    deputy = ctx.session.get(Person, nomination.deputy_id) if nomination else None
    if deputy is None:
        return None
    rule = ctx.terms.deputies
    which = "standing " if nomination and nomination.meeting_id is None else ""
    return rule.cited(f"{deputy.display_name}, your {which}{rule.word}, may attend in your place: they say `here` at "
                      "the meeting") + "."


def refuse_for_without_dashes(ctx: Context, cmd: verbs.Apologies, stated: verbs.Apologies) -> None:
    """Raise UsageError for `apologies for @dan Unwell` (or `from @dan`, or `for meeting 2 - @dan is on leave`):
    meant as `--for @dan`, it would record the speaker's own apologies with those words as the reason. Dan is named
    by name, picked from the @ menu or not. `stated`: `cmd` with the meeting its reason names (meeting_in_reason)."""
    if cmd.for_ is not None:
        if opens_on_holder(ctx, list(cmd.reason)):  # `apologies --for @harry, @ivy`: ivy was never recorded
            raise UsageError("Record each member's apologies in a command of its own: `apologies --for @member "
                             "[reason]` for each; as typed, the first would be given the others' names as a reason.")
        return
    # The words as typed (a quoted name one word), or those after the meeting's, which it gives as one text.
    words = list(cmd.reason) if stated is cmd else " ".join(stated.reason).split()
    lead = 1 if words and words[0].casefold() in ("for", "from") else 0
    # a reason opening on a name is theirs after a meeting's, or where it mentions another seat holder first
    # (`apologies @erin`, as a secretary records them); a reason naming someone later stays one's own
    if lead == 0 and stated.meeting == cmd.meeting and not opens_on_holder(ctx, words):
        return
    named = words[lead] if len(words) > lead else ""
    ref = person_ref(named) or (PersonRef(named[1:], by_id=False) if named[1:] and named[0] == "@" else None)
    # `apologies from bob`, as a secretary writes it: a name without the @, after `for` or `from`, of a seat holder
    name = holder_named(ctx, named) if ref is None and lead else None
    if ref is not None:
        try:
            name = ctx.person(ref).display_name
        except NotFound:
            name = ref.name or ref.value
    if name is None:
        return
    rest = words[lead + 1:]
    while rest and not rest[0].strip("-\u2013\u2014:,."):
        rest = rest[1:]
    meeting = ["--meeting", str(stated.meeting)] if stated.meeting is not None else []
    typed = " ".join(["for", mention(name), *meeting, *rest])
    said = " ".join(cmd.reason)
    said = said.replace(named, mention(name)) if ref is not None else said  # a mention as people type it
    raise UsageError(f"To record the apologies {name} sent you, say `apologies --{typed}`; as typed, this would "
                     f"record your own apologies, giving '{said}' as the reason.")


def opens_on_holder(ctx: Context, words: list[str]) -> bool:
    """Whether `words` (a reason as typed) open on a mention of a seat holder other than the speaker."""
    ref = person_ref(words[0]) if words else None
    if ref is None and words and words[0][1:] and words[0][0] == "@":
        ref = PersonRef(words[0][1:].rstrip(".,;:"), by_id=False)
    if ref is None:
        return False
    try:
        person = ctx.person(ref)
    except NotFound:
        return False
    return person.id != ctx.actor.id and ctx.membership(person) is not None


def holder_named(ctx: Context, word: str) -> str | None:
    """The display name of the group's seat holder, other than the speaker, whose name `word` is (any case, a full
    stop or comma after it), or None."""
    wanted = word.rstrip(".,;:").casefold()
    return next((m.person.display_name for m in ctx.memberships()
                 if m.person_id != ctx.actor.id and m.person.display_name.casefold() == wanted), None)


def term_over_by(ctx: Context, held: Membership, meeting: Meeting, member: Person, own: bool) -> str | None:
    """Why a seat holder whose term is over by the meeting's day sends no apologies for it (None while in term)."""
    if held.term_ends_on is None or not term_over(held, meeting.starts_at.astimezone(ctx.terms.zone).date()):
        return None
    seat = ctx.terms.seat(held.seat_title)
    ends = "ended" if term_over(held, ctx.today) else "ends"
    whose, they = ("your", "you") if own else (f"{member.display_name}'s", "they")
    rule = (f"{whose} term in {held.seat_title} {ends} on {show_date(held.term_ends_on)}, before meeting "
            f"{meeting.number}")
    return (f"No apologies are needed: {seat.cited(rule) if seat else rule}, so {they} hold no seat at it"
            f"{until_reappointed(seat, f'{they} are ')}. " + lapsed_hint(seat, held.seat_title, member.display_name,
                                                                          "you" if own else "them"))


def deputy_attends(ctx: Context, meeting: Meeting, row: Attendance, reason: str | None, sent: str,
                   own: bool) -> Reply:
    """Apologies from a member whose deputy already attends in their place: they stand beside the deputy, as they
    do when sent first (CJCG 7.2, LIEG 2.4), rather than taking the deputy off the roll, the quorum and the vote."""
    require_unlocked(ctx, meeting.id, "a change to its attendance")
    row.apologies_at, row.reason = ctx.now, reason
    ctx.session.flush()
    ctx.audit("attendance.apologies", meeting=meeting.id, member=row.member_id, reason=reason)
    deputy = ctx.session.get(Person, row.deputy_id)
    rule = ctx.terms.deputies
    whose = "your" if own else "their"
    attends = rule.cited(f"{deputy.display_name if deputy else f'{whose} deputy'} attends in {whose} place as "
                         f"{rule.word}")
    return Reply(f"{sent} for meeting {meeting.number} ({show(meeting.starts_at, ctx.terms.zone)}); {attends}.",
                 changes=(MeetingRef(meeting.id),))
