"""Groups: importing a ToR file, binding channels, and stating the rules in force."""

from __future__ import annotations

import datetime as dt
from itertools import chain
from pathlib import Path

from sqlalchemy import bindparam, event, select
from sqlalchemy.orm import Session, UOWTransaction

from bot import audit, verbs
from bot.commands import PersonRef
from bot.errors import NotFound
from bot.identity import Speaker
from bot.models import ChannelBinding, Group, Identity, Membership, Person
from bot.records.house_template import keep_house_template, read_house_template
from bot.replies import Reply
from bot.rules.calendar import term_end
from bot.rules.in_force import plural as plural
from bot.rules.in_force import rules_in_force
from bot.rules.powers import date_poll_row, powers_in_force
from bot.services.context import Context, Place, resolve
from bot.services.speakers import named, person_seated
from bot.terms import CHAIR_ROLES, parse_terms
from bot.terms_stored import group_terms
from bot.transaction_memo import forgotten_with_transaction


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
        if not seat.holder_id or (not seat.holder_name and seat.title.casefold() in seated):
            continue  # no one to seat or to name
        platform, _, user = seat.holder_id.rpartition(":")
        person = resolve(session, platform or "console", PersonRef(user, by_id=True))
        if seat.holder_name:  # the ToR file names the holder: that name is the record's
            person.display_name = seat.holder_name
        if seat.title.casefold() not in seated:
            today = now.astimezone(terms.zone).date()  # the group's date, not UTC's (00:30 BST is the next day)
            start = terms.adopted_on or today
            chair_months = terms.chair.term_months if seat.role in CHAIR_ROLES else None
            # held from today where the ToR is adopted on a day to come (its terms run from that day): those it
            # names run the group from its import, unlike a successor seated ahead (bot/services/tenure.py)
            session.add(Membership(group_id=group.id, person_id=person.id, seat_title=seat.title, role=seat.role,
                                   term_starts_on=min(start, today),
                                   term_ends_on=term_end(start, seat.term_months) if seat.term_months else None,
                                   chair_term_ends_on=term_end(start, chair_months) if chair_months else None))
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
# The group each channel was found bound to in this transaction, {(platform, channel id): group}: a batch of votes
# in one channel (SQLite's group commit, one transaction) reads it once, and each vote after takes the same object
# the read would have given back (a query never replaces what its session holds). Forgotten when a binding changes,
# and when the transaction, or a savepoint in it, rolls back.
BOUND = "groups.bound"


def group_for(session: Session, place: Place) -> Group | None:
    key = (place.platform, place.channel_id)
    group: Group | None = session.info.get(BOUND, {}).get(key)
    if group is None:
        group = session.scalar(GROUP_OF_CHANNEL, {"platform": place.platform, "channel_id": place.channel_id})
        if group is not None:
            session.info.setdefault(BOUND, {})[key] = group
    return group


# The channel's group, who is speaking and their seat there, in one statement: every command in a channel reads them
# (speakers.PERSON_AND_SEAT's columns, joined to the binding; no person where the account is not on record yet).
GROUP_AND_SPEAKER = select(Group, Person, Identity.external_id, Identity.handle, Membership) \
    .select_from(ChannelBinding).join(Group, ChannelBinding.group_id == Group.id) \
    .outerjoin(Identity, (Identity.platform == bindparam("speaker_platform"))
               & (Identity.external_id == bindparam("external_id"))) \
    .outerjoin(Person, Person.id == Identity.person_id) \
    .outerjoin(Membership, (Membership.person_id == Person.id) & (Membership.group_id == Group.id)
               & Membership.ended_at.is_(None)) \
    .where(ChannelBinding.platform == bindparam("platform"), ChannelBinding.channel_id == bindparam("channel_id")) \
    .order_by(Membership.id)
Seated = tuple[Person, Membership | None]


def group_and_seat(session: Session, place: Place, speaker: Speaker) -> tuple[Group | None, Seated | None]:
    """`group_for(place)`, and the speaker's person and seat in that group as `speakers.person_seated` reads them
    (None where the account is not on record, or the channel is bound to no group)."""
    group: Group | None = session.info.get(BOUND, {}).get((place.platform, place.channel_id))
    if group is not None:
        return group, person_seated(session, speaker, group.id)
    found = session.execute(GROUP_AND_SPEAKER, {"platform": place.platform, "channel_id": place.channel_id,
                                                "speaker_platform": speaker.platform,
                                                "external_id": speaker.user_id}).first()
    if found is None:
        return None, None
    group, person, external_id, handle, seat = found
    session.info.setdefault(BOUND, {})[(place.platform, place.channel_id)] = group
    return group, None if person is None else (named(session, person, external_id, speaker, handle), seat)


@event.listens_for(Session, "after_flush")
def _binding_changed(session: Session, _flush: UOWTransaction) -> None:
    if any(isinstance(i, ChannelBinding) for i in chain(session.new, session.dirty, session.deleted)):
        session.info.pop(BOUND, None)


forgotten_with_transaction(BOUND)


def group_named(session: Session, short_name: str, seen_by: int | None = None) -> Group:
    """The group called `short_name`. Raises NotFound naming the groups loaded. Asked for by a person (`seen_by`,
    their id), a confidential group in which they hold no seat is neither found nor named: its name and its
    officers are its members' business, as its web page is (an unknown group and a confidential one look alike)."""
    group = session.scalar(select(Group).where(Group.short_name == short_name))
    seated = None if seen_by is None else set(session.scalars(select(Membership.group_id).where(
        Membership.person_id == seen_by, Membership.ended_at.is_(None))))
    if group is not None and (seated is None or known_to(group, seated)):
        return group
    known = ", ".join(g.short_name for g in session.scalars(select(Group).order_by(Group.short_name))
                      if seated is None or known_to(g, seated))
    hidden = "" if seated is None else (" A confidential group is named only to those who sit on it: if you "
                                        "should, ask its chair or secretariat to seat you.")
    known = known or ("none yet" if seated is None else "none you may see")
    raise NotFound(f"There is no group '{short_name[:40]}'. Groups loaded: {known}. "
                   f"An operator loads one with `govbot group import FILE`.{hidden}")


def known_to(group: Group, seated: set[int]) -> bool:
    """Whether a person holding seats in the groups `seated` may learn that `group` exists."""
    return group.id in seated or not group_terms(group).confidential


def terms_in_force(ctx: Context, cmd: verbs.Terms) -> Reply:
    """The group, its rules, and who may do each act (the powers in force), each citing its clause."""
    info = group_info(ctx, cmd)
    powers = powers_in_force(ctx.terms) + date_poll_row(ctx.terms)
    return Reply(text=info.text, title=info.title, fields=info.fields + tuple(powers), private=True)


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
    return Reply(text=text, title=f"{terms.name} ({terms.short_name})", fields=tuple(rules_in_force(terms, ctx.today)),
                 private=True)
