"""Units and their roles: who leads (chủ trì) and who supports (phối hợp) a task.

Three sources, in the order the task extractor consults them:

1. labelled fields — ``Chủ trì thực hiện: X``, ``Phối hợp: Y``, ``Cơ quan chủ trì``
   columns — whose value is a list of units;
2. sentences — ``X chủ trì, phối hợp với Y ...``, ``Giao X ...``, ``Đề nghị X ...``,
   ``X chỉ đạo ...``: the subject is found on underthesea's words (``parsers.nlp``),
   ending where the predicate starts;
3. context — a group heading that names a unit, or a directive's addressees, for a
   task whose first sentence names no subject (done by the task extractor).

List splitting follows GOLD.md: ``;`` always splits; a comma splits only where what
follows is itself a unit's name; ``và`` never splits.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from parsers import nlp
from parsers.patterns.units import (
    BOUNDARY_PHRASES,
    CONTINUER_PHRASES,
    HEAD_EXACT,
    HEAD_KEY,
    NAME_SYLLABLES,
    TAIL_KEY,
    tone_free,
)

Span = tuple[str, int, int]  # text as printed, start, end (offsets in the given text)

#: ``Giao X ...``, ``Đề nghị X ...``: the unit after the verb leads.
ASSIGN_VERB = re.compile(r"^(?:Giao(?:\s+cho)?|Đề nghị|Yêu cầu|Phân công|Ủy quyền|Uỷ quyền)\s+")
#: Adverbials that may stand before a subject: ``Căn cứ Kế hoạch này, X ...``;
#: ``Định kỳ X báo cáo ...``.
LEADING_ADVERBIAL = re.compile(
    r"^(?:(?:Căn cứ|Trên cơ sở|Theo|Đồng thời|Trong đó|Bên cạnh đó|Ngoài ra)[^,]{0,120},\s*|"
    r"(?:Định kỳ|Hằng|Hàng)(?:\s+(?:hằng|hàng))?(?:\s+(?:tháng|quý|năm|tuần))?\s+(?=\w))")
#: The object of a coordination: ``phối hợp (chặt chẽ) (với) Y``; ``với sự phối hợp của Y``.
SUPPORT_CUE = re.compile(
    r"(?:phối hợp(?:\s+chặt chẽ)?(?:\s+với)?|với sự phối hợp của|cùng với|phối hợp cùng)\s+(?=\S)",
    re.IGNORECASE)
LEAD_CUE = re.compile(r"\bchủ trì\b", re.IGNORECASE)
#: What may follow the unit list in a field's value: ``... thị trấn tổ chức thực hiện``.
#: Only role predicates: "Ban Quản lý dự án đầu tư xây dựng huyện" is one name.
PREDICATE = re.compile(
    r"^(?:(?:tổ chức |triển khai )?thực hiện|chủ trì|phối hợp|chịu trách nhiệm|có trách nhiệm|"
    r"theo dõi|tham mưu|triển khai|làm đầu mối|là đầu mối|hướng dẫn|tổ chức)\b",
    re.IGNORECASE)


def starts_with_unit(text: str) -> bool:
    """Whether ``text`` opens with a unit's head noun (``Phòng``, ``UBND``, ``Công an``)."""
    return _starts_with_unit(text[:48])  # heads are short; the cache key stays small


@lru_cache(maxsize=8192)
def _starts_with_unit(text: str) -> bool:
    text = text.lstrip(" -+•*(").lstrip()
    return bool(HEAD_EXACT.match(text.lower()) or HEAD_KEY.match(tone_free(text)))


_WORD = re.compile(r"\w+|[^\w\s]")
_FAST_STOP = re.compile(
    r"(?:" + "|".join(sorted(map(re.escape, BOUNDARY_PHRASES), key=len, reverse=True))
    + r"|tiến hành|tổ chức(?! chính trị)|phản ánh|đăng tải|cập nhật|giám sát|hỗ trợ|vận động|"
      r"phổ biến|tuyên truyền|xác định|tập trung|phát huy|thực thi|ứng dụng)(?!\w)")
_FAST_CONTINUE = re.compile(
    r"(?:" + "|".join(sorted(map(re.escape, CONTINUER_PHRASES), key=len, reverse=True)) + r")(?!\w)")


