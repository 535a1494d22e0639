"""Rendering a plain-text document to .docx the way an office drafts it in Word.

The round-trip test asks whether a document gives the same records as .txt, .docx and
.pdf. For that the .docx must look like what a clerk saves, not like the text file
pasted into Word: list numbers come from Word's automatic numbering (numbering.xml),
so "I.", "1.1.", "a)" and "-" are not in the paragraph text at all; tables are real
Word tables; the Decree 30 header ("ỦY BAN NHÂN DÂN / HUYỆN YÊN THÀNH" left, "CỘNG HÒA
XÃ HỘI CHỦ NGHĨA VIỆT NAM" right, "Số: 38/KH-UBND" and "Yên Thành, ngày 10 tháng 01
năm 2023" below) and the "Nơi nhận" / signature block sit in borderless two-column
tables; ``**bold**`` and ``*italic*`` are run formatting.

Paragraphs are the .txt reader's blocks (``parsers.formats.text``): it already joins a
portal's hard-wrapped lines back into paragraphs and knows tab and ``| a | b |`` rows;
a second opinion here on where a paragraph ends would make the formats disagree by
construction rather than by a reader's fault.

Word shows exactly the typed numbers: the renderer replays Word's counters (counters
belong to the abstract list, a level restarts after any higher level) and where the
typed number is not the one Word would print next — an appendix restarting at "I.",
an item missing from a list ("1.", "3.") — it starts a new ``w:num`` whose
``startOverride`` gives the typed value. A new ``w:num`` is never returned to and is
only relied on for levels at or below the one it starts at, so the file reads the
same whether a consumer shares counters between ``w:num`` of one abstract list (Word)
or keeps them apart.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import quoteattr

from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Cm, Mm, Pt
from docx.table import Table as WordTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph

# tests/ is on sys.path (pytest's rootdir conftest), so the Word test builders are ``formats``.
from formats.builders import abstract_num, new_document, num, set_numbering, to_bytes

from parsers.formats import text as text_format
from parsers.model import Block
from parsers.patterns.letters import UPPER

# ---------------------------------------------------------------------------------
# The typed labels Word can draw, as data: Decree 30/2020/NĐ-CP (Phụ lục I) levels
# Phần > Chương > Mục > Điều > I. > 1. > 1.1. > 1.1.1. > a) > - > +, ranked as in
# parsers.structure.grammar. Each pattern captures the literal word before the number
# ("Điều"), the number as typed and the punctuation after it, which become lvlText.

ROMAN = r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})"


@dataclass(frozen=True)
class LabelRule:
    name: str
    rank: int
    pattern: re.Pattern[str]
    num_fmt: str   # Word's numFmt for the item's own number
    note: str


def _rule(name: str, rank: int, pattern: str, num_fmt: str, note: str) -> LabelRule:
    return LabelRule(name, rank, re.compile(pattern), num_fmt, note)


LABEL_RULES: tuple[LabelRule, ...] = (
    _rule("part", 0, rf"^(?P<word>Phần|PHẦN)\s+(?P<number>{ROMAN})(?P<tail>[.:]?)(?=\s|$)", "upperRoman",
          "Phần I; 'PHẦN THỨ NHẤT' stays typed: Word has no Vietnamese ordinal words"),
    _rule("part_decimal", 0, r"^(?P<word>Phần|PHẦN)\s+(?P<number>\d{1,2})(?P<tail>[.:]?)(?=\s|$)", "decimal",
          "Phần 1"),
    _rule("chapter", 1, rf"^(?P<word>Chương|CHƯƠNG)\s+(?P<number>{ROMAN})(?P<tail>[.:]?)(?=\s|$)",
          "upperRoman", "Chương II of a regulation"),
    _rule("subpart", 2, r"^(?P<word>Mục|MỤC)\s+(?P<number>\d{1,2})(?P<tail>[.:]?)(?=\s|$)", "decimal",
          "Mục 1. (never 'MỤC ĐÍCH': a number must follow)"),
    _rule("article", 3, r"^(?P<word>Điều)\s+(?P<number>\d{1,3})(?P<tail>[.:]?)(?=\s|$)", "decimal",
          "Điều 1. of a decision"),
    _rule("roman", 4, rf"^(?P<word>)(?P<number>{ROMAN})(?P<tail>[.)])(?=\s|$)", "upperRoman", "I. II."),
    _rule("decimal4", 8, r"^(?P<word>)(?P<number>\d{1,2}(?:\.\d{1,2}){3})(?P<tail>\.?)(?=\s|$)", "decimal",
          "1.1.1.1."),
    _rule("decimal3", 7, r"^(?P<word>)(?P<number>\d{1,2}(?:\.\d{1,2}){2})(?P<tail>\.?)(?=\s|$)", "decimal",
          "1.1.1."),
    _rule("decimal2", 6, r"^(?P<word>)(?P<number>\d{1,2}\.\d{1,2})(?P<tail>\.?)(?=\s|$)", "decimal",
          "1.1. (and 1.1 without the dot)"),
    _rule("arabic", 5, r"^(?P<word>)(?P<number>\d{1,2})(?P<tail>[.)])(?=\s|$)", "decimal", "1. 1)"),
    _rule("letter", 9, r"^(?P<word>)(?P<number>[a-zđ])(?P<tail>\))(?=\s|$)", "lowerLetter", "a) b) ... đ)"),
    _rule("letter_dot", 9, rf"^(?P<word>)(?P<number>[a-zđ])(?P<tail>\.)(?=\s+[{UPPER}])", "lowerLetter",
          "a. Sở Tư pháp"),
    _rule("dash", 10, r"^(?P<word>)(?P<number>[-–—•])(?P<tail>)(?=\s)", "bullet", "- item"),
    _rule("plus", 11, r"^(?P<word>)(?P<number>\+)(?P<tail>)(?=\s)", "bullet", "+ item under a dash"),
)

_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}
#: Word counts a lowerLetter list a, b, c, d, e, f ...; Decree 30 lists go a, b, c, d,
#: đ, e, g ... so only letters in Word's own place can be drawn by Word.
_LATIN = "abcdefghijklmnopqrstuvwxyz"
#: The order letter items follow, đ after d, to tell a list going on from one restarting.
_LETTER_ORDER = "abcdđefghijklmnopqrstuvwxyz"
_MAX_LEVELS = 9   # w:lvl 0..8


def _roman_value(text: str) -> int:
    total = 0
    for char, following in zip(text, [*text[1:], ""], strict=True):
        value = _ROMAN_VALUES[char]
        total += -value if following and _ROMAN_VALUES[following] > value else value
    return total


def _roman(n: int) -> str:
    out = []
    for value, letters in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


#: numFmt -> how Word prints a counter, for the formats the rules above use.
_FORMATS = {"decimal": str, "upperRoman": _roman, "lowerLetter": lambda n: _LATIN[(n - 1) % 26] * ((n - 1) // 26 + 1)}


@dataclass(frozen=True)
class Label:
    """A typed label at the start of a line: ``Label(rule=article, word="Điều",
    number="1", tail=".")`` for "Điều 1. Ban hành kèm theo ..."."""

    rule: LabelRule
    word: str
    number: str
    tail: str

    @property
    def text(self) -> str:
        return f"{self.word} {self.number}{self.tail}" if self.word else f"{self.number}{self.tail}"

    @property
    def key(self) -> tuple[str, str, str]:
        """Items drawn by one list level: same rule, same word, same punctuation."""
        return self.rule.name, self.word, self.tail

    @property
    def bullet(self) -> bool:
        return self.rule.num_fmt == "bullet"

    def values(self) -> tuple[int, ...] | None:
        """The counter values Word needs to print this label; None when no counter
        can (the Vietnamese "đ", which Word's lowerLetter does not have)."""
        if self.rule.num_fmt == "upperRoman":
            return (_roman_value(self.number),)
        if self.rule.num_fmt == "lowerLetter":
            return (_LATIN.index(self.number) + 1,) if self.number in _LATIN else None
        return tuple(int(part) for part in self.number.split("."))


_MARKUP_PREFIX = re.compile(r"^[*_]*")


def split_label(text: str) -> tuple[Label | None, str]:
    """The typed label of a line and the rest with its markdown kept:
    ``"**1. Tổ chức quán triệt**"`` -> (Label "1.", ``"**Tổ chức quán triệt**"``)."""
    prefix = _MARKUP_PREFIX.match(text).group()
    rest = text[len(prefix):]
    for rule in LABEL_RULES:
        m = rule.pattern.match(rest)
        if m:
            label = Label(rule, m.group("word"), m.group("number"), m.group("tail"))
            content = rest[m.end():].strip()
            if not content.strip("*_ "):
                content = ""
            return label, f"{prefix}{content}" if content else ""
    return None, text


# ---------------------------------------------------------------------------------
# Numbering: which w:num and w:ilvl each labelled paragraph gets.


@dataclass(frozen=True)
class NumberRef:
    num_id: int
    ilvl: int


@dataclass
class _Segment:
    """One ``w:num`` of the outline list and the counters Word keeps for it."""

    num_id: int
    first_level: int
    starts: dict[int, int]
    values: list[int | None] = field(default_factory=lambda: [None] * _MAX_LEVELS)


class NumberingPlan:
    """Decides, for a document's labels in reading order, the ``(numId, ilvl)`` of every
    paragraph Word numbers, and writes the numbering.xml that makes Word print the
    typed labels. Labels it cannot make Word print stay typed (``refs[i] is None``)
    and ``typed`` says why."""

    OUTLINE_ABSTRACT = 0
    BULLET_ABSTRACT = 1
    BULLET_NUM = 1

    def __init__(self, labels: Sequence[Label | None]) -> None:
        self.refs: list[NumberRef | None] = [None] * len(labels)
        self.typed: dict[int, str] = {}
        self._labels = labels
        self._bullet_levels: dict[str, int] = {}
        self._levels: dict[tuple[str, str, str], int] = {}
        self._lvl_text: dict[int, str] = {}
        self._lvl_fmt: dict[int, str] = {}
        self._segments: list[_Segment] = []
        self._plan_bullets()
        self._plan_outline()

    # -- bullets: one list, a level per bullet character; bullets have no counter ----

    def _plan_bullets(self) -> None:
        bullets = [(i, label) for i, label in enumerate(self._labels) if label is not None and label.bullet]
        for _, label in sorted(bullets, key=lambda item: (item[1].rule.rank, item[0])):
            if len(self._bullet_levels) < _MAX_LEVELS:
                self._bullet_levels.setdefault(label.number, len(self._bullet_levels))
        for i, label in bullets:
            if label.number in self._bullet_levels:
                self.refs[i] = NumberRef(self.BULLET_NUM, self._bullet_levels[label.number])

    # -- the outline: one multilevel list for I. / 1. / 1.1. / a) / Điều / Phần -------

    def _plan_outline(self) -> None:
        items = [i for i, label in enumerate(self._labels) if label is not None and not label.bullet]
        self._type_lists_with_vietnamese_letters(items)
        items = [i for i in items if i not in self.typed]
        keys = sorted({self._labels[i].key: (self._labels[i].rule.rank, i) for i in reversed(items)}.items(),
                      key=lambda kv: kv[1])
        for key, _ in keys:
            if len(self._levels) < _MAX_LEVELS:
                self._levels[key] = len(self._levels)
        for i in items:
            if self._labels[i].key not in self._levels:
                self.typed[i] = "more list levels than Word's nine"
        items = [i for i in items if i not in self.typed]
        self._define_levels(items)
        for i in items:
            self._number(i)

    def _type_lists_with_vietnamese_letters(self, items: list[int]) -> None:
        """Word's lowerLetter prints "e" where Decree 30 puts "đ" (a, b, c, d, đ, e, g,
        ...), so a letter list that uses đ is typed by hand, the whole list, as offices
        do. A list is a run of letter items with no other outline item between and no
        letter going back ("a)" again starts a new list)."""
        run: list[int] = []

        def close() -> None:
            if any(self._labels[i].number not in _LATIN for i in run):
                for i in run:
                    self.typed[i] = "letter list uses đ, which Word's lowerLetter cannot print"
            run.clear()

        for i in items:
            label = self._labels[i]
            if label.rule.num_fmt != "lowerLetter":
                close()
                continue
            if run and _LETTER_ORDER.index(label.number) <= _LETTER_ORDER.index(self._labels[run[-1]].number):
                close()
            run.append(i)
        close()

    def _define_levels(self, items: list[int]) -> None:
        """lvlText per level. A composite label takes its leading numbers from the level
        that typed them in this document: "2.1." under "2." ("%2.%3.") in a plan, under
        "Mục 2." in another (own14); the parent is the one most items agree on."""
        votes: dict[tuple[str, str, str], Counter[tuple[str, str, str]]] = {}
        open_items: list[Label] = []
        for i in items:
            label = self._labels[i]
            while open_items and open_items[-1].rule.rank >= label.rule.rank:
                open_items.pop()
            values = label.values() or ()
            if len(values) > 1:
                for parent in reversed(open_items):
                    parent_values = parent.values() or ()
                    if parent_values == values[:-1] and (len(values) > 2 or parent.rule.num_fmt == "decimal"):
                        votes.setdefault(label.key, Counter())[parent.key] += 1
                        break
            open_items.append(label)
        for key, ilvl in self._levels.items():
            rule = next(r for r in LABEL_RULES if r.name == key[0])
            self._lvl_fmt[ilvl] = rule.num_fmt
            chain = self._chain(key, votes)
            if chain is None:
                self._lvl_text[ilvl] = ""   # no parent level types its leading numbers
                continue
            numbers = ".".join(f"%{level + 1}" for level in chain)
            self._lvl_text[ilvl] = f"{key[1]} {numbers}{key[2]}" if key[1] else f"{numbers}{key[2]}"

    def _chain(self, key: tuple[str, str, str], votes: dict[tuple[str, str, str], Counter[tuple[str, str, str]]],
               depth: int = 0) -> list[int] | None:
        """The levels whose counters a label prints, outermost first."""
        if not key[0].startswith("decimal") or depth > 4:
            return [self._levels[key]]
        found = votes.get(key)
        if not found:
            return None
        parent = found.most_common(1)[0][0]
        if parent not in self._levels or self._levels[parent] >= self._levels[key]:
            return None
        above = self._chain(parent, votes, depth + 1)
        return None if above is None else [*above, self._levels[key]]

    def _number(self, i: int) -> None:
        label = self._labels[i]
        ilvl = self._levels[label.key]
        if not self._lvl_text[ilvl]:
            self.typed[i] = "no numbered parent types the leading numbers of this label"
            return
        segment = self._segments[-1] if self._segments else None
        if segment is not None and ilvl >= segment.first_level:
            values = self._advance(segment.values, segment.starts, ilvl)
            if self._show(values, segment.starts, ilvl) == label.text:
                segment.values = values
                self.refs[i] = NumberRef(segment.num_id, ilvl)
                return
        # Word would print another number here: start a new w:num at this level, its
        # startOverride giving this item's number and the numbers its label repeats.
        chain = self._chain_of(ilvl)
        typed_values = label.values() or ()
        starts = dict(zip(chain, typed_values, strict=False)) if segment is not None else {}
        values = self._advance([None] * _MAX_LEVELS, starts, ilvl)
        if self._show(values, starts, ilvl) != label.text and not starts:
            starts = dict(zip(chain, typed_values, strict=False))
            values = self._advance([None] * _MAX_LEVELS, starts, ilvl)
        if self._show(values, starts, ilvl) != label.text:
            self.typed[i] = f"Word cannot print {label.text!r} at this level"
            return
        new = _Segment(num_id=self.BULLET_NUM + 1 + len(self._segments), first_level=ilvl, starts=starts,
                       values=values)
        self._segments.append(new)
        self.refs[i] = NumberRef(new.num_id, ilvl)

    def _chain_of(self, ilvl: int) -> list[int]:
        return [int(n) - 1 for n in re.findall(r"%(\d)", self._lvl_text[ilvl])]

    @staticmethod
    def _advance(values: list[int | None], starts: dict[int, int], ilvl: int) -> list[int | None]:
        """Word's counters after numbering one paragraph at ``ilvl``: the level counts
        on (or starts), every deeper level restarts."""
        out = list(values)
        current = out[ilvl]
        out[ilvl] = starts.get(ilvl, 1) if current is None else current + 1
        for deeper in range(ilvl + 1, _MAX_LEVELS):
            out[deeper] = None
        return out

    def _show(self, values: list[int | None], starts: dict[int, int], ilvl: int) -> str:
        def number(m: re.Match[str]) -> str:
            level = int(m.group(1)) - 1
            value = values[level]
            return _FORMATS[self._lvl_fmt[level]](starts.get(level, 1) if value is None else value)

        return re.sub(r"%(\d)", number, self._lvl_text[ilvl])

    # -- numbering.xml -----------------------------------------------------------------

    def xml(self) -> str:
        outline = []
        for ilvl in range(_MAX_LEVELS):
            fmt, text = self._lvl_fmt.get(ilvl, "decimal"), self._lvl_text.get(ilvl) or f"%{ilvl + 1}."
            outline.append(_level_xml(ilvl, fmt, text))
        by_level = {level: char for char, level in self._bullet_levels.items()}
        bullets = [_level_xml(ilvl, "bullet", by_level.get(ilvl, "-")) for ilvl in range(_MAX_LEVELS)]
        nums = [num(self.BULLET_NUM, self.BULLET_ABSTRACT)]
        nums += [num(s.num_id, self.OUTLINE_ABSTRACT, start_overrides=s.starts) for s in self._segments]
        return (abstract_num(self.OUTLINE_ABSTRACT, outline) + abstract_num(self.BULLET_ABSTRACT, bullets)
                + "".join(nums))


def _level_xml(ilvl: int, fmt: str, text: str) -> str:
    """A ``w:lvl`` laid out as Vietnamese offices lay out a body: the label on a 1 cm
    first-line indent, a tab after it (Word's default), wrapped lines at the margin."""
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f"<w:lvlText w:val={quoteattr(text)}/><w:lvlJc w:val=\"left\"/>"
            f'<w:pPr><w:ind w:left="0" w:firstLine="567"/></w:pPr></w:lvl>')


