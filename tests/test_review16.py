"""Round 16's second read of seating ahead (PLPCP Membership: a DCS "will stand for twelve months", the successor
chosen before the term ends): before their first day a successor is no member anywhere, and from it the one they
succeed is none, in the channel, a 1:1 chat with govbot and the group's page alike."""

from __future__ import annotations

import datetime as dt

from bot.conversation import respond
from bot.identity import Place, Speaker
from bot.replies import Reply
from bot.settings import Settings
from tests.conftest import Chat
from tests.web.pages import page_settings
from tests.web.test_group_page import fetch

__all__ = ["page_settings"]

SUCCESSOR = 'member add @nadia --seat "DCS North London" --from 15 Jan'
AFTER = dt.datetime(2027, 1, 21, 10, 0, tzinfo=dt.UTC)


def alone(chat: Chat, who: str, text: str) -> Reply:
    """`who` says `text` in their 1:1 chat with govbot."""
    return respond(chat.sessions, Speaker("console", who, who), Place("console", f"{who}-dm", direct=True), text,
                   chat.now)


def test_cjcg_one_co_opted_from_a_later_day_reads_nothing_in_a_direct_chat_before_it(chat: Chat) -> None:
    """CJCG 6.7-6.9: fin, co-opted on 1 Dec from 15 Jan, asked govbot in her 1:1 chat for `members` and
    `meetings` and was shown the confidential record (the channel already refused her); now she is told she holds
    no seat yet, and from 15 Jan she reads it."""
    chat.now = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
    chat.load("cjcg")
    chat.ok("alice", 'meeting schedule 2026-12-10 10:00 --where "Civic Centre"')
    chat.ok("sam", 'member add @fin --seat "Finance Business Partner - Children\'s Services" --from 15/1')
    for text in ("members", "meetings"):
        said = alone(chat, "fin", text)
        assert said.error and "alice" not in said.as_text() and "Civic Centre" not in said.as_text(), said.as_text()
        assert "You hold no seat" in said.text, said.text
        assert "You take up Finance Business Partner - Children's Services of Children's Joint Commissioning Group " \
               "on 15 Jan 2027." in said.text, said.text
    chat.now = dt.datetime(2027, 1, 15, 9, 0, tzinfo=dt.UTC)
    assert "alice" in alone(chat, "fin", "members").as_text()


def test_the_holder_succeeded_reads_nothing_of_the_group_in_a_direct_chat_from_the_day(chat: Chat) -> None:
    """bob's term ended on 14 Jan and nadia took the seat up on 15 Jan: in his 1:1 chat bob was still answered as
    a member of the steering group (and asked which group where he sat on another); nadia, its member, was not."""
    chat.load("plpcp")
    chat.ok("sam", SUCCESSOR)
    assert not alone(chat, "bob", "meetings").error
    assert alone(chat, "nadia", "meetings").error
    chat.now = AFTER
    said = alone(chat, "bob", "meetings")
    assert said.error and "You hold no seat" in said.text, said.text
    assert not alone(chat, "nadia", "meetings").error


def test_the_group_page_is_not_given_to_a_successor_before_their_first_day(chat: Chat,
                                                                          page_settings: Settings) -> None:
    """PLPCP's page is its members' (read through the personal link `page` gives each): nadia, seated on 1 Dec
    from 15 Jan, was given her link and read the record before her first day; bob, succeeded, kept getting his,
    and the link he had opened the page after his term. Now each reads it while they hold the seat."""
    chat.load("plpcp")
    chat.ok("sam", SUCCESSOR)
    refused = chat.refused("nadia", "page").text
    assert "you do not hold a seat in it" in refused, refused
    chat.now = dt.datetime(2027, 1, 14, 20, 0, tzinfo=dt.UTC)  # his last evening: a link for 24 hours
    link = chat.ok("bob", "page").text.split("http://localhost", 1)[1].split()[0]
    [(status, _, _)] = fetch(page_settings, chat.sessions, chat.now, link)
    assert status in (200, 303), status
    chat.now = dt.datetime(2027, 1, 15, 9, 0, tzinfo=dt.UTC)
    [(status, _, _)] = fetch(page_settings, chat.sessions, chat.now, link)
    assert status in (403, 404), status
    assert "you do not hold a seat in it" in chat.refused("bob", "page").text
    assert "http://localhost/groups/plpcp/?t=" in chat.ok("nadia", "page").text


def test_cjcg_the_dashboard_of_one_co_opted_from_a_later_day_shows_nothing_of_the_group_before_it(chat: Chat) -> None:
    """fin's dashboard (App Home) listed her CJCG seat and the group's next meeting, with where it is held, before
    she took the seat up (CJCG 6.7-6.9); it now welcomes her as one holding no seat until 15 Jan."""
    from bot.services.dashboard import home

    chat.now = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
    chat.load("cjcg")
    chat.ok("alice", 'meeting schedule 2026-12-10 10:00 --where "Civic Centre"')
    chat.ok("sam", 'member add @fin --seat "Finance Business Partner - Children\'s Services" --from 15/1')
    board = home(chat.sessions, Speaker("console", "fin", "fin"), chat.now)
    assert "Civic Centre" not in board.as_text() and "You hold no seat" in board.text, board.as_text()


