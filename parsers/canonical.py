"""Canonical units: one name and one kind for every way a plan prints a unit.

A plan of huyện Lộc Bình says ``Phòng Nội vụ``; the commune plan that implements it
says ``Phòng Nội vụ huyện``; one office writes ``VP HĐND&UBND huyện`` for what another
calls ``Văn phòng HĐND và UBND huyện``. :func:`resolve_unit` gives each mention

- ``canonical``: the unit itself, abbreviations expanded, spelling and tone placement
  settled, and its locality attached where the text leaves it implicit —
  ``Phòng Nội vụ huyện Lộc Bình``;
- ``unit_type``: the same without the locality (``Phòng Nội vụ``), what lines up the
  same office across districts;
- ``kind``: sở, phòng, UBND cấp xã, công chức chức danh, đoàn thể, … (units.tsv);
- ``locality``: the named locality the unit belongs to, when one is known;
- ``collective``: whether the mention means a group (``các sở, ban, ngành``, ``UBND
  các xã, thị trấn``), which stays one group and is never split into invented units;
- ``in_force``: whether the name was in force on the document's date (Nghị định
  150/2025/NĐ-CP reorganised commune offices and ended the district level on
  1 July 2025; a 2026 plan still naming ``Phòng Nội vụ`` is flagged).

The printed text is never changed; the resolution is kept beside it.

Where nothing names the locality, the canonical name says so in parentheses rather
than guess, so that two different units never share a name:

- ``(huyện Châu Thành)`` — a group within the issuer's locality: ``Công an xã`` in a
  district plan means the police of every commune of that district;
- ``(cấp trên của xã Tri Phương)`` — a unit above the issuer whose name the document
  does not give: ``Sở Nội vụ`` in a commune plan;
- ``(chưa rõ tên; 001_…txt)`` — the issuer's own locality is not named anywhere.

The issuer's locality comes from the Decree 30 header (``ỦY BAN NHÂN DÂN HUYỆN CHÂU
THÀNH``), else from the opening text: an appendix's ``(Kèm theo Kế hoạch … của UBND
huyện Lộc Bình)``, or a self-reference (``UBND xã ban hành Kế hoạch``) named by the
place line (``Tri Phương, ngày …``). Higher localities the opening names once
(``UBND huyện Trảng Định``) complete the chain.

Everything here is pure: the dictionary is data (``parsers/data/units.tsv`` and
``unit_abbreviations.tsv``), read once.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from pathlib import Path

from parsers.text.keys import is_syllable, match_key, place_tone
from schemas import Task, UnitMention

_DATA = Path(__file__).resolve().parent / "data"

#: Tiers of government, top down. ``trung ương`` is a ministry and its units.
TIERS = {"trung ương": 0, "tỉnh": 1, "huyện": 2, "xã": 3}

#: Level words of local government and the tier each names (Luật Tổ chức chính quyền
#: địa phương 2015, Điều 2; đặc khu from the 2025 law). ``thành phố`` is a province
#: for the cities in CENTRAL_CITIES and a district otherwise.
LEVEL_WORDS: dict[tuple[str, ...], str] = {
    ("tỉnh",): "tỉnh", ("thành", "phố"): "huyện", ("huyện",): "huyện", ("quận",): "huyện",
    ("thị", "xã"): "huyện", ("xã",): "xã", ("phường",): "xã", ("thị", "trấn"): "xã",
    ("đặc", "khu"): "xã",
}
#: The first day without a district level (Nghị quyết 202/2025/QH15; Luật Tổ chức
#: chính quyền địa phương 2025).
DISTRICTS_END = date(2025, 7, 1)
#: Cities directly under the central government (Huế since 1 January 2025).
CENTRAL_CITIES = frozenset({"hà nội", "hồ chí minh", "hải phòng", "đà nẵng", "cần thơ", "huế"})
#: A level word followed by one of these is part of another word: ``xã hội``,
#: ``huyện đoàn``, ``tỉnh ủy``.
_NOT_LEVEL_AFTER = frozenset({"hội", "ủy", "đoàn", "đội", "lộ"})
#: The one order a plural list of level words is written in.
_LEVEL_ORDER = ("tỉnh", "huyện", "quận", "thị xã", "thành phố", "xã", "phường", "thị trấn", "đặc khu")

#: Kinds of the issuing agency whose own sub-units a plan names without saying whose
#: they are (``Văn phòng Sở``, ``Cục Công nghệ thông tin`` in a Bộ Tư pháp plan).
_AGENCY_KINDS = frozenset({"sở", "bộ, ngành trung ương"})
_AGENCY_UNITS = frozenset({"phòng", "văn phòng", "thanh tra", "chi cục", "đơn vị thuộc bộ",
                           "đơn vị sự nghiệp", "tổ, đội", "bộ phận", "cơ quan, đơn vị"})

UNKNOWN_KIND = "chưa phân loại"

_TOKEN = re.compile(r"\w+|[^\w\s]")
_DASHES = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2015\u2212")
_SKIP = frozenset(".*_\"'“”‘’`")


@dataclass(frozen=True, slots=True)
class _Tok:
    text: str            # as a canonical name writes it
    key: str             # match key (case, tone placement and dash form settled)
    fixed: bool = False  # text comes from the dictionary or the issuer: keep its case


@dataclass(frozen=True, slots=True)
class Entry:
    """One row of units.tsv."""

    name: str
    match: str
    kind: str
    tier: str
    collective: bool
    keys: tuple[tuple[str, ...], ...]
    valid_from: date | None
    valid_to: date | None
    source: str

    def in_force(self, when: str | None) -> bool | None:
        """Whether the name was in force at a (possibly partial) ISO date."""
        if not when:
            return None
        start, end = _date_range(when)
        return (self.valid_to is None or start <= self.valid_to) and (
            self.valid_from is None or end >= self.valid_from)


@dataclass(frozen=True, slots=True)
class Locality:
    """``huyện Lộc Bình``: a level word and, when known, the name."""

    level: str
    name: str | None

    @property
    def tier(self) -> str:
        if self.level == "thành phố" and self.name and match_key(self.name) in CENTRAL_CITIES:
            return "tỉnh"
        return LEVEL_WORDS[tuple(self.level.split())]

    def render(self) -> str:
        return f"{self.level} {self.name}" if self.name else self.level


@dataclass(frozen=True, slots=True)
class Context:
    """What a document tells about where its units are: the issuer's localities from
    the top down, the issuing agency when it is a sở or a bộ, the document's date."""

    chain: tuple[Locality, ...] = ()
    agency: str | None = None
    agency_kind: str | None = None
    date: str | None = None
    source: str | None = None

    @property
    def tier(self) -> str | None:
        if self.chain:
            return self.chain[-1].tier
        return "trung ương" if self.agency_kind == "bộ, ngành trung ương" else None

    def at(self, tier: str) -> Locality | None:
        return next((loc for loc in self.chain if loc.tier == tier), None)

    def find(self, level: str) -> Locality | None:
        """The chain's locality printed with this level word (``thị xã`` is not a
        ``huyện``: a mismatch is not completed)."""
        return next((loc for loc in reversed(self.chain) if loc.level == level), None)

    def own(self) -> str | None:
        if self.chain and self.chain[-1].name:
            return self.chain[-1].render()
        return self.agency

    def unknown(self) -> str:
        return f"chưa rõ tên; {self.source}" if self.source else "chưa rõ tên"