# ---------------------------------------------------------------------------------
# Layout: paragraphs, data tables, the header and signature tables.


@dataclass
class Para:
    """One paragraph to write: its text as typed, and the label Word may draw."""

    source: str
    label: Label | None = None
    content: str = ""
    centered: bool = False
    size: float | None = None
    ref: NumberRef | None = None
    body: bool = False   # a paragraph of the running text, not of a table

    @classmethod
    def of(cls, text: str, **kwargs: object) -> Para:
        label, content = split_label(text)
        return cls(source=text, label=label, content=content, **kwargs)

    @property
    def text(self) -> str:
        """What goes into the runs: without the label when Word draws it."""
        return self.content if self.ref is not None else self.source


@dataclass
class Table:
    """``cells[row][column]`` is a list of paragraphs; ``layout`` tables (header,
    signature) have no borders, data tables the "Table Grid" style."""

    cells: list[list[list[Para]]]
    layout: bool = False
    widths: list[float] | None = None    # cm per column, for a layout table
    weights: list[float] | None = None   # shares of the text width, for a data table
    minimum: list[float] | None = None   # cm a data table's column needs for its longest word
    landscape: bool = False

    def column_widths(self) -> list[float] | None:
        """A data table's widths: each column as wide as its longest word (Word's
        AutoFit never breaks inside a word: "0,2439/1,5", "thành"), the rest of the
        text width shared by the weights."""
        if self.weights is None or self.minimum is None:
            return self.widths
        total = LANDSCAPE_WIDTH if self.landscape else PORTRAIT_WIDTH
        spare = max(total - sum(self.minimum), 0.0)
        return [round(m + spare * w / sum(self.weights), 2) for m, w in zip(self.minimum, self.weights, strict=True)]


