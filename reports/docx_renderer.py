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
        if isinstance(block, Heading):
            word.add_heading(block.text, level=block.level)
        elif isinstance(block, Paragraph):
            paragraph = word.add_paragraph(block.text)
            if block.note:
                for run in paragraph.runs:
                    run.font.size = Pt(9)
        elif isinstance(block, Bullets):
            for item in block.items:
                word.add_paragraph(item, style="List Bullet")
        elif isinstance(block, Table):
            caption = word.add_paragraph(block.caption, style="Caption")
            caption.alignment = WD_ALIGN_PARAGRAPH.LEFT
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
        elif isinstance(block, Chart):
            word.add_picture(io.BytesIO(block.png), width=Cm(16))
            # The picture's alternative text: Word reads it from the drawing's description.
            inline = word.inline_shapes[-1]._inline
            inline.docPr.set("descr", block.alt)
            inline.docPr.set("title", block.alt[:100])
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()
