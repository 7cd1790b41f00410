"""Second read of what landed in round 14, on the console."""

from __future__ import annotations

import datetime as dt
import re

from tests.conftest import Chat

QUOTED = 'Adopt the "Fostering First" campaign'


def test_a_motion_with_quotes_is_given_a_command_to_copy_that_moves_it_as_typed(chat: Chat) -> None:
    """CSCPWG Operation, work by email between meetings: a motion with a quoted title moved with no deadline was
    told to say `motion "Adopt the "Fostering First" campaign" --closes …`, which, copied, moved a motion reading
    'Adopt the Fostering First campaign': the quotes it was given were gone from the record."""
    from tests.test_seeds_t2 import cscpwg_chair_elected_with_a_substitute
    cscpwg_chair_elected_with_a_substitute(chat)
    chat.ok("bob", "meeting close")
    chat.now = dt.datetime(2023, 3, 1, 9, 0, tzinfo=dt.UTC)
    said = chat.refused("bob", f"motion '{QUOTED}'").text
    copied = re.search(r"`(motion .*? --closes \"2023-03-08 17:00\")`", said)
    assert copied is not None, said
    chat.ok("bob", copied.group(1))
    assert QUOTED in chat.ok("bob", "polls").as_text()
