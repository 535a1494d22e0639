"""Legacy Vietnamese encodings: detection and conversion to NFC Unicode.

Much of an office archive was typed before Unicode, in TCVN3 (the ABC fonts
``.VnTime``, ``.VnTimeH``), VNI-Windows (``VNI-Times``) or VIQR, or saved as
Windows-1258; PDFs and Macs add decomposed (NFD) Unicode. Read naively,
``Cộng hòa xã hội`` comes out as ``Céng hßa x· héi`` (TCVN3) or ``Coäng hoøa xaõ
hoäi`` (VNI) and no rule matches. Three entry points, one per way text arrives:

- a .docx run: :func:`convert_run` picks the scheme from the run's font, because a
  document often mixes a TCVN3 heading font with Unicode body text and converting a
  whole paragraph would mangle the Unicode part;
- bytes that are not UTF-8 (a .txt): :func:`decode_legacy` tries each encoding and
  keeps the one whose reading is Vietnamese;
- text already decoded (a PDF page, a UTF-8 .txt holding TCVN3 characters as Latin-1
  code points): :func:`fix_text` detects statistically, line by line, so a Unicode
  line on a page whose heading is TCVN3 is left alone.

Detection asks one question of every candidate reading: how many words are
Vietnamese syllables (:func:`parsers.text.keys.is_syllable`)? Unicode text almost
never holds the characters TCVN3 and VNI text is made of (``ß``, ``·``, ``ø``, ``ä``),
so the Unicode fast path is one pass in C over the text that finds none of them
(about 5 µs per 1,000 characters, NFC check included), and only text that holds one
is looked at word by word.

The tables are data files in ``parsers/data`` (``tcvn3.tsv``, ``vni.tsv``,
``viqr.tsv``), each generated from its standard chart; the header of each says which.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from parsers.text.keys import WORD, token_status

#: The schemes :func:`detect_scheme` and :func:`convert` know; decode_legacy adds cp1258.
SCHEMES = ("tcvn3", "vni", "viqr")

_DATA = Path(__file__).resolve().parent.parent / "data"

#: Font families and the scheme their names announce, first match wins. Sources: the
#: ABC package names its fonts ".Vn…" (capitals-only variants end in "H": ".VnTimeH",
#: ".VnArialH"); VNI Software names its fonts "VNI-…"; other "Vn…" families
#: ("VNtimes new roman") were shipped in TCVN3 or VNI by different vendors, so their
#: runs are detected from the text. "UVn…" (UVnTime) are Unicode fonts.
FONT_FAMILIES: tuple[tuple[str, str | None], ...] = (
    ("uvn", None),
    (".vn", "tcvn3"),
    ("vni", "vni"),
    ("vn", "auto"),
)
_FONT_STYLE_WORDS = (" bold", " italic", " regular", " normal", " oblique")

#: Letters of Vietnamese outside Latin-1: any of them marks a line as Unicode.
_UNICODE_VI = re.compile("[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169"
                         "\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]")
#: Letters no legacy text can hold (legacy text is Latin-1 code points).
_BEYOND_LATIN1 = "\u0100-\u024f\u0300-\u036f\u0370-\u1fff"
#: Latin-1 letters Vietnamese Unicode uses; whatever else a legacy table maps is an
#: indicator that the text may be legacy.
_VIETNAMESE_LATIN1 = frozenset("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")

_TONE_MARK = "[\u0300\u0301\u0303\u0309\u0323]"
_TONE_MARKS = re.compile(_TONE_MARK)
_MODIFIER_MARK = "[\u0302\u0306\u031b]"
_TONE_BEFORE_MODIFIER = re.compile(f"({_TONE_MARK})({_MODIFIER_MARK})")
_COMBINING = re.compile("[\u0300-\u036f]")
_ETH = str.maketrans({"\u00d0": "Đ", "\u00f0": "đ"})

#: Windows-1252 read of each byte; the five bytes it leaves undefined keep their
#: Latin-1 code point, as Word does for a .VnTime run.
_CP1252 = {b: bytes([b]).decode("cp1252") for b in range(0x80, 0xA0)
           if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}
_CP1252_FROM_LATIN1 = str.maketrans({chr(b): c for b, c in _CP1252.items()})

#: A reading must turn at least this many words (net, each counted -1/0/+1 before
#: and after) into Vietnamese before a text with no other clue is called legacy:
#: ``Céng hßa x· héi`` gains 6; a stray ``×`` in a Unicode table gains nothing. Half
#: of it is enough when no word reads worse (``- Bé C«ng an;`` gains 2).
_MIN_GAIN = 4


# ------------------------------------------------------------------ the tables


@dataclass(frozen=True)
class _Tables:
    tcvn3: dict[int, str]            # str.translate table: code point as read -> letter
    tcvn3_foreign: re.Pattern[str]   # a character TCVN3 text cannot hold
    vni: dict[str, str]              # VNI sequence -> letter
    vni_pattern: re.Pattern[str]
    vni_foreign: re.Pattern[str]     # a character VNI text cannot hold where it stands
    indicators: re.Pattern[str]      # legacy characters Unicode text does not use
    not_indicator: bytes             # the other Latin-1 bytes, for bytes.translate
    viqr_hints: tuple[str, ...]      # a^ o+ a( …: a letter and its VIQR modifier
    viqr_modifiers: dict[str, tuple[str, frozenset[str]]]
    viqr_tones: dict[str, str]
    viqr_letters: dict[str, str]
    viqr_escape: str


def _rows(name: str) -> list[list[str]]:
    rows = []
    for line in (_DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def _code_points(field: str) -> str:
    """``"U+0061 U+00F9"`` -> ``"aù"``."""
    return "".join(chr(int(part[2:], 16)) for part in field.split())


@cache
def _tables() -> _Tables:
    tcvn3 = {ord(_code_points(read_as)): _code_points(letter)
             for _byte, read_as, letter, *_ in _rows("tcvn3.tsv")}
    vni = {_code_points(seq): _code_points(letter) for letter, seq, *_ in _rows("vni.tsv")}
    vni_pairs = {seq for seq in vni if len(seq) == 2}
    vni.update(_vni_variants(vni))
    bases = {seq[0] for seq in vni if len(seq) > 1}
    marks = {c for seq in vni if len(seq) > 1 for c in seq[1:]}
    singles = {seq for seq in vni if len(seq) == 1}
    vni_pattern = re.compile(f"[{_class(bases)}][{_class(marks)}]{{1,2}}|[{_class(singles)}]")
    pure_marks = marks - singles - bases
    legacy_chars = {chr(c) for c in tcvn3} | {c for seq in vni_pairs | singles for c in seq}
    # Ð is TCVN3 é, but also a PDF font's stand-in for Đ in Unicode text (fixed apart).
    indicators = {c for c in legacy_chars if not c.isascii()} - _VIETNAMESE_LATIN1 - {"Ð"}
    tcvn3_foreign = _VIETNAMESE_LATIN1 - {chr(c) for c in tcvn3}
    vni_foreign = _VIETNAMESE_LATIN1 - marks - singles - {"í", "ì", "Í", "Ì"}

    modifiers: dict[str, tuple[str, frozenset[str]]] = {}
    tones: dict[str, str] = {}
    letters: dict[str, str] = {}
    escape = "\\"
    for kind, mnemonic, mark, after, *_ in _rows("viqr.tsv"):
        if kind == "modifier":
            modifiers[mnemonic] = (_code_points(mark), frozenset(after.split()))
        elif kind == "tone":
            tones[mnemonic] = _code_points(mark)
        elif kind == "letter":
            letters[mnemonic] = _code_points(mark)
        elif kind == "escape":
            escape = mnemonic
    return _Tables(
        tcvn3=tcvn3,
        tcvn3_foreign=re.compile(f"[{_class(tcvn3_foreign)}{_BEYOND_LATIN1}]"),
        vni=vni,
        vni_pattern=vni_pattern,
        vni_foreign=re.compile(f"[{_class(vni_foreign)}{_BEYOND_LATIN1}]"
                               f"|(?<![{_class(bases | marks)}])[{_class(pure_marks)}]"),
        indicators=re.compile(f"[{_class(indicators)}]"),
        not_indicator=bytes(b for b in range(256) if chr(b) not in indicators),
        viqr_hints=tuple(letter + mnemonic for mnemonic, (_mark, after) in modifiers.items()
                         for letter in sorted(after)),
        viqr_modifiers=modifiers, viqr_tones=tones, viqr_letters=letters, viqr_escape=escape,
    )


def _class(chars: set[str] | frozenset[str]) -> str:
    return "".join(re.escape(c) for c in sorted(chars))


def _vni_variants(chart: dict[str, str]) -> dict[str, str]:
    """Spellings the chart does not list but VNI text holds.

    A case change applied by a word processor yields a capital base with a small mark
    (``Aù``) or the reverse; the letter takes the base's case. Some input methods write
    the modifier and the tone as two marks (``aâù`` for ``ấ``).
    """
    variants: dict[str, str] = {}
    tone_of_mark = {}
    for seq, letter in chart.items():
        if len(seq) == 2 and seq[0].lower() in "aeouy":
            decomposed = unicodedata.normalize("NFD", letter)
            if len(decomposed) == 2 and _TONE_MARKS.fullmatch(decomposed[1]):
                tone_of_mark[seq[1]] = decomposed[1]
    for seq, letter in chart.items():
        if len(seq) != 2:
            continue
        variants.setdefault(seq[0] + seq[1].swapcase(), letter)
        if letter.lower() in "ăâêô" and seq[1].lower() not in tone_of_mark:
            for mark, tone in tone_of_mark.items():
                toned = unicodedata.normalize("NFC", letter + tone)
                variants.setdefault(seq + mark, toned)
                variants.setdefault(seq + mark.swapcase(), toned)
    return {k: v for k, v in variants.items() if k not in chart}


# --------------------------------------------------------------- conversions


def _nfc(text: str) -> str:
    """NFC, with a tone mark written before its modifier (``a`` + ``́`` + ``̂`` from
    some PDFs) put after it first, so that it composes to ``ấ``. Text already NFC (the
    common case) costs one quick check."""
    normal = unicodedata.normalize("NFC", text)
    if normal is text or _COMBINING.search(normal) is None:
        return normal
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", _TONE_BEFORE_MODIFIER.sub(r"\2\1", decomposed))


def _from_tcvn3(text: str) -> str:
    return text.translate(_tables().tcvn3)


def _from_vni(text: str) -> str:
    tables = _tables()
    return tables.vni_pattern.sub(_vni_match, text)


def _vni_match(match: re.Match[str]) -> str:
    chart = _tables().vni
    found = match.group()
    if found in chart:
        return chart[found]
    if found[:2] in chart:            # a known letter, then a mark that belongs nowhere
        return chart[found[:2]] + found[2:]
    if found[0] in chart:             # ô/ö as ơ/ư, then marks that belong nowhere
        return chart[found[0]] + found[1:]
    return found


def _from_viqr(text: str) -> str:
    return _VIQR_WORD.sub(_viqr_word, text)


_VIQR_WORD = re.compile(r"(?:\\[A-Za-z]|[A-Za-z])[A-Za-z^(+'`?~.\\]*")   # \DDCI: a literal DD
_VOWELS = frozenset("aeiouyAEIOUY")


def _viqr_word(match: re.Match[str]) -> str:
    """One VIQR word to Unicode, mark by mark.

    A mark character counts as a diacritic exactly where the convention (RFC 1456)
    says it combines: a modifier right after a letter it fits (``a^``, ``o+``), a tone
    after a vowel of a syllable that has none yet (``vu..`` is ``vụ.``); otherwise, or
    after the escape ``\\`` (``ddi\\.`` is ``đi.``), it is literal. A vowel after
    anything but a vowel opens a new syllable (``nga`y...tha'ng``, ``vi.su+.``).
    """
    tables = _tables()
    word = match.group()
    out: list[str] = []
    i = 0
    vowel = ""           # the vowel marks may attach to, "" when the last letter is not one
    modified = toned = False
    while i < len(word):
        c = word[i]
        if word[i:i + 2] in tables.viqr_letters:      # dd, DD: đ, Đ (HDDND is HĐND)
            out.append(tables.viqr_letters[word[i:i + 2]])
            vowel = ""
            i += 2
            continue
        if c == tables.viqr_escape and i + 1 < len(word):
            out.append(word[i + 1])
            vowel = ""
            i += 2
            continue
        if c in tables.viqr_modifiers and vowel and not modified:
            mark, letters = tables.viqr_modifiers[c]
            if vowel in letters:
                out.append(mark)
                modified = True
                i += 1
                continue
        if c in tables.viqr_tones and vowel and not toned:
            out.append(tables.viqr_tones[c])
            toned = True
            i += 1
            continue
        if c in _VOWELS:
            if not vowel:
                toned = False                       # a new syllable's vowels begin
            vowel, modified = c, False
        else:
            vowel = ""
        out.append(c)
        i += 1
    return unicodedata.normalize("NFC", "".join(out))


_CONVERTERS: dict[str, Callable[[str], str]] = {
    "tcvn3": _from_tcvn3,
    "vni": _from_vni,
    "viqr": _from_viqr,
}


def convert(text: str, scheme: str, upper: bool = False) -> str:
    """Convert the whole of ``text`` from ``scheme`` to NFC Unicode.

    No detection and no second opinion: the caller knows the scheme (a font said
    so, or :func:`detect_scheme` did). ``upper`` is for the capitals-only fonts
    (``.VnTimeH``), which draw lower-case codes as capitals.

    >>> convert("Céng hßa x· héi chñ nghÜa ViÖt Nam", "tcvn3")
    'Cộng hòa xã hội chủ nghĩa Việt Nam'
    >>> convert("ñy ban nh©n d©n", "tcvn3", upper=True)
    'ỦY BAN NHÂN DÂN'
    >>> convert("Coäng hoøa xaõ hoäi", "vni")
    'Cộng hòa xã hội'
    >>> convert("Vie^.t Nam", "viqr")
    'Việt Nam'
    """
    try:
        converter = _CONVERTERS[scheme]
    except KeyError:
        raise ValueError(f"unknown legacy scheme {scheme!r}; expected one of {SCHEMES}") from None
    converted = _nfc(converter(unicodedata.normalize("NFC", text)))
    return converted.upper() if upper else converted


# ----------------------------------------------------------------- evidence


def _fits(text: str, scheme: str) -> bool:
    """False when ``text`` holds a character the scheme cannot produce there: a
    Vietnamese letter beyond Latin-1 (``ộ``), or one a legacy font never shows, such
    as TCVN3 ``à`` (the ABC table has no code for it) or a VNI mark with no base
    (``Thái``: in VNI ``á`` only follows a, e or o)."""
    tables = _tables()
    if scheme == "tcvn3":
        return tables.tcvn3_foreign.search(text) is None
    if scheme == "vni":
        return tables.vni_foreign.search(text) is None
    return True


def _status(text: str) -> int:
    """-1 if a word of ``text`` is garbled or foreign, 1 if one is Vietnamese and none
    garbled, 0 when nothing tells (numbers, abbreviations, punctuation)."""
    best = 0
    for token in WORD.findall(text):
        status = token_status(token)
        if status < 0:
            return -1
        best = max(best, status)
    return best


def _score(text: str) -> int:
    return sum(token_status(token) for token in WORD.findall(text))


@lru_cache(maxsize=32768)
def _chunk_gain(chunk: str, scheme: str) -> int:
    """How much more Vietnamese a space-delimited chunk reads in ``scheme`` (-2..2).

    A reading of one letter tells nothing: ``×`` is TCVN3 ``ì`` and ``©`` is ``â``, but
    a Unicode table full of ``3 × 4`` is no TCVN3.
    """
    converted = convert(chunk, scheme)
    if converted == chunk:
        return 0
    if not _fits(chunk, scheme):
        return -2
    if sum(c.isalpha() for c in converted) < 2:
        return 0
    return _status(converted) - _status(chunk.translate(_ETH))


def _line_gain(line: str, scheme: str) -> tuple[int, int, int]:
    """``(gain, chunks that read better, chunks that read worse)`` of ``line`` in ``scheme``."""
    gain = better = worse = 0
    for chunk in line.split():
        g = _chunk_gain(chunk, scheme)
        gain += g
        better += g > 0
        worse += g < 0
    return gain, better, worse


@dataclass(frozen=True)
class _Verdict:
    """What detection concluded about a text."""

    scheme: str | None
    legacy_lines: frozenset[int] = frozenset()   # lines with evidence of the scheme
    dominant: bool = False                       # legacy text outweighs Unicode text


_NONE = _Verdict(None)

#: Pairs of Latin-1 letters Unicode spelling never has, for texts too short to be sure
#: to hold an indicator. VNI: a or e before any mark (Unicode writes ``ấ``, never ``a``
#: + ``á``), o/u/y before the acute or tilde mark, o before the circumflex one (``oâ``
#: is VNI ``ô``; ``oà`` is Unicode ``hoà``). TCVN3: a small letter before one of the
#: capitals that TCVN3 uses for small letters (``miÔn`` is ``miễn``, ``phÝ`` is ``phí``).
_SHORT_HINT = re.compile("[aA][ùõâáàåãäêéèúüëÙÕÂÁÀÅÃÄÊÉÈÚÜË]|[eE][ùõâáàåãäÙÕÂÁÀÅÃÄ]"
                         "|[oO][ùõâÙÕÂ]|[uUyY][ùõÙÕ]|[a-z][ÈÉÊÌÒÓÔÕÝ]")
_SHORT = 2000


def _may_be_legacy(text: str) -> bool:
    """The Unicode fast path: False, in one pass over the text, unless it holds a
    character of TCVN3 or VNI that Vietnamese Unicode text does not use (``ß``, ``·``,
    ``ø``, ``ä``), or is ASCII/unaccented with VIQR modifiers (``a^``, ``o+``).

    A short text (a line, a table cell) may hold no such character by chance
    (``Coâng khai, nieâm yeát``, ``miÔn phÝ``): there a second scan looks for pairs
    of letters that Unicode spelling never has (``oâ``, ``aù``, ``iÔ``).
    """
    if text.isascii():
        return _viqr_hinted(text)
    tables = _tables()
    if text.encode("latin-1", "ignore").translate(None, tables.not_indicator):
        return True
    if len(text) < _SHORT and _SHORT_HINT.search(text):
        return True
    return _UNICODE_VI.search(text) is None and _viqr_hinted(text)


def _may_be_legacy_line(line: str) -> bool:
    return _tables().indicators.search(line) is not None or _SHORT_HINT.search(line) is not None


def _viqr_hinted(text: str) -> bool:
    return any(hint in text for hint in _tables().viqr_hints)


def _analyse(text: str) -> _Verdict:
    """Detection proper, past the fast path; ``text`` is NFC.

    VIQR first if the text has no Unicode letter and a VIQR modifier. Then each line
    holding a legacy character is read in TCVN3 and in VNI, chunk by chunk, and the
    scheme that turns most chunks into Vietnamese wins if it gains enough
    (:data:`_MIN_GAIN`). The verdict keeps which lines gave the evidence and whether
    legacy text outweighs Unicode text, for :func:`fix_text` to judge the other lines.
    """
    if not _UNICODE_VI.search(text) and _viqr_hinted(text):
        verdict = _analyse_viqr(text)
        if verdict.scheme is not None:
            return verdict
    lines = text.split("\n")
    totals = {"tcvn3": [0, 0, 0], "vni": [0, 0, 0]}
    evidence: dict[str, set[int]] = {"tcvn3": set(), "vni": set()}
    for number, line in enumerate(lines):
        if not _may_be_legacy_line(line):
            continue
        for scheme, total in totals.items():
            gain, better, worse = _line_gain(line, scheme)
            total[0] += gain
            total[1] += better
            total[2] += worse
            if gain > 0:
                evidence[scheme].add(number)
    scheme, (gain, better, worse) = max(totals.items(), key=lambda item: item[1][0])
    if gain < _MIN_GAIN and not (gain >= _MIN_GAIN // 2 and worse == 0):
        return _NONE
    unicode_chunks = sum(1 for chunk in text.split() if _UNICODE_VI.search(chunk))
    return _Verdict(scheme, frozenset(evidence[scheme]), dominant=better >= unicode_chunks)


def _analyse_viqr(text: str) -> _Verdict:
    """VIQR when most words its marks change become Vietnamese (``Vie^.t``) and
    at least two do; English apostrophes (``I'm``, ``we'll``) mostly do not."""
    changed = good = 0
    for chunk in text.split():
        converted = _from_viqr(chunk)
        if converted != chunk:
            changed += 1
            good += _status(converted) > 0
    if good >= 2 and good >= 0.75 * changed:
        return _Verdict("viqr", dominant=True)
    return _NONE


# ---------------------------------------------------------------- the API


def detect_scheme(text: str) -> str | None:
    """The legacy scheme ``text`` was written in, or None for Unicode text.

    For text already decoded: a PDF page whose font had no Unicode map, a .txt
    decoded as UTF-8 that holds TCVN3 characters as Latin-1 code points.

    >>> detect_scheme("Céng hßa x· héi chñ nghÜa ViÖt Nam")
    'tcvn3'
    >>> detect_scheme("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam")
    'vni'
    >>> detect_scheme("Co^.ng ho`a xa~ ho^.i chu? nghi~a Vie^.t Nam")
    'viqr'
    >>> detect_scheme("Cộng hòa xã hội chủ nghĩa Việt Nam") is None
    True
    """
    normal = _nfc(text)
    if not _may_be_legacy(normal):
        return None
    return _analyse(normal).scheme


def fix_text(text: str) -> tuple[str, str | None]:
    """Whole-text repair for .txt and PDF text: ``(NFC text, scheme or None)``.

    NFC (decomposed text from PDFs and Macs composes back), ``Ð`` (eth, a PDF font's
    stand-in) to ``Đ``, and, if :func:`detect_scheme` finds a legacy scheme, the
    conversion. Lines are judged one by one: a line with Unicode Vietnamese letters
    keeps them, and only its chunks that read as Vietnamese in the scheme and not as
    they are get converted. Spacing and control characters are not touched (TCVN3's
    ``ư`` is U+00AD, a soft hyphen, until converted).

    >>> fix_text("Céng hßa x· héi chñ nghÜa ViÖt Nam\\nĐộc lập - Tự do - Hạnh phúc")
    ('Cộng hòa xã hội chủ nghĩa Việt Nam\\nĐộc lập - Tự do - Hạnh phúc', 'tcvn3')
    >>> fix_text("ÐẢNG CỘNG SẢN VIỆT NAM")
    ('ĐẢNG CỘNG SẢN VIỆT NAM', None)
    """
    normal = _nfc(text)
    if not _may_be_legacy(normal):
        return _fix_eth(normal), None
    verdict = _analyse(normal)
    if verdict.scheme is None:
        return _fix_eth(normal), None
    if verdict.scheme == "viqr":
        return _fix_eth(convert(normal, "viqr")), "viqr"
    lines = normal.split("\n")
    fixed = [_fix_line(line, number, verdict) for number, line in enumerate(lines)]
    return _fix_eth("\n".join(fixed)), verdict.scheme


def _fix_eth(text: str) -> str:
    if "\u00d0" in text or "\u00f0" in text:
        return text.translate(_ETH)
    return text


def _fix_line(line: str, number: int, verdict: _Verdict) -> str:
    """One line of a text found legacy: a line with evidence is converted; a line
    with no evidence either way follows the text's majority, if it fits the scheme."""
    scheme = verdict.scheme
    if scheme is None or not line.strip():
        return line
    if _UNICODE_VI.search(line) is None:
        if number in verdict.legacy_lines:
            return convert(line, scheme)
        gain = _line_gain(line, scheme)[0]
        if gain > 0 or (gain == 0 and verdict.dominant and _fits(line, scheme)):
            return convert(line, scheme)
        return line
    # A line holding Unicode letters: convert only the chunks that read better.
    return re.sub(r"\S+", lambda m: _fix_chunk(m.group(), scheme), line)


def _fix_chunk(chunk: str, scheme: str) -> str:
    if _UNICODE_VI.search(chunk) is None and _chunk_gain(chunk, scheme) > 0:
        return convert(chunk, scheme)
    return chunk


_FONT_KINDS: dict[str, tuple[str, bool] | None] = {}


def _font_kind(font_name: str) -> tuple[str, bool] | None:
    """``(scheme, capitals only)`` for a legacy font name, None for a Unicode font."""
    name = font_name.strip().lower()
    for word in _FONT_STYLE_WORDS:
        name = name.removesuffix(word)
    for prefix, scheme in FONT_FAMILIES:
        if name.startswith(prefix):
            if scheme is None:
                return None
            return scheme, scheme != "vni" and name.endswith("h")
    return None


def convert_run(text: str, font_name: str | None) -> str:
    """The .docx hook: ``text`` of one run drawn in ``font_name``, as Unicode.

    Word stores a ``.VnTime`` run as the Windows-1252 reading of the TCVN3 bytes, so
    the run ``Céng hßa`` shows as ``Cộng hòa``; runs of capitals-only fonts
    (``.VnTimeH``) are upper-cased. A Unicode font returns the text untouched at the
    cost of one dictionary look-up. Unicode text typed into a legacy-font run (a
    paragraph style says ``.VnTime``, the text was pasted from a Unicode file) is kept
    as it is: it holds letters the legacy scheme cannot, or reads as Vietnamese
    better unconverted.

    >>> convert_run("Céng hßa x· héi", ".VnTime")
    'Cộng hòa xã hội'
    >>> convert_run("céng hßa x· héi", ".VnTimeH")
    'CỘNG HÒA XÃ HỘI'
    >>> convert_run("Coäng hoøa", "VNI-Times")
    'Cộng hòa'
    >>> convert_run("Cộng hòa", ".VnTime")
    'Cộng hòa'
    """
    if font_name is None or not text:
        return text
    try:
        kind = _FONT_KINDS[font_name]
    except KeyError:
        kind = _FONT_KINDS.setdefault(font_name, _font_kind(font_name))
    if kind is None:
        return text
    scheme, upper = kind
    if text.isascii():
        return text.upper() if upper else text
    normal = unicodedata.normalize("NFC", text)
    if scheme == "auto":
        gains = {s: _line_gain(normal, s)[0] for s in ("tcvn3", "vni")}
        scheme = max(gains, key=gains.__getitem__)
        if gains[scheme] <= 0:
            return text
    if not _fits(normal, scheme):
        return text
    converted = convert(normal, scheme)
    if _score(converted) < _score(normal.translate(_ETH)):
        return text
    return converted.upper() if upper else converted


def decode_legacy(data: bytes) -> tuple[str, str] | None:
    """Bytes that are not UTF-8 read as ``(NFC text, encoding)``, or None.

    Each candidate reading — TCVN3, VNI, Windows-1258 and, for ASCII text, VIQR — is
    scored by the share of its non-ASCII words that are Vietnamese syllables; the best
    wins if most of them are. A Western Latin-1 file, where no reading gives
    Vietnamese, gets None and the caller's fallback.

    >>> decode_legacy("Céng hßa x· héi chñ nghÜa ViÖt Nam".encode("latin-1"))
    ('Cộng hòa xã hội chủ nghĩa Việt Nam', 'tcvn3')
    >>> decode_legacy(b"Vi\\xea\\xf2t Nam, \\xd0\\xf4\\xccng Nai")   # Windows-1258: tones apart
    ('Việt Nam, Đồng Nai', 'cp1258')
    """
    latin = data.decode("latin-1").translate(_CP1252_FROM_LATIN1)
    candidates = [(scheme, convert(latin, scheme)) for scheme in ("tcvn3", "vni")
                  if _fits(latin, scheme)]
    candidates.append(("cp1258", _nfc(data.decode("cp1258", errors="replace"))))
    if _viqr_hinted(latin) and _analyse_viqr(latin).scheme == "viqr":
        candidates.append(("viqr", convert(latin, "viqr")))
    # Best share of Vietnamese words, then more of them, then the commoner encoding.
    ranked = sorted(((*_share(text), -priority, encoding, text)
                     for priority, (encoding, text) in enumerate(candidates)), reverse=True)
    share, good, _priority, encoding, text = ranked[0]
    runner_up = ranked[1][0] if len(ranked) > 1 else 0.0
    # Most non-ASCII words Vietnamese, and two of them, or one where no rival reads any.
    if share >= 0.6 and (good >= 2 or (good == 1 and runner_up < share)):
        return text, encoding
    return None


def _share(text: str) -> tuple[float, int]:
    good, counted = _evidence(text)
    return (good / counted if counted else 0.0), good


def _evidence(text: str, limit: int = 5000) -> tuple[int, int]:
    """``(Vietnamese words, words counted)`` among the words that hold a non-ASCII
    character: the ones that tell encodings apart."""
    good = counted = 0
    for token in WORD.findall(text):
        if token.isascii():
            continue
        status = token_status(token)
        if status:
            counted += 1
            good += status > 0
            if counted >= limit:
                break
    return good, counted
