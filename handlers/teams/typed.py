"""What a person typed, from a Teams message's text: Teams escapes it as HTML (`R&amp;D`, `&lt;£500`, `&quot;`)
and the desktop client wraps it in markup (`<p>…</p>`, `<br>`, `&nbsp;`). Read with the standard library's HTML
parser: markup goes, line breaks stay, entities become the characters typed, and each `<at>…</at>` (how Teams
writes an @mention in the text) is kept, its name read the same way, so a mention entity's text still finds it."""

from __future__ import annotations

from html.parser import HTMLParser

MENTION = "at"
# Tags that end a line where the person pressed Enter (Teams writes a paragraph or a division per line).
LINE_ENDS = frozenset({"br", "p", "div", "li", "tr"})


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == MENTION:
            self.parts.append("<at>")
        elif tag == "br":
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == MENTION:
            self.parts.append("</at>")
        elif tag in LINE_ENDS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def typed(text: str | None) -> str:
    """`text` as Teams sent it, read back into what was typed (a no-break space as a space)."""
    if not text:
        return ""
    reader = _Reader()
    reader.feed(text)
    reader.close()
    return "".join(reader.parts).replace("\xa0", " ")