@dataclass(frozen=True, slots=True)
class Resolution:
    """A unit mention resolved: see the module docstring for each field."""

    text: str
    canonical: str
    unit_type: str
    kind: str
    locality: str | None
    collective: bool
    in_force: bool | None


# ------------------------------------------------------------------ dictionary


def _rows(name: str) -> list[dict[str, str]]:
    lines = [line for line in (_DATA / name).read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, (line.split("\t") + [""] * len(header))[:len(header)], strict=True))
            for line in lines[1:]]


def _keys(text: str) -> tuple[str, ...]:
    return tuple(t.key for t in _expand(_tokens(text)))


@cache
def entries() -> tuple[Entry, ...]:
    """The dictionary, in file order."""
    out = []
    for row in _rows("units.tsv"):
        names = [row["name"], *(v for v in row["variants"].split("|") if v.strip())]
        out.append(Entry(
            name=row["name"], match=row["match"], kind=row["kind"], tier=row["tier"],
            collective=row["collective"] == "1", keys=tuple(dict.fromkeys(_keys(n) for n in names)),
            valid_from=date.fromisoformat(row["valid_from"]) if row["valid_from"] else None,
            valid_to=date.fromisoformat(row["valid_to"]) if row["valid_to"] else None,
            source=row["source"]))
    return tuple(out)


@cache
def _abbreviations() -> dict[str, list[tuple[tuple[str, ...], tuple[_Tok, ...]]]]:
    """First key → [(key sequence, expansion tokens)], longest first."""
    index: dict[str, list[tuple[tuple[str, ...], tuple[_Tok, ...]]]] = {}
    for row in _rows("unit_abbreviations.tsv"):
        expansion = tuple(_Tok(t.text, t.key, fixed=True) for t in _tokens(row["expansion"]))
        for variant in row["variants"].split("|"):
            keys = tuple(t.key for t in _tokens(variant))
            index.setdefault(keys[0], []).append((keys, expansion))
    for options in index.values():
        options.sort(key=lambda o: -len(o[0]))
    return index


@cache
def _index() -> dict[str, list[tuple[tuple[str, ...], int]]]:
    """First key → [(key sequence, entry number)], longest first."""
    index: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    for n, entry in enumerate(entries()):
        for keys in entry.keys:
            index.setdefault(keys[0], []).append((keys, n))
    for options in index.values():
        options.sort(key=lambda o: -len(o[0]))
    return index