def test_the_last_day_notice_is_not_titled_seat_vacant_when_a_successor_takes_it_up_next_day(chat: Chat) -> None:
    """bob's last day's notice said nadia takes the seat up on 15 Jan, under the title "Seat vacant": the seat is
    never vacant. Its title now says the seat is taken up tomorrow; a seat with no successor is still vacant."""
    from tests.scheduler.conftest import RecordingNotifier, run

    chat.load("plpcp")
    chat.ok("sam", SUCCESSOR)
    notifier = RecordingNotifier()
    run(chat.sessions, notifier, [dt.datetime(2027, 1, 14, 9, tzinfo=dt.UTC)])
    titles = {sent.reply.text.split("'", 1)[0]: sent.reply.title for sent in notifier.sent
              if "ends today, 14 Jan 2027" in sent.reply.text}
    assert titles["bob"] == "Seat taken up tomorrow", titles
    assert titles["carol"] == "Seat vacant", titles


def lieg_room(chat: Chat) -> None:
    """LIEG meeting 1 on 10 Dec 2026, erin chairing, bob taking the minutes (5.2), open."""
    chat.now = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
    chat.load("lieg")
    chat.ok("erin", "meeting schedule 10 dec 10am --chair @erin --minutes @bob")
    chat.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    chat.ok("erin", "meeting open")


def test_lieg_the_room_recorded_names_a_guest_already_recorded_as_one(chat: Chat) -> None:
    """LIEG 2.7: erin recorded mia, a guest; bob, taking the roll in the room, named her too and was told 'mia is
    not recorded ... record a guest with `guest @mia`', as though she were not there."""
    lieg_room(chat)
    chat.ok("erin", "guest @mia")
    said = chat.ok("bob", "here @mia @grace").text
    assert "mia is recorded as a guest at meeting 1 (ToR 2.7)" in said and "guest @mia" not in said, said
    assert "grace is present" in said, said


def test_lieg_a_guest_named_deputy_and_recorded_in_the_room_is_listed_once(chat: Chat) -> None:
    """LIEG 2.4 and 2.7: mia came as a guest; carol then named her deputy for the meeting and bob recorded her in
    the room. The roll listed her twice, 'Deputies: mia for carol' and 'In attendance: mia — guest' (her own `here`
    withdraws the guest record); now once, as deputy."""
    lieg_room(chat)
    chat.ok("erin", "guest @mia")
    chat.ok("carol", "deputy @mia --meeting 1")
    said = chat.ok("bob", "here @mia").text
    assert "mia is attending as deputy for carol" in said and "deputy only" in said, said
    roll = chat.ok("bob", "attendance").as_text()
    assert "mia for carol" in roll and "guest" not in roll, roll


def test_plpcp_the_room_recorded_names_a_successor_by_their_first_day_and_offers_no_guest(chat: Chat) -> None:
    """PLPCP provides for no guests: sam naming nadia (seated from 15 Jan) or zed in the room was told to record
    them with `guest @nadia`, a command PLPCP refuses. nadia is now said to take the seat up on 15 Jan; zed to hold
    no seat, without the guest."""
    chat.load("plpcp")
    chat.ok("sam", SUCCESSOR)
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    chat.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting open")
    said = chat.ok("sam", "here @bob @nadia @zed").text
    assert "bob is present" in said, said
    assert "nadia is not recorded: nadia takes up DCS North London on 15 Jan 2027; until then nadia is not counted " \
           "as a member." in said, said
    assert "zed is not recorded: zed holds no seat" in said and "guest" not in said, said


def test_the_calendar_address_of_the_holder_succeeded_stops_on_the_successors_first_day(
        chat: Chat, page_settings: Settings) -> None:
    """bob's own calendar address (shown on the page he read as a member) reads the feed while he is a member: it
    kept reading it after nadia took his seat up, as it did for nadia before her first day."""
    from sqlalchemy import select

    from bot.models import Person
    from bot.records.page_links import calendar_token
    from tests.web.pages import SECRET

    chat.load("plpcp")
    chat.ok("sam", SUCCESSOR)
    with chat.sessions() as session:
        ids = {name: id_ for name, id_ in session.execute(select(Person.display_name, Person.id))}
    address = {who: f"/calendar/plpcp.ics?token={calendar_token(SECRET, 'plpcp', ids[who])}" for who in ("bob", "nadia")}
    [(bob_before, _, _), (nadia_before, _, _)] = fetch(page_settings, chat.sessions, chat.now, address["bob"],
                                                       address["nadia"])
    assert (bob_before, nadia_before) == (200, 404), (bob_before, nadia_before)
    [(bob_after, _, _), (nadia_after, _, _)] = fetch(page_settings, chat.sessions, AFTER, address["bob"],
                                                     address["nadia"])
    assert (bob_after, nadia_after) == (404, 200), (bob_after, nadia_after)
