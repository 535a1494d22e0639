"""Targets: the measurable goals of a task (value, unit, comparator).

Percentages are goals unless the words before them describe a cause or a result
(“chưa đạt 100%”) or they stand in parentheses (“(năm 2020 là 99,12%)”). A count
(“01 cuộc”, “03 sáng kiến”) is a goal only with a comparator (“từ 03 sáng kiến ...
trở lên”, “không quá 01 lần”, “ít nhất 02 cuộc”), because bare counts in plans are
mostly facts (“133 thủ tục”).
"""

from __future__ import annotations

import re

from parsers.patterns.targets import (
    COUNTED_NOUNS,
    EVENT_NOUNS,
    NOT_A_TARGET_BEFORE,
    OPERATORS_BEFORE,
    OR_MORE_AFTER,
)
from schemas import Target

_NUMBER = r"(?P<num>\d{1,3}(?:[.,]\d{3})+(?![.,]?\d)|\d+(?:[.,]\d+)?)"
_OPS = "|".join(f"(?P<op{i}>{pattern})" for i, (pattern, _) in enumerate(OPERATORS_BEFORE))
_NOUNS = "|".join(re.escape(n) for n in sorted(COUNTED_NOUNS, key=len, reverse=True))
PERCENT = re.compile(r"(?:(?:" + _OPS + r")\s+(?:mức\s+|tỷ lệ\s+)?)?" + _NUMBER + r"\s*%", re.IGNORECASE)
COUNT = re.compile(r"(?:" + _OPS + r")\s+" + _NUMBER + r"\s+(?P<noun>" + _NOUNS + r")(?!\w)", re.IGNORECASE)
#: A bare count of an event noun: "tổ chức 02 đợt".
EVENT = re.compile(r"(?<![\w/.,])" + _NUMBER + r"\s+(?P<noun>"
                   + "|".join(sorted(map(re.escape, EVENT_NOUNS), key=len, reverse=True)) + r")(?!\w)",
                   re.IGNORECASE)
#: A comparator, a number and a word we do not know: "ít nhất 04 máy tính".
COUNT_ANY = re.compile(r"(?:" + _OPS + r")\s+" + _NUMBER + r"\s+(?P<noun>[^\W\d]+(?:\s[^\W\d]+)?)",
                       re.IGNORECASE)
_DIGIT = re.compile(r"\d")
SCORE = re.compile(r"\d+(?:[.,]\d+)?\s*/\s*\d+(?:[.,]\d+)?")


def _value(raw: str) -> float:
    """``99,12`` → 99.12; ``1.500`` (thousands) → 1500."""
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", raw) and not re.fullmatch(r"\d+[.,]\d{1,2}", raw):
        return float(re.sub(r"[.,]", "", raw))
    return float(raw.replace(",", "."))


def _operator(m: re.Match[str]) -> str:
    groups = m.groupdict()
    for i, (_, op) in enumerate(OPERATORS_BEFORE):
        if groups.get(f"op{i}"):
            return op
    return "="


def extract_targets(text: str) -> list[tuple[Target, int, int]]:
    """Targets in reading order, with their spans in ``text``.

    >>> [(t.value, t.unit, t.op) for t, _, _ in extract_targets("phấn đấu có từ 03 sáng kiến trở lên")]
    [(3.0, 'sáng kiến', '>=')]
    """
    if not _DIGIT.search(text):
        return []  # every target has a numeral
    masked = [(m.start(), m.end()) for m in re.finditer(r"\([^()]*\)", text)]
    masked += [(m.start(), m.end()) for m in SCORE.finditer(text)]
    found: list[tuple[int, int, Target]] = []
    taken: list[tuple[int, int]] = []
    for pattern, is_percent in ((PERCENT, True), (COUNT, False), (EVENT, False), (COUNT_ANY, False)):
        for m in pattern.finditer(text):
            start, end = m.start(), m.end()
            num_start = m.start("num")
            if any(s <= num_start < e for s, e in masked + taken):
                continue
            if pattern is COUNT_ANY and not _looks_counted(m.group("noun")):
                continue
            if num_start > 0 and (text[num_start - 1].isalnum() or text[num_start - 1] in "/.,"):
                continue
            op = _operator(m)
            if op == "=" and NOT_A_TARGET_BEFORE.search(text[max(0, start - 20):start]):
                continue
            if op == "=" and OR_MORE_AFTER.match(text[end:]):
                op = ">="
            unit = "%" if is_percent else m.group("noun")
            if pattern is COUNT_ANY:
                unit = _counted_noun(unit)
                end = m.start("noun") + len(unit)
            taken.append((m.start("num"), m.end("num")))
            found.append((start, end, Target(value=_value(m.group("num")), unit=unit, op=op,
                                             text=text[start:end])))
    found.sort(key=lambda f: f[0])
    return [(t, s, e) for s, e, t in found]


def _looks_counted(noun: str) -> bool:
    """Not a percent sign's neighbour or a date word: ``04 máy tính`` yes, ``03 ngày`` is
    in the known list already, ``2025 năm`` no."""
    return noun.split()[0].lower() not in ("năm", "tháng", "quý", "giờ", "và", "đến", "trở")


def _counted_noun(words: str) -> str:
    """The counted noun among the next two words: underthesea tells a noun compound
    (``máy tính``) from a noun and what follows it."""
    from parsers import nlp  # noqa: PLC0415 - NLP only on this rare path

    tagged = nlp.tag(words)
    if tagged and tagged[0].tag.startswith("N"):
        return tagged[0].text
    return words.split()[0]
