"""The standard charts of the legacy encodings, written out as the standards print
them, and encoders (Unicode -> legacy) built from them alone.

They are independent of ``parsers/data/*.tsv`` and of ``parsers.text.legacy`` on
purpose: the tests check each data file against its chart cell by cell, and the
fixtures made with these encoders are decoded by the library, so a wrong table
cannot agree with itself.

Sources: TCVN 5712:1993 table VN3 (the ABC fonts); the VNI-Windows chart of VNI
Software Company; RFC 1456 (VIQR); Microsoft's Windows-1258 code page, which Python
ships as the ``cp1258`` codec.
"""

from __future__ import annotations

import unicodedata
from functools import cache

#: Tone order of the TCVN 5712 chart: không dấu, huyền, hỏi, ngã, sắc, nặng.
TCVN_TONES = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")

#: TCVN 5712:1993, VN3: one row per vowel letter, one column per tone, the byte of
#: each letter (None where the letter is plain ASCII).
TCVN3_GRID: dict[str, tuple[int | None, ...]] = {
    "a": (None, 0xB5, 0xB6, 0xB7, 0xB8, 0xB9),
    "ă": (0xA8, 0xBB, 0xBC, 0xBD, 0xBE, 0xC6),
    "â": (0xA9, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB),
    "e": (None, 0xCC, 0xCE, 0xCF, 0xD0, 0xD1),
    "ê": (0xAA, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6),
    "i": (None, 0xD7, 0xD8, 0xDC, 0xDD, 0xDE),
    "o": (None, 0xDF, 0xE1, 0xE2, 0xE3, 0xE4),
    "ô": (0xAB, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9),
    "ơ": (0xAC, 0xEA, 0xEB, 0xEC, 0xED, 0xEE),
    "u": (None, 0xEF, 0xF1, 0xF2, 0xF3, 0xF4),
    "ư": (0xAD, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9),
    "y": (None, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE),
}
#: The letters outside the grid: đ and the seven capitals VN3 keeps.
TCVN3_OTHERS = {"đ": 0xAE, "Ă": 0xA1, "Â": 0xA2, "Ê": 0xA3, "Ô": 0xA4, "Ơ": 0xA5, "Ư": 0xA6, "Đ": 0xA7}


@cache
def tcvn3_chart() -> dict[str, int]:
    """Unicode letter -> TCVN3 byte, for the 74 letters VN3 encodes."""
    chart = dict(TCVN3_OTHERS)
    for letter, row in TCVN3_GRID.items():
        for tone, byte in zip(TCVN_TONES, row, strict=True):
            if byte is not None:
                chart[unicodedata.normalize("NFC", letter + tone)] = byte
    return chart


def encode_tcvn3(text: str) -> bytes:
    """Unicode -> TCVN3 bytes; Windows-1252 for the rest (“ ” – …). A capital VN3
    lacks raises: a TCVN3 file cannot hold it."""
    chart = tcvn3_chart()
    out = bytearray()
    for c in text:
        if c in chart:
            out.append(chart[c])
        else:
            out += c.encode("cp1252")
    return bytes(out)


def tcvn3_representable(text: str) -> str:
    """``text`` as a TCVN3 file holds it: capitals VN3 lacks (``Ủ``, ``Ộ``) written
    small, which is what a ``.VnTimeH`` heading becomes once the font is gone."""
    chart = tcvn3_chart()
    return "".join(c.lower() if c not in chart and c.lower() in chart else c for c in text)


#: VNI-Windows: tone order sắc, huyền, hỏi, ngã, nặng (keys 1–5 of the VNI keyboard).
VNI_TONES = ("\u0301", "\u0300", "\u0309", "\u0303", "\u0323")
#: The mark characters after a plain base (a e o u y, and ơ = ô, ư = ö).
VNI_TONE_MARKS = ("ù", "ø", "û", "õ", "ï")
#: Marks carrying circumflex + tone (â ê ô), and breve + tone (ă); first the bare modifier.
VNI_CIRCUMFLEX = ("â", "á", "à", "å", "ã", "ä")
VNI_BREVE = ("ê", "é", "è", "ú", "ü", "ë")
#: i and ỵ are single codes; so are đ, ơ and ư (ơ and ư then take the tone marks).
VNI_I = ("í", "ì", "æ", "ó", "ò")
VNI_SINGLE = {"ỵ": "î", "đ": "ñ", "ơ": "ô", "ư": "ö"}


