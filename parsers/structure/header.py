"""The Decree 30/2020/NĐ-CP parts of a document: header, body, signature, Nơi nhận.

Decree 30 (Phụ lục I) fixes the layout: issuing agency and Quốc hiệu on top, then
``Số: 75/KH-UBND`` and ``Tri Phương, ngày 05 tháng 6 năm 2024``, the kind
(``KẾ HOẠCH``) and the title, the body, the signature block (``TM. ỦY BAN NHÂN DÂN /
CHỦ TỊCH / name``) and ``Nơi nhận:``. Real files lose parts of it (a pasted body with
no header; the signature before Nơi nhận in a text export), so each part is found by
its own pattern and none is required.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from parsers.model import Block
from parsers.patterns.header import (
    ADDRESSEE,
    AGENCY_HEAD,
    APPENDIX_START,
    ATTACHED_TO,
    BODY_START,
    DATE_PLACE,
    KIND_WORDS,
    NUMBER_LINE,
    QUOC_HIEU,
    RECEIVERS,
    SIGNATURE_ROLE,
    SUBJECT_LINE,
)
from parsers.patterns.letters import LOWER, UPPER


@dataclass
class Header:
    kind: str | None = None
    kind_block: int | None = None
    number: str | None = None
    symbol: str | None = None
    date: str | None = None
    place: str | None = None
    issuer_lines: list[str] = field(default_factory=list)
    title: str | None = None
    title_blocks: list[int] = field(default_factory=list)
    signer: str | None = None
    attached_to: str | None = None
    attached_date: str | None = None
    body_start: int = 0
    body_end: int = 0  # exclusive
    appendix_starts: list[int] = field(default_factory=list)
    addressees: list[tuple[str, int]] = field(default_factory=list)  # (text, offset) after Kính gửi


HEADER_SCAN = 40  # blocks: a Decree 30 header never runs longer


def iso_date(day: str | None, month: str | None, year: str | None) -> str | None:
    """``ngày   tháng 10 năm 2021`` is ``2021-10``; a blank month keeps only the year."""
    if not year:
        return None
    y = int(year)
    if not month or not month.strip():
        return f"{y:04d}"
    m = int(month)
    if not 1 <= m <= 12:
        return f"{y:04d}"
    if not day or not day.strip():
        return f"{y:04d}-{m:02d}"
    d = int(day)
    if not 1 <= d <= 31:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}"


def _lines(block: Block) -> list[str]:
    if block.cells is not None:
        return [line for cell in block.cells for line in cell.split("\n") if line.strip()]
    return [line for line in block.text.split("\n") if line.strip()]


def analyse(blocks: list[Block]) -> Header:
    """Find the Decree 30 parts in a document's blocks."""
    h = Header(body_end=len(blocks))
    first, last_marker = _header_window(blocks)
    limit = min(len(blocks), max(HEADER_SCAN, last_marker + 1))
    body_start: int | None = None
    i = first
    while i < limit:
        block = blocks[i]
        lines = _lines(block)
        consumed = False
        for line in lines:
            consumed |= _header_line(h, line, i, block.kind == "paragraph")
        if h.kind_block == i:
            i = _read_title(h, blocks, i + 1)
            body_start = i
            break
        if not consumed and block.zone == "body" and i > last_marker and _starts_body(block, lines):
            body_start = i
            break
        i += 1
    if body_start is None:
        body_start = 0 if h.kind_block is None and not _any_header_found(h) else min(i, len(blocks))
    if h.kind is None and h.title is None:
        _untitled_attachment(h, blocks, body_start)
    h.body_start = _addressees(h, blocks, body_start)
    _find_tail(h, blocks)
    return h


def _addressees(h: Header, blocks: list[Block], start: int) -> int:
    """``Kính gửi: X`` or ``Kính gửi:`` followed by ``- X;`` lines: whom a letter or a
    directive addresses. They belong to the header; the body starts after them."""
    if start >= len(blocks) or not ADDRESSEE.match(blocks[start].text):
        return start
    first = blocks[start]
    m = ADDRESSEE.match(first.text)
    if m and m.group("value").strip():
        h.addressees.append((m.group("value"), first.start + m.start("value")))
    i = start + 1
    while i < len(blocks) and blocks[i].kind == "paragraph" and blocks[i].text.lstrip().startswith(("-", "+", "•")):
        text = blocks[i].text
        value = text.lstrip(" -+•")
        h.addressees.append((value, blocks[i].start + len(text) - len(value)))
        i += 1
    return i


