"""Declarations of interest and the register of interests."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import bindparam, or_, select

from bot.commands import STOP
from bot.errors import NotAllowed, NotFound, UsageError
from bot.models import AgendaItem, Attendance, DeputyNomination, Interest, Meeting, Person
from bot.records.deputised import as_deputy, deputised_for
from bot.replies import Reply
from bot.rules.calendar import local_to_utc, parse_date, show, show_date
from bot.rules.tenure import NOT_MEMBERS
from bot.services import lengths
from bot.services.context import Context, agenda_item
from bot.services.interest_words import item_in_words
from bot.services.lengths import kept
from bot.services.numbers import meeting_number
from bot.services.presence import recorded_present
from bot.services.record_lock import require_unlocked
from bot.services.roll_rows import row_for
from bot.terms import Role
from bot.verbs import Declare, Interests

# The actor's declarations for a meeting: read at each `declare`, so built once.
DECLARED_FOR = select(Interest).where(Interest.group_id == bindparam("group_id"),
                                     Interest.person_id == bindparam("person_id"),
                                     Interest.meeting_id == bindparam("meeting_id")).order_by(Interest.id)
NATURES = ("pecuniary", "non-pecuniary", "personal", "prejudicial", "other")
KINDS = {"financial": "pecuniary", "non-financial": "non-pecuniary"}  # the words members use for them
# `declare none` in the words people use for it, typed with or without quotes: `declare no interests` was recorded as
# an interest, 'no interests'.
NO_INTERESTS = frozenset(("none", "nothing", "no interests", "no interest", "nothing to declare", "none to declare",
                          "no interests to declare", "no interest to declare", "n/a", "nil"))


def may_declare(ctx: Context) -> bool:
    """Members declare, and those named to attend in a member's place; not the secretariat (CJCG 6.3) nor an
    observer (LCIIB Membership, the RIIA programme lead), who attend and are not members, as a guest is not."""
    membership = ctx.membership(ctx.actor)
    if membership is not None and membership.role not in NOT_MEMBERS:
        return True
    return ctx.session.scalar(select(DeputyNomination.id).where(
        DeputyNomination.group_id == ctx.group.id, DeputyNomination.deputy_id == ctx.actor.id,
        DeputyNomination.revoked_at.is_(None)).limit(1)) is not None


def not_declaring(ctx: Context) -> str:
    """Why the speaker does not declare: only members (and their deputies) do; the secretariat and an observer hold a
    seat, but one to support the group or attend it (LCIIB Membership), so each is told that, not that it has none."""
    rule, name, membership = ctx.terms.deputies, ctx.terms.name, ctx.membership(ctx.actor)
    attends = membership is not None and membership.role in NOT_MEMBERS
    who = f"Only members of {name}" + (f" and their {rule.words}" if rule.allowed else "") \
        if rule.allowed or attends else f"Only those who hold a seat in {name}"
    said = ctx.terms.interests.cited(f"{who} declare interests here")
    if membership is None or not attends:
        return said + "."
    seat = ctx.terms.seat(membership.seat_title)
    what = "is its secretariat, which supports it" if membership.role == Role.SECRETARIAT else "attends as an observer"
    why = f"your seat, {membership.seat_title}, {what} and is not a member of it"
    return f"{said}: {seat.cited(why) if seat else why}."


def declare(ctx: Context, cmd: Declare) -> Reply:
    """Record a declaration (or `declare none`) for the open or next meeting, optionally for an agenda item."""
    if not may_declare(ctx):
        raise NotAllowed(not_declaring(ctx))
    cmd = item_in_words(cmd)
    words = cmd.description
    none = says_no_interests(" ".join(words))
    description = " ".join(words).strip()
    if not description:
        raise UsageError('Say what the interest is: declare "I am a trustee of the bidding charity", '
                         'or `declare none`.')
    meeting_id = cmd.meeting
    meeting: Meeting | None = ctx.meeting(meeting_id) if meeting_id else ctx.next_meeting()
    require_unlocked(ctx, meeting.id if meeting else None, "a new declaration for it")
    refuse_deputy_not_attending(ctx, meeting)
    refuse_member_not_attending(ctx, meeting)
    item = None
    if cmd.item is not None:
        if meeting is None:
            raise NotFound("There is no open or scheduled meeting, so no agenda item to declare on.")
        item = agenda_item(meeting, cmd.item)
    typed = (cmd.nature or "").rstrip(STOP) or cmd.nature  # `--nature financial.`: the sentence's stop
    nature = KINDS.get((typed or "").casefold(), typed)
    if nature and nature.casefold() not in NATURES:
        raise UsageError(f"--nature is one of {', '.join(NATURES)}.")
    kept_text = None if none else kept(description, lengths.TEXT, "interest")
    mine = declared_for(ctx, meeting)
    earlier = same_declaration(ctx, meeting, item, kept_text, nature, mine)
    if earlier is not None:  # said again as the meeting opens, as members do: one record, one line in the minutes
        return Reply(said_back(ctx, earlier, meeting, item, "Already recorded")
                     + f". It was declared on {show(earlier.declared_at, ctx.terms.zone)}; nothing is added."
                     + recorded_present(ctx, meeting))  # said again at the open meeting: they are there
    on = item.id if item else None
    if none and (standing := [i for i in mine if not i.no_interests and clashes(on, i.item_id)]):
        return Reply(still_declared(ctx, standing, meeting), private=True)
    # "none" said before this interest, for the meeting or for this item: not so
    replaced = [] if none else [i for i in mine if i.no_interests and clashes(i.item_id, on)]
    for earlier_none in replaced:
        ctx.session.delete(earlier_none)
        ctx.audit("interest.withdrawn", interest=earlier_none.id, meeting=earlier_none.meeting_id, no_interests=True)
    interest = Interest(group_id=ctx.group.id, person_id=ctx.actor.id, meeting_id=meeting.id if meeting else None,
                        item_id=item.id if item else None, nature=nature.casefold() if nature else None,
                        description=kept_text, no_interests=none, declared_at=ctx.now)
    ctx.session.add(interest)
    present = recorded_present(ctx, meeting)  # declaring at the open meeting: there, `here` or not (CJCG 6.4)
    ctx.session.flush()
    ctx.audit("interest.declared", interest=interest.id, meeting=interest.meeting_id,
              item=item.position if item else None, no_interests=none, nature=interest.nature,
              description=interest.description)
    late = f" Meeting {meeting.number} has closed, so the minutes show it as declared after the meeting, on " \
        f"{show_date(ctx.today)}." if meeting is not None and meeting.status == "closed" else ""
    said = said_back(ctx, interest, meeting, item, "Recorded") + ("." if none else "") \
        + ("; it replaces the 'no interests to declare' recorded before." if replaced else "")
    said = f"{said.rstrip('.')}.{late}" if late else said
    return Reply(f"{said.rstrip('.')}.{present}" if present else said,  # the interest's words end a sentence first
                 quoted=(item.title,) if item else ())


def says_no_interests(text: str) -> bool:
    """Whether a declaration's words say there is nothing to declare (`none`, `Nil.`, `nothing to declare;`)."""
    return " ".join(text.casefold().split()).rstrip(STOP).strip() in NO_INTERESTS


