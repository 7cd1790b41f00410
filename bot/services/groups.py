"""Groups: importing a ToR file, binding channels, and stating the rules in force."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from bot import audit, verbs
from bot.commands import PersonRef
from bot.errors import NotFound
from bot.models import ChannelBinding, Group, Membership
from bot.records.house_template import keep_house_template, read_house_template
from bot.replies import Reply
from bot.rules.calendar import add_months, show_date
from bot.rules.powers import powers_in_force
from bot.services.conduct import declares_at_start
from bot.services.context import Context, Place, resolve
from bot.terms import CHAIR_ROLES, VOTING_RULE_WORDS, Terms, parse_terms


def import_group(session: Session, yaml_text: str, now: dt.datetime, source: str = "<ToR>",
                 folder: Path | None = None) -> Group:
    """Create the group a ToR file describes, or put the new ToR in force for an existing one.

    Seat holders named in the file (`holder: alice` for the console, `holder: slack:U123` for a platform
    account) are seated if the seat is empty. A house template for the minutes is read from `folder`, the ToR
    file's own. Raises TermsError for an invalid file or template.
    """
    terms = parse_terms(yaml_text, source=source)
    template = read_house_template(terms, folder, source)
    group = session.scalar(select(Group).where(Group.short_name == terms.short_name))
    parent_id = None
    if terms.parent:
        parent = session.scalar(select(Group).where(Group.short_name == terms.parent))
        if parent is None:
            raise NotFound(f"{source}: parent group '{terms.parent}' is not loaded; import its ToR file first.")
        parent_id = parent.id
    created = group is None
    if group is None:
        group = Group(short_name=terms.short_name, name=terms.name, terms_yaml=yaml_text, created_at=now,
                      parent_id=parent_id)
        session.add(group)
        session.flush()
    else:
        group.name, group.terms_yaml, group.parent_id = terms.name, yaml_text, parent_id
    keep_house_template(session, group, terms, template, now)
    audit.record(session, action="group.imported" if created else "group.terms_updated", at=now,
                 group_id=group.id, actor_id=None, source=source)
    seated = {m.seat_title.casefold() for m in session.scalars(
        select(Membership).where(Membership.group_id == group.id, Membership.ended_at.is_(None)))}
    for seat in terms.seats:
        if seat.holder_id and seat.holder_name:  # the ToR file names the holder: that name is the record's
            platform, _, user = seat.holder_id.rpartition(":")
            resolve(session, platform or "console", PersonRef(user, by_id=True)).display_name = seat.holder_name
        if seat.holder_id and seat.title.casefold() not in seated:
            platform, _, user = seat.holder_id.rpartition(":")
            person = resolve(session, platform or "console", PersonRef(user, by_id=True))
            start = terms.adopted_on or now.date()
            chair_months = terms.chair.term_months if seat.role in CHAIR_ROLES else None
            session.add(Membership(group_id=group.id, person_id=person.id, seat_title=seat.title, role=seat.role,
                                   term_starts_on=start,
                                   term_ends_on=add_months(start, seat.term_months) if seat.term_months else None,
                                   chair_term_ends_on=add_months(start, chair_months) if chair_months else None))
            audit.record(session, action="member.seated", at=now, group_id=group.id, actor_id=None,
                         person=person.id, seat=seat.title)
    return group


def bind_channel(session: Session, group: Group, place: Place, now: dt.datetime, actor_id: int | None) -> Reply:
    """Bind a channel to `group`, replacing any earlier binding of that channel."""
    binding = session.scalar(select(ChannelBinding).where(ChannelBinding.platform == place.platform,
                                                          ChannelBinding.channel_id == place.channel_id))
    if binding is None:
        binding = ChannelBinding(platform=place.platform, channel_id=place.channel_id, bound_at=now,
                                 group_id=group.id)
        session.add(binding)
    binding.group_id, binding.channel_name, binding.bound_at = group.id, place.channel_name, now
    binding.disabled_at = binding.disabled_reason = None  # bound again: reminders are posted here again
    audit.record(session, action="channel.bound", at=now, group_id=group.id, actor_id=actor_id,
                 platform=place.platform, channel=place.channel_id)
    return Reply(f"This channel is now the channel of {group.name} ({group.short_name}).")


# Built once: every command in a channel reads it, and building the statement cost more than running it.
GROUP_OF_CHANNEL = select(Group).join(ChannelBinding, ChannelBinding.group_id == Group.id) \
    .where(ChannelBinding.platform == bindparam("platform"), ChannelBinding.channel_id == bindparam("channel_id"))


def group_for(session: Session, place: Place) -> Group | None:
    return session.scalar(GROUP_OF_CHANNEL, {"platform": place.platform, "channel_id": place.channel_id})


def group_named(session: Session, short_name: str) -> Group:
    group = session.scalar(select(Group).where(Group.short_name == short_name))
    if group is None:
        known = ", ".join(session.scalars(select(Group.short_name).order_by(Group.short_name))) or "none yet"
        raise NotFound(f"There is no group '{short_name[:40]}'. Groups loaded: {known}. "
                       "An operator loads one with `govbot group import FILE`.")
    return group


def rules_in_force(terms: Terms) -> list[tuple[str, str]]:
    """Each rule of the ToR as a (label, sentence citing its clause) pair."""
    rows: list[tuple[str, str]] = [("Seats", f"{len(terms.seats)} seats, {terms.voting_seats} of them voting")]
    rows.extend(("Composition", rule.cited(rule.says)) for rule in terms.composition)
    replaced = [s for s in terms.seats if s.at_term_end == "new_holder"]
    if replaced:
        rows.append(("Terms", replaced[0].cited("a new representative is appointed when the term of "
                                                f"{', '.join(s.title for s in replaced)} ends")))
    chair = terms.chair
    chair_text = f"{chair.chosen.replace('_', '-')} chair"
    rows.append(("Chair", chair.cited(chair_text + (f", for a term of {chair.term_months} months"
                                                    if chair.term_months else ""))))
    rows.append(("Deputies", deputies_rule(terms)))
    rows.append(("Quorum", quorum_rule(terms)))
    voting = terms.voting
    rows.append(("Voting", voting_rule(terms)))
    if voting.tabling.required:
        rows.append(("Motions", voting.tabling.cited(f"tabled with {voting.tabling.with_body} before a vote")))
    rows.append(("Meetings", meetings_rule(terms)))
    if declares_at_start(terms):  # only a rule the ToR states, with its clause
        rows.append(("Interests", terms.interests.cited("declared and recorded at the start of each meeting")))
    attendance = terms.attendance
    parts = []
    if attendance.max_per_organisation:
        parts.append((attendance.cap_rule, f"at most {attendance.max_per_organisation} attending per organisation"))
    if attendance.warn_after_consecutive_absences:
        whose = " of an organisation" if attendance.absences_counted_per == "organisation" else ""
        parts.append((attendance.absence_rule, f"the chair is told after "
                      f"{attendance.warn_after_consecutive_absences} consecutive absences{whose}"))
    if parts:
        # Each rule cites its own clause; one clause for both is cited once, at the end.
        one = len({rule.clause for rule, _ in parts}) == 1
        text = "; ".join(words if one else rule.cited(words) for rule, words in parts)
        rows.append(("Attendance", parts[0][0].cited(text) if one else text))
    if terms.reporting:
        r = terms.reporting
        often = f"every {r.every_months} months" if r.every_months else "as required"
        rows.append(("Reporting", r.cited(f"to {r.to} {often}, led by the {r.lead.replace('_', '-')}")))
    if terms.review:
        rv = terms.review
        text = f"first after {rv.first_after_months} months"
        if rv.then_every_months:
            text += f", then every {rv.then_every_months} months"
        rows.append(("Review", rv.cited(text)))
    rows.append(("Minutes", terms.minutes.cited(f"approved by the {terms.minutes.approved_by.replace('_', ' ')}")))
    if terms.operates_until:
        rows.append(("Ends", terms.operates_until.cited(f"operates until {show_date(terms.operates_until.date)}")))
    privacy = terms.confidentiality
    if privacy.confidential or not privacy.public_meetings:
        text = "confidential: information is used only for its purpose" if privacy.confidential else ""
        text += ("; " if text else "") + ("meetings are not open to the public" if not privacy.public_meetings else "")
        rows.append(("Confidentiality", privacy.cited(text)))
    return rows


def deputies_rule(terms: Terms) -> str:
    """The ToR's provision for deputies, as a sentence citing its clause."""
    deputies = terms.deputies
    if deputies.allowed:
        kinds = " and ".join(k for k, on in (("standing", deputies.standing), ("per-meeting", deputies.per_meeting))
                             if on)
        text = f"deputies allowed ({kinds})"
        if deputies.for_seats:
            text += f" for {', '.join(deputies.for_seats)}"
        if deputies.must_belong_to:
            text += f"; a deputy must be a member of {deputies.must_belong_to}"
        if deputies.eligible:
            text += "; only those the ToR file lists may deputise"
        text += "; deputies may vote" if deputies.may_vote else "; deputies may not vote"
        return deputies.cited(text)
    else:
        return deputies.cited("no provision for deputies")