# ------------------------------------------------------------------ tokens


def _tokens(text: str) -> list[_Tok]:
    """Words and punctuation, ``&`` read as ``và``, quotes and bold marks dropped."""
    text = unicodedata.normalize("NFC", text).replace("&", " và ")
    out = []
    for m in _TOKEN.finditer(text):
        t = m.group()
        if t in _SKIP:
            continue
        if t in _DASHES:
            out.append(_Tok("-", "-"))
        elif t[0].isalnum():
            out.append(_Tok(_tidy(t), match_key(t)))
        else:
            out.append(_Tok(t, t))
    return out


def _tidy(word: str) -> str:
    """A word with its tone placed by the key convention, its case kept: ``Hoà`` →
    ``Hòa``; an all-capital syllable reads as a capitalised one (``NỘI`` → ``Nội``),
    an abbreviation stays (``UBND``)."""
    if len(word) > 1 and word.isupper() and not is_syllable(word):
        return word
    fixed = place_tone(word.lower())
    if word.islower():
        return fixed
    return fixed[:1].upper() + fixed[1:] if word[0].isupper() else word


def _expand(toks: list[_Tok]) -> list[_Tok]:
    """Abbreviations replaced by their expansions (``UBND`` → ``Ủy ban nhân dân``)."""
    table = _abbreviations()
    out: list[_Tok] = []
    i = 0
    while i < len(toks):
        for keys, expansion in table.get(toks[i].key, ()):
            if tuple(t.key for t in toks[i:i + len(keys)]) == keys:
                out.extend(expansion)
                i += len(keys)
                break
        else:
            out.append(toks[i])
            i += 1
    return out


def _without_parentheses(toks: list[_Tok]) -> list[_Tok]:
    """``công chức Văn hoá – xã hội (phụ trách Văn hoá – Thông tin)``: the remark in
    parentheses is not part of the name."""
    out, depth = [], 0
    for t in toks:
        if t.key == "(":
            depth += 1
        elif t.key == ")":
            depth = max(0, depth - 1)
        elif not depth:
            out.append(t)
    return out


def _render(toks: list[_Tok]) -> str:
    text = ""
    for t in toks:
        if t.key == "-":
            text += " - "
        elif t.key in (",", ";", ")", ":"):
            text = text.rstrip() + t.text + " "
        elif t.key == "(":
            text += " ("
        else:
            text += ("" if not text or text.endswith(("(", " ")) else " ") + t.text
    return re.sub(r"\s+", " ", text).replace("( ", "(").strip(" ,;")


def _capitalised(t: _Tok) -> bool:
    return bool(t.text) and (t.text[0].isupper() or t.text[0].isdigit())


#: Level words by their first word, longest first.
_LEVEL_INDEX: dict[str, tuple[tuple[str, ...], ...]] = {
    first: tuple(sorted((w for w in LEVEL_WORDS if w[0] == first), key=len, reverse=True))
    for first in {w[0] for w in LEVEL_WORDS}}


def _level_at(toks: list[_Tok], i: int) -> tuple[str, ...] | None:
    if i >= len(toks):
        return None
    for words in _LEVEL_INDEX.get(toks[i].key, ()):
        if tuple(t.key for t in toks[i:i + len(words)]) == words:
            after = toks[i + len(words)].key if i + len(words) < len(toks) else None
            if after not in _NOT_LEVEL_AFTER:
                return words
    return None


def _names_after(toks: list[_Tok], i: int) -> int:
    """End of a list of proper names: ``Đình Bảng, Tân Hồng``."""
    end = _name_after(toks, i)
    while end + 1 < len(toks) and toks[end].key in (",", "và") and _name_after(toks, end + 1) > end + 1:
        end = _name_after(toks, end + 1)
    return end


def _ordered_levels(toks: list[_Tok]) -> list[_Tok]:
    """``các huyện, thành phố, thị xã`` and ``các huyện, thị xã, thành phố`` name one
    group: a plural list of bare level words is put in one order."""
    out: list[_Tok] = []
    i = 0
    while i < len(toks):
        out.append(toks[i])
        if not _is_plural_marker(toks, i):
            i += 1
            continue
        j, levels = i + 1, []
        while (words := _level_at(toks, j)) is not None:
            levels.append(toks[j:j + len(words)])
            j += len(words)
            if _name_after(toks, j) > j:
                break
            if j < len(toks) - 1 and toks[j].key in (",", "và") and _level_at(toks, j + 1):
                j += 1
            else:
                break
        if len(levels) > 1 and _name_after(toks, j) == j:
            levels.sort(key=lambda ws: _LEVEL_ORDER.index(" ".join(t.key for t in ws)))
            for k, ws in enumerate(levels):
                if k:
                    out.append(_Tok(",", ","))
                out.extend(ws)
            i = j
        else:
            i += 1
    return out


