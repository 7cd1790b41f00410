"""Whether a request's JSON holds only text the record can keep.

JSON may escape half of a UTF-16 surrogate pair on its own (`"\\ud800"`); Python reads it into a str that UTF-8
cannot encode, so no database stores it and no answer can quote it. A platform never sends one (its text is
UTF-8), so a body holding one is refused at the door, before anything is recorded for it."""

from __future__ import annotations

import json
import re

# An escape of a surrogate (D800-DFFF). A pair of them is one character, which Python reads whole, so the JSON
# is only read again when an escape like this appears at all.
SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def keepable(raw: str, value: object) -> bool:
    """Whether `value`, read from the JSON text `raw`, holds no half of a surrogate pair."""
    if SURROGATE_ESCAPE.search(raw) is None:
        return True
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except (UnicodeEncodeError, RecursionError):
        return False
    return True