Element = Para | Table

_QUOC_HIEU = re.compile(r"CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA", re.IGNORECASE)
_MOTTO = re.compile(r"^Độc\s+lập\s*[-–]", re.IGNORECASE)
_NUMBER_LINE = re.compile(r"^Số\s*:")
_SUBJECT_LINE = re.compile(r"^V/[vV]\b")
_PLACE_DATE = re.compile(r"^[^,\d]{2,40},\s*ngày\b")
_RECEIVERS = re.compile(r"^Nơi\s+nhận\s*:?$")
#: "Phụ lục" / "Phụ lục II" alone on its line: the kind line of an appendix.
_APPENDIX = re.compile(r"^Phụ\s+lục(?:\s+[IVX\d]+)?\s*$", re.IGNORECASE)
_HEADER_SCAN = 14


def _plain(text: str) -> str:
    return text.replace("*", "").replace("_", " ").strip()


def _is_upper_line(text: str, limit: int) -> bool:
    plain = _plain(text)
    return bool(plain) and len(plain) <= limit and plain.upper() == plain and any(c.isalpha() for c in plain)


def _header_side(line: str) -> str | None:
    """"left" (agency, Số, V/v), "right" (Quốc hiệu, motto, place and date), None:
    not a header line."""
    plain = _plain(line)
    if _QUOC_HIEU.search(plain) or _MOTTO.match(plain) or _PLACE_DATE.match(plain):
        return "right"
    if _NUMBER_LINE.match(plain) or _SUBJECT_LINE.match(plain) or _is_upper_line(plain, 80):
        return "left"
    return None


