"""Who may chair a meeting or take its minutes when it is scheduled: members in term, from the steering group where
the ToR says so, and a chair from outside it where the ToR lets the main group decide otherwise (LIEG 5.1) and a
carried motion records that it did."""

from __future__ import annotations

from bot.errors import NotAllowed, UsageError
from bot.grammar import PersonRef
from bot.models import Meeting, Person
from bot.replies import Reply
from bot.rules.calendar import show, show_date
from bot.rules.tenure import until_reappointed
from bot.services import roll
from bot.services.authority import require, roles_of
from bot.services.context import Context
from bot.services.poll_records import get_poll
from bot.services.presiding import away_from, holds_chair, is_chair, refuse_meeting_chair_until_elected
from bot.services.record_lock import require_unlocked
from bot.services.standing import is_member
from bot.terms_powers import PowerHolder
from bot.verbs import MeetingChair, MeetingMinuteTaker


def in_steering_group(ctx: Context, person: Person) -> bool:
    """A member in term whose seat sits on the steering group (never the secretariat or an observer)."""
    return PowerHolder.STEERING_GROUP in roles_of(ctx, person)


def name_meeting_chair(ctx: Context, cmd: MeetingChair) -> Reply:
    """Name who chairs a scheduled or open meeting (whoever may name a meeting's chair): the group's chair has sent
    apologies, or leaves. The chair must be one the ToR allows (check_meeting_people) and not have sent apologies."""
    meeting = ctx.meeting(cmd.meeting)
    require(ctx, cmd.act, "name a meeting's chair", meeting=meeting)
    if meeting.status not in ("scheduled", "open"):
        raise NotAllowed(f"Meeting {meeting.number} is {meeting.status}; name the chair of a meeting still to come "
                         "or open.")
    if meeting.status == "open":
        refuse_unseating(ctx, meeting, cmd.person)
    chair = ctx.person(cmd.person)
    decided = check_meeting_people(ctx, cmd.decision, chair, None)
    if chair.id == meeting.chair_id and not decided:  # no handover: the minutes would have them hand over to themselves
        return Reply(f"{chair.display_name} already chairs meeting {meeting.number} "
                     f"({show(meeting.starts_at, ctx.terms.zone)}); nothing changed.")
    row = roll.row_for(ctx, meeting, chair)
    if row is not None and row.status == "apologies":
        raise NotAllowed(f"{chair.display_name} has sent apologies for meeting {meeting.number}, so cannot chair it. "
                         "Name a member who will be there.")
    # At an open meeting the chair hands over: the minutes name who chaired until when (bot.records.handovers).
    # None: the group's own chair, as the minutes read it.
    handover = {"previous": meeting.chair_id} if meeting.status == "open" else {}
    meeting.chair_id = chair.id
    ctx.audit("meeting.chair_named", meeting=meeting.id, chair=chair.id, **handover,
              **({"chair_by_motion": cmd.decision} if decided else {}))
    return Reply(f"{decided or chair.display_name} chairs meeting {meeting.number} "
                 f"({show(meeting.starts_at, ctx.terms.zone)}).")


def refuse_unseating(ctx: Context, meeting: Meeting, named: PersonRef) -> None:
    """Raise NotAllowed where someone other than the chair takes the chair of an open meeting from the one chairing
    it while they are at it (CJCG 6.2, "chaired by an agreed named member"; the administrative support's
    "arrangements for meetings", 6.3, do not unseat them): the one chairing (or the group's chair) hands it over. Once
    they have left, or sent apologies, whoever names a meeting's chair names who chairs the rest."""
    if is_chair(ctx):
        return
    chairing = [ctx.session.get(Person, meeting.chair_id)] if meeting.chair_id else \
        [m.person for m in ctx.memberships() if holds_chair(ctx, m)]
    there = [p for p in chairing if p is not None and (row := roll.row_for(ctx, meeting, p)) is not None
             and away_from(meeting, row) is None]
    if not there or ctx.actor.id in {p.id for p in there}:
        return
    name = there[0].display_name
    raise NotAllowed(ctx.terms.chair.cited(
        f"{name} chairs meeting {meeting.number} and is at it, so the chair passes to someone else only from {name}, "
        f"with `meeting chair {named.as_token()}`") + f". Should {name} leave, you can name who chairs the rest of it.")


def name_minute_taker(ctx: Context, cmd: MeetingMinuteTaker) -> Reply:
    """Name who takes the minutes of a scheduled or open meeting: a member volunteering themself where the ToR has one
    volunteer (LIEG 5.2: "A member of the steering group will volunteer to take the minutes"), else whoever names a
    meeting's chair names them.
    The minute-taker must be one the ToR allows (check_meeting_people) and not have sent apologies."""
    meeting = ctx.meeting(cmd.meeting)
    taker = ctx.person(cmd.person)
    # Only where the ToR has a member volunteer to take the minutes (LIEG 5.2) may one name themself; elsewhere the
    # minute-taker's powers (CJCG 6.3: recording the actions) are for whoever names a meeting's chair to give.
    if taker.id != ctx.actor.id or ctx.terms.minutes.taken_by != "steering_group":
        require(ctx, cmd.act, "name who takes a meeting's minutes", meeting=meeting)
    if meeting.status == "closed":  # who took them, if not the one named: from those there, until approval (5.2)
        require_unlocked(ctx, meeting.id, "a change to who took its minutes")
        there = roll.row_for(ctx, meeting, taker)
        if there is None or there.status != "present":
            raise NotAllowed(f"{taker.display_name} was not recorded at meeting {meeting.number}; name who took its "
                             "minutes from those present.")
    elif meeting.status not in ("scheduled", "open"):
        raise NotAllowed(f"Meeting {meeting.number} is {meeting.status}; name who takes the minutes of a meeting "
                         "still to come or open.")
    check_meeting_people(ctx, None, None, taker)
    row = roll.row_for(ctx, meeting, taker)
    if row is not None and row.status == "apologies":
        raise NotAllowed(f"{taker.display_name} has sent apologies for meeting {meeting.number}, so cannot take its "
                         "minutes. Name a member who will be there.")
    if taker.id == meeting.minute_taker_id:
        return Reply(f"{taker.display_name} already takes the minutes of meeting {meeting.number}; nothing changed.")
    before = ctx.session.get(Person, meeting.minute_taker_id) if meeting.minute_taker_id else None
    meeting.minute_taker_id = taker.id
    ctx.audit("meeting.minute_taker_named", meeting=meeting.id, minute_taker=taker.id)
    rule = ctx.terms.minutes
    said = f"{taker.display_name} takes the minutes of meeting {meeting.number} " \
        f"({show(meeting.starts_at, ctx.terms.zone)})"
    instead = f"; {before.display_name} no longer does" if before else ""
    return Reply((rule.cited(said) if rule.taken_by == "steering_group" else said) + instead + ".")


