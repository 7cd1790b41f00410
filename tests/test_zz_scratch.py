from tests.conftest import Chat

def test_scratch(chat: Chat) -> None:
    for g in ["lieg", "cjcg", "plpcp", "lciib", "cscpwg"]:
        chat.load(g, channel=g)
        for t in ["help minutes", "help meeting minutes", "help minutes approve"]:
            print(g, t, "=>", chat.say("alice", t, channel=g).as_text()[-900:])
    assert 0