def _header_table(blocks: list[Block]) -> tuple[Table | None, int]:
    """The Decree 30 header as offices lay it out (Phụ lục I): a borderless table,
    agency over "Số:" on the left, Quốc hiệu and motto over place and date on the
    right. Only when the document has a Quốc hiệu and it is not already a table."""
    scan = blocks[:_HEADER_SCAN]
    if not any(b.kind == "paragraph" and _QUOC_HIEU.search(_plain(b.text)) for b in scan):
        return None, 0
    lines: list[str] = []
    end = 0
    for block in scan:
        parts = block.cells if block.kind == "row" and block.cells is not None else [block.text]
        parts = [p for p in parts if p.strip()]
        if not parts or any(_header_side(p) is None for p in parts):
            break
        if _is_upper_line(parts[0], 80) and _header_side(parts[0]) == "left" and lines and \
                any(_NUMBER_LINE.match(_plain(x)) for x in lines):
            break   # "KẾ HOẠCH" after "Số:": the kind line opens the body
        lines.extend(parts)
        end += 1
    if not any(_QUOC_HIEU.search(_plain(line)) for line in lines):
        return None, 0
    agency = [x for x in lines if _header_side(x) == "left" and not _NUMBER_LINE.match(_plain(x))
              and not _SUBJECT_LINE.match(_plain(x))]
    number = [x for x in lines if _NUMBER_LINE.match(_plain(x)) or _SUBJECT_LINE.match(_plain(x))]
    national = [x for x in lines if _QUOC_HIEU.search(_plain(x)) or _MOTTO.match(_plain(x))]
    dated = [x for x in lines if _PLACE_DATE.match(_plain(x))]

    def cell(texts: list[str]) -> list[Para]:
        return [Para.of(t, centered=True, size=12) for t in texts] or [Para(source="")]

    table = Table(cells=[[cell(agency), cell(national)], [cell(number), cell(dated)]], layout=True,
                  widths=[6.0, 10.5])
    return table, end