def check_meeting_people(ctx: Context, decision: int | None, chair: Person | None,
                         minute_taker: Person | None) -> str | None:
    """Refuse (NotAllowed, citing the clause and naming who may) a chair or minute-taker the ToR does not allow;
    return how the chair was chosen when a decision of the group let them chair, else None."""
    chair_rule, minutes_rule = ctx.terms.chair, ctx.terms.minutes
    if chair is not None:
        refuse_meeting_chair_until_elected(ctx, chair)
    if decision is not None and (chair is None or not chair_rule.unless_group_decides):
        raise UsageError(chair_rule.cited("`--decision N` names the motion by which the group chose a meeting's "
                                          "chair where the ToR lets it decide otherwise, and this ToR does not")
                         if chair is not None else "`--decision N` goes with `--chair @person`: the motion by "
                         "which the group chose that chair.")
    decided = None
    for role, person, rule, source in (("chair", chair, chair_rule, chair_rule.drawn_from),
                                       ("take the minutes", minute_taker, minutes_rule, minutes_rule.taken_by)):
        if person is None:
            continue
        if ctx.membership(person) is None:
            raise NotAllowed(f"{person.display_name} holds no seat in {ctx.terms.name}, so cannot {role}.")
        if role == "chair" and not is_member(ctx, ctx.membership(person)):
            raise NotAllowed(rule.cited(f"{person.display_name} is not a member in term; the secretariat and "
                                        "observers are not members and cannot chair") + ".")
        if source != "steering_group" or in_steering_group(ctx, person):
            continue
        unless = role == "chair" and chair_rule.unless_group_decides
        if unless and decision is not None:
            decided = decided_by(ctx, decision, person)
            continue
        steering = ", ".join(m.person.display_name for m in ctx.holders() if in_steering_group(ctx, m.person))
        who = person.display_name
        otherwise = (f"; or, once the group has carried a motion that {who} chairs, name {who} with `--decision N` "
                     "(the motion's number)") if unless else ""
        raise NotAllowed(rule.cited(f"Under the ToR a steering group member volunteers to {role}, and {who} is not "
                                    "in the steering group" + (", unless the main group decides otherwise"
                                                                if unless else "")) +
                         f". Name one of them: {steering}{otherwise}.")
    return decided


def decided_by(ctx: Context, number: int, chair: Person) -> str:
    """How `chair` comes to chair by motion `number`, which must be the group's and carried; NotAllowed if not."""
    rule, who = ctx.terms.chair, chair.display_name
    poll = get_poll(ctx, number)
    if poll.kind != "motion" or poll.status != "closed":
        raise NotAllowed(rule.cited(f"{poll.kind.capitalize()} {number} is not a closed motion, so it does not "
                                    f"decide that {who} chairs") + ". Propose the motion, vote on it and close it "
                         "first.")
    if not (poll.outcome or "").startswith("carried"):
        raise NotAllowed(rule.cited(f"Motion {number} was not carried ({poll.outcome}), so it does not decide "
                                    f"that {who} chairs") + ".")
    return rule.cited(f"{who}, as the main group decided in motion {number}")


def named_then(ctx: Context, meeting: Meeting) -> tuple[str, ...]:
    """Where the one named to chair `meeting` or take its minutes will not hold their seat on its day (their term
    ends before it: PLPCP Membership, "Each DCS will stand for twelve months"), or holds none now (left since they
    were named): that they are not to, and how to name another. Said when it is scheduled or moved."""
    day = meeting.starts_at.astimezone(ctx.terms.zone).date()
    said: list[str] = []
    for person_id, role, naming in ((meeting.chair_id, "chair", "meeting chair"),
                                    (meeting.minute_taker_id, "take the minutes of", "meeting minute-taker")):
        person = ctx.session.get(Person, person_id) if person_id is not None else None
        if person is None:
            continue
        held, who, fix = ctx.membership(person), person.display_name, f"`{naming} @person --meeting {meeting.number}`"
        if held is None:
            said.append(f"{who}, named to {role} meeting {meeting.number}, no longer holds a seat in {ctx.terms.name}: "
                        f"name who does with {fix}.")
        elif held.term_ends_on is not None and held.term_ends_on < day:
            seat = ctx.terms.seat(held.seat_title)
            ends = f"{who}'s term in {held.seat_title} ends on {show_date(held.term_ends_on)}"
            said.append(f"{seat.cited(ends) if seat else ends}, before meeting {meeting.number} on {show_date(day)}, "
                        f"so {who} is not to {role} it{until_reappointed(seat)}: name who does with {fix}.")
    return tuple(said)