@cache
def vni_chart() -> dict[str, str]:
    """Unicode letter -> VNI sequence (lower case), for every letter VNI changes."""
    chart: dict[str, str] = {"đ": "ñ", "ơ": "ô", "ư": "ö", "ỵ": "î"}
    for base in "aeouy":
        for tone, mark in zip(VNI_TONES, VNI_TONE_MARKS, strict=True):
            letter = unicodedata.normalize("NFC", base + tone)
            if letter != "ỵ":
                chart[letter] = base + mark
    for letter, base in (("ơ", "ô"), ("ư", "ö")):
        for tone, mark in zip(VNI_TONES, VNI_TONE_MARKS, strict=True):
            chart[unicodedata.normalize("NFC", letter + tone)] = base + mark
    for letter, base, marks in (("â", "a", VNI_CIRCUMFLEX), ("ê", "e", VNI_CIRCUMFLEX),
                                ("ô", "o", VNI_CIRCUMFLEX), ("ă", "a", VNI_BREVE)):
        chart[letter] = base + marks[0]
        for tone, mark in zip(VNI_TONES, marks[1:], strict=True):
            chart[unicodedata.normalize("NFC", letter + tone)] = base + mark
    for tone, code in zip(VNI_TONES, VNI_I, strict=True):
        letter = unicodedata.normalize("NFC", "i" + tone)
        if letter != code:
            chart[letter] = code
    return chart


def encode_vni(text: str) -> bytes:
    """Unicode -> VNI-Windows bytes; capitals take the capital base and mark."""
    chart = vni_chart()
    out = []
    for c in text:
        low = c.lower()
        if low in chart:
            out.append(chart[low] if c == low else chart[low].upper())
        else:
            out.append(c)
    return "".join(out).encode("cp1252")


#: Windows-1258 tone bytes: the code page has few precomposed letters and writes the
#: others as base + combining tone.
CP1258_TONES = {"\u0300": 0xCC, "\u0309": 0xD2, "\u0303": 0xDE, "\u0301": 0xEC, "\u0323": 0xF2}


def encode_cp1258(text: str) -> bytes:
    out = bytearray()
    for c in text:
        try:
            out += c.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", c)
        tones = [m for m in decomposed if m in CP1258_TONES]
        base = unicodedata.normalize("NFC", "".join(m for m in decomposed if m not in CP1258_TONES))
        out += base.encode("cp1258")
        out.extend(CP1258_TONES[tone] for tone in tones)
    return bytes(out)


#: RFC 1456: the mark characters and what they stand for.
VIQR_MODIFIERS = {"\u0306": "(", "\u0302": "^", "\u031b": "+"}
VIQR_TONES = {"\u0301": "'", "\u0300": "`", "\u0309": "?", "\u0303": "~", "\u0323": "."}
VIQR_MARK_CHARACTERS = frozenset("(^+'`?~.")
_VOWELS = frozenset("aeiouyAEIOUY")
_MODIFIABLE = {"(": "aA", "^": "aeoAEO", "+": "ouOU"}


def encode_viqr(text: str) -> str:
    """Unicode -> VIQR per RFC 1456, escaping a literal mark character with ``\\``
    wherever a reader would otherwise take it for a diacritic (``đi.`` -> ``ddi\\.``).

    Tracks what a reader sees: a word is a run of ASCII letters and mark characters
    opened by a letter; a mark combines with the vowel right before it unless that
    vowel already has one of its kind, and a vowel after anything but a vowel opens a
    new syllable. A literal ``d`` before ``d`` or ``đ`` is escaped (``dd`` is ``đ``).
    """
    text = unicodedata.normalize("NFC", text)
    out: list[str] = []
    in_word = False
    vowel = ""          # the vowel a following mark would attach to
    modified = toned = False
    for i, c in enumerate(text):
        decomposed = unicodedata.normalize("NFD", c)
        base, marks = decomposed[0], decomposed[1:]
        if c in "đĐ":
            out.append("dd" if c == "đ" else "DD")
            in_word, vowel = True, ""
            continue
        if base.isascii() and base.isalpha():
            escape = "\\" if base in "dD" and text[i + 1:i + 2] in ("d", "D", "đ", "Đ") else ""
            out.append(escape + base
                       + "".join(VIQR_MODIFIERS[m] for m in marks if m in VIQR_MODIFIERS)
                       + "".join(VIQR_TONES[m] for m in marks if m in VIQR_TONES))
            if base in _VOWELS:
                if not vowel:
                    toned = False
                toned = toned or any(m in VIQR_TONES for m in marks)
                modified = any(m in VIQR_MODIFIERS for m in marks)
                vowel = "" if escape else base
            else:
                vowel = ""
            in_word = True
            continue
        if in_word and c in VIQR_MARK_CHARACTERS:
            combines = vowel and _combines(c, vowel, modified, toned)
            out.append("\\" + c if combines else c)
            vowel = ""
            continue
        if in_word and c == "\\":
            out.append("\\\\")
            vowel = ""
            continue
        out.append(c)
        in_word, vowel = False, ""
    return "".join(out)


def _combines(mark: str, vowel: str, modified: bool, toned: bool) -> bool:
    if mark in _MODIFIABLE:
        return not modified and vowel in _MODIFIABLE[mark]
    return not toned
