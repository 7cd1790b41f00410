"""The page a council files minutes on: A4, plain black headings, a header naming the group and the meeting's
status, and "Page X of Y" in the footer as Word fields (so Word and LibreOffice number the pages themselves)."""

from __future__ import annotations

from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from bot.records.filing import Filing

BLACK = RGBColor(0, 0, 0)
FONT = "Arial"


def a4(document: Document) -> None:
    """A4 portrait with 25 mm margins, the header and footer 12 mm from the edge."""
    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(25)
        section.top_margin = section.bottom_margin = Mm(25)
        section.header_distance = section.footer_distance = Mm(12)


def house_style(document: Document) -> None:
    """Arial throughout, black headings without the default theme's blue.

    The default template's headings name the theme's fonts and colours (`w:asciiTheme`, `w:themeColor`), which
    Word and LibreOffice prefer to any font or colour named beside them: those are taken out, and the title's blue
    rule drawn black."""
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(11)
    for name, size in (("Title", 18), ("Heading 1", 16), ("Heading 2", 13), ("Heading 3", 11.5)):
        style = document.styles[name]
        style.font.name, style.font.size, style.font.color.rgb, style.font.bold = FONT, Pt(size), BLACK, True
        style.font.italic = False
        for element in style.element.iter():
            for attribute in [a for a in element.attrib
                              if a.endswith(("Theme", "themeShade", "cstheme")) or "themeColor" in a]:
                del element.attrib[attribute]
            if element.tag == qn("w:bottom"):
                element.set(qn("w:color"), "000000")


def field(paragraph: Paragraph, code: str) -> None:
    """A Word field (`PAGE`, `NUMPAGES`) as begin/instruction/separate/result/end runs."""
    for kind in ("begin", "instr", "separate", "result", "end"):
        run = paragraph.add_run()
        if kind == "instr":
            instruction = OxmlElement("w:instrText")
            instruction.set(qn("xml:space"), "preserve")
            instruction.text = f" {code} "
            run._r.append(instruction)
        elif kind == "result":
            run.text = "1"
        else:
            mark = OxmlElement("w:fldChar")
            mark.set(qn("w:fldCharType"), kind)
            run._r.append(mark)


def header_and_footer(document: Document, filing: Filing) -> None:
    section = document.sections[0]
    top = section.header.paragraphs[0]
    top.text = f"{filing.group} — {filing.meeting_date}"
    status = section.header.add_paragraph()
    status.add_run(filing.status).bold = True
    status.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    page_numbers(section.footer.paragraphs[0])


def page_numbers(bottom: Paragraph) -> None:
    """"Page X of Y", centred, as Word fields."""
    bottom.alignment = WD_ALIGN_PARAGRAPH.CENTER
    bottom.add_run("Page ")
    field(bottom, "PAGE")
    bottom.add_run(" of ")
    field(bottom, "NUMPAGES")


def properties(document: Document, filing: Filing) -> None:
    """Title, author and dates of the document, instead of python-docx's "python-docx, 2013-12-23"."""
    core = document.core_properties
    core.title, core.author, core.last_modified_by = filing.title, filing.author, filing.author
    core.subject, core.keywords = filing.group, "minutes"
    core.created = core.modified = filing.created.replace(tzinfo=None)
    core.comments = filing.status
    core.revision = 1


def set_up(document: Document, filing: Filing) -> None:
    """Lay out `document` as a council's minutes page (govbot's own, where the group has no house template)."""
    a4(document)
    house_style(document)
    header_and_footer(document, filing)
    properties(document, filing)