def _fast_end(text: str) -> int | None:
    """Where the unit phrase ends, when that is plain without parts of speech:
    capitalised words and name syllables up to a boundary phrase. None: ask
    underthesea."""
    end = 0
    tokens = list(_WORD.finditer(text[:400]))
    k = 0
    while k < len(tokens):
        m = tokens[k]
        tok = m.group()
        if k > 0 and tok[0].islower() and _FAST_STOP.match(text, m.start()):
            nxt = text[m.start():m.start() + 20].lower()
            if nxt.startswith(("được giao", "được phân công")):
                return None
            return end or None
        if tok in ".:!?":
            return end or None
        cont = _FAST_CONTINUE.match(text, m.start()) if tok[0].islower() else None
        if cont and not cont.group(0).startswith("được"):
            end = cont.end()  # "Công chức phụ trách Văn hoá": a name goes on
            while k < len(tokens) and tokens[k].start() < end:
                k += 1
            continue
        if tok == ";":
            if starts_with_unit(text[m.end():]):
                k += 1
                continue
            return end or None
        if tok == "(":
            close = text.find(")", m.start())
            if close < 0:
                return None
            end = close + 1
            while k < len(tokens) and tokens[k].start() < end:
                k += 1
            continue
        if tok in (",", "-", "–", "&", "/"):
            k += 1
            continue
        second_syllable = tok[0].islower() and k > 0 and tokens[k - 1].group()[0].isupper() \
            and tokens[k - 1].end() + 1 == m.start()
        if tok[0].isupper() or tok.lower() in NAME_SYLLABLES or tok.isdigit() or second_syllable:
            # "Nội vụ", "Tư pháp", "Thủ trưởng": a capitalised word's second syllable
            end = m.end()
            k += 1
            continue
        return None
    return end or None  # the whole text is the phrase: a field's value, a cell


def phrase_end(text: str) -> int:
    """Where the unit phrase that opens ``text`` ends: before the predicate.

    >>> text = "Phòng Nội vụ phối hợp Văn phòng HĐND&UBND thị xã tiến hành đánh giá"
    >>> text[:phrase_end(text)]
    'Phòng Nội vụ'
    """
    fast = _fast_end(text)
    if fast is not None:
        return fast
    prefix = _clause_prefix(text)
    end = _tagged_end(text, prefix)
    if len(prefix) < len(text) and end >= len(prefix) - 12:
        # the phrase may run past the prefix (a long list of addressees): look further
        end = _tagged_end(text, _clause_prefix(text, 320))
    return end


def _tagged_end(text: str, prefix: str) -> int:
    """phrase_end on underthesea's words of ``prefix``."""
    words = nlp.tag(prefix)
    end = 0
    k = 0
    while k < len(words):
        word = words[k]
        if word.tag == "STOP" and k > 0 and word.text[:1].islower():
            break  # a capitalised "Xây dựng" is inside a name: "Phòng Xây dựng và Kiểm tra ..."
        if word.text == "(":
            close = text.find(")", word.start)
            if close < 0:
                break
            end = close + 1
            while k < len(words) and words[k].start < end:
                k += 1
            continue
        if word.tag == "CH":
            if word.text == ";" and starts_with_unit(text[word.end:]):
                k += 1  # "Giám đốc các sở, ...; Chủ tịch UBND các huyện": one list
                continue
            if word.text in ".;:!?":
                break
            k += 1
            continue
        lower_initial = word.text[:1].islower()
        after_joint = k > 0 and words[k - 1].text in ("và", ",", "&")
        if k > 0 and lower_initial and word.tag not in ("NAME", "CONT") and word.tag[:1] in ("V", "A", "R", "P", "T") \
                and not (after_joint and starts_with_unit(text[word.start:])):
            role_at = _role_marker_ahead(words, k)
            if role_at is None:
                break
            end = words[role_at - 1].end  # "Phòng Phổ biến, giáo dục pháp luật chủ trì": a name
            k = role_at
            break
        if word.tag == "CONT" and word.text.lower() in ("được giao", "được phân công") and k + 1 < len(words) \
                and (words[k + 1].tag == "STOP" or words[k + 1].tag[:1] == "V"):
            break  # "được phân công chủ trì": the predicate, not part of the name
        if word.tag != "C":
            end = word.end
        k += 1
    return end


