"""A group's house Word template for its minutes: named by its ToR file (`minutes: {template: house.docx}`, a path
relative to the ToR file), checked when the ToR is loaded, and kept in the record for every replica."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import zipfile
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.errors import TermsError
from bot.models import Group, MinutesTemplate
from bot.terms import Terms

LARGEST = 10 * 1024 * 1024  # a house template is a few pages of styles, a logo and a header: not 10 MB
DOCUMENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
TEMPLATE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"


def as_document(template: bytes) -> bytes:
    """A Word template (.dotx) relabelled as a document (.docx), which is all that tells them apart; a .docx as
    it is. Raises ValueError for a file that is not a Word document or template."""
    try:
        with zipfile.ZipFile(io.BytesIO(template)) as package:
            types = package.read("[Content_Types].xml").decode("utf-8")
            if DOCUMENT in types:
                return template
            if TEMPLATE not in types:
                raise ValueError("it is not a Word document or template (.docx or .dotx)")
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as relabelled:
                for entry in package.infolist():
                    data = package.read(entry)
                    relabelled.writestr(entry, types.replace(TEMPLATE, DOCUMENT) if
                                        entry.filename == "[Content_Types].xml" else data)
            return out.getvalue()
    except (zipfile.BadZipFile, KeyError, UnicodeDecodeError):
        raise ValueError("it is not a Word document or template (.docx or .dotx)") from None


def read_house_template(terms: Terms, folder: Path | None, source: str) -> bytes | None:
    """The template the ToR names, as .docx bytes that python-docx opens; None where the ToR names none.

    Raises TermsError naming the ToR file, the key `minutes.template` and its clause, and what would work, when the
    file is missing, unreadable, too large or not a Word document, or the ToR was not read from a file."""
    rule = terms.minutes
    if rule.template is None:
        return None
    from docx import Document  # only when a ToR names a template: python-docx costs a `govbot` start ~70 ms
    where = f"{source}: minutes.template{' ' + rule.cite() if rule.clause else ''}"
    if folder is None:
        raise TermsError(f"{where}: names {rule.template}, a path relative to the ToR file, but this ToR was not "
                         "read from a file. Load it with `govbot group import FILE`.")
    path = folder / rule.template
    try:
        if path.stat().st_size > LARGEST:
            raise TermsError(f"{where}: {rule.template} is over {LARGEST // 1024 // 1024} MB; a house template "
                             "needs only its styles, header and footer.")
        document = as_document(path.read_bytes())
        Document(io.BytesIO(document))
    except OSError as error:
        raise TermsError(f"{where}: cannot read {rule.template} ({error.strerror}), looked for at {path}. Give "
                         "the path of a Word .docx or .dotx file, relative to the ToR file.") from None
    except (ValueError, KeyError) as error:
        reason = str(error) if isinstance(error, ValueError) and str(error).startswith("it is") \
            else "Word cannot open it as a document"
        raise TermsError(f"{where}: {rule.template}: {reason}. Save the house template from Word as a .docx "
                         "or .dotx file.") from None
    return document


def keep_house_template(session: Session, group: Group, terms: Terms, document: bytes | None,
                        now: dt.datetime) -> None:
    """Keep the group's template as the ToR now names it: stored, replaced, or removed when it names none."""
    kept = session.scalar(select(MinutesTemplate).where(MinutesTemplate.group_id == group.id))
    if document is None or terms.minutes.template is None:
        if kept is not None:
            session.delete(kept)
        return
    if kept is None:
        kept = MinutesTemplate(group_id=group.id)
        session.add(kept)
    kept.name, kept.document, kept.loaded_at = terms.minutes.template, document, now
    kept.sha256 = hashlib.sha256(document).hexdigest()


def house_template(session: Session, group: Group) -> bytes | None:
    """The group's house template as kept, or None: the minutes are then laid out on govbot's own A4 page."""
    return session.scalar(select(MinutesTemplate.document).where(MinutesTemplate.group_id == group.id))