def refuse_deputy_not_attending(ctx: Context, meeting: Meeting | None) -> None:
    """Raise NotAllowed where a deputy, not a member, declares for a meeting under way or held that they do not
    attend in a member's place (the member came: CJCG 7.2, "Where a member cannot attend"): the minutes would list
    among the declarations someone who was not there. Before it opens they may declare ahead."""
    if meeting is None or meeting.opened_at is None or ctx.membership(ctx.actor) is not None:
        return
    if ctx.session.scalar(select(Attendance.id).where(Attendance.meeting_id == meeting.id, or_(
            Attendance.deputy_id == ctx.actor.id, Attendance.relieved_id == ctx.actor.id)).limit(1)) is not None:
        return
    rule, held = ctx.terms.deputies, meeting.status != "open"  # held: nobody can now say `here` at it
    raise NotAllowed(rule.cited(f"{ctx.actor.display_name} {'did not attend' if held else 'is not attending'} meeting "
                                f"{meeting.number} in a member's place, so has no declaration to make for it: "
                                f"{rule.a_word} attends, and declares, only for a member who is away") + "."
                     + ("" if held else " If you are attending for one, say `here` first."))


def refuse_member_not_attending(ctx: Context, meeting: Meeting | None) -> None:
    """Raise NotAllowed where a member declares for a meeting under way or held that the roll has them away from:
    sent apologies, a deputy there in their place, or absent. The minutes would list among the declarations made at it
    (CJCG 6.5, "declared and recorded at the beginning of each meeting") someone who was not there. One not yet on
    the roll of an open meeting may declare, then say `here`; before it opens anyone may declare ahead."""
    row = row_for(ctx, meeting, ctx.actor) if meeting is not None and meeting.opened_at is not None else None
    if meeting is None or row is None or row.status not in ("apologies", "deputised", "absent"):
        return
    who, rule = ctx.actor.display_name, "interests are declared and recorded at the beginning of each meeting, by " \
        "those attending it"
    deputy = ctx.session.get(Person, row.deputy_id) if row.deputy_id is not None else None
    if row.status == "deputised" and deputy is not None:
        said = f"{deputy.display_name} attends meeting {meeting.number} in {who}'s place and declares for it: {rule}"
    else:
        away = "sent apologies for" if row.status == "apologies" else "was absent from"
        said = f"{who} {away} meeting {meeting.number}, so has no declaration to make at it: {rule}"
    hint = " If you have come after all, say `here` first." if meeting.status == "open" else ""
    raise NotAllowed(ctx.terms.interests.cited(said) + "." + hint)


def declared_for(ctx: Context, meeting: Meeting | None) -> list[Interest]:
    """The actor's declarations (and declarations of none) for `meeting`, oldest first; none without a meeting."""
    if meeting is None:
        return []
    return list(ctx.session.scalars(DECLARED_FOR, {"group_id": ctx.group.id, "person_id": ctx.actor.id,
                                                   "meeting_id": meeting.id}))


