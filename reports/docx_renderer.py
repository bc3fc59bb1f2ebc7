"""The document as an editable Word file: Word's own heading styles (so the navigation pane
works), real tables with a header row, and charts as pictures with alternative text."""

from __future__ import annotations

import io

from docx import Document as WordDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from .document import Bullets, Chart, Document, Heading, Paragraph, Table

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _repeat_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    header = properties.makeelement(qn("w:tblHeader"), {qn("w:val"): "true"})
    properties.append(header)


def render_docx(document: Document) -> bytes:
    word = WordDocument()
    word.core_properties.title = document.title
    word.styles["Normal"].font.name = "Arial"
    word.styles["Normal"].font.size = Pt(11)
    word.add_heading(document.title, level=0)
    word.add_paragraph(document.subtitle)
    for block in document.blocks:
        WRITERS[type(block)](word, block)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def _heading(word: WordDocument, block: Heading) -> None:
    # A heading never ends a page: it stays with what it introduces.
    word.add_heading(block.text, level=block.level).paragraph_format.keep_with_next = True


def _paragraph(word: WordDocument, block: Paragraph) -> None:
    paragraph = word.add_paragraph(block.text)
    if block.note:
        for run in paragraph.runs:
            run.font.size = Pt(9)


def _bullets(word: WordDocument, block: Bullets) -> None:
    for item in block.items:
        word.add_paragraph(item, style="List Bullet")


def _table(word: WordDocument, block: Table) -> None:
    caption = word.add_paragraph(block.caption, style="Caption")
    caption.alignment = WD_ALIGN_PARAGRAPH.LEFT
    caption.paragraph_format.keep_with_next = True
    table = word.add_table(rows=1, cols=len(block.headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    for cell, text in zip(table.rows[0].cells, block.headers, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    _repeat_header(table.rows[0])
    for values in block.rows:
        cells = table.add_row().cells
        for index, (cell, text) in enumerate(zip(cells, values, strict=True)):
            cell.text = text
            if index in block.numeric:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    # Explicit widths: without them Word and LibreOffice share the page out evenly, and a
    # column of short codes takes as much room as the text beside it.
    table.autofit = False
    for index, width in enumerate(column_widths(block.headers, block.rows)):
        table.columns[index].width = width
        for cell in table.columns[index].cells:
            cell.width = width


def column_widths(headers: list[str], rows: list[list[str]], page: int = Cm(16)) -> list[int]:
    """Each column's share of the page by its longest text (capped, so one long paragraph
    does not starve the rest; a heading only needs room for its longest word), never under
    1.6 cm."""
    longest = [
        max(
            min(60, max((len(text) for text in column[1:]), default=1)),
            0.6 * max(len(word) for word in (column[0] or " ").split() or [" "]),
        )
        for column in zip(headers, *rows, strict=True)
    ]
    floor = Cm(1.6)
    total = sum(longest)
    spare = page - floor * len(longest)
    return [int(floor + spare * length / total) for length in longest]


def _chart(word: WordDocument, block: Chart) -> None:
    word.add_picture(io.BytesIO(block.png), width=Cm(16))
    # The picture's alternative text: Word reads it from the drawing's description.
    inline = word.inline_shapes[-1]._inline
    inline.docPr.set("descr", block.alt)
    inline.docPr.set("title", block.alt[:100])


# One writer per kind of block of the document model (reports/document.py); a new kind of
# block without a writer fails here, loudly, rather than vanishing from the Word file.
WRITERS = {
    Heading: _heading,
    Paragraph: _paragraph,
    Bullets: _bullets,
    Table: _table,
    Chart: _chart,
}