@dataclass(frozen=True)
class _Signature:
    start: int
    end: int
    table: Table


def _signatures(blocks: list[Block], start: int) -> Iterator[_Signature]:
    """"Nơi nhận:" and its list bottom left, the signing authority and the signer's
    name bottom right, in one borderless row (Decree 30, Phụ lục I)."""
    i = start
    while i < len(blocks):
        if blocks[i].kind != "paragraph" or not _RECEIVERS.match(_plain(blocks[i].text)):
            i += 1
            continue
        j = i + 1
        while j < len(blocks) and blocks[j].kind == "paragraph" and _plain(blocks[j].text)[:1] in "-+":
            j += 1
        authority = j
        while j < len(blocks) and blocks[j].kind == "paragraph" and _is_upper_line(blocks[j].text, 60) \
                and split_label(blocks[j].text)[0] is None:
            j += 1
        if j == authority:
            i = j
            continue
        name = _plain(blocks[j].text) if j < len(blocks) and blocks[j].kind == "paragraph" else ""
        if name and len(name) <= 40 and len(name.split()) <= 6 and name[:1].isupper() and \
                not any(c.isdigit() for c in name) and not name.endswith((".", ":", ";")):
            j += 1
        left = [Para.of(b.text, size=11) for b in blocks[i:authority]]
        right = [Para.of(b.text, centered=True) for b in blocks[authority:j]]
        if j - authority > 1 and not _is_upper_line(blocks[j - 1].text, 60):
            right[-1:-1] = [Para(source="", centered=True) for _ in range(3)]   # room to sign
        yield _Signature(i, j, Table(cells=[[left, right]], layout=True, widths=[7.5, 8.5]))
        i = j


