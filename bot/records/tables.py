"""A register as a table, written as CSV (the csv module) or as a Markdown table."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass


@dataclass(frozen=True)
class Table:
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def as_csv(table: Table) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.headers)
    writer.writerows(table.rows)
    return out.getvalue()


def cell(text: str) -> str:
    # A pipe would end the cell and a newline the row; neither may change the table's shape.
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")


def as_markdown(table: Table) -> str:
    lines = [f"# {table.title}", ""]
    if not table.rows:
        return "\n".join([*lines, "Nothing recorded yet."]) + "\n"
    lines.append("| " + " | ".join(cell(h) for h in table.headers) + " |")
    lines.append("|" + "|".join("---" for _ in table.headers) + "|")
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in table.rows]
    return "\n".join(lines) + "\n"


FORMATS = {"csv": as_csv, "md": as_markdown}
