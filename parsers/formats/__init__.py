"""The table of input formats: how each is recognised and which module reads it.

Formats are recognised by content (magic bytes), never by extension: the real corpus
holds a .docx saved under a .doc name. Adding a format is one reader module with a
``read(path, data, sha256) -> RawDocument`` function plus one line in ``FORMATS``;
the built-ins register exactly as an addition would. Reader modules are imported
lazily, so a heavy optional dependency costs nothing until its format is met.
"""

from __future__ import annotations

import hashlib
import importlib
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from parsers.errors import UnsupportedFormat
from parsers.model import RawDocument

PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
RTF_MAGIC = b"{\\rtf"


def _is_pdf(data: bytes) -> bool:
    return PDF_MAGIC in data[:1024]


def _is_docx(data: bytes) -> bool:
    if not data.startswith(ZIP_MAGIC):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return "word/document.xml" in z.namelist()
    except zipfile.BadZipFile:
        return True  # a truncated .docx: let its reader say what is wrong with it


def _is_legacy_word(data: bytes) -> bool:
    return data.startswith(OLE2_MAGIC) or data.startswith(RTF_MAGIC)


def _is_text(data: bytes) -> bool:
    """Anything that is not a known binary container is tried as text."""
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return True
    if b"\x00" in head:
        # UTF-16 without BOM has a NUL every other byte; other binaries are not text.
        return head[1::2].count(0) > len(head) // 4 or head[0::2].count(0) > len(head) // 4
    return True


@dataclass(frozen=True)
class Format:
    name: str
    module: str
    sniff: Callable[[bytes], bool]

    def reader(self) -> Callable[[Path, bytes, str], RawDocument]:
        return importlib.import_module(self.module).read


#: Checked in order: the first format whose sniff accepts the bytes reads them.
FORMATS: list[Format] = [
    Format("pdf", "parsers.formats.pdf", _is_pdf),
    Format("docx", "parsers.formats.docx", _is_docx),
    Format("doc", "parsers.formats.doc", _is_legacy_word),
    Format("txt", "parsers.formats.text", _is_text),
]


def detect(data: bytes, path: str | Path = "<bytes>") -> Format:
    """The format of a file's bytes, or UnsupportedFormat naming the file."""
    for fmt in FORMATS:
        if fmt.sniff(data):
            return fmt
    raise UnsupportedFormat(path, "not a text, .docx, .doc or .pdf file (content not recognised)")


def read(path: str | Path, data: bytes | None = None) -> RawDocument:
    """Read one file into blocks, whatever its format."""
    path = Path(path)
    if data is None:
        data = path.read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    fmt = detect(data, path)
    return fmt.reader()(path, data, sha)
