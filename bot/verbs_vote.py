"""The voting verbs as typed commands: motions, polls, votes and results."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from bot.grammar import Command, PersonRef, arg, described, option
from bot.terms_powers import Act


@described("motion", 'motion "text" [--item N] [--closes "date time"]', "propose a motion (the chair opens the vote)",
           'motion "Approve the joint action plan"')
@dataclass(frozen=True, kw_only=True)
class Motion(Command):
    act: ClassVar[Act] = Act.PROPOSE_MOTION
    text: tuple[str, ...] = arg(many=True)
    item: int | None = option("int")
    closes: str | None = option("when")


@described("motion table", "motion table N", "table a proposed motion with the body the ToR "
           "names, where it has a tabling step, before the vote")
@dataclass(frozen=True, kw_only=True)
class MotionTable(Command):
    act: ClassVar[Act] = Act.TABLE_MOTION
    poll: int = arg("int")


@described("motion withdraw", "motion withdraw N", "withdraw a motion not yet voted on (its proposer, or the chair)")
@dataclass(frozen=True, kw_only=True)
class MotionWithdraw(Command):
    poll: int = arg("int")


@described("motion vote", 'motion vote N [--closes "date time"]', "open the vote on a motion (the chair); between "
           "meetings, give the deadline")
@dataclass(frozen=True, kw_only=True)
class MotionVote(Command):
    act: ClassVar[Act] = Act.CALL_VOTE
    poll: int = arg("int")
    closes: str | None = option("when")


@described("poll", 'poll "question" "option" "option" ... [--item N] [--closes "date time"] [--secret] [--multi]',
           "ask the group a question with your own options; --item ties it to an agenda item, minuted under it; "
           "between meetings, whoever arranges the meetings may call a poll of dates (each option a date) to find "
           "when to meet",
           'poll "Next venue?" "Barnet" "Camden"')
@dataclass(frozen=True, kw_only=True)
class Poll(Command):
    act: ClassVar[Act] = Act.CALL_VOTE
    question: str = arg()
    choices: tuple[str, ...] = arg(many=True)
    item: int | None = option("int")
    closes: str | None = option("when")
    secret: bool = option("flag")
    multi: bool = option("flag")


@described("polls", "polls", "open polls and motions")
@dataclass(frozen=True, kw_only=True)
class Polls(Command):
    pass


@described("vote", "vote N <choice> [--for @member]",
           "vote in poll or motion N (for / against / abstain, or an option)", "vote 3 for")
@dataclass(frozen=True, kw_only=True)
class Vote(Command):
    poll: int = arg("int")
    choice: tuple[str, ...] = arg(many=True)
    for_: PersonRef | None = option("person", "for")


@described("poll close", "poll close N [--casting for|against] [--early]",
           "close a vote and record the outcome (the chair; a poll of dates, also whoever may call one); --early "
           "closes a motion voted on between meetings before its deadline while some have not voted")
@dataclass(frozen=True, kw_only=True)
class PollClose(Command):
    act: ClassVar[Act] = Act.CLOSE_POLL
    poll: int = arg("int")
    casting: str | None = option()
    early: bool = option("flag")


@described("results", "results N", "the tally and outcome of poll or motion N")
@dataclass(frozen=True, kw_only=True)
class Results(Command):
    poll: int = arg("int")

