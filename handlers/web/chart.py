"""The attendance chart as server-drawn SVG: a row per member, a column per meeting, each cell coloured and
lettered (so colour is never the only cue), and each run of missed meetings at the ToR's limit outlined."""

from __future__ import annotations

from html import escape

from bot.records.group_page import AttendanceChart

STYLE = {  # status: (fill, text colour, letter); white on these fills is above 4.5:1
    "present": ("#1b5e20", "#ffffff", "P"),
    "deputised": ("#0d47a1", "#ffffff", "D"),
    "apologies": ("#6d4c00", "#ffffff", "Ap"),
    "absent": ("#b71c1c", "#ffffff", "A"),
    "": ("#f2f2f2", "#333333", "–"),
}
CELL, NAME_WIDTH, HEAD = 44, 260, 56


def svg(chart: AttendanceChart) -> str:
    """The chart as an inline <svg> element with a title and description for screen readers."""
    width = NAME_WIDTH + CELL * max(len(chart.meetings), 1) + 8
    height = HEAD + CELL * max(len(chart.members), 1) + 8
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="chart-title chart-desc" '
             f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" class="chart">',
             '<title id="chart-title">Attendance at each meeting</title>',
             f'<desc id="chart-desc">{escape(chart.key)}. '
             'A thick black outline marks a run of missed meetings at the limit the terms of reference set. '
             'The same figures are in the table below.</desc>']
    for column, label in enumerate(chart.meetings):
        x = NAME_WIDTH + column * CELL + CELL // 2
        number, _, day = label.partition(" ")
        parts.append(f'<text x="{x}" y="20" text-anchor="middle" font-size="13" font-weight="bold">'
                     f'{escape(number)}</text><text x="{x}" y="40" text-anchor="middle" font-size="10">'
                     f'{escape(" ".join(day.split(" ")[:2]))}</text>')
    for row, member in enumerate(chart.members):
        y = HEAD + row * CELL
        parts.append(f'<text x="4" y="{y + CELL // 2 + 5}" font-size="13">{escape(member[:38])}</text>')
        for column, status in enumerate(chart.cells[row]):
            fill, ink, letter = STYLE.get(status, STYLE[""])
            letter = chart.deputy_mark if status == "deputised" else letter
            x = NAME_WIDTH + column * CELL
            outline = ' stroke="#000000" stroke-width="4"' if (row, column) in chart.runs else \
                ' stroke="#ffffff" stroke-width="2"'
            parts.append(f'<rect x="{x + 2}" y="{y + 2}" width="{CELL - 4}" height="{CELL - 4}" fill="{fill}"'
                         f'{outline}/><text x="{x + CELL // 2}" y="{y + CELL // 2 + 5}" text-anchor="middle" '
                         f'font-size="13" fill="{ink}">{escape(letter)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def tally(counts: tuple[tuple[str, int], ...], label: str) -> str:
    """A vote's result as horizontal bars, one per option, each with its count written beside it."""
    most = max((n for _, n in counts), default=0) or 1
    row, width = 22, 320
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{escape(label)}" '
             f'viewBox="0 0 {width} {row * len(counts) + 4}" width="{width}" height="{row * len(counts) + 4}" '
             'class="tally">']
    for index, (option, count) in enumerate(counts):
        y = index * row + 2
        bar = int(150 * count / most)
        parts.append(f'<text x="0" y="{y + 15}" font-size="13">{escape(option[:14])}</text>'
                     f'<rect x="110" y="{y + 3}" width="{bar}" height="{row - 8}" fill="#0b4f9c"/>'
                     f'<text x="{116 + bar}" y="{y + 15}" font-size="13">{count}</text>')
    parts.append("</svg>")
    return "".join(parts)
