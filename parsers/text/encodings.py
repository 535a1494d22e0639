"""Decoding a text file's bytes: Unicode first, then the legacy Vietnamese encodings.

Order matters and is cheap: a BOM decides outright; UTF-16 without a BOM shows as
NUL bytes; strict UTF-8 almost never decodes legacy bytes by accident; UTF-8 with a
stray broken byte (a file cut mid-character, one pasted Windows-1252 quote) is still
UTF-8, since legacy bytes almost never form valid multi-byte sequences; what is left
is a single-byte legacy encoding, told apart by ``parsers.text.legacy.decode_legacy``
(TCVN3, VNI, Windows-1258, VIQR: whichever reads as Vietnamese), with Windows-1258 as
the last resort.
"""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

from parsers.errors import DecodeError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_bytes(data: bytes, path: str | Path = "<bytes>") -> tuple[str, str]:
    """Return ``(text, encoding)``; the text is NFC. Raises DecodeError naming the file."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _nfc(data.decode(encoding, errors="replace")), encoding
    head = data[:4096]
    if head and b"\x00" in head:
        odd_nuls, even_nuls = head[1::2].count(0), head[0::2].count(0)
        if max(odd_nuls, even_nuls) > len(head) // 4:
            encoding = "utf-16-le" if odd_nuls >= even_nuls else "utf-16-be"
            return _nfc(data.decode(encoding, errors="replace")), encoding
        raise DecodeError(path, "binary content (NUL bytes) in what should be a text file")
    try:
        return _nfc(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    multibyte = len(text) - len(text.encode("ascii", "ignore")) - broken
    if multibyte >= 2 * broken:
        return _nfc(text), "utf-8"
    try:
        from parsers.text import legacy  # noqa: PLC0415 - optional, heavier detector
    except ImportError:
        legacy = None
    if legacy is not None:
        found = legacy.decode_legacy(data)
        if found is not None:
            return found
    return _nfc(data.decode("cp1258", errors="replace")), "cp1258"


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)