def _name_after(toks: list[_Tok], i: int) -> int:
    """End of the proper name starting at ``i`` (capitalised words, or a ward number)."""
    j = i
    while j < len(toks) and j - i < 5 and _capitalised(toks[j]) and toks[j].key not in ("sở", "bộ"):
        j += 1
    return j


# ------------------------------------------------------------------ matching


@dataclass(frozen=True, slots=True)
class _Match:
    entry: Entry
    length: int


def _longest(toks: list[_Tok], i: int, matches: frozenset[str], ctx: Context) -> _Match | None:
    """The longest dictionary name at ``i``; among entries of the same length (one
    name at two tiers, before and after 2025) the one whose tier the mention's level
    word or else the issuer gives, then the one in force at the document's date:
    ``Phòng Kinh tế`` in a 2026 commune plan is the commune's (Nghị định 150/2025),
    in a 2021 district plan the district's."""
    if i >= len(toks):
        return None
    table = entries()
    found: list[tuple[int, int]] = []
    for keys, n in _index().get(toks[i].key, ()):
        if table[n].match in matches and tuple(t.key for t in toks[i:i + len(keys)]) == keys:
            if found and len(keys) < found[0][0]:
                break
            found.append((len(keys), n))
    if not found:
        return None
    length = found[0][0]
    level = next((LEVEL_WORDS[w] for k in range(i + length, len(toks)) if (w := _level_at(toks, k))), None)
    tier = level or ctx.tier

    def preference(n: int) -> tuple[bool, bool, int]:
        entry = table[n]
        return entry.tier in (tier, "*"), entry.in_force(ctx.date) is not False, -n

    best = max((n for _, n in found), key=preference)
    return _Match(table[best], length)


@dataclass
class _Placed:
    """The rest of a mention after its name, with bare level words completed."""

    toks: list[_Tok]
    locality: Locality | None = None   # the last locality named or completed
    relation: str | None = None         # explicit | own | upper | lower | unknown | plural
    agency: bool = False                # a bare "Sở"/"Bộ" became the issuing agency's name
    tier: str | None = None             # the tier of the first level word


def _is_plural_marker(toks: list[_Tok], i: int) -> bool:
    """``các`` makes a group, except inside a proper name (``Vụ Các vấn đề chung``)."""
    return toks[i].key == "các" and (i == 0 or toks[i].text.islower())


def _place(rest: list[_Tok], ctx: Context) -> _Placed:
    """Complete each bare level word with the issuer's name for it: ``Văn phòng HĐND
    và UBND huyện`` in a plan of huyện Lộc Bình → ``… huyện Lộc Bình``. A level word
    after ``các`` is a plural (``UBND các xã, thị trấn``) and one after ``cấp`` a tier
    (``các ban, ngành cấp tỉnh``): both stay bare. A bare ``Sở``/``Bộ`` in a plan of
    a sở or a bộ is that agency (``Văn phòng Sở``)."""
    placed = _Placed([])
    plural = False
    i = 0
    while i < len(rest):
        t = rest[i]
        words = _level_at(rest, i)
        if words is None:
            if (t.key in ("sở", "bộ") and t.text[0].isupper() and not plural and ctx.agency
                    and ctx.agency_kind in _AGENCY_KINDS and match_key(ctx.agency).startswith(t.key)
                    and (i + 1 == len(rest) or not _capitalised(rest[i + 1]))):
                placed.toks.extend(_Tok(w, match_key(w), fixed=True) for w in ctx.agency.split())
                placed.agency = True
            else:
                placed.toks.append(t)
            if _is_plural_marker(rest, i):
                plural = True
            elif t.key not in (",", "và", "-", "cấp"):
                plural = False
            i += 1
            continue
        level = " ".join(words)
        tier = LEVEL_WORDS[words]
        placed.tier = placed.tier or tier
        after_cap = i > 0 and rest[i - 1].key == "cấp"
        placed.toks.extend(rest[i:i + len(words)])
        i += len(words)
        end = _name_after(rest, i)
        if end > i and plural:                     # "các phường Đình Bảng, Tân Hồng"
            end = _names_after(rest, i)
            placed.relation = "named"
            placed.toks.extend(rest[i:end])
            i = end
            continue
        if end > i and not after_cap:
            placed.locality = Locality(level, _render(rest[i:end]))
            placed.relation = "explicit"
            placed.toks.extend(rest[i:end])
            i = end
            continue
        if plural or after_cap:
            placed.relation = placed.relation or "plural"
            continue
        known = ctx.find(level)
        if known and known.name:
            placed.toks.extend(_Tok(w, match_key(w), fixed=True) for w in known.name.split())
            placed.locality = known
            placed.relation = "own" if known is ctx.chain[-1] else "upper"
        elif ctx.tier and ctx.tier != "trung ương" and TIERS[tier] > TIERS[ctx.tier]:
            placed.locality, placed.relation = Locality(level, None), "lower"
        elif ctx.tier and TIERS[tier] < TIERS[ctx.tier]:
            placed.locality, placed.relation = Locality(level, None), "upper"
        else:
            placed.locality, placed.relation = Locality(level, None), "unknown"
    return placed


