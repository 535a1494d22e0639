"""Matching keys and a readability score, both built on one Vietnamese syllable check.

A unit name is printed ``Ủy ban nhân dân`` in one plan and ``Uỷ ban nhân dân`` in the
next (the tone of ``uy``/``oa``/``oe`` sits on either vowel, both spellings are
correct and both are common), ``HĐND&UBND`` in a header and ``HĐND và UBND`` in the
body. :func:`match_key` gives such variants one key, kept *beside* the text: the stored
text stays as printed, because every span points into it.

:func:`readability` answers "is this still Vietnamese?": the share of word tokens that
are well-formed Vietnamese syllables. Text that a legacy font left garbled
(``Céng hßa x· héi``) scores low, so a document is flagged instead of silently
producing no records.

Both rest on :func:`is_syllable`, an orthographic check (onset + rhyme + tone, after
the spelling rules of Quốc ngữ) rather than a dictionary: it accepts every syllable
of the language and a few unattested ones, and no encoding garbage.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache
from typing import Literal

# --------------------------------------------------------------------------- data

#: The five written tones as combining marks (the sixth, ngang, has none).
_GRAVE, _ACUTE, _TILDE, _HOOK, _DOT = "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"
TONE_MARKS = frozenset((_GRAVE, _ACUTE, _TILDE, _HOOK, _DOT))

#: Vowel letters without tone; â ă ê ô ơ ư carry a modifier, which is part of the letter.
VOWELS = frozenset("aăâeêioôơuưy")
_MODIFIED = frozenset("ăâêôơư")

#: Initial consonants of Quốc ngữ (the empty onset is implied). ``qu`` counts as one,
#: as ``gi`` before a vowel does (``giữ``, ``gia``); ``g`` + ``ì`` covers ``gì``.
ONSETS = ("ngh", "ng", "nh", "gh", "gi", "kh", "ch", "ph", "th", "tr", "qu",
          "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x")

#: Every rhyme (medial + nucleus + coda) of the standard orthography, without tone,
#: grouped by nucleus. Sources: Đoàn Thiện Thuật, *Ngữ âm tiếng Việt* (rhyme table),
#: cross-checked against the rhymes that occur in the Unicode documents of the corpus.
_RHYME_GROUPS = (
    "a ac ach ai am an ang anh ao ap at au ay",
    "ăc ăm ăn ăng ăp ăt",
    "âc âm ân âng âp ât âu ây",
    "e ec em en eng eo ep et",
    "ê êch êm ên ênh êp êt êu",
    "i ia ich im in inh ip it iu",
    "iêc iêm iên iêng iêp iêt iêu",
    "o oc oi om on ong op ot ooc oong",
    "ô ôc ôi ôm ôn ông ôp ôt",
    "ơ ơi ơm ơn ơp ơt",
    "u ua uc ui um un ung up ut",
    "uôc uôi uôm uôn uông uôt",
    "ư ưa ưc ưi ưm ưn ưng ưt ưu",
    "ươc ươi ươm ươn ương ươp ươt ươu",
    "y yêm yên yêng yêt yêu",
    "oa oac oach oai oam oan oang oanh oao oap oat oay",
    "oăc oăm oăn oăng oăt",
    "oe oen oeo oet",
    "uân uâng uât uây",
    "uê uêch uênh",
    "uơ",
    "uy uya uych uyn uynh uyp uyt uyu",
    "uyên uyêt",
    # Tây Nguyên place names written with -k in official names (Đắk Lắk, Krông Búk)
    "ak ăk ôk uk ơk",
)
RHYMES = frozenset(rhyme for group in _RHYME_GROUPS for rhyme in group.split())

#: A syllable closed by a stop (-c, -ch, -p, -t, and -k of place names) takes only sắc
#: or nặng (``học``, ``hóc``; never ``hòc``). Unaccented text (``hoc``) is let through:
#: it is readable.
_STOPS = ("c", "ch", "p", "t", "k")

#: Spelling rules: ``c`` never before i/e/ê/y (that is ``k``); ``gh``/``ngh`` only
#: before i/e/ê, ``g``/``ng`` never before e/ê or i (``gi`` is its own onset).
_FRONT = ("i", "e", "ê", "y")

TokenStatus = Literal[-1, 0, 1]

# ---------------------------------------------------------------- syllable check


def _split_tone(word: str) -> tuple[str, str | None, int]:
    """``(toneless NFC letters, tone mark or None, number of tone marks)``."""
    decomposed = unicodedata.normalize("NFD", word)
    tones = [c for c in decomposed if c in TONE_MARKS]
    if not tones:
        return unicodedata.normalize("NFC", decomposed), None, 0
    bare = "".join(c for c in decomposed if c not in TONE_MARKS)
    return unicodedata.normalize("NFC", bare), tones[0], len(tones)


@lru_cache(maxsize=65536)
def is_syllable(word: str) -> bool:
    """True when ``word`` is one well-formed Vietnamese syllable, in any case.

    Tone position is not judged (``hoà`` and ``hòa`` both pass); spelling rules are:

    >>> [is_syllable(w) for w in ("Cộng", "hòa", "hoà", "NGHĨA", "quyết", "giữ")]
    [True, True, True, True, True, True]
    >>> [is_syllable(w) for w in ("héi", "hßa", "Coäng", "hòc", "ci")]
    [False, False, False, False, False]
    """
    if not word or len(word) > 8:
        return False
    base, tone, count = _split_tone(word.lower())
    if count > 1:
        return False
    for onset in ("", *ONSETS):
        if not base.startswith(onset):
            continue
        rest = base[len(onset):]
        if ((rest in RHYMES or (onset == "qu" and "u" + rest in RHYMES))
                and _spelling_ok(onset, rest) and _tone_ok(rest, tone)):
            return True
    return False


def _spelling_ok(onset: str, rest: str) -> bool:
    front = rest.startswith(_FRONT)
    if onset == "c" or onset in ("g", "ng"):
        return not front or (onset == "g" and rest.startswith("i"))
    if onset in ("gh", "ngh"):
        return front and not rest.startswith("y")
    # ``yê`` opens a syllable (``yêu``) or follows the medial u (``quyết``, ``tuyên``)
    return onset in ("", "qu") or not rest.startswith("yê")


def _tone_ok(rest: str, tone: str | None) -> bool:
    return tone is None or tone in (_ACUTE, _DOT) or not rest.endswith(_STOPS)


# ------------------------------------------------------------------ tokens

#: Word tokens: runs of anything but spaces and punctuation. Latin-1 symbols such as
#: ``·`` or ``¸`` stay inside a token on purpose: in TCVN3 text read as Latin-1 they
#: are letters (``X·`` is ``Xã``), and a token holding one is not Vietnamese.
WORD = re.compile(r"[^\s!-/:-@\[-`{-~\u2010-\u2027\u2030-\u205e«»]+")

#: Abbreviations (``UBND``, ``HĐND``, ``TTg``, ``QĐ``): two or more capitals of the
#: unaccented alphabet plus Đ, possibly a lower-case tail as in ``TTg``.
_ABBREVIATION = re.compile(r"[A-ZĐ]{2,}[a-zđ]?|[A-ZĐ][a-zđ]?[A-ZĐ]+")


@lru_cache(maxsize=65536)
def token_status(token: str) -> TokenStatus:
    """1 for a Vietnamese syllable, 0 for a neutral token, -1 for a foreign or
    garbled one.

    Neutral: numbers and codes (``2025``, ``75``, ``TT-BNV``), abbreviations
    (``UBND``, ``CCHC``), single letters (list labels ``a``, ``b``) and symbols.
    """
    if any(c.isdecimal() for c in token):   # not isdigit: TCVN3 ạ reads as ¹
        return 0
    if not token.isalpha():
        return -1 if any(c.isalpha() for c in token) else 0
    if is_syllable(token):
        return 1
    if len(token) == 1 or _ABBREVIATION.fullmatch(token):
        return 0
    return -1


def readability(text: str) -> float:
    """Share of word tokens that are Vietnamese syllables, neutral tokens left out.

    >>> readability("Ủy ban nhân dân tỉnh (UBND) ban hành Kế hoạch số 75/KH-UBND")
    1.0
    >>> readability("Céng hßa x· héi chñ nghÜa ViÖt Nam") < 0.5
    True

    A text with no word that counts either way (empty, or only numbers) scores 1.0:
    nothing in it is garbled; whether it is empty is another question.
    """
    text = unicodedata.normalize("NFC", text)
    good = bad = 0
    # The same tokens as WORD over the whole text, counted once per distinct chunk.
    for chunk, times in Counter(text.split()).items():
        chunk_good, chunk_bad = _chunk_counts(chunk)
        good += chunk_good * times
        bad += chunk_bad * times
    return good / (good + bad) if good + bad else 1.0


@lru_cache(maxsize=65536)
def _chunk_counts(chunk: str) -> tuple[int, int]:
    """``(Vietnamese, garbled)`` word counts of one space-delimited chunk."""
    good = bad = 0
    for token in WORD.findall(chunk):
        status = token_status(token)
        good += status > 0
        bad += status < 0
    return good, bad


# --------------------------------------------------------------------- keys

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
#: ``Ð`` (eth) is a PDF font's stand-in for ``Đ``; quotes and dashes come in many forms.
_LOOKALIKES = str.maketrans({
    "\u00d0": "Đ", "\u00f0": "đ",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u2032": "'",
})
_AMPERSAND = re.compile(r"\s*&\s*")
_DASH = re.compile(r"\s*[-\u2010-\u2015\u2212]\s*")
_SPACE = re.compile(r"\s+")
_EDGE = " .,;:"


def match_key(text: str) -> str:
    """The key under which two spellings of one name or phrase meet.

    Casefolded and NFC; ``&`` read as ``và``; every dash one ``-`` without spaces
    around it; runs of spaces one space; tone marks placed by one convention, the
    one most administrative documents use (``hòa``, ``thủy``, ``khỏe``: on the first
    vowel of an open ``oa``/``oe``/``uy``).

    >>> match_key("Văn phòng HĐND&UBND") == match_key("Văn  phòng HĐND và UBND")
    True
    >>> match_key("Uỷ ban nhân dân xã Hoà Bình")
    'ủy ban nhân dân xã hòa bình'
    >>> match_key("Giai đoạn 2021 – 2025")
    'giai đoạn 2021-2025'
    """
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE).translate(_LOOKALIKES)
    text = unicodedata.normalize("NFC", text.casefold())   # casefold may decompose (ǰ)
    text = _AMPERSAND.sub(" và ", text)
    text = _DASH.sub("-", text)
    text = _SPACE.sub(" ", text).strip(_EDGE)
    return WORD.sub(lambda m: place_tone(m.group()), text)


@lru_cache(maxsize=65536)
def place_tone(word: str) -> str:
    """``word`` (lower case) with its tone mark moved to the vowel the key convention
    puts it on; anything that is not a syllable is returned unchanged.

    >>> [place_tone(w) for w in ("hoà", "thuỷ", "khoẻ", "hoàn", "người", "quý", "ngoài")]
    ['hòa', 'thủy', 'khỏe', 'hoàn', 'người', 'quý', 'ngoài']
    """
    base, tone, count = _split_tone(word)
    if count != 1 or not word.islower() or not is_syllable(word):
        return word
    target = _tone_position(base)
    if target is None:
        return word
    marked = unicodedata.normalize("NFC", base[target] + tone)
    return base[:target] + marked + base[target + 1:]


def _tone_position(base: str) -> int | None:
    """Index in the toneless syllable of the vowel that carries the tone."""
    start = 0
    if base[:2] in ("qu", "gi") and len(base) > 2 and base[2] in VOWELS:
        start = 2
    else:
        while start < len(base) and base[start] not in VOWELS:
            start += 1
    end = start
    while end < len(base) and base[end] in VOWELS:
        end += 1
    if start == end:
        return None
    cluster = base[start:end]
    modified = [i for i, c in enumerate(cluster) if c in _MODIFIED]
    if modified:                       # ươ, uô, iê, uâ: on the modified vowel (the last)
        return start + modified[-1]
    if len(cluster) == 1:
        return start
    if end < len(base):                # closed syllable: on the last vowel (hoàn, quỳnh)
        return end - 1
    if len(cluster) == 3:              # oai, oay, uya, uyu: on the middle one
        return start + 1
    return start                       # open oa, oe, uy, ai, ia, ua…: on the first
