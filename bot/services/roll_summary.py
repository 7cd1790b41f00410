"""The roll of a meeting as people read it (the `attendance` reply, the meeting's card, the roll at its close): who is
present, deputised, in attendance, sent apologies or is absent, with when a late arrival came and each time someone
stepped out, came back or left, as the minutes give them."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from bot.models import Attendance, Meeting
from bot.records.at_cap import kept_out, kept_out_note
from bot.records.away import attendee, spells_away
from bot.records.out_for_item import left_for_positions
from bot.records.people import co_opted, group_seats, non_members
from bot.records.roll_order import in_seat_order
from bot.rules.attendance import APOLOGIES_JOIN, ATTENDED, GUEST, Spell, apology_words, comings_and_goings, guest_words
from bot.services.context import Context
from bot.services.presiding import holds_chair
from bot.services.roll import quorum_of
from bot.services.roll_rows import attendance, people_of


def summary(ctx: Context, meeting: Meeting) -> tuple[tuple[str, str], ...]:
    """Present, deputised, in attendance, apologies and absent, as fields; the secretariat and observers are not
    members, so they are in attendance, never present or absent (as the minutes list them)."""
    groups: dict[str, list[str]] = defaultdict(list)
    held = group_seats(ctx.session, ctx.group.id)
    officers, deputised = non_members(ctx.session, ctx.group.id, held), ctx.terms.deputies.words.capitalize()
    rows = in_seat_order(attendance(ctx, meeting), ctx.terms, held, meeting_chair(ctx, meeting))
    people = people_of(ctx, rows)
    away = spells_away(ctx.session, meeting, rows)
    why = reasons(ctx, meeting, rows, away)
    marks = co_opted(ctx.session, ctx.group, short=True, held=held)  # as the minutes mark them (LCIIB Membership)
    out, kept = kept_out(ctx.terms, held, rows), defaultdict(list)  # those the cap kept out, by organisation
    for row in rows:
        member = people.get(row.member_id)
        assert member is not None
        left = times(ctx, meeting, row, away, why.get((row.member_id, attendee(row))))
        if row.member_id in officers and row.status in ("present", "absent"):  # their apologies stand
            if row.status == "present":  # and when they left, as a member's (LCIIB: the RIIA programme lead)
                groups["In attendance"].append(f"{member.display_name} — {officers[row.member_id]}{left}")
            continue
        if row.status == GUEST:
            groups["In attendance"].append(guest_words(member.display_name, row.organisation))
            continue
        if row.status == "present" and row.deputy_id:  # someone attending beside the member
            deputy = people.get(row.deputy_id)
            gone = f" (left {row.beside_left_at.astimezone(ctx.terms.zone):%H:%M})" if row.beside_left_at else ""
            groups["In attendance"].append(f"{deputy.display_name if deputy else '?'} with {member.display_name}"
                                           f"{gone}")
        if row.relieved_id and row.relieved_at:
            relieved = people.get(row.relieved_id)
            groups[deputised].append(f"{relieved.display_name if relieved else '?'} for {member.display_name} "
                                     f"(until {row.relieved_at.astimezone(ctx.terms.zone):%H:%M})")
        if row.status == "deputised" and row.deputy_id:
            deputy = people.get(row.deputy_id)
            groups[deputised].append(f"{deputy.display_name if deputy else '?'} for {member.display_name}{left}")
            if row.apologies_at:  # the apology stands beside the deputy who came, as the minutes will show
                groups["Apologies"].append(apology_words(member.display_name, row.reason, deputy.display_name
                                                         if deputy else None, word=ctx.terms.deputies.word))
        elif row.member_id in out:  # absent as the ToR's cap kept them out (LIEG 2.1)
            kept[out[row.member_id]].append(member.display_name)
        else:
            label = {"present": "Present", "apologies": "Apologies", "absent": "Absent"}[row.status]
            groups[label].append(apology_words(member.display_name, row.reason) if row.status == "apologies"
                                 else member.display_name + marks.get(row.member_id, "") + left)
    groups["Not attending"] = [", ".join(names[:-1]) + " and " * (len(names) > 1) + names[-1] + kept_out_note(
        ctx.terms, org) for org, names in kept.items()]
    labels = ("Present", deputised, "In attendance", "Apologies", "Absent", "Not attending")
    joins = {"Apologies": APOLOGIES_JOIN}
    fields = [(label, joins.get(label, ", ").join(groups[label])) for label in labels if groups[label]]
    if meeting.status == "open":
        fields.append(("Quorum", quorum_of(ctx, meeting).text))
    return tuple(fields) or (("Roll call", "nobody recorded yet"),)


def meeting_chair(ctx: Context, meeting: Meeting) -> int | None:
    """Who chairs `meeting`, listed first among those present: the one named to, else the group's chair."""
    return meeting.chair_id or next((m.person_id for m in ctx.memberships() if holds_chair(ctx, m)), None)




def reasons(ctx: Context, meeting: Meeting, rows: list[Attendance],
            away: dict[int, list[Spell]]) -> dict[tuple[int, int], dict[dt.datetime, str]]:
    """Why those who stepped out left (`for item 2`: `leaving --item 2`, CJCG 6.5), as the minutes say it; read only
    where the roll shows someone who stepped out, so a card's refresh reads no more for a roll of those in the room."""
    if not any(row.status in ATTENDED and (row.left_at is not None or away.get(row.id)) for row in rows):
        return {}
    return left_for_positions(ctx.session, meeting)


def times(ctx: Context, meeting: Meeting, row: Attendance, away: dict[int, list[Spell]],
          why: dict[dt.datetime, str] | None = None) -> str:
    """` (arrived 10:25, left for item 2 at 10:40, back 10:55)`: the minutes' times (bot.records.roll_record),
    shorter; nothing for apologies or an absence (recorded when sent, or at the close, not an arrival)."""
    if row.status not in ATTENDED:
        return ""
    said = comings_and_goings(row.recorded_at, meeting.opened_at, away.get(row.id, []), row.left_at, ctx.terms.zone,
                              at="", why=why)
    return f" ({', '.join(said)})" if said else ""