def clashes(none_on: int | None, interest_on: int | None) -> bool:
    """Whether 'no interests to declare' (on the agenda item `none_on`, or the whole meeting when None) says the
    opposite of an interest on `interest_on`: no interest on item 1 says nothing of item 2."""
    return none_on is None or none_on == interest_on


def still_declared(ctx: Context, standing: list[Interest], meeting: Meeting | None) -> str:
    """`declare none` from someone who has declared an interest for the meeting: theirs stands, and nothing is
    added, so the minutes do not say both that they declared one and that they had none to declare."""
    items = {i.item_id: ctx.session.get(AgendaItem, i.item_id) for i in standing if i.item_id}
    listed = "; ".join((f"item {item.position} ({item.title}): " if i.item_id and (item := items[i.item_id]) else "")
                       + (i.description or "") for i in standing)
    stands = ctx.terms.interests.cited(f"{ctx.actor.display_name} has declared an interest for meeting "
                                       f"{meeting.number if meeting else ''}, which stands")
    return (f"{stands}: {listed}. Nothing is added, as 'no interests to declare' would contradict it; anything "
            'else to declare: `declare "..." --item N`.')


def said_back(ctx: Context, interest: Interest, meeting: Meeting | None, item: AgendaItem | None, how: str) -> str:
    """`Recorded: alice declared an interest on item 2 (Budget) for meeting 1: ...`, citing the interests rule."""
    where = f" for meeting {meeting.number}" if meeting else " in the register"
    rule = ctx.terms.interests
    on = f" on item {item.position} ({item.title})" if item else ""
    if interest.no_interests:
        return rule.cited(f"{how}: {ctx.actor.display_name} has no interests to declare{on}{where}")
    kind = f" ({interest.nature})" if interest.nature else ""
    return rule.cited(f"{how}: {ctx.actor.display_name} declared an interest{kind}{on}{where}: "
                      f"{interest.description}")


def same_declaration(ctx: Context, meeting: Meeting | None, item: AgendaItem | None, description: str | None,
                     nature: str | None, mine: list[Interest]) -> Interest | None:
    """The actor's earlier declaration for the same meeting and item, in the same words and nature (`mine`: their
    declarations for the meeting, declared_for)."""
    on = item.id if item else None
    said = [i for i in mine if i.item_id == on] if meeting is not None else ctx.session.scalars(select(Interest).where(
        Interest.group_id == ctx.group.id, Interest.person_id == ctx.actor.id, Interest.meeting_id.is_(None),
        Interest.item_id == on))
    for earlier in said:
        same_words = earlier.description == description
        if same_words and earlier.no_interests == (description is None) and \
                earlier.nature == (nature.casefold() if nature else None):
            return earlier
    return None


def register(ctx: Context, cmd: Interests) -> Reply:
    """The register of interests, by meeting or person; members only when the group is confidential."""
    query = select(Interest).where(Interest.group_id == ctx.group.id).order_by(Interest.declared_at, Interest.id)
    if cmd.meeting is not None:
        query = query.where(Interest.meeting_id == ctx.meeting(cmd.meeting).id)
    if cmd.person is not None:
        query = query.where(Interest.person_id == ctx.person(cmd.person).id)
    if cmd.since is not None:
        since = parse_date(cmd.since, ctx.today, looking_back=True)
        query = query.where(Interest.declared_at >= local_to_utc(since, dt.time(0, 0), ctx.terms.zone, fold=0))
    rows, typed = [], []
    deputies = deputised_for(ctx.session, ctx.group.id)  # a deputy holds no seat: say whom they declared for
    for interest in ctx.session.scalars(query.limit(200)):
        where = f"meeting {meeting_number(ctx.session, interest.meeting_id)}" if interest.meeting_id else "register"
        if interest.item_id:
            item = ctx.session.get(AgendaItem, interest.item_id)
            where += f", item {item.position}" if item else ""
        what = "no interests" if interest.no_interests else \
            (f"{interest.nature}: " if interest.nature else "") + (interest.description or "")
        typed.append(what)
        # "declared": the time is the declaration's, often days before the meeting, not the meeting's date
        when = show(interest.declared_at, ctx.terms.zone)
        who = as_deputy(interest.person.display_name, ctx.terms.deputies.word,
                        deputies.get((interest.meeting_id or 0, interest.person_id)))
        rows.append((who, f"{what} ({where}; declared {when})"))
    text = "Register of interests:" if rows else "No declarations recorded yet."
    return Reply(text, title=f"{ctx.terms.name}: interests", fields=tuple(rows), private=True, quoted=tuple(typed))


def declared_on_item(ctx: Context, person_id: int, item_id: int) -> list[Interest]:
    return list(ctx.session.scalars(select(Interest).where(
        Interest.person_id == person_id, Interest.item_id == item_id, Interest.no_interests.is_(False))))
