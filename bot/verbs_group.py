"""The group's verbs as typed commands: the group and its terms, seats, deputies, interests, reviews and help."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Literal

from bot.grammar import Command, PersonRef, arg, described, option
from bot.terms_powers import Act


@described("help", "help [verb]", "what you can ask, or how to use one verb")
@dataclass(frozen=True, kw_only=True)
class Help(Command):
    topic: tuple[str, ...] = arg(required=False, many=True)


@described("group info", "group info", "the group, its purpose and the rules in force, each with its ToR clause")
@dataclass(frozen=True, kw_only=True)
class GroupInfo(Command):
    pass


@described("terms", "terms", "the rules in force, each citing its ToR clause")
@dataclass(frozen=True, kw_only=True)
class Terms(Command):
    pass


@described("group bind", "group bind <short-name>", "bind this channel to a group (its chair or secretariat)",
           "group bind cjcg")
@dataclass(frozen=True, kw_only=True)
class GroupBind(Command):
    act: ClassVar[Act] = Act.BIND_CHANNEL
    short_name: str = arg("word")


@described("group unbind", "group unbind", "stop this channel being its group's channel; the group's other channels "
           "keep it (whoever may bind a channel: its chair or secretariat)")
@dataclass(frozen=True, kw_only=True)
class GroupUnbind(Command):
    act: ClassVar[Act] = Act.BIND_CHANNEL


@described("group end", 'group end [--motion N [--confirm]] [--agreed "reference"]', "end the group before its end "
           "date, on the agreement its ToR asks for (e.g. motion N carried by all members)")
@dataclass(frozen=True, kw_only=True)
class GroupEnd(Command):
    act: ClassVar[Act] = Act.END_GROUP
    motion: int | None = option("int")
    agreed: str | None = option()
    confirm: bool = option("flag")  # motion N ends the group though its words say nothing of ending


@described("members", "members", "seats, holders and when their terms end")
@dataclass(frozen=True, kw_only=True)
class Members(Command):
    pass


@described("member add", 'member add @person --seat "title" [--role chair|vice_chair|co_chair|member|secretariat|...] '
           '[--agreed "reference"] [--also "capacity"]', "put a person in a seat, or record what else they are "
           "(whoever the ToR's powers name; `terms` lists them)", 'member add @alice --seat "Chair"')
@dataclass(frozen=True, kw_only=True)
class MemberAdd(Command):
    act: ClassVar[Act] = Act.SEAT_MEMBER
    person: PersonRef = arg("person")
    seat: str | None = option()
    role: str | None = option()
    from_: str | None = option("when", "from")
    agreed: str | None = option()
    also: str | None = option()


@described("member remove", "member remove @person", "end a person's seat (whoever the ToR's powers name)")
@dataclass(frozen=True, kw_only=True)
class MemberRemove(Command):
    act: ClassVar[Act] = Act.SEAT_MEMBER
    person: PersonRef = arg("person")


@described("chair", 'chair @person [--poll N] [--agreed "reference"]', "make a member the chair, for the term the "
           "ToR sets; where the ToR elects the chair, record the election held in poll N; where the group agrees its "
           "chair, say where it did with --agreed")
@dataclass(frozen=True, kw_only=True)
class Chair(Command):
    act: ClassVar[Act] = Act.NAME_CHAIR
    person: PersonRef = arg("person")
    poll: int | None = option("int")
    agreed: str | None = option()


@described("deputy", "deputy @person [--for @member] [--meeting next|N|standing]",
           "name a deputy (`alternate` and `substitute` work too) to attend (and, where the ToR allows, vote) in "
           "your place", "deputy @bob --meeting next")
@dataclass(frozen=True, kw_only=True)
class Deputy(Command):
    act: ClassVar[Act] = Act.NOMINATE_DEPUTY
    person: PersonRef = arg("person")
    for_: PersonRef | None = option("person", "for")
    meeting: int | Literal["next", "standing"] | None = option("occasion")


@described("deputy revoke", "deputy revoke @person [--for @member]", "withdraw a deputy nomination")
@dataclass(frozen=True, kw_only=True)
class DeputyRevoke(Command):
    act: ClassVar[Act] = Act.NOMINATE_DEPUTY
    person: PersonRef = arg("person")
    for_: PersonRef | None = option("person", "for")


@described("deputies", "deputies", "deputy nominations in force")
@dataclass(frozen=True, kw_only=True)
class Deputies(Command):
    pass


@described("declare", 'declare "interest" [--meeting N] [--item N] [--nature "kind"] | declare none',
           "declare an interest (or none) for the current or next meeting",
           'declare "My employer bids for this contract" --item 2')
@dataclass(frozen=True, kw_only=True)
class Declare(Command):
    description: tuple[str, ...] = arg(many=True)
    item: int | None = option("int")
    nature: str | None = option()
    meeting: int | None = option("int")


@described("interests", "interests [--meeting N] [--person @p] [--since DATE]", "the register of interests",
           "interests --person @bob --since {year_start}")
@dataclass(frozen=True, kw_only=True)
class Interests(Command):
    meeting: int | None = option("int")
    person: PersonRef | None = option("person")
    since: str | None = option()
