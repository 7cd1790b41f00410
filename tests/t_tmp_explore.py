from tests.conftest import Chat
import datetime as dt
def run(chat, lines):
    for who, text, *ch in lines:
        r = chat.say(who, text, *ch); print(">", who, text, ch, "\n  ", ("!! " if r.error else "") + r.as_text().replace("\n","\n   ")[:500])
def test_cscpwg(chat: Chat) -> None:
    chat.now = dt.datetime(2023, 6, 1, 9, 0, tzinfo=dt.UTC)
    chat.load("cscpwg")
    run(chat, [("sam","meeting schedule 2023-06-27 10:00"), ("sam",'poll "Chair" "alice" "bob" --closes "2023-06-30 10:00"'),
               ("dan","deputy @vera --meeting 1"), ("dan", "deputy @alice --meeting 1"), ("dan","deputy @zed --meeting 1")])
    chat.now = dt.datetime(2023, 6, 28, 9, 0, tzinfo=dt.UTC)
    run(chat, [("sam","meeting schedule 2023-07-01 10:00"), ("alice",'motion "X" --closes "2023-07-01 10:00"'),
               ("alice","vote 1 alice"), ("sam", "poll close 1"), ("sam", "group bind cscpwg")])