def quorum_rule(terms: Terms) -> str:
    """The ToR's quorum, as a sentence citing its clause (or that it sets none)."""
    if terms.quorum:
        q = terms.quorum
        text = plural(q.required(terms.voting_seats), "member") + " present"
        text += (" including the chair" if q.chair_required else "")
        text += "; deputies count" if q.deputies_count else "; deputies do not count"
        return q.cited(text)
    else:
        return "the ToR sets no quorum"


def voting_rule(terms: Terms) -> str:
    """The ToR's voting rule, as a sentence citing its clause."""
    voting = terms.voting
    text = f"decided by {VOTING_RULE_WORDS[voting.rule]}"
    if voting.casting_vote == "chair":
        text += "; the chair has a casting vote"
    if not voting.out_of_meeting_polls:
        text += "; votes only at meetings"
    return voting.cited(text)


def meetings_rule(terms: Terms) -> str:
    """How often the ToR has the group meet, and for how long, as a sentence citing its clause."""
    meetings = terms.meetings
    cadence = (f"every {meetings.every_months} months" if meetings.every_months
               else f"{meetings.per_year} times a year" if meetings.per_year else "as the chair calls them")
    if meetings.max_minutes:
        cadence += f", at most {meetings.max_minutes} minutes"
    return meetings.cited(cadence)


def terms_in_force(ctx: Context, cmd: verbs.Terms) -> Reply:
    """The group, its rules, and who may do each act (the powers in force), each citing its clause."""
    info = group_info(ctx, cmd)
    return Reply(text=info.text, title=info.title, fields=info.fields + tuple(powers_in_force(ctx.terms)),
                 private=True)


def plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


def group_info(ctx: Context, cmd: verbs.GroupInfo | verbs.Terms) -> Reply:
    """The group and the rules in force."""
    terms = ctx.terms
    lines = [terms.purpose.strip()] if terms.purpose else []
    if terms.accountable_to:
        lines.append(f"Accountable to: {terms.accountable_to}.")
    if ctx.group.parent_id is not None:
        parent = ctx.session.get(Group, ctx.group.parent_id)
        lines.append(f"A task-and-finish group of {parent.name if parent else 'another group'}.")
    text = "\n".join(lines) or "The rules in force:"
    return Reply(text=text, title=f"{terms.name} ({terms.short_name})", fields=tuple(rules_in_force(terms)),
                 private=True)
