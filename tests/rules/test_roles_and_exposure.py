"""The roles a person holds for the powers table (bot.rules.powers.roles_held), when a channel exposes a
confidential group (bot.rules.confidentiality.exposed), and the lock approved minutes put on a meeting."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from bot.rules.confidentiality import exposed, exposure_words
from bot.rules.powers import roles_held
from bot.rules.record_lock import locked_refusal
from bot.terms import Confidentiality, MinutesRule, Role
from bot.terms_powers import PowerHolder
from tests.rules.held import TODAY, YESTERDAY, Held, board

STEERING = board().model_copy(update={"seats": [s.model_copy(update={"steering": s.title == "Member B"})
                                                for s in board().seats]})


def test_a_seat_gives_member_voting_and_steering_roles_and_the_secretariat_none_of_them() -> None:
    held = roles_held(STEERING, Held(3, "Member B"), TODAY, chairs=False, own=False, takes_minutes=False)
    assert held == {PowerHolder.ANYONE, PowerHolder.MEMBER, PowerHolder.VOTING_MEMBER, PowerHolder.STEERING_GROUP}
    clerk = roles_held(STEERING, Held(7, "Clerk", role="secretariat"), TODAY, chairs=False, own=True,
                       takes_minutes=True)
    assert clerk == {PowerHolder.ANYONE, PowerHolder.SECRETARIAT, PowerHolder.SELF, PowerHolder.MINUTE_TAKER}
    assert roles_held(STEERING, None, TODAY, chairs=True, own=False, takes_minutes=False) == \
        {PowerHolder.ANYONE, PowerHolder.CHAIR}


@given(st.sampled_from([s.title for s in board().seats]), st.sampled_from(list(Role)), st.booleans(), st.booleans(),
       st.booleans(), st.booleans())
def test_a_voting_member_is_a_member_and_nobody_out_of_term_is_either(title: str, role: Role, ended: bool,
                                                                      chairs: bool, own: bool, minutes: bool) -> None:
    held = Held(1, title, role=role, term_ends_on=YESTERDAY if ended else None)
    roles = roles_held(STEERING, held, TODAY, chairs=chairs, own=own, takes_minutes=minutes)
    assert PowerHolder.ANYONE in roles
    assert PowerHolder.VOTING_MEMBER not in roles or PowerHolder.MEMBER in roles
    assert PowerHolder.STEERING_GROUP not in roles or PowerHolder.MEMBER in roles
    if ended or role in (Role.SECRETARIAT, Role.OBSERVER):
        assert not roles & {PowerHolder.MEMBER, PowerHolder.VOTING_MEMBER, PowerHolder.STEERING_GROUP}
    assert (PowerHolder.CHAIR in roles) == chairs and (PowerHolder.SELF in roles) == own


def test_a_confidential_or_closed_group_is_exposed_in_a_public_or_shared_channel_and_an_open_one_is_not() -> None:
    confidential = Confidentiality(confidential=True, clause="6.7")
    closed = Confidentiality(public_meetings=False)
    open_group = Confidentiality(public_meetings=True)
    assert exposed(confidential, public=True, shared=False) and exposed(closed, public=False, shared=True)
    assert not exposed(confidential, public=False, shared=False)
    assert not exposed(open_group, public=True, shared=True)
    words = exposure_words(confidential, "CJCG", "cjcg", "general", public=True, shared=True)
    assert words.startswith("CJCG is confidential: its information is for its members and its purpose only, and "
                            "its meetings are not open to the public (ToR 6.7). #general is public and shared with "
                            "another organisation")
    assert words.endswith("bind that one with `group bind cjcg`. I will not repeat this warning for this channel.")


def test_approved_minutes_lock_the_meetings_record_and_say_where_to_raise_it() -> None:
    rule = MinutesRule(clause="10")
    assert locked_refusal(rule, 4, None, "a vote in it") is None
    assert locked_refusal(rule, 4, dt.date(2026, 12, 3), "a vote in it") == \
        "The minutes of meeting 4 were approved on 3 Dec 2026, so its record is locked and a vote in it is refused " \
        "(ToR 10). Raise it at a later meeting instead, where it is minuted in its own right."
