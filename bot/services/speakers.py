"""Who is speaking and where: the speaker, the place, and the person of record each platform account resolves to."""

from __future__ import annotations

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from bot.commands import PersonRef
from bot.connections import connection_of
from bot.identity import Place as Place
from bot.identity import Speaker
from bot.models import Identity, Membership, Person
from bot.services.handles import by_handle, console_named

# The reads every command makes, built once with bound parameters: building a statement and its cache key costs
# more Python than running it on a small table.
PERSON_BY_ACCOUNT = select(Person, Identity.external_id, Identity.handle) \
    .join(Identity, Identity.person_id == Person.id)
PERSON_BY_ID = PERSON_BY_ACCOUNT.where(Identity.platform == bindparam("platform"),
                                       Identity.external_id == bindparam("external_id"))
PERSON_BY_CONSOLE_HANDLE = PERSON_BY_ACCOUNT.where(Identity.platform == "console",
                                                   Identity.handle == bindparam("handle")) \
    .order_by(Identity.id).limit(1)
# A command in a group's channel reads who is speaking and their seat there: one statement, since an ORM read of one
# row costs several times what the statement does (bot/services/context.py's SEATED_PERSON, joined).
PERSON_AND_SEAT = PERSON_BY_ID.add_columns(Membership).outerjoin(
    Membership, (Membership.person_id == Person.id) & (Membership.group_id == bindparam("group_id"))
    & Membership.ended_at.is_(None)).order_by(Membership.id)
REHANDLE = update(Identity).where(Identity.platform == bindparam("on"), Identity.external_id == bindparam("account")) \
    .values(handle=bindparam("typed_as"))
RENAME = update(Person).where(Person.id == bindparam("person_id")).values(display_name=bindparam("display_name"))


def person_for(session: Session, speaker: Speaker, mentioned: bool = False) -> Person:
    """The person behind a platform identity, created the first time they speak. Where someone else `mentioned`
    them, the name the mention carries names only a newcomer: one typed by hand (Slack sends `<@UBOB|dan>` typed
    as text as it sends a mention) would rename a seat holder, and what a typed `@dan` finds with them."""
    # One query for the person and the identity's id together: loading the Identity and then lazy-loading its
    # person cost two round trips through the ORM.
    found = session.execute(PERSON_BY_ID, {"platform": speaker.platform, "external_id": speaker.user_id}).first()
    if found is None and speaker.platform == "console":  # names typed by hand: @Yan and @yan are one person
        found = session.execute(PERSON_BY_CONSOLE_HANDLE, {"handle": speaker.user_id.casefold()}).first()
    if found is not None:
        return found[0] if mentioned else named(session, found[0], found[1], speaker, found[2])
    person = Person(display_name=speaker.display_name or speaker.user_id)
    session.add(person)
    session.add(Identity(person=person, platform=speaker.platform, external_id=speaker.user_id,
                         handle=(speaker.display_name or speaker.user_id).casefold()))
    session.flush()
    return person


def person_seated(session: Session, speaker: Speaker, group_id: int) -> tuple[Person, Membership | None] | None:
    """The person behind a platform identity and their current seat in the group (None when they hold none), read
    together; None when the identity is not on record, for `person_for` to find or create them."""
    found = session.execute(PERSON_AND_SEAT, {"platform": speaker.platform, "external_id": speaker.user_id,
                                              "group_id": group_id}).first()
    if found is None:
        return None
    person, external_id, handle, seat = found
    return named(session, person, external_id, speaker, handle), seat


def named(session: Session, person: Person, external_id: str, speaker: Speaker, handle: str) -> Person:
    """`person`, given the name the platform shows for them when they were known only by their account's id; and
    their account the handle it has, where it was recorded as the account's id (a seat holder a ToR file names by
    account, `slack:UBOB`, who then speaks as `bob`): a typed `@bob` finds them among the group's people."""
    if speaker.platform != "console" and external_id == speaker.user_id and handle == external_id.casefold() != \
            speaker.display_name.casefold():
        connection_of(session).execute(REHANDLE, {"on": speaker.platform, "account": external_id,
                                                  "typed_as": speaker.display_name.casefold()})
    if speaker.display_name and person.display_name != speaker.display_name and \
            person.display_name == external_id == speaker.user_id:
        # One statement now, rather than a changed object for the ORM to flush before the command's next read
        # (a person's first command, or every vote of a crowd voting for the first time: the flush cost more
        # than the rest of reading who they are).
        connection_of(session).execute(RENAME, {"person_id": person.id, "display_name": speaker.display_name})
        set_committed_value(person, "display_name", speaker.display_name)
    return person


def resolve(session: Session, platform: str, ref: PersonRef, group_id: int | None = None) -> Person:
    """The person a command names.

    A platform mention (`<@U123>`) is authoritative and creates the person if new. A bare `@handle` is an
    identity on the console (where names are the identities; one no account has may be the name of one of the
    group's people, `@"Bob Jones"`); elsewhere it must match a known handle, read first
    among the people of the group `group_id` (bot/services/handles.py). Raises NotFound naming the handle.
    """
    if platform == "console" and not ref.by_id and group_id is not None and \
            (person := console_named(session, ref.value, group_id)) is not None:
        return person
    if ref.by_id or platform == "console":
        # A mention's own name (`<@U123|bob>`) names a newcomer properly in the record until they speak.
        return person_for(session, Speaker(platform, ref.value, ref.name or ref.value), mentioned=platform != "console")
    return by_handle(session, platform, ref.value, group_id)
