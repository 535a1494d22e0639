"""Plain-text reader: .txt files as offices and portals hand them out.

Three shapes occur and all are read as they are:

- one paragraph per line (exports from Word): each line is a block;
- hard-wrapped text (portal pages rendered to markdown, lines of ~80 characters with
  a blank line between paragraphs): lines are joined back into paragraphs;
- tables: tab-separated lines (an assignment table pasted from Word) and markdown
  ``| a | b |`` rows are read as table rows with their cells kept apart.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from parsers.model import Block, Origin, RawDocument
from parsers.structure.grammar import starts_item
from parsers.text.encodings import decode_bytes
from parsers.text.legacy import fix_text

#: Lines that only draw: ``-----`` under a header, a lone ``|`` of a layout table,
#: markdown's ``|---|---|`` separator row.
_RULE_LINE = re.compile(r"^\s*(?:[-_=~*|:.\s]{3,}|\|)\s*$")
_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")


def read(path: Path, data: bytes, sha256: str) -> RawDocument:
    text, encoding = decode_bytes(data, path)
    # TCVN3/VNI characters saved as UTF-8 (a converter run half way) read as
    # "Céng hßa": convert before any clean-up, which would drop TCVN3's ư (U+00AD)
    text, scheme = fix_text(text)
    if scheme:
        encoding = f"{encoding}+{scheme}"
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    wrapped = _looks_hard_wrapped(lines)
    blocks: list[Block] = []
    table_index = -1
    in_table = False
    pending: list[tuple[int, str]] = []  # (line number, text) of a paragraph being joined

    def flush() -> None:
        if pending:
            blocks.append(Block(kind="paragraph", text=" ".join(t.strip() for _, t in pending),
                                origin=Origin(line=pending[0][0])))
            pending.clear()

    for number, line in enumerate(lines, start=1):
        cells = _row_cells(line)
        if cells is not None:
            flush()
            if not in_table:
                table_index += 1
                in_table = True
                row = 0
            blocks.append(Block(kind="row", text="\t".join(cells), cells=cells,
                                origin=Origin(line=number, table=table_index, row=row)))
            row += 1
            continue
        if not line.strip() or _RULE_LINE.match(line):
            flush()  # a blank line inside a table (seed 002) does not end it
            continue
        in_table = False
        if wrapped and pending and _continues(pending[-1][1], line, wrapped):
            pending.append((number, line))
            continue
        flush()
        pending.append((number, line))
        if not wrapped:
            flush()
    flush()
    return RawDocument(path=str(path), sha256=sha256, format="txt", blocks=blocks,
                       encoding=encoding)


def _row_cells(line: str) -> list[str] | None:
    """Cells of a table row, or None when the line is not one."""
    if "\t" in line.strip("\t\n ") or (line.count("\t") >= 2):
        return [c.strip() for c in line.split("\t")]
    if _PIPE_ROW.match(line) and line.count("|") >= 3 and not _RULE_LINE.match(line):
        return [c.strip() for c in line.strip().strip("|").split("|")]
    return None


def _continues(previous: str, line: str, width: int) -> bool:
    """In hard-wrapped text, does ``line`` continue the paragraph of ``previous``?

    Yes inside an unclosed ``**bold**`` span (a heading wrapped in two), when the line
    starts in lower case, or when the previous line ran to near the wrap width
    without ending a sentence; never when the line opens a numbered item.
    """
    stripped, prev = line.strip(), previous.strip()
    if starts_item(stripped):
        return prev.count("**") % 2 == 1
    if prev.count("**") % 2 == 1 or prev.count("*") % 2 == 1:
        return True
    if stripped.lstrip("*_")[:1].islower() or prev.endswith(","):
        return True
    return len(prev) >= 0.6 * width and not prev.rstrip("*_ ").endswith((".", ":", ";", "!", "?"))


def _looks_hard_wrapped(lines: list[str]) -> int:
    """The wrap width when paragraphs were wrapped at a fixed width (many mid-length
    lines that run on into a next line starting in lower case), else 0."""
    runs_on = candidates = 0
    for current, following in itertools.pairwise(lines):
        stripped = current.strip()
        if not stripped or "\t" in current:
            continue
        candidates += 1
        nxt = following.strip().lstrip("*_")
        if 30 <= len(stripped) <= 110 and nxt[:1].islower():
            runs_on += 1
    if candidates < 10 or runs_on / candidates <= 0.15:
        return 0
    lengths = sorted(len(line.strip()) for line in lines if line.strip())
    return lengths[int(len(lengths) * 0.9)]