def layout(blocks: list[Block]) -> list[Element]:
    """The document's paragraphs and tables in order."""
    header, i = _header_table(blocks)
    elements: list[Element] = [header] if header is not None else []
    signatures = {s.start: s for s in _signatures(blocks, i)}
    while i < len(blocks):
        if i in signatures:
            elements.append(signatures[i].table)
            i = signatures[i].end
            continue
        block = blocks[i]
        if block.kind == "row":
            rows: list[list[str]] = []
            while i < len(blocks) and blocks[i].kind == "row" and blocks[i].origin.table == block.origin.table:
                rows.append(list(blocks[i].cells or [blocks[i].text]))
                i += 1
            elements.append(_data_table(rows))
            if any(_QUOC_HIEU.search(_plain(c)) or _RECEIVERS.match(_plain(c).split(" -")[0]) for row in rows for c in row):
                # A portal's flattened header or signature ("| ỦY BAN NHÂN DÂN ... | CỘNG
                # HÒA ... |", hk07): in Word the same borderless layout table.
                elements[-1] = Table(cells=[[[Para(source=c, centered=True, size=12)] for c in row] for row in rows],
                                     layout=True, widths=[6.0, 10.5] if len(rows[0]) == 2 else None)
            continue
        elements.append(Para.of(block.text, body=True))
        i += 1
    _center_titles(elements)
    return elements


