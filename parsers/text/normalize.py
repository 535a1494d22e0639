"""Normalisation: the one coordinate system every span points into.

Applied to every block whatever its format, after the reader has decoded the bytes
(legacy encodings are converted before this, because TCVN3's ``ư`` is a byte that
reads as a soft hyphen and would be lost here). It is idempotent and returns NFC.

It deliberately does not re-space punctuation: underthesea's ``text_normalize``
turns ``75/KH-UBND`` into ``75 / KH-UBND``, which breaks every reference.
"""

from __future__ import annotations

import re
import unicodedata

#: Characters that render as nothing or as a plain space.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2002\u2003\u2009\u202f\u3000\u000b\u000c"), " ")
#: PDFs made from some fonts print Icelandic eth (U+00D0/U+00F0) for Vietnamese đ
#: (the real QĐ 1187/QĐ-BNV PDF does); no Vietnamese text uses eth.
_LOOKALIKES = {ord("\u00d0"): "Đ", ord("\u00f0"): "đ"}
_TABLE = {**_INVISIBLE, **_SPACES, **_LOOKALIKES}
#: pypdfium2 prints a line-end hyphen as U+0002.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")

#: Markdown emphasis (``**bold**``, ``*italic*``) as portals and chat tools render
#: documents; GOLD.md: formatting marks are not part of a name. A ``*`` standing
#: alone between spaces (a bullet) is kept.
_EMPHASIS = re.compile(r"\*{1,3}(?=\S)|(?<=\S)\*{1,3}")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_RUNS_OF_SPACE = re.compile(r"[ \t]{2,}")


def normalize_inline(text: str) -> str:
    """Normalise one line or cell: NFC, look-alikes, invisible marks, emphasis, spaces.

    >>> normalize_inline("**Ð\u1ed3ng  Tháp**\u00a0")
    'Đồng Tháp'
    """
    text = unicodedata.normalize("NFC", text)
    text = text.translate(_TABLE)
    text = _CONTROL.sub("", text)
    text = _MD_HEADING.sub("", text)
    text = _MD_ESCAPE.sub(r"\1", text)
    text = _EMPHASIS.sub("", text)
    text = _RUNS_OF_SPACE.sub(" ", text.replace("\t", " "))
    return text.strip()


def normalize_block_text(text: str) -> str:
    """Normalise a block that may hold several lines (a table cell, a docx paragraph
    with line breaks): each line is normalised and empty lines dropped."""
    lines = (normalize_inline(line) for line in text.splitlines())
    return "\n".join(line for line in lines if line)