def _clause_prefix(text: str, limit: int = 90) -> str:
    """The part of a sentence a subject can stand in: up to ``limit`` characters,
    cut at a word boundary, so underthesea tags a few words and not a paragraph."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[:cut if cut > 0 else limit]


#: Words that say "the unit list ends here and its role follows".
_ROLE_MARKERS = frozenset({"chủ trì", "phối hợp", "có trách nhiệm", "chịu trách nhiệm", "làm đầu mối",
                           "là đầu mối", ":"})


def _role_marker_ahead(words, k: int, reach: int = 6) -> int | None:
    """Index of a role marker a few words after ``k`` in the same clause: a verb-like
    word followed shortly by ``chủ trì`` or ``:`` is still part of a name."""
    for j in range(k + 1, min(len(words), k + 1 + reach)):
        text = words[j].text.lower()
        if text in _ROLE_MARKERS:
            return j
        if words[j].tag == "CH" and text in ",.;!?()":
            return None
        if words[j].tag == "STOP":
            return None
    return None


def split_units(text: str, offset: int = 0) -> list[Span]:
    """Split a list of units per GOLD.md, keeping each unit's printed text and span.

    >>> [u for u, _, _ in split_units("Phòng Nội vụ; UBND các xã, thị trấn")]
    ['Phòng Nội vụ', 'UBND các xã, thị trấn']
    >>> [u for u, _, _ in split_units("Cán bộ, công chức, Mặt trận và các đoàn thể thị trấn")]
    ['Cán bộ, công chức', 'Mặt trận và các đoàn thể thị trấn']
    """
    cuts = [0]
    depth = 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif (depth == 0 and ch == ";") or (depth == 0 and ch == "," and _splits_before(text[i + 1:])):
            cuts.append(i)
    cuts.append(len(text))
    out: list[Span] = []
    for a, b in itertools.pairwise(cuts):
        piece = text[a:b]
        lead = len(piece) - len(piece.lstrip(" ,;-+•*"))
        piece = piece.strip(" ,;-+•*")
        piece = re.sub(r"^(?:và|với)\s+", "", piece)
        piece = _ALIAS.sub("", piece).rstrip(" .:;,")
        if (piece and starts_with_unit(piece)) or (piece and _is_unit_text(piece)):
            start = offset + a + lead
            out.append((piece, start, start + len(piece)))
    return out


#: Tails that start a unit of their own when a proper name follows them (tone-free keys).
NAMED_TAILS = frozenset(tone_free(t) for t in ("công chức", "viên chức", "đơn vị", "cơ quan", "tổ chức",
                                                "hội", "đoàn", "sở", "ban"))

#: "(sau đây gọi chung là các cơ quan, đơn vị, địa phương)" names a list; it is not
#: part of the last unit's name.
_ALIAS = re.compile(r"\s*\((?:sau đây|dưới đây)?\s*(?:gọi|viết)\s+(?:chung|tắt)\s+là[^)]*\)?\s*$",
                    re.IGNORECASE)


def _is_unit_text(piece: str) -> bool:
    """A piece that opens with no head noun is kept when it is a proper name
    (capitalised) — ``Cán bộ công chức thị trấn`` is covered by the head list."""
    return piece[:1].isupper() and len(piece.split()) <= 12


def _splits_before(rest: str) -> bool:
    """After a comma: does a new unit start here?"""
    stripped = rest.lstrip()
    key = tone_free(stripped)
    tail = TAIL_KEY.match(key)
    if tail:
        # "..., công chức Văn hoá – xã hội" is a unit of its own; "..., xã Tân Hồng" or
        # "..., đặc khu Cồn Cỏ" only names a place inside the same unit
        after = stripped[len(tail.group(0)):].lstrip()
        return tail.group(0) in NAMED_TAILS and after[:1].isupper() and after[:1].isalpha()
    return starts_with_unit(stripped)


def units_at(text: str, offset: int = 0) -> list[Span]:
    """The unit list that opens ``text`` (up to the predicate), split."""
    if not starts_with_unit(text):
        return []
    end = phrase_end(text)
    return split_units(text[:end], offset) if end else []


def field_units(value: str, offset: int = 0) -> list[Span]:
    """The units of a labelled field's value (``Chủ trì thực hiện: X, Y``): a list,
    possibly followed by a predicate (``Cán bộ, công chức thị trấn tổ chức thực hiện``)."""
    out: list[Span] = []
    pos = 0
    for piece in value.split(";"):
        piece_offset = offset + pos
        pos += len(piece) + 1
        lead = len(piece) - len(piece.lstrip())
        piece = piece.strip()
        if not piece:
            continue
        if not starts_with_unit(piece):
            if piece[:1].isupper() and len(piece) < 200:
                out += split_units(piece.rstrip("."), piece_offset + lead)
            continue
        end = phrase_end(piece)
        if not PREDICATE.match(piece[end:].lstrip()):
            end = len(piece)  # a list value is all units: a verb inside is part of a name
        out += split_units(piece[:end], piece_offset + lead)
    return out


_ROLE_CLAUSE = re.compile(r"\b(?:chủ trì|phối hợp)\b", re.IGNORECASE)


def role_clauses(value: str, offset: int = 0) -> tuple[list[Span], list[Span]] | None:
    """``Phòng Tư pháp chủ trì; Phòng TC-KH, Phòng LĐ-TB&XH phối hợp`` — a value that
    says each unit's role after it; None when the value names no role.

    >>> leads, supports = role_clauses("Phòng Kinh tế chủ trì; Hội Nông dân xã phối hợp")
    >>> [u for u, _, _ in leads], [u for u, _, _ in supports]
    (['Phòng Kinh tế'], ['Hội Nông dân xã'])
    """
    if not _ROLE_CLAUSE.search(value):
        return None
    leads: list[Span] = []
    supports: list[Span] = []
    matched = False
    pos = 0
    for piece in value.split(";"):
        piece_offset = offset + pos
        pos += len(piece) + 1
        lead_space = len(piece) - len(piece.lstrip())
        text = piece.strip().rstrip(".")
        base = piece_offset + lead_space
        m = re.search(r"\s+(chủ trì|phối hợp)(?:\s+thực hiện)?\s*$", text, re.IGNORECASE)
        if m:  # "X chủ trì" / "Y phối hợp"
            matched = True
            units = split_units(text[:m.start()], base)
            (leads if m.group(1).lower() == "chủ trì" else supports).extend(units)
            continue
        m = re.match(r"(?:chủ trì|phối hợp)(?:\s+với)?\s*:?\s*", text, re.IGNORECASE)
        if m:  # "phối hợp với Y", "chủ trì: X"
            matched = True
            units = field_units(text[m.end():], base + m.end())
            (leads if text[:m.end()].lower().startswith("chủ trì") else supports).extend(units)
            continue
        leads += field_units(text, base)
    return (leads, supports) if matched else None


def sentence_roles(sentence: str, offset: int = 0) -> tuple[list[Span], list[Span], bool]:
    """Leads and supports one sentence names, and whether it has a subject of its own.

    >>> leads, supports, own = sentence_roles("Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ tổ chức")
    >>> [u for u, _, _ in leads], [u for u, _, _ in supports], own
    (['Sở Tư pháp'], ['Sở Nội vụ'], True)
    """
    leads: list[Span] = []
    supports: list[Span] = []
    text = sentence
    start = 0
    m = ASSIGN_VERB.match(text)
    if m and starts_with_unit(text[m.end():]):
        start = m.end()
    else:
        m = LEADING_ADVERBIAL.match(text)
        if m and starts_with_unit(text[m.end():]):
            start = m.end()
    own = False
    rest_from = start
    if starts_with_unit(text[start:]):
        end = phrase_end(text[start:])
        if end:
            leads = split_units(text[start:start + end], offset + start)
            own = bool(leads)
            rest_from = start + end
    for cue in SUPPORT_CUE.finditer(text, rest_from):
        obj_start = cue.end()
        # the partners of "phối hợp với" may be any proper names ("VNPT Đắk Lắk") and
        # may run on after a semicolon ("Công an xã; Đoàn Thanh niên xã")
        while obj_start < len(text) and (starts_with_unit(text[obj_start:]) or text[obj_start].isupper()):
            end = phrase_end(text[obj_start:])
            if not end:
                break
            supports.extend(split_units(text[obj_start:obj_start + end], offset + obj_start))
            after = text[obj_start + end:]
            m = re.match(r"\s*;\s*", after)
            if not m or not starts_with_unit(after[m.end():]):
                break
            obj_start += end + m.end()
    return leads, supports, own