#: How far to look for a Decree 30 header behind a portal's boilerplate (copyright
#: notes, metadata tables of a legal-document site).
MARKER_SCAN = 150


def _header_window(blocks: list[Block]) -> tuple[int, int]:
    """Where the Decree 30 header starts and its last strong marker (Quốc hiệu, ``Số:``,
    place and date): nothing before that marker may start the body."""
    markers = [i for i, block in enumerate(blocks[:MARKER_SCAN])
               if any(QUOC_HIEU.search(line) or NUMBER_LINE.match(line.strip()) or DATE_PLACE.match(line.strip())
                      for line in _lines(block))]
    if not markers:
        return 0, -1
    # the first cluster of markers is the header; a later one belongs to an attached
    # document with a header of its own
    cluster = [markers[0]]
    for i in markers[1:]:
        if i - cluster[-1] > 12:
            break
        cluster.append(i)
    start = max(0, cluster[0] - 4)
    return start, cluster[-1]


def _any_header_found(h: Header) -> bool:
    return bool(h.symbol or h.date or h.place or h.issuer_lines)


def _header_line(h: Header, line: str, index: int, paragraph: bool = True) -> bool:
    """Record what a header line says; True when it was a header line."""
    text = line.strip()
    if QUOC_HIEU.search(text):
        return True
    m = NUMBER_LINE.match(text)
    if m and h.symbol is None:
        h.number = m.group("number") or None
        h.symbol = re.sub(r"\s+", "", m.group("symbol"))
        return True
    m = DATE_PLACE.match(text)
    if m and h.date is None:
        h.place = m.group("place").strip(" ,") or None
        h.date = iso_date(m.group("day"), m.group("month"), m.group("year"))
        return True
    # a kind line stands alone, never in a table cell ("Loại văn bản: | Quyết định")
    kind = KIND_WORDS.get(text.rstrip(".: ").upper()) if len(text) < 40 and paragraph else None
    if kind and h.kind is None:
        h.kind, h.kind_block = kind, index
        return True
    if h.kind is None and AGENCY_HEAD.match(text) and text.upper() == text and len(text) < 80:
        h.issuer_lines.append(text)
        return True
    m = SUBJECT_LINE.match(text)
    if m and h.title is None and h.kind is None and text[:3].upper() == "V/V":
        h.title = m.group("subject").strip()
        h.kind = "CV"  # "V/v ..." under the number is a letter's subject line
        return True
    return False


def _read_title(h: Header, blocks: list[Block], start: int) -> int:
    """Title lines follow the kind line until the body starts; returns the body start."""
    parts: list[str] = []
    i = start
    while i < len(blocks) and len(parts) < 4:
        block = blocks[i]
        text = block.text.strip()
        if block.kind == "row" or len(text) > 300:
            break
        # the first line after the kind line is the title even when it opens like a
        # body ("KẾ HOẠCH / Triển khai thi hành Luật ..."), unless it is the legal basis
        if (parts or text.startswith(("Căn cứ", "Kính gửi"))) and _starts_body(block, [text]):
            break
        if parts and text.isupper() and not parts[-1].isupper():
            break  # "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH" under a decision's title
        m = ATTACHED_TO.match(text)
        if m:
            _note_attachment(h, m)
            i += 1
            break
        parts.append(text)
        h.title_blocks.append(i)
        i += 1
        if text.endswith((".", ":")):
            break
    if parts:
        h.title = " ".join(p.strip() for p in parts)
    return i


def _note_attachment(h: Header, m: re.Match[str]) -> None:
    h.attached_to = re.sub(r"\s+", "", m.group("code") or "") or None
    h.attached_date = iso_date(m.group("day"), m.group("month"), m.group("year"))


def _untitled_attachment(h: Header, blocks: list[Block], start: int) -> None:
    """An appendix pasted alone (seed 002): an upper-case title line, then
    ``(Kèm theo Kế hoạch số /KH-UBND ngày /01/2024 của UBND huyện Lộc Bình)``."""
    for i in range(min(start + 6, len(blocks))):
        m = ATTACHED_TO.match(blocks[i].text.strip())
        if not m:
            continue
        _note_attachment(h, m)
        start = max((j + 1 for j in range(i) if blocks[j].kind == "row"), default=0)
        title = [b.text.strip() for b in blocks[start:i]
                 if b.kind == "paragraph" and b.text.strip() and mostly_upper(b.text)]
        if title:
            h.title = " ".join(title)
            h.title_blocks = list(range(start, i))
        h.kind = "PL"
        return


