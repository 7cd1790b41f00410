"""The `powers:` table of a ToR file: for each act, who holds the power and whose agreement it needs."""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from bot.terms_base import tor_ref


class Act(StrEnum):
    """The acts a ToR gives to someone; each command that changes the record is one of them."""

    SEAT_MEMBER = "seat_member"              # member add / member remove, for a member's seat
    CO_OPT_MEMBER = "co_opt_member"          # member add, for a co-opted seat
    NAME_CHAIR = "name_chair"                # chair @person
    NAME_MEETING_CHAIR = "name_meeting_chair"  # meeting schedule --chair @person
    SCHEDULE_MEETING = "schedule_meeting"    # meeting schedule / meeting cancel
    PLAN_AGENDA = "plan_agenda"              # agenda add
    RUN_MEETING = "run_meeting"              # meeting open / meeting close
    PROPOSE_MOTION = "propose_motion"        # motion "..."
    TABLE_MOTION = "table_motion"            # motion table N
    CALL_VOTE = "call_vote"                  # motion vote N / poll
    CLOSE_POLL = "close_poll"                # poll close N
    APPROVE_MINUTES = "approve_minutes"      # minutes approve
    CIRCULATE_MINUTES = "circulate_minutes"  # draft minutes read before approval
    RECORD_ACTIONS = "record_actions"        # action "..."
    MARK_ACTION_DONE = "mark_action_done"    # action done N
    MARK_REVIEW_DONE = "mark_review_done"    # review done / report done
    NOMINATE_DEPUTY = "nominate_deputy"      # deputy @p [--for @member]
    BIND_CHANNEL = "bind_channel"            # group bind
    END_GROUP = "end_group"                  # group end --motion N: ending the group before its date


ACT_WORDS: dict[Act, str] = {
    Act.SEAT_MEMBER: "seat or remove a member",
    Act.CO_OPT_MEMBER: "co-opt a member",
    Act.NAME_CHAIR: "name the chair",
    Act.NAME_MEETING_CHAIR: "name a meeting's chair",
    Act.SCHEDULE_MEETING: "schedule, move or cancel a meeting",
    Act.PLAN_AGENDA: "plan the agenda",
    Act.RUN_MEETING: "open and close a meeting",
    Act.PROPOSE_MOTION: "propose a motion",
    Act.TABLE_MOTION: "table a motion",
    Act.CALL_VOTE: "call a vote",
    Act.CLOSE_POLL: "close a vote",
    Act.APPROVE_MINUTES: "approve the minutes",
    Act.CIRCULATE_MINUTES: "read or circulate draft minutes",
    Act.RECORD_ACTIONS: "record actions",
    Act.MARK_ACTION_DONE: "mark an action done",
    Act.MARK_REVIEW_DONE: "record a review or report done",
    Act.NOMINATE_DEPUTY: "name a deputy for a member",
    Act.BIND_CHANNEL: "bind a channel",
    Act.END_GROUP: "end the group early",
}


class PowerHolder(StrEnum):
    """Who may hold a power. A person holds several at once: a seat, the chair, the steering group."""

    CHAIR = "chair"                  # the chair, vice-chair or a co-chair in term, or the chair of the meeting
    SECRETARIAT = "secretariat"      # administrative support: not a member
    STEERING_GROUP = "steering_group"  # a member whose seat sits on the steering group
    VOTING_MEMBER = "voting_member"  # a member holding a voting seat, in term
    MEMBER = "member"                # any member in term (co-opted included; not secretariat or observers)
    MINUTE_TAKER = "minute_taker"    # the minute-taker of the meeting concerned
    SELF = "self"                    # the person themself (their own deputy, their own action)
    ANYONE = "anyone"                # no restriction beyond the group's confidentiality


POWER_HOLDER_WORDS: dict[PowerHolder, str] = {
    PowerHolder.CHAIR: "the chair",
    PowerHolder.SECRETARIAT: "the secretariat",
    PowerHolder.STEERING_GROUP: "a member of the steering group",
    PowerHolder.VOTING_MEMBER: "a voting member",
    PowerHolder.MEMBER: "a member",
    PowerHolder.MINUTE_TAKER: "the meeting's minute-taker",
    PowerHolder.SELF: "the member themself",
    PowerHolder.ANYONE: "anyone who may read the record",
}


class Agreement(BaseModel):
    """What a power needs besides its holder: a vote of the group, an election, or another body's agreement."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    # `all_members`: every voting member in office, present or not; the other rules are those of `voting.rule`.
    vote: Literal["all_members", "unanimous", "majority_present", "majority_cast", "two_thirds", "election"] | None \
        = None
    body: str | None = Field(default=None, max_length=200)  # "the board": its agreement is recorded with --agreed

    @model_validator(mode="after")
    def _one_kind(self) -> Agreement:
        if (self.vote is None) == (self.body is None):
            raise ValueError("give one of vote (a vote of the group) or body (another body whose agreement counts)")
        return self


class Power(BaseModel):
    """Who holds one act, and whether it needs agreement; `clause` is the ToR's words for it."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    by: list[PowerHolder] = Field(min_length=1)
    seats: list[str] = []  # named seats that also hold it ("the ALDCS lead"), by title
    agreement: Agreement | None = None
    clause: str | None = None

    def cite(self) -> str:
        return f" ({tor_ref(self.clause)})" if self.clause else ""


class Powers(BaseModel):
    """The ToR's powers, act by act; an act the ToR is silent on takes the documented default (bot/rules/powers)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    seat_member: Power | None = None
    co_opt_member: Power | None = None
    name_chair: Power | None = None
    name_meeting_chair: Power | None = None
    schedule_meeting: Power | None = None
    plan_agenda: Power | None = None
    run_meeting: Power | None = None
    propose_motion: Power | None = None
    table_motion: Power | None = None
    call_vote: Power | None = None
    close_poll: Power | None = None
    approve_minutes: Power | None = None
    circulate_minutes: Power | None = None
    record_actions: Power | None = None
    mark_action_done: Power | None = None
    mark_review_done: Power | None = None
    nominate_deputy: Power | None = None
    bind_channel: Power | None = None
    end_group: Power | None = None

    def stated(self, act: Act) -> Power | None:
        """The power the ToR states for `act`, or None where it is silent."""
        power: Power | None = getattr(self, act.value)
        return power

    def seat_titles(self) -> list[str]:
        """Every seat title the table names, to check against the ToR's seats."""
        powers = [self.stated(act) for act in Act]
        return [title for power in powers if power is not None for title in power.seats]
