"""The one document model for the yearly report: headings, paragraphs, lists, tables and
charts. `assemble` builds it from the partnership's records; `render_docx` and the HTML
template (which WeasyPrint turns into the PDF) render the same document."""

from __future__ import annotations

import base64
from dataclasses import dataclass, field, fields
from typing import ClassVar


@dataclass(frozen=True)
class Heading:
    kind: ClassVar[str] = "heading"
    text: str
    level: int  # 1 to 3
    anchor: str = ""


@dataclass(frozen=True)
class Paragraph:
    kind: ClassVar[str] = "paragraph"
    text: str
    note: bool = False  # small print, e.g. evidence references


@dataclass(frozen=True)
class Bullets:
    kind: ClassVar[str] = "bullets"
    items: list[str]


@dataclass(frozen=True)
class Table:
    kind: ClassVar[str] = "table"
    caption: str
    headers: list[str]
    rows: list[list[str]]
    numeric: frozenset[int] = frozenset()  # columns to right-align


@dataclass(frozen=True)
class Chart:
    kind: ClassVar[str] = "chart"
    alt: str  # the text alternative; the data table follows the chart
    svg: bytes
    png: bytes

    @property
    def inline(self) -> str:
        from ui.charts import inline_svg

        return inline_svg(self.svg)


Block = Heading | Paragraph | Bullets | Table | Chart


@dataclass
class Document:
    title: str
    subtitle: str
    blocks: list[Block] = field(default_factory=list)
    # A long document (the yearly report) starts each section on a new page; a short one runs on.
    new_page_per_section: bool = True

    def add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)

    def contents(self) -> list[Heading]:
        """Top-level headings: the contents list of the PDF and the web page."""
        return [b for b in self.blocks if isinstance(b, Heading) and b.level == 1]


# A document as JSON-ready data, and back: what the signed snapshot of a report holds, so the
# published page, Word file and PDF are made from exactly what was signed.
_BLOCKS = {cls.kind: cls for cls in (Heading, Paragraph, Bullets, Table, Chart)}


def document_to_data(document: Document) -> dict:
    blocks = []
    for block in document.blocks:
        data = {"kind": block.kind, **{f.name: getattr(block, f.name) for f in fields(block)}}
        if isinstance(block, Table):
            data["numeric"] = sorted(block.numeric)
        if isinstance(block, Chart):
            data["svg"] = base64.b64encode(block.svg).decode("ascii")
            data["png"] = base64.b64encode(block.png).decode("ascii")
        blocks.append(data)
    return {"title": document.title, "subtitle": document.subtitle, "blocks": blocks}


def document_from_data(data: dict) -> Document:
    blocks: list[Block] = []
    for item in data["blocks"]:
        values = {k: v for k, v in item.items() if k != "kind"}
        cls = _BLOCKS[item["kind"]]
        if cls is Table:
            values["numeric"] = frozenset(values.get("numeric", ()))
        if cls is Chart:
            values["svg"] = base64.b64decode(values["svg"])
            values["png"] = base64.b64decode(values["png"])
        blocks.append(cls(**values))
    return Document(title=data["title"], subtitle=data["subtitle"], blocks=blocks)
