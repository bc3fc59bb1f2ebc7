"""The one document model for the yearly report: headings, paragraphs, lists, tables and
charts. `assemble` builds it from the partnership's records; `render_docx` and the HTML
template (which WeasyPrint turns into the PDF) render the same document."""

from __future__ import annotations

from dataclasses import dataclass, field
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

    def add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)

    def contents(self) -> list[Heading]:
        """Top-level headings: the contents list of the PDF and the web page."""
        return [b for b in self.blocks if isinstance(b, Heading) and b.level == 1]
