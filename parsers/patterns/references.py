"""How Vietnamese documents cite each other by number (Decree 30, Phụ lục I).

A code is ``number/[year/]KIND-ISSUER``: ``45/2020/NĐ-CP``, ``1094/UBND-NC`` (a
letter: the symbol starts with the issuer), ``138/KH-UBND``; Party documents print
``05-CT/TW``. A blank number (``Kế hoạch số /KH-UBND``) is a plan not yet numbered.
"""

from __future__ import annotations

import re

#: Words naming a document's kind, to the abbreviation GOLD.md uses.
KIND_NAMES: dict[str, str] = {
    "nghị định": "NĐ", "quyết định": "QĐ", "kế hoạch": "KH", "chỉ thị": "CT",
    "thông tư": "TT", "công văn": "CV", "văn bản": "CV", "nghị quyết": "NQ", "báo cáo": "BC",
    "hướng dẫn": "HD", "thông báo": "TB", "luật": "Luật", "tờ trình": "TTr", "chương trình": "CTr",
    "đề án": "ĐA", "kết luận": "KL", "thông tư liên tịch": "TTLT", "công điện": "CĐ",
    "quy chế": "QC", "pháp lệnh": "PL",
}

#: Kind abbreviations that may open a symbol (``KH-UBND``); a symbol that opens with
#: an issuer instead (``UBND-NC``) is a letter, kind ``CV``.
KIND_ABBREVIATIONS = frozenset({
    "NĐ", "QĐ", "KH", "CT", "TT", "NQ", "BC", "HD", "TB", "TTr", "CTr", "ĐA", "KL", "TTLT",
    "CĐ", "QC", "QyĐ", "PA", "CV", "GM", "BB", "L", "PL", "HĐ", "TTg",
})

_KIND_WORDS = "|".join(sorted((re.escape(k) for k in KIND_NAMES), key=len, reverse=True))
_SYMBOL = r"[A-ZĐ][A-Za-zĐđ0-9]*(?:\s?[-&]\s?[A-ZĐ][A-Za-zĐđ0-9&]*)*"

#: ``[Kind] [số] code [, ngày dd/mm/yyyy | ngày dd tháng mm năm yyyy]``.
REFERENCE = re.compile(
    r"(?:(?P<kindword>" + _KIND_WORDS + r")\s+(?:số\s*[:.]?\s*)?|\bsố\s*[:.]?\s*)?"
    r"(?P<code>(?P<number>\d{0,5})\s?/\s?(?:(?P<year>(?:19|20)\d{2})\s?/\s?)?(?P<symbol>" + _SYMBOL + r")"
    r"|(?P<party>\d{1,4}-[A-Z]{1,4}/[A-Z]{1,4}))"
    r"(?P<datepart>\s*,?\s*(?:ban hành\s+)?ngày\s*(?P<day>\d{1,2})?\s*(?:/|-|\.|\s+tháng\s+|tháng\s*)\s*"
    r"(?P<month>\d{1,2})?\s*(?:/|-|\.|\s+năm\s+|năm\s*)\s*(?P<dyear>(?:19|20)\d{2}))?",
    re.IGNORECASE)

#: A code needs a kind word or ``số`` before it, or a kind abbreviation in its
#: symbol, so that ``1/2`` or ``ISO 9001:2015`` are not references.
STANDARD = re.compile(r"\b(?:ISO|TCVN)\b", re.IGNORECASE)
