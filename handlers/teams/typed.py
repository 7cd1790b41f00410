"""What a person typed, from a Teams message's text: Teams escapes it as HTML (`R&amp;D`, `&lt;£500`, `&quot;`)
and the desktop client wraps it in markup (`<p>…</p>`, `<br>`, `&nbsp;`). Read with the standard library's HTML
parser: markup goes, line breaks stay, entities become the characters typed, and each `<at>…</at>` (how Teams
writes an @mention in the text) is kept, its name read the same way, so a mention entity's text still finds it.
Teams escapes a `<` that was typed, but the Agents Playground and the Emulator send text as typed (`Q&A <draft>`):
a tag that is none of the markup Teams writes is text someone typed, and is kept as sent."""

from __future__ import annotations

import functools
import re
from html.parser import HTMLParser

MENTION = "at"
# An `&` that does not begin an entity closed by its `;` was typed as it stands: Teams writes `&amp;`, and HTML
# would read the Playground's 'R&regional' as 'R®ional' (`&reg` needs no `;` there).
BARE_AMPERSAND = re.compile(r"&(?!#?[0-9A-Za-z]+;)")
# Tags that end a line where the person pressed Enter (Teams writes a paragraph or a division per line).
LINE_ENDS = frozenset({"br", "p", "div", "li", "tr"})
# The markup a Teams client writes in a message (formatting, lists, tables, links, images, emoji); any other tag
# was typed as text by someone whose client does not escape it.
MARKUP = LINE_ENDS | {MENTION, "span", "b", "strong", "i", "em", "u", "s", "strike", "del", "a", "img", "ol", "ul",
                      "pre", "code", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tbody", "thead",
                      "td", "th", "hr", "sup", "sub", "emoji", "systemtag", "attachment", "font"}


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in MARKUP:
            self.parts.append(self.get_starttag_text() or "")
        elif tag == MENTION:
            self.parts.append("<at>")
        elif tag == "br":
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in MARKUP:
            self.parts.append(self.get_starttag_text() or "")
        elif tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag not in MARKUP:
            self.parts.append(f"</{tag}>")
        elif tag == MENTION:
            self.parts.append("</at>")
        elif tag in LINE_ENDS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


@functools.lru_cache(maxsize=64)  # a turn reads its text four times (addressed? whom it mentions, twice; the command)
def typed(text: str | None) -> str:
    """`text` as Teams sent it, read back into what was typed (a no-break space as a space)."""
    if not text:
        return ""
    reader = _Reader()
    reader.feed(BARE_AMPERSAND.sub("&amp;", text))
    reader.close()
    return "".join(reader.parts).replace("\xa0", " ")
