"""References: other documents the text cites by number, with their dates.

GOLD.md: ``code`` as printed after “số” with spaces removed; ``kind`` from the code
or the word before it; a document cited several times is one reference, dated
where any citation dates it (the same code with two different dates is two
documents: seed 003 cites two different ``18/QĐ-UBND``).
"""

from __future__ import annotations

import re

from parsers.patterns.references import KIND_ABBREVIATIONS, KIND_NAMES, REFERENCE, STANDARD
from parsers.structure.header import iso_date
from schemas import Reference


def _kind(m: re.Match[str]) -> str | None:
    if m.group("party"):
        return m.group("party").split("-", 1)[1].split("/", 1)[0].upper()
    symbol = re.sub(r"\s+", "", m.group("symbol"))
    head = symbol.split("-", 1)[0]
    for abbr in KIND_ABBREVIATIONS:
        if head.upper() == abbr.upper():
            return abbr
    word = (m.group("kindword") or "").lower()
    if word in KIND_NAMES:
        return KIND_NAMES[word]
    return "CV"


def find_references(text: str, own_code: str | None = None) -> list[tuple[Reference, int, int]]:
    """Every citation in ``text`` with its span, before merging repeats."""
    out: list[tuple[Reference, int, int]] = []
    for m in _matches(text):
        code = re.sub(r"\s+", "", m.group("code"))
        if m.group("party") is None:
            symbol = re.sub(r"\s+", "", m.group("symbol"))
            head = symbol.split("-", 1)[0].upper()
            introduced = bool(m.group("kindword")) or bool(re.match(r"số", m.group(0), re.IGNORECASE))
            known = head in {a.upper() for a in KIND_ABBREVIATIONS} or head in ("UBND", "BNV", "VPCP")
            if not (introduced or known) or ("-" not in symbol and not introduced):
                continue
            if not m.group("number") and not introduced:
                continue
            if STANDARD.search(text[max(0, m.start() - 8):m.start()]):
                continue
        if own_code and code == own_code:
            continue
        date = None
        if m.group("datepart"):
            date = iso_date(m.group("day"), m.group("month"), m.group("dyear"))
        out.append((Reference(code=code, kind=_kind(m), date=date, text=m.group(0).strip()),
                    m.start(), m.end()))
    return out


#: Every code has a slash before its symbol (or is a Party code "05-CT/TW"): the full
#: pattern is tried only around those, which is ~10x faster on long plans than
#: scanning every position.
_CODE_HINT = re.compile(r"/\s?(?:(?:19|20)\d{2}\s?/\s?)?[A-ZĐ]|\d-[A-Z]{1,4}/")
_LOOK_BACK = 48


def _matches(text: str):
    last_end = 0
    for hint in _CODE_HINT.finditer(text):
        if hint.start() < last_end:
            continue
        pos = max(last_end, hint.start() - _LOOK_BACK)
        m = REFERENCE.search(text, pos, hint.end() + 160)
        while m is not None and m.end() <= hint.start():  # "đồng/bản" before the code
            m = REFERENCE.search(text, max(m.end(), m.start() + 1), hint.end() + 160)
        if m is None:
            continue
        last_end = m.end()
        yield m


def merge_references(found: list[tuple[Reference, int, int]]) -> list[tuple[Reference, int, int]]:
    """One reference per document: an undated citation joins a dated one of the same
    code; the same code with different dates stays apart."""
    merged: list[tuple[Reference, int, int]] = []
    for ref, start, end in found:
        same = [i for i, (r, _, _) in enumerate(merged) if r.code.upper() == ref.code.upper()]
        if not same:
            merged.append((ref, start, end))
            continue
        if ref.date is None:
            continue
        undated = [i for i in same if merged[i][0].date is None]
        if undated:
            i = undated[0]
            old, s, e = merged[i]
            merged[i] = (old.model_copy(update={"date": ref.date}), s, e)
        elif all(merged[i][0].date != ref.date for i in same):
            merged.append((ref, start, end))
    return merged
