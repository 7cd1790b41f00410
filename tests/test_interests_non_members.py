"""LCIIB Membership lists the board's members; "The RIIA programme lead will attend meetings" (an observer) and
"Secretariat support for the Board will be provided by the LIIA programme team" (Board Support and Logistics): both
attend, neither is a member, and the ToR says nothing of interests, so only members declare. The RIIA programme lead
was recorded declaring an interest while the secretariat was refused: now both are refused, each told why."""

from __future__ import annotations

from tests.conftest import Chat
from tests.platform_chats import meeting_opened


def lciib_meeting_open(chat: Chat) -> None:
    meeting_opened(chat, "lciib")


def test_lciib_the_observer_and_the_secretariat_alike_declare_no_interest(chat: Chat) -> None:
    lciib_meeting_open(chat)
    said = chat.refused("liam", 'declare "I advise a provider"').text
    assert said == ("Only members of London Children's Innovation and Improvement Board declare interests here: your "
                    "seat, RIIA programme lead, attends as an observer and is not a member of it (ToR Membership)."), said
    said = chat.refused("sam", 'declare "I advise a provider"').text
    assert said == ("Only members of London Children's Innovation and Improvement Board declare interests here: your "
                    "seat, LIIA programme team with London Councils, is its secretariat, which supports it and is not a "
                    "member of it (ToR Board Support and Logistics)."), said
    chat.refused("liam", "declare none")
    assert "liam" not in chat.ok("alice", "interests").as_text()


def test_lciib_a_member_still_declares(chat: Chat) -> None:
    lciib_meeting_open(chat)
    assert chat.ok("bob", 'declare "I advise a provider"').text.startswith(
        "Recorded: bob declared an interest for meeting 1: I advise a provider")
