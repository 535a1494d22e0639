"""How criterion codes are printed and introduced (PAR INDEX, QĐ 1187/QĐ-BNV)."""

from __future__ import annotations

#: ``1``, ``1.4``, ``1.4.2``, ``5.4.3.4``, and the comma forms ``7,2``, ``4,2``.
CODE = r"\d{1,2}(?:[.,]\d{1,2}){0,3}"

#: Words that introduce a code in prose.
INTRODUCER = (r"(?:tiêu chí thành phần|tiêu chí|TCTP|chỉ số thành phần|chỉ số|lĩnh vực)"
              r"(?=\s*(?:số\s*)?\(?\s*\d)")