def _scope(placed: _Placed, ctx: Context) -> str | None:
    """The parenthesised note for a locality the text does not name."""
    if placed.relation == "named":
        return None
    if placed.relation == "lower" or placed.relation == "plural":
        return ctx.own()
    if placed.relation == "upper":
        if placed.locality and placed.locality.name:
            return None
        return f"cấp trên của {ctx.own()}" if ctx.own() else ctx.unknown()
    if placed.relation == "unknown":
        return ctx.unknown()
    return None


def _implicit(entry: Entry, ctx: Context) -> tuple[Locality | None, str | None, bool]:
    """Locality for a complete name printed without one (``Phòng Nội vụ``):
    ``(locality, scope note, collective)``."""
    tier = ctx.tier if entry.tier == "*" else entry.tier
    if tier == "trung ương" or (tier is None and entry.tier == "*"):
        return None, (ctx.unknown() if not ctx.own() and entry.tier == "*" else None), False
    if not ctx.tier or ctx.tier == "trung ương":
        return None, ctx.own() or ctx.unknown(), False
    if TIERS[tier] > TIERS[ctx.tier]:
        return None, ctx.own(), True
    known = ctx.at(tier)
    if known and known.name:
        return known, None, False
    if TIERS[tier] < TIERS[ctx.tier]:
        return None, f"cấp trên của {ctx.own()}" if ctx.own() else ctx.unknown(), False
    return None, ctx.unknown(), False


def _kind(entry: Entry, tier: str | None) -> str:
    if "{cấp}" not in entry.kind:
        return entry.kind
    return entry.kind.replace("{cấp}", f"cấp {tier}" if tier in ("tỉnh", "huyện", "xã") else "").strip()


def _self_located(toks: list[_Tok]) -> bool:
    """``Báo Gia Lai``, ``Viettel Đắk Lắk``: a head's name that ends in a place name."""
    return len(toks) >= 2 and all(_capitalised(t) and not t.fixed for t in toks[-2:])


def _with_scope(name: str, scope: str | None) -> str:
    return f"{name} ({scope})" if scope else name


@lru_cache(maxsize=8192)
def resolve_unit(text: str, ctx: Context = Context()) -> Resolution:
    """Resolve one unit mention as printed.

    >>> ctx = context(issuer="ỦY BAN NHÂN DÂN HUYỆN LỘC BÌNH", date="2024-01")
    >>> resolve_unit("Phòng Nội vụ", ctx).canonical
    'Phòng Nội vụ huyện Lộc Bình'
    >>> r = resolve_unit("VP HĐND&UBND huyện", ctx)
    >>> r.canonical, r.kind
    ('Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện Lộc Bình', 'văn phòng')
    >>> r = resolve_unit("UBND các xã, thị trấn", ctx)
    >>> r.canonical, r.kind, r.collective
    ('Ủy ban nhân dân các xã, thị trấn (huyện Lộc Bình)', 'UBND cấp xã', True)
    """
    toks = _without_parentheses(_expand(_tokens(text)))
    if not toks:
        return Resolution(text, _with_scope(text.strip(), ctx.own()), text.strip(), UNKNOWN_KIND,
                          None, False, None)
    title = _longest(toks, 0, frozenset({"title"}), ctx)
    start = title.length if title else 0
    head_at = start
    while head_at < len(toks) and toks[head_at].key == "các":
        head_at += 1
    unit = _longest(toks, head_at, frozenset({"name", "head"}), ctx)
    if unit is None:
        return _unmatched(text, toks, title, ctx)
    m = _Mention(text, toks, title, start, head_at, unit, ctx)
    if m.collective:
        return _as_group(m)
    return _as_head(m) if unit.entry.match == "head" else _as_name(m)


@dataclass
class _Mention:
    """A mention split into its parts: ``[title] [các] name rest``."""

    text: str
    toks: list[_Tok]
    title: _Match | None
    start: int                  # where the title ends
    head_at: int                # where the unit's name starts
    unit: _Match
    ctx: Context

    def __post_init__(self) -> None:
        self.entry = self.unit.entry
        self.rest = self.toks[self.head_at + self.unit.length:]
        self.placed = _place(self.rest, self.ctx)
        self.in_force = self.entry.in_force(self.ctx.date)
        self.prefix = f"{self.title.entry.name} " if self.title else ""
        plural = any(_is_plural_marker(self.toks, i) for i in range(len(self.toks)))
        self.collective = (plural or self.entry.collective or self.placed.relation in ("lower", "plural")
                           or _joins_group(self.rest, self.ctx))

    def kind(self, tier: str | None) -> str:
        return self.title.entry.kind if self.title else _kind(self.entry, tier)

    def resolution(self, canonical: str, unit_type: str, kind: str, locality: str | None,
                   collective: bool = False) -> Resolution:
        return Resolution(self.text, canonical, unit_type, kind, locality, collective, self.in_force)


