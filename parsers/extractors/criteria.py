"""Criterion codes of the PAR INDEX / SIPAS that a task names.

Codes are strings with dots (``7,2`` is printed by many offices and means ``7.2``;
``1.10`` is not ``1.1``). In prose a code counts only after a word that introduces a
criterion (``tiêu chí thành phần 1.4.2``, ``TCTP 7,2``, ``chỉ số 3.4.1``), so section
numbers and dates are never read as codes; in a table's criterion column every
code in the cell counts, a lone field number (``9``) included.
"""

from __future__ import annotations

import re

from parsers.patterns.criteria import CODE, INTRODUCER


def normalise_code(code: str) -> str:
    """``7,2`` → ``7.2``; trailing dots dropped."""
    return code.replace(",", ".").strip(" .")


def codes_in_cell(cell: str) -> list[str]:
    """Every code in a criterion column cell: ``1.4.2``, ``7,2``, ``9``."""
    return [normalise_code(m.group(0)) for m in re.finditer(CODE + r"(?![\d%/])", cell)
            if not re.fullmatch(r"(?:19|20)\d{2}", m.group(0))]


_PROSE = re.compile(INTRODUCER + r"\s*(?:số\s*)?(?:\(\s*)?(?P<code>" + CODE + r")(?![\d%/]|[.,]\d)"
                    r"(?P<more>(?:\s*(?:,|;|và|&)\s*" + CODE + r"(?![\d%/]|[.,]\d))*)",
                    re.IGNORECASE)
_MORE = re.compile(CODE)


def extract_criteria(text: str) -> list[tuple[str, int, int]]:
    """Codes named in prose, in order, with spans.

    >>> [c for c, _, _ in extract_criteria("Tiêu chí thành phần 1.4.2 và TCTP 7,2")]
    ['1.4.2', '7.2']
    """
    out: list[tuple[str, int, int]] = []
    for m in _PROSE.finditer(text):
        code = normalise_code(m.group("code"))
        if "." not in code and not re.match(r"\s*(?:lĩnh vực|tiêu chí)", m.group(0), re.IGNORECASE):
            continue
        out.append((code, m.start("code"), m.end("code")))
        # "Tiêu chí 1.3, 1.4": a list under one introducer
        for more in _MORE.finditer(m.group("more") or ""):
            start = m.start("more") + more.start()
            out.append((normalise_code(more.group(0)), start, start + len(more.group(0))))
    return out
