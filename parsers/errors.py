"""Errors the readers and the pipeline raise, each with a stable code.

The code goes into the ``ingest_errors`` table and scripts can match on it; the
message always names the file and the cause, because an archivist reading a log of
thousands of files needs to know which one failed and why without a traceback.
"""

from __future__ import annotations

from pathlib import Path


class VanbanError(Exception):
    """Base class: ``code`` is stable across releases, ``str(e)`` names file and cause."""

    code = "error"

    def __init__(self, path: str | Path | None, cause: str) -> None:
        self.path = str(path) if path is not None else None
        self.cause = cause
        super().__init__(f"{self.path}: {cause}" if self.path else cause)


class UnsupportedFormat(VanbanError):
    code = "unsupported_format"


class DecodeError(VanbanError):
    """The bytes are in no text encoding vanban knows."""

    code = "decode_error"


class CorruptFile(VanbanError):
    """A container (zip, OLE2, PDF) that its reader could not open."""

    code = "corrupt_file"


class EncryptedFile(VanbanError):
    code = "encrypted"


class TooLarge(VanbanError):
    """Refused before reading: an uncompressed size or entry count that is absurd."""

    code = "too_large"


class MissingDependency(VanbanError):
    """An optional tool (LibreOffice, Tesseract) is needed and not installed."""

    code = "missing_dependency"


class Timeout(VanbanError):
    code = "timeout"


class WorkerCrashed(VanbanError):
    code = "worker_crashed"