#: Text width in cm between Decree 30 margins (30 mm left, 15 mm right) on A4.
PORTRAIT_WIDTH, LANDSCAPE_WIDTH = 16.5, 25.2
#: Width in cm of a character of 11 pt Times New Roman, wide ones counted (digits,
#: capitals), and of a cell's left and right margins together.
CHAR_WIDTH, CELL_PADDING = 0.23, 0.4
#: Tables this wide go on landscape pages, as a "Phụ lục" of assignments does.
LANDSCAPE_COLUMNS = 6


def _data_table(rows: list[list[str]]) -> Table:
    """An assignment table with column widths that follow its text, as Word's
    AutoFit leaves them: "STT" narrow, "Nội dung nhiệm vụ" wide."""
    columns = max(len(row) for row in rows)
    lengths = [[len(row[c]) for row in rows if c < len(row) and len(row) == columns] or [10] for c in range(columns)]
    weights = [min(max(sum(column) / len(column), 3.0), 120.0) ** 0.6 for column in lengths]
    longest = [max((len(word) for row in rows if c < len(row) and len(row) == columns
                    for word in _plain(row[c]).split()), default=1) for c in range(columns)]
    return Table(cells=[[[Para(source=c, size=11)] for c in row] for row in rows], weights=weights,
                 minimum=[CELL_PADDING + CHAR_WIDTH * n for n in longest], landscape=columns >= LANDSCAPE_COLUMNS)


def _landscape_starts(elements: list[Element]) -> set[int]:
    """Where each landscape page run begins: at the appendix's centred title lines
    above the table ("PHỤ LỤC / DANH MỤC NHIỆM VỤ ... / (Kèm theo Kế hoạch ...)"), as
    offices turn the whole appendix. LibreOffice (7.4) drops a section break that a
    table directly follows, so a wide table with no title above stays portrait."""
    starts = set()
    for position, element in enumerate(elements):
        if not isinstance(element, Table) or not element.landscape:
            continue
        start = position
        while start > 0 and isinstance(elements[start - 1], Para) and elements[start - 1].centered:
            start -= 1
        if start == position and position > 0:
            element.landscape = False
        else:
            starts.add(start)
    return starts


def _center_titles(elements: list[Element]) -> None:
    """Centre what offices centre: the kind ("KẾ HOẠCH"), "QUYẾT ĐỊNH:", the issuing
    authority of a decision, and the title lines under the kind (short, no label, no
    sentence end: "Cải thiện, nâng cao Chỉ số cải cách hành chính ... năm 2025")."""
    title_lines = 0
    for element in elements:
        if not isinstance(element, Para):
            title_lines = 0
            continue
        if element.label is None and (_is_upper_line(element.source, 120) or _APPENDIX.match(_plain(element.source))):
            element.centered = True
            title_lines = 3
        elif title_lines and element.label is None and len(_plain(element.source)) <= 250 and \
                not _plain(element.source).endswith((".", ";", ":")):
            element.centered = True
            title_lines -= 1
        else:
            title_lines = 0


def paragraphs(elements: Sequence[Element]) -> Iterator[Para]:
    """Every paragraph in reading order: a table row by row, a layout table column by
    column (as Word's reader and the eye read the header)."""
    for element in elements:
        if isinstance(element, Para):
            yield element
            continue
        columns = range(max(len(row) for row in element.cells))
        if element.layout:
            for c in columns:
                for row in element.cells:
                    if c < len(row):
                        yield from row[c]
        else:
            for row in element.cells:
                for cell in row:
                    yield from cell


# ---------------------------------------------------------------------------------
# Writing the .docx with python-docx.

#: Markdown emphasis markers touching text, as parsers.text.normalize strips them.
_EMPHASIS = re.compile(r"\*{1,3}(?=\S)|(?<=\S)\*{1,3}")


