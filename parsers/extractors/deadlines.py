"""Deadlines: the time phrase of a task and the date range it means.

A task's time comes from its time field (``d) Thời gian thực hiện: Trong năm 2021``)
or table column when it has one; otherwise from the phrases in its text. Dates of
cited documents (``Kế hoạch số 162/KH-UBND ngày 06/9/2018``) and figures in
parentheses (``(số liệu tính từ ngày 01/01/2024 đến ngày 25/6/2024)``) are masked
first, because they are not the task's time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from parsers.patterns.deadlines import (
    DEADLINE_RULES,
    NOT_A_DEADLINE_BEFORE,
    WEAK_RECURRING,
)
from schemas import Deadline

_SENTENCE_HEAD = re.compile(r"(?:^|[.;:!?\n]\s*|^[-+•]\s*|\n[-+•]\s*)$")


@dataclass(frozen=True)
class Found:
    text: str
    start: int
    end: int
    range_start: str | None
    range_end: str | None
    kind: str
    rule: str


def find_deadlines(text: str, year: int | None, *, field: bool = False,
                   masked: list[tuple[int, int]] | None = None) -> list[Found]:
    """Every deadline phrase in ``text`` with its range, in reading order.

    ``field`` is True for the value of a time field or column, where a bare
    ``Thường xuyên`` is the deadline; elsewhere it must head a sentence.

    >>> [f.range_end for f in find_deadlines("trước ngày 25/6/2024", None)]
    ['2024-06-25']
    """
    masked = list(masked or []) + _parentheses(text)
    taken: list[tuple[int, int]] = []
    found: list[Found] = []
    candidates = []
    lower = text.lower()
    for order, rule in enumerate(DEADLINE_RULES):
        if not any(word in lower for word in rule.triggers):
            continue
        for m in rule.pattern.finditer(text):
            if m.end() > m.start():
                candidates.append((m.start(), order, -(m.end() - m.start()), rule, m))
    candidates.sort(key=lambda c: (c[0], c[1], c[2]))
    for start, _, _, rule, m in candidates:
        end = m.end()
        if not _word_bounded(text, start, end):
            continue
        if any(s < end and start < e for s, e in taken + masked):
            continue
        phrase = m.group(0)
        before = text[max(0, start - 25):start]
        if NOT_A_DEADLINE_BEFORE.search(before) and not rule.name.startswith("recurring"):
            continue
        if rule.name == "bare_year" and not field:
            continue  # a last resort, see extract_deadline
        if not field and WEAK_RECURRING.match(phrase.strip()) and not _SENTENCE_HEAD.search(before):
            continue
        resolved = rule.resolve(m, year)
        if resolved is None:
            continue
        taken.append((start, end))
        found.append(Found(phrase.strip(" ,."), start, end, *resolved, rule=rule.name))
    found.sort(key=lambda f: f.start)
    return found


def _word_bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and not (after.isalnum() and text[end - 1].isalnum())


def _parentheses(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"\([^()]*\)", text)]


def bare_year(text: str, masked: list[tuple[int, int]] | None = None) -> Found | None:
    """The first ``năm 2022`` that is not a baseline (``so với năm 2021``): the
    last resort when a task names no other time (seed 003)."""
    masked = list(masked or []) + _parentheses(text)
    for m in re.finditer(r"năm\s+(?P<y>(?:19|20)\d{2})(?![\d/])", text):
        if any(s < m.end() and m.start() < e for s, e in masked):
            continue
        if NOT_A_DEADLINE_BEFORE.search(text[max(0, m.start() - 25):m.start()]):
            continue
        y = m["y"]
        return Found(m.group(0), m.start(), m.end(), f"{y}-01-01", f"{y}-12-31", "fixed", "bare_year")
    return None


def _citations(text: str) -> list[tuple[int, int]]:
    """Spans of cited documents with their dates: "Phương án số 7178/PA-UBND ngày
    14/11/2025" in a time cell dates the plan cited, not the task."""
    if "/" not in text and "-" not in text:
        return []  # every citation has a code with a slash (or a Party code's dash)
    from parsers.extractors.references import find_references  # noqa: PLC0415 - avoids a cycle

    return [(s, e) for _, s, e in find_references(text)]


def combine(found: list[Found]) -> tuple[str, str | None, str | None, str] | None:
    """Several dates in one item: texts joined by ``; ``, the range spans them
    (an open end on either side stays open). Recurring phrases give way to dates."""
    if not found:
        return None
    dated = [f for f in found if f.kind != "recurring" or f.range_start or f.range_end]
    use = dated or found[:1]
    texts: list[str] = []
    for f in use:
        if f.text not in texts:
            texts.append(f.text)
    starts = [f.range_start for f in use]
    ends = [f.range_end for f in use]
    start = None if any(s is None for s in starts) else min(s for s in starts if s)
    end = None if any(e is None for e in ends) else max(e for e in ends if e)
    kind = "recurring" if all(f.kind == "recurring" for f in use) else (
        "open" if end is None or start is None else "fixed")
    return "; ".join(texts), start, end, kind


def extract_deadline(text: str, year: int | None, *, field: bool = False,
                     masked: list[tuple[int, int]] | None = None,
                     allow_bare_year: bool = True) -> tuple[Deadline, int, int] | None:
    """The deadline of a task's text (or of a time field when ``field``), with the
    span it was read from, or None when the text gives no time at all."""
    if masked is None:
        masked = _citations(text)
    found = find_deadlines(text, year, field=field, masked=masked)
    if not found and allow_bare_year:
        fallback = bare_year(text, masked)
        found = [fallback] if fallback else []
    combined = combine(found)
    if combined is None:
        return None
    phrase, start, end, kind = combined
    if field:
        phrase = text.strip().rstrip(".;")
    span_start = min(f.start for f in found)
    span_end = max(f.end for f in found)
    return Deadline(text=phrase, start=start, end=end, kind=kind), span_start, span_end