def _unmatched(text: str, toks: list[_Tok], title: _Match | None, ctx: Context) -> Resolution:
    """A mention no dictionary name opens: kept as printed (abbreviations expanded),
    placed in the issuer's locality; ``Người đứng đầu`` alone is a title over everyone."""
    if title and title.length >= len(toks):
        return Resolution(text, _with_scope(title.entry.name, ctx.own() or ctx.unknown()), title.entry.name,
                          title.entry.kind, None, True, title.entry.in_force(ctx.date))
    placed = _place(toks, ctx)
    name = _capital(_render(placed.toks))
    scope = _scope(placed, ctx) or (None if placed.locality or placed.agency else ctx.own())
    plural = any(_is_plural_marker(toks, i) for i in range(len(toks)))
    return Resolution(text, _with_scope(name, scope), _capital(_render(_unnamed(toks, True))),
                      UNKNOWN_KIND, _named(placed.locality), plural, None)


def _as_group(m: _Mention) -> Resolution:
    """A collective, as one group: its words in the dictionary's spelling, plural level
    words in one order, and the issuer's locality as scope where none is named."""
    toks = _ordered_levels(_canonical_words(m.toks, m.title, m.start, m.head_at, m.unit))
    whole = _place(toks, m.ctx)
    scope = None if whole.agency else _scope(whole, m.ctx)
    if whole.locality is None and scope is None and not whole.agency and whole.relation != "named":
        scope = m.ctx.own() or m.ctx.unknown()
    if whole.relation in ("lower", "plural") and whole.locality and whole.locality.name:
        scope = None
    return m.resolution(_with_scope(_capital(_render(whole.toks)), scope), _capital(_render(_unnamed(toks, True))),
                        m.kind(m.placed.tier or _tier_of(m.entry, m.ctx)), _named(whole.locality), True)


def _as_head(m: _Mention) -> Resolution:
    """``Cục`` + ``Công nghệ thông tin``: the rest is the unit's own name; where it is
    says its level word, its own place name (``Báo Gia Lai``), the issuing agency
    (``…, Bộ Tư pháp``) or, failing all, the issuer's locality as scope."""
    unit_type = f"{m.prefix}{m.entry.name} {_render(_unnamed(m.rest, False))}".strip()
    body = f"{m.prefix}{m.entry.name} {_render(m.placed.toks)}".strip()
    kind = m.kind(m.placed.tier or _tier_of(m.entry, m.ctx))
    if m.placed.locality is not None:
        return m.resolution(_with_scope(body, _scope(m.placed, m.ctx)), unit_type, kind, _named(m.placed.locality))
    if m.placed.agency or _self_located(m.rest):
        return m.resolution(body, unit_type, kind, None)
    ctx = m.ctx
    if ctx.agency and ctx.agency_kind in _AGENCY_KINDS and m.entry.kind in _AGENCY_UNITS:
        return m.resolution(f"{body}, {ctx.agency}", unit_type, kind, None)
    return m.resolution(_with_scope(body, ctx.own() or ctx.unknown()), unit_type, kind, None)


def _as_name(m: _Mention) -> Resolution:
    """``Phòng Nội vụ`` + a locality: the one printed, a bare place name (``Đài Phát
    thanh - Truyền hình Gia Lai``), or the issuer's at the name's tier."""
    unit_type = f"{m.prefix}{m.entry.name}"
    if m.placed.locality is not None or m.placed.agency:
        body = f"{unit_type} {_render(m.placed.toks)}".strip()
        return m.resolution(_with_scope(body, _scope(m.placed, m.ctx)), unit_type, m.kind(m.placed.tier),
                            _named(m.placed.locality))
    tier = _tier_of(m.entry, m.ctx)
    if m.rest and tier in ("tỉnh", "huyện", "xã") and all(_capitalised(t) and not t.fixed for t in m.rest):
        known = m.ctx.at(tier)
        locality = Locality(known.level if known else tier, _render(m.rest))
        return m.resolution(f"{unit_type} {locality.render()}", unit_type, m.kind(tier), locality.render())
    locality, scope, lower = _implicit(m.entry, m.ctx)
    body = " ".join(p for p in (unit_type, _render(m.placed.toks), locality.render() if locality else "") if p)
    return m.resolution(_with_scope(body, scope), unit_type, m.kind(locality.tier if locality else tier),
                        _named(locality), lower)


