"""The format-neutral block model every reader produces.

A reader turns a file into a :class:`RawDocument`: an ordered list of
:class:`Block` (paragraphs and table rows) with where each stands in the source
(page, paragraph, table, row, cell). Everything after the reader — normalisation,
header and section structure, extractors — works on blocks and never on a format,
so one document gives the same records as .txt, .docx or .pdf.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["paragraph", "row"]


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a block stands in its source file; fields a format lacks stay None."""

    line: int | None = None        # .txt: 1-based line number
    page: int | None = None        # .pdf: 1-based page
    paragraph: int | None = None   # .docx: running index of w:p in reading order (body, cells, text boxes, notes)
    table: int | None = None       # index of the table in the document
    row: int | None = None         # row index inside that table


@dataclass(slots=True)
class Block:
    """One paragraph, or one table row whose cells are kept apart.

    ``text`` is the block's text after normalisation; a row's text is its cells
    joined by a tab, so a row reads the same whichever format it came from.
    ``start``/``end`` are filled in when the document text is assembled.
    """

    kind: BlockKind
    text: str
    origin: Origin = field(default_factory=Origin)
    cells: list[str] | None = None
    # Spans of merged cells: (row_span, col_span) per cell, where the format knows;
    # row_span 0 marks a cell covered by a vertical merge from the row above (text "").
    spans: list[tuple[int, int]] | None = None
    style: str | None = None       # docx paragraph style name, e.g. "Heading 1"
    bold: bool = False
    centered: bool = False
    zone: Literal["body", "header", "signature", "footnote"] = "body"
    start: int = 0
    end: int = 0


@dataclass(slots=True)
class RawDocument:
    """What a reader returns: blocks plus facts about the file itself."""

    path: str
    sha256: str
    format: str
    blocks: list[Block]
    pages: int | None = None
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)