def _starts_body(block: Block, lines: list[str]) -> bool:
    from parsers.structure.grammar import match_level  # noqa: PLC0415 - avoids a cycle

    if block.kind == "row":
        return True
    first = lines[0] if lines else ""
    return bool(BODY_START.match(first) or match_level(first) or len(first) > 250)


def _find_tail(h: Header, blocks: list[Block]) -> None:
    """Body ends at the signature block or Nơi nhận, whichever comes first; an
    appendix after them (``PHỤ LỤC I``) is body again."""
    end = len(blocks)
    for i in range(h.body_start, len(blocks)):
        block = blocks[i]
        if block.zone == "signature":
            end = i
            break
        text = block.text.strip()
        if block.kind == "paragraph" and (RECEIVERS.match(text) or _is_signature_role(text)):
            end = i
            break
        if block.kind == "row" and any(RECEIVERS.match(c.strip()) or _is_signature_role(" ".join(c.split()[:3]))
                                       for c in block.cells or []):
            end = i  # "| Nơi nhận: ... | TM. ỦY BAN NHÂN DÂN ... |" laid out as a table
            break
    h.body_end = end
    for i in range(end, len(blocks)):
        text = blocks[i].text.strip()
        attached = KIND_WORDS.get(text.rstrip(".: ").upper()) if len(text) < 40 else None
        if blocks[i].kind == "paragraph" and (APPENDIX_START.match(text) or attached) and len(text) < 120 \
                and (not h.appendix_starts or i > h.appendix_starts[-1] + 1):
            h.appendix_starts.append(i)
    first_appendix = h.appendix_starts[0] if h.appendix_starts else len(blocks)
    h.signer = _find_signer(blocks[end:first_appendix])


def _is_signature_role(text: str) -> bool:
    """``TM. ỦY BAN NHÂN DÂN``, ``KT. CHỦ TỊCH``, or a bare ``CHỦ TỊCH`` line — but not
    ``CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN``, a decision's authority line."""
    first = text.split("\n")[0].strip()
    m = SIGNATURE_ROLE.match(first.upper())
    if not m or not mostly_upper(first) or len(first) >= 60:
        return False
    return first[:3].rstrip(" .") in ("TM", "KT", "TL", "Q", "TUQ") or len(first.split()) <= 4


_NAME_WORD = re.compile(rf"^[{UPPER}][{LOWER}]*$")


def mostly_upper(text: str) -> bool:
    """Upper case but for a few letters: a TCVN3 file writes the capitals its single
    font lacks in lower case ("CHủ TịCH"), so exact ``isupper`` is too strict."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.6 * len(letters)


def _looks_like_name(text: str) -> bool:
    """``Nông Văn Đạt``: two to five capitalised words, nothing else."""
    words = text.split()
    if not 2 <= len(words) <= 5:
        return False
    if words[0] in _NOT_NAMES or any(w in ("I", "V", "X") for w in words):
        return False  # "Phần I", "Chương V"
    return all(_NAME_WORD.match(w) for w in words)


def _name_tail(text: str) -> str:
    """The capitalised words after the last upper-case word of a line."""
    words = text.split()
    tail: list[str] = []
    for word in reversed(words):
        if word.isupper() or not word[:1].isupper():
            break
        tail.insert(0, word)
    return " ".join(tail)


_NOT_NAMES = frozenset({"Phần", "Chương", "Mục", "Điều", "Phụ", "Nơi", "Lưu", "Kính"})


def _find_signer(tail: list[Block]) -> str | None:
    seen_role = False
    signer = None
    for block in tail:
        for line in _lines(block):
            text = line.strip()
            if SIGNATURE_ROLE.search(text.upper()) and _looks_like_name(_name_tail(text)):
                signer = _name_tail(text)  # "KT. CHỦ TỊCH PHÓ CHỦ TỊCH Danh Hoàng Khải" on one line
                seen_role = True
                continue
            if _is_signature_role(text) or SIGNATURE_ROLE.match(text):
                seen_role = True
                continue
            if seen_role and _looks_like_name(text):
                signer = text
    return signer