def _canonical_words(toks: list[_Tok], title: _Match | None, start: int, head_at: int,
                     unit: _Match) -> list[_Tok]:
    """A group's words with the title and the unit's name spelt as the dictionary
    spells them (``Cán bộ công chức`` → ``Cán bộ, công chức``); a head keeps its
    printed word (``các sở``)."""
    out: list[_Tok] = []
    if title:
        out.extend(_Tok(t.text, t.key, fixed=True) for t in _tokens(title.entry.name))
    out.extend(toks[start:head_at])
    end = head_at + unit.length
    if unit.entry.match == "name":
        words = [_Tok(t.text, t.key, fixed=True) for t in _tokens(unit.entry.name)]
        if out and toks[head_at].text[:1].islower() and words:
            words[0] = _Tok(words[0].text[:1].lower() + words[0].text[1:], words[0].key, fixed=True)
        out.extend(words)
    else:
        out.extend(toks[head_at:end])
    out.extend(toks[end:])
    return out


def _tier_of(entry: Entry, ctx: Context) -> str | None:
    return ctx.tier if entry.tier == "*" else entry.tier


def _named(loc: Locality | None) -> str | None:
    return loc.render() if loc and loc.name else None


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _unnamed(toks: list[_Tok], keep_levels: bool) -> list[_Tok]:
    """Tokens without the place names after level words (and, unless
    ``keep_levels``, without the level words): what is left is the unit's type."""
    out, i = [], 0
    while i < len(toks):
        words = _level_at(toks, i)
        if words is None:
            out.append(toks[i])
            i += 1
            continue
        after_cap = i > 0 and toks[i - 1].key == "cấp"
        if keep_levels or after_cap:
            out.extend(toks[i:i + len(words)])
        i += len(words)
        if not after_cap:
            i = max(i, _names_after(toks, i))
    while out and out[-1].key in (",", "và", "của", "thuộc", "-"):
        out.pop()
    return out


def _joins_group(rest: list[_Tok], ctx: Context) -> bool:
    """``Ủy ban MTTQ thị trấn và đoàn thể``: ``và`` before a group or another unit."""
    for i, t in enumerate(rest):
        if t.key == "và":
            other = _longest(rest, i + 1, frozenset({"name"}), ctx)
            if other is not None:
                return True
    return False


# ------------------------------------------------------------------ context

_UPPER_LEVEL = r"TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU"
_BODY = r"(?:ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|HĐND)"
#: Where a place name in an upper-case header ends: the next body's name.
_HEADER_STOP = re.compile(r"\s+(?:SỞ|VĂN PHÒNG|PHÒNG|BAN|ỦY BAN|UỶ BAN|UBND|HĐND|HỘI ĐỒNG|TRUNG TÂM|"
                          r"CHI CỤC|CỤC|CỘNG HÒA|CỘNG HOÀ|BỘ|THANH TRA|-)")
_HEADER_UNIT = re.compile(_BODY + r"\s+(" + _UPPER_LEVEL + r")\s+(.+)")
_LEVEL = r"tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu"
_COMMITTEE = r"(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|ỦY BAN NHÂN DÂN)"
#: ``(Kèm theo Kế hoạch số /KH-UBND ngày /01/2024 của UBND huyện Lộc Bình)`` (seed 002).
_ATTACHED = re.compile(r"[Kk]èm theo[^)\n]{0,200}?của\s+" + _COMMITTEE + r"\s+(" + _LEVEL + r")\s+(?=\w)")
#: ``UBND xã ban hành Kế hoạch`` (seed 004), ``Chủ tịch UBND thị xã yêu cầu`` (seed 001).
_SELF = re.compile(r"(?:Chủ tịch\s+)?" + _COMMITTEE + r"\s+(" + _LEVEL + r")\s+(?=\w)")
_SELF_VERBS = re.compile(r"(?:xây dựng|ban hành|yêu cầu|đã|triển khai|báo cáo|thông báo|quyết định|giao|"
                         r"chỉ đạo)\b")
_NAMED = re.compile(r"(?<!\w)(" + _LEVEL + r")\s+(?=\w)")
_WORDS = re.compile(r"\w+")
_OPENING = 3000


def context(issuer: str | None = None, *, place: str | None = None, date: str | None = None,
            text: str = "", source: str | None = None) -> Context:
    """The localities a document's units belong to, from its header and opening.

    >>> c = context(issuer="UBND TỈNH QUẢNG NAM SỞ NỘI VỤ")
    >>> [loc.render() for loc in c.chain], c.agency
    (['tỉnh Quảng Nam'], 'Sở Nội vụ tỉnh Quảng Nam')
    """
    chain: list[Locality] = []
    agency = agency_kind = None
    if issuer:
        chain, agency, agency_kind = _from_header(issuer)
    opening = text[:_OPENING]
    if not chain and not agency:
        chain = _from_opening(opening, place)
    if chain or agency:
        chain = _with_ancestors(chain, opening, date)
    return Context(tuple(chain), agency, agency_kind, date, source)


