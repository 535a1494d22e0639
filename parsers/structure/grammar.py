"""The numbering grammar of Vietnamese administrative documents, as data.

Decree 30/2020/NĐ-CP (Phụ lục I) and drafting practice lay a body out in levels:
Phần > Chương > Mục > Điều > I. > 1. > 1.1. > 1.1.1. > a) > - > +.
Each level is one :class:`LevelRule`; ``rank`` orders them (lower is outer). The tree
builder in ``parsers.structure.tree`` knows nothing Vietnamese: it only compares ranks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from parsers.patterns.letters import UPPER


@dataclass(frozen=True)
class LevelRule:
    name: str
    rank: int
    pattern: re.Pattern[str]
    note: str

    def match(self, line: str) -> tuple[str, str] | None:
        """``(label, rest)`` when ``line`` opens an item of this level."""
        m = self.pattern.match(line)
        if not m:
            return None
        return m.group("label"), line[m.end():].strip()


def _rule(name: str, rank: int, pattern: str, note: str) -> LevelRule:
    return LevelRule(name, rank, re.compile(pattern), note)


ROMAN = r"(?=[IVX])(?:X{0,3})(?:IX|IV|V?I{0,3})"  # never empty: "Phần thứ nhất" is not "Phần" + ""

#: Ordered by rank. Patterns see the block text after normalisation (NFC, no ``**``).
LEVELS: tuple[LevelRule, ...] = (
    _rule("part", 0, r"^(?:PHẦN|Phần)\s+(?P<label>" + ROMAN + r"|\d+|thứ\s+\w+|THỨ\s+\w+)\b[.:\s]*",
          "Phần I / PHẦN THỨ NHẤT: the outermost division of long plans"),
    _rule("chapter", 1, r"^(?:CHƯƠNG|Chương)\s+(?P<label>" + ROMAN + r"|\d+)\b[.:\s]*",
          "Chương II: chapters of regulations attached to a decision"),
    _rule("subpart", 2, r"^(?:MỤC|Mục)\s+(?P<label>\d+)\b[.:\s]+",
          "Mục 1: sections inside a chapter"),
    _rule("article", 3, r"^Điều\s+(?P<label>\d+)\b[.:]?\s*",
          "Điều 1.: articles of a decision or regulation"),
    _rule("roman", 4, r"^(?P<label>(?=[IVX])" + ROMAN + r")(?:\s*[.)]|\s*-(?=\s))\s*",
          "I. / II- : the main parts of a plan or report"),
    _rule("decimal4", 8, r"^(?P<label>\d{1,2}(?:\.\d{1,2}){3})\.?(?:\s+|$)",
          "1.1.1.1 : fourth-level numbering"),
    _rule("decimal3", 7, r"^(?P<label>\d{1,2}(?:\.\d{1,2}){2})\.?(?:\s+|$)",
          "1.1.1 : third-level numbering"),
    _rule("decimal2", 6, r"^(?P<label>\d{1,2}\.\d{1,2})\.?(?:\s+|$)",
          "1.1. : second-level numbering (1.1 without a dot too)"),
    _rule("arabic", 5, r"^(?P<label>\d{1,2})\s*[.)](?![\d,])\s*(?=\S)",
          "1. / 1) : numbered items"),
    _rule("letter", 9, r"^(?P<label>[a-zđ])\s*(?:\)|\.(?=\s+[" + UPPER + r"]))\s*",
          "a) b) ... đ) : lettered items (Decree 30 uses đ after d)"),
    _rule("dash", 10, r"^(?P<label>[-–—•·])\s*(?=\S)",
          "- item: dash bullets"),
    _rule("plus", 11, r"^(?P<label>\+)\s*(?=\S)",
          "+ item: plus bullets, under dashes"),
)

BY_NAME = {rule.name: rule for rule in LEVELS}
# Try the more specific patterns first: decimal4 before decimal3 before arabic.
_MATCH_ORDER = sorted(LEVELS, key=lambda r: (r.name not in {"decimal4", "decimal3", "decimal2"}, r.rank))

#: A numbered line that is really a date or a figure, not an item: "1. 000 hồ sơ" is
#: rare, but "30/5/2022 ..." and "2024." are not items.
_NOT_AN_ITEM = re.compile(r"^\d{1,2}[./]\d{1,2}[./]\d{2,4}|^\d{3,}")


@lru_cache(maxsize=32768)
def match_level(line: str) -> tuple[LevelRule, str, str] | None:
    """The level rule a line opens, with its label and the rest of the line (cached:
    the tree builder and the extractors ask about the same lines)."""
    if _NOT_AN_ITEM.match(line):
        return None
    for rule in _MATCH_ORDER:
        found = rule.match(line)
        if found:
            label, rest = found
            if rule.name == "roman" and not label:
                continue
            return rule, label, rest
    return None


def starts_item(line: str) -> bool:
    """Whether a line opens a numbered or bulleted item (used to undo hard wrapping)."""
    return match_level(line.lstrip("*_ ")) is not None