def _runs(text: str) -> list[tuple[str, bool, bool]]:
    """``(text, bold, italic)`` pieces of a line with ``**bold**`` and ``*italic*``. A
    closing marker with nothing open ("CHỦ TỊCH**", the second line of a bold span
    in seed 000) makes the line so far bold, as the span meant."""
    pieces: list[tuple[str, bool, bool]] = []
    bold = italic = False
    position = 0
    for m in _EMPHASIS.finditer(text):
        if m.start() > position:
            pieces.append((text[position:m.start()], bold, italic))
        stars = len(m.group())
        closing = m.start() > 0 and not text[m.start() - 1].isspace()
        toggles_bold, toggles_italic = stars >= 2, stars != 2
        if closing and toggles_bold and not bold:
            pieces = [(t, True, i) for t, _, i in pieces]
        elif toggles_bold:
            bold = not bold
        if closing and toggles_italic and not italic:
            pieces = [(t, b, True) for t, b, _ in pieces]
        elif toggles_italic:
            italic = not italic
        position = m.end()
    if position < len(text):
        pieces.append((text[position:], bold, italic))
    return [piece for piece in pieces if piece[0]]


def _write_paragraph(paragraph: Paragraph, para: Para) -> None:
    for text, bold, italic in _runs(para.text):
        run = paragraph.add_run(text)
        run.bold = bold or None
        run.italic = italic or None
        if para.size:
            run.font.size = Pt(para.size)
    if para.centered:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif para.body:
        # Decree 30 body text: justified, a first-line indent of 1 cm (a numbered
        # paragraph takes its indent from the list level).
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        if para.ref is None:
            paragraph.paragraph_format.first_line_indent = Cm(1)
    if para.ref is not None:
        # python-docx has no list API; its oxml classes know w:numPr.
        numpr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        numpr.get_or_add_ilvl().val = para.ref.ilvl
        numpr.get_or_add_numId().val = para.ref.num_id


def _fill(cell: _Cell, paras: list[Para]) -> None:
    for k, para in enumerate(paras):
        _write_paragraph(cell.paragraphs[0] if k == 0 else cell.add_paragraph(), para)


def _page(section: Section, landscape: bool) -> None:
    """A4, Decree 30 margins (Phụ lục I: top and bottom 20-25 mm, left 30-35 mm,
    right 15-20 mm); a landscape page keeps them on the same sides."""
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)


def _setup(document: WordDocument) -> None:
    """Portrait A4 and Times New Roman 13 pt, the body text of Decree 30."""
    _page(document.sections[0], landscape=False)
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(13)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "Times New Roman")
    normal.paragraph_format.space_after = Pt(6)


def _set_widths(table: WordTable, widths: list[float]) -> None:
    """Grid and cell widths; a merged cell is as wide as the columns it spans."""
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)
    for row in table.rows:
        column = 0
        for tc in row._tr.tc_lst:   # python-docx's row.cells repeats a merged cell
            tc.width = Cm(sum(widths[column:column + tc.grid_span]))
            column += tc.grid_span


def render_docx(source: Path) -> bytes:
    """The .docx bytes of a plain-text document (a seed, one of corpus/own)."""
    data = source.read_bytes()
    raw = text_format.read(source, data, hashlib.sha256(data).hexdigest())
    elements = layout(raw.blocks)
    paras = list(paragraphs(elements))
    plan = NumberingPlan([p.label for p in paras])
    for para, ref in zip(paras, plan.refs, strict=True):
        para.ref = ref
    document = new_document()
    _setup(document)
    landscape_starts = _landscape_starts(elements)
    for position, element in enumerate(elements):
        if position in landscape_starts:
            section = document.sections[0] if position == 0 else document.add_section(WD_SECTION.NEW_PAGE)
            _page(section, landscape=True)
        if isinstance(element, Para):
            _write_paragraph(document.add_paragraph(), element)
            continue
        columns = max(len(row) for row in element.cells)
        table = document.add_table(rows=len(element.cells), cols=columns)
        if not element.layout:
            table.style = document.styles["Table Grid"]
        for r, row in enumerate(element.cells):
            if len(row) < columns:
                # A short row ("I<TAB>CẢI CÁCH THỂ CHẾ", a group heading): its last
                # cell spans the rest of the row, as the drafter merged it.
                table.cell(r, len(row) - 1).merge(table.cell(r, columns - 1))
            for c, paras_in_cell in enumerate(row):
                _fill(table.cell(r, c), paras_in_cell)
        widths = element.column_widths()
        if widths:
            _set_widths(table, widths)
        if element.landscape and position + 1 < len(elements):
            _page(document.add_section(WD_SECTION.NEW_PAGE), landscape=False)
    set_numbering(document, plan.xml())
    return to_bytes(document)