def _title_case(upper: str) -> str:
    return " ".join(_tidy(w[:1] + w[1:].lower()) for w in upper.split())


def _from_header(issuer: str) -> tuple[list[Locality], str | None, str | None]:
    chain: list[Locality] = []
    rest = issuer.replace("\n", " ")
    while m := _HEADER_UNIT.search(rest):
        tail = m.group(2)
        stop = _HEADER_STOP.search(tail)
        name = tail[:stop.start()] if stop else tail
        name = re.sub(r"[-\s]+$", "", name)
        chain.append(Locality(m.group(1).lower(), _title_case(name)))
        rest = tail[stop.start():] if stop else ""
    leftover = re.sub(r"^[\s-]+|[\s-]+$", "", rest if chain else issuer)
    agency = agency_kind = None
    if leftover and not re.match(_BODY + r"\s*$", leftover):
        r = resolve_unit(leftover, Context(tuple(chain)))
        if r.kind in _AGENCY_KINDS:
            agency, agency_kind = r.canonical, r.kind
    return chain, agency, agency_kind


def _from_opening(opening: str, place: str | None) -> list[Locality]:
    for m in _ATTACHED.finditer(opening):
        name, _ = _proper_name(opening, m.end())
        if name:
            return [Locality(m.group(1), name)]
    for m in _SELF.finditer(opening):
        name, end = _proper_name(opening, m.end())
        if _SELF_VERBS.match(opening, end):
            name = name or (_tidy_name(place) if place else None)
            return [Locality(m.group(1), name)]
    return []


def _proper_name(text: str, at: int) -> tuple[str | None, int]:
    """The capitalised words at ``at`` (a place name) and where what follows starts."""
    words = []
    pos = at
    for m in _WORDS.finditer(text, at):
        if text[pos:m.start()].strip() or len(words) == 4 or not (m.group()[0].isupper() or (
                m.group().isdigit() and not words)):
            break
        words.append(m.group())
        pos = m.end()
    while pos < len(text) and text[pos] == " ":
        pos += 1
    return (_tidy_name(" ".join(words)) if words else None), pos


def _tidy_name(name: str) -> str:
    return " ".join(_tidy(w) for w in name.split())


def _with_ancestors(chain: list[Locality], opening: str, when: str | None) -> list[Locality]:
    """Add the localities above the issuer that the opening names exactly once per
    tier: ``của UBND huyện Trảng Định`` in a commune plan. From 1 July 2025 there is
    no district above a commune: a ``quận Ba Đình`` in a 2025 ward plan is history."""
    if not chain:
        return chain
    no_districts = bool(when) and _date_range(when)[0] >= DISTRICTS_END
    own = TIERS[chain[-1].tier] if chain[-1].level else 99
    have = {loc.tier for loc in chain}
    found: dict[str, set[tuple[str, str]]] = {}
    for m in _NAMED.finditer(opening):
        name, _ = _proper_name(opening, m.end())
        if not name:
            continue
        loc = Locality(m.group(1), name)
        if loc.tier not in have and TIERS[loc.tier] < own and not (no_districts and loc.tier == "huyện"):
            found.setdefault(loc.tier, set()).add((loc.level, loc.name or ""))
    extra = [Locality(*next(iter(names))) for tier, names in found.items() if len(names) == 1]
    return sorted(chain + extra, key=lambda loc: TIERS[loc.tier])


# ------------------------------------------------------------------ records


def resolve(tasks: list[Task], *, issuer: str | None = None, place: str | None = None,
            date: str | None = None, text: str = "", source: str | None = None) -> list[Task]:
    """The tasks with every unit mention resolved (the printed text untouched)."""
    ctx = context(issuer, place=place, date=date, text=text, source=source)
    memo: dict[str, Resolution] = {}  # a plan names the same unit dozens of times
    return [t.model_copy(update={"lead": [_enrich(u, ctx, memo) for u in t.lead],
                                 "support": [_enrich(u, ctx, memo) for u in t.support]}) for t in tasks]


def _enrich(unit: UnitMention, ctx: Context, memo: dict[str, Resolution]) -> UnitMention:
    r = memo.get(unit.text)
    if r is None:
        r = memo[unit.text] = resolve_unit(unit.text, ctx)
    return unit.model_copy(update={
        "canonical": r.canonical, "unit_type": r.unit_type, "unit_kind": r.kind,
        "locality": r.locality, "collective": r.collective, "in_force": r.in_force})


def _date_range(value: str) -> tuple[date, date]:
    """``2021-10`` → (2021-10-01, 2021-10-31); ``2021`` → the whole year."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        d = date(*parts)
        return d, d
    if len(parts) == 2:
        y, m = parts
        nxt = date(y + (m == 12), m % 12 + 1, 1)
        return date(y, m, 1), date.fromordinal(nxt.toordinal() - 1)
    return date(parts[0], 1, 1), date(parts[0], 12, 31)
