"""file → RawDocument → normalised text → header → sections → records.

Everything here is pure and deterministic: the same bytes give the same
ParsedDocument, so whole documents can be golden-tested, and ``ingest`` can run it
in worker processes.
"""

from __future__ import annotations

import re
from pathlib import Path

from parsers import canonical, catalog, formats
from parsers.extractors.references import find_references, merge_references
from parsers.extractors.tasks import Context, extract_tasks
from parsers.model import Block, RawDocument
from parsers.patterns.documents import classify_kind
from parsers.structure import header as header_mod
from parsers.structure import tree
from parsers.text.keys import readability
from parsers.text.normalize import normalize_block_text, normalize_inline
from schemas import Document, ParsedDocument, Provenance, Section

#: Below this share of Vietnamese syllables a document is flagged: text that is
#: still garbled after conversion must not pass silently as "no tasks".
READABLE = 0.6


def parse_file(path: str | Path) -> ParsedDocument:
    """Parse one file of any supported format."""
    return parse_raw(formats.read(path))


def parse_bytes(data: bytes, name: str = "<bytes>") -> ParsedDocument:
    """Parse a file's bytes (from a zip entry, an upload) under a given name."""
    return parse_raw(formats.read(name, data))


def assemble(raw: RawDocument) -> tuple[list[Block], str]:
    """Normalise every block and lay them end to end, one per line; each block learns
    its span. Rows keep their cells (normalised one by one) joined by tabs."""
    blocks: list[Block] = []
    parts: list[str] = []
    pos = 0
    for block in raw.blocks:
        if block.kind == "row" and block.cells is not None:
            cells = [normalize_block_text(c).replace("\n", " ") if "\t" in c else normalize_block_text(c)
                     for c in block.cells]
            cells = [c.replace("\t", " ") for c in cells]
            if not any(cells):
                continue
            block.cells = cells
            block.text = "\t".join(cells)
        else:
            block.text = normalize_block_text(block.text)
            if not block.text:
                continue
        block.start, block.end = pos, pos + len(block.text)
        pos = block.end + 1
        parts.append(block.text)
        blocks.append(block)
    return blocks, "\n".join(parts)


def parse_raw(raw: RawDocument) -> ParsedDocument:
    blocks, text = assemble(raw)
    head = header_mod.analyse(blocks)
    nodes = tree.build(blocks, head)
    kind = head.kind or _kind_from_symbol(head.symbol) or classify_kind(
        [n.heading for n in nodes if n.rule in ("roman", "part", "article")])
    year = _context_year(head)
    own_code = f"{head.number or ''}/{head.symbol}" if head.symbol else None
    found = find_references(text, own_code)
    references = merge_references(found)
    sections = _unique_ids([_section(n, blocks, raw.sha256) for n in nodes], nodes)
    ctx = Context(sha256=raw.sha256, text=text, blocks=blocks, nodes=nodes, kind=kind, year=year,
                  masked=[(s, e) for _, s, e in found], section_ids=[s.id for s in sections],
                  header_addressees=head.addressees)
    tasks = extract_tasks(ctx)
    readable = readability(text) if text else None
    warnings = list(raw.warnings)
    if readable is not None and readable < READABLE and len(text) > 200:
        warnings.append(f"low_readability: only {readable:.0%} of words are Vietnamese syllables "
                        "(an unknown legacy encoding or a bad OCR?)")
    document = Document(
        id=raw.sha256, source=Path(raw.path).name, format=raw.format, kind=kind,
        number=head.number, symbol=head.symbol, date=head.date, place=head.place,
        issuer=_issuer(head), title=head.title, signer=head.signer, pages=raw.pages,
        blocks=len(blocks), encoding=raw.encoding, readability=readable, warnings=warnings)
    # Enrichment for analysts: canonical units beside the printed ones, criterion codes
    # checked against the PAR INDEX catalog.
    tasks = canonical.resolve(tasks, issuer=document.issuer, place=document.place,
                              date=document.date or (str(year) if year else None), text=text,
                              source=document.source)
    tasks = catalog.check_criteria(tasks, sections=sections, text=text)
    refs = [ref.model_copy(update={"provenance": Provenance(
        source_sha256=raw.sha256, block=_block_at(blocks, s), start=s, end=e)})
        for ref, s, e in references]
    return ParsedDocument(document=document, text=text, sections=sections, tasks=tasks,
                          references=refs)


def _unique_ids(sections: list[Section], nodes: list[tree.Node]) -> list[Section]:
    """Paths repeat where numbering restarts (an appendix's "1." after the body's):
    the second gets ``~2``. Parents are linked by the final ids."""
    seen: dict[str, int] = {}
    for s in sections:
        n = seen.get(s.id, 0) + 1
        seen[s.id] = n
        if n > 1:
            s.id = f"{s.id}~{n}"
    for s, node in zip(sections, nodes, strict=True):
        s.parent_id = sections[node.parent].id if node.parent is not None else None
    return sections


def _block_at(blocks: list[Block], offset: int) -> int | None:
    lo, hi = 0, len(blocks) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if blocks[mid].end < offset:
            lo = mid + 1
        elif blocks[mid].start > offset:
            hi = mid - 1
        else:
            return mid
    return None


def _section(node: tree.Node, blocks: list[Block], sha: str) -> Section:
    first, last = blocks[node.first_block], blocks[node.last_block]
    return Section(
        id=f"{sha[:16]}:{node.path}", parent_id=None, path=node.path, label=node.label,
        rule=node.rule, level=node.rank, ordinal=node.ordinal, heading=node.heading[:500],
        role=node.role if node.role in ("work", "other", "closing") else "unknown",
        provenance=Provenance(source_sha256=sha, block=node.first_block, start=first.start,
                              end=last.end, page=first.origin.page))


def _kind_from_symbol(symbol: str | None) -> str | None:
    if not symbol:
        return None
    head = re.split(r"[-/]", symbol.split("/")[-1])[0]
    return head if head in {"KH", "CT", "BC", "QĐ", "TB", "TTr", "HD", "CTr", "NQ", "PL"} else None


def _context_year(head: header_mod.Header) -> int | None:
    """The year a phrase without one refers to: the document's, else that of the
    plan an appendix is attached to (seed 002)."""
    for value in (head.date, head.attached_date):
        if value:
            return int(value[:4])
    return None


def _issuer(head: header_mod.Header) -> str | None:
    if not head.issuer_lines:
        return None
    return normalize_inline(" ".join(head.issuer_lines))
