"""Tesseract OCR for pages without a usable text layer: the only module that runs it.

Scanned decisions (QĐ 932/QĐ-TTg arrives as three page images) and PDFs whose glyphs
were flattened to vector outlines (pages 1-4 of QĐ 2307/QĐ-UBND Sơn La) give pypdfium2
nothing to read. The PDF reader renders such a page to a grey image and hands it here;
this module runs the ``tesseract`` command with the Vietnamese model (Debian packages
``tesseract-ocr`` and ``tesseract-ocr-vie``) and returns the recognised lines with
their boxes, so the reader lays them out exactly as it lays out a text layer: the
header line "THỦ TƯỚNG CHÍNH PHỦ   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", which Tesseract
reads as one line, is split back into its two columns there.

Tesseract is an optional command-line tool, not a Python dependency: :func:`missing`
says what to install when it or its Vietnamese model is absent, and the reader then
returns what the rest of the document holds with that message as a warning.

Caps (OCR costs about 3 s per A4 page at 300 dpi on one core): a page gets
:data:`PAGE_TIMEOUT` seconds; a document gets at most :data:`MAX_PAGES` OCR'd pages and
:data:`DOCUMENT_BUDGET` seconds of OCR in all. The reader lists pages past a cap in
``RawDocument.warnings``.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass

from parsers.errors import MissingDependency, Timeout

#: What to install, quoted in every message about missing OCR.
INSTALL_HINT = "apt-get install tesseract-ocr tesseract-ocr-vie"
LANGUAGE = "vie"
#: Resolution pages are rendered at: Tesseract's models are trained on ~300 dpi text.
DPI = 300
#: Seconds one page may take before Tesseract is stopped.
PAGE_TIMEOUT = 90.0
#: OCR'd pages per document: a 200-page scanned dossier should not hold a worker for
#: ten minutes; its first pages carry the header, the title and most assignments.
MAX_PAGES = 30
#: Seconds of OCR per document, all its pages together.
DOCUMENT_BUDGET = 240.0
#: Words Tesseract itself doubts this much are speckles and stamp edges.
MIN_CONFIDENCE = 10.0


@dataclass(frozen=True, slots=True)
class OcrWord:
    text: str
    left: float
    top: float
    right: float
    bottom: float


@dataclass(frozen=True, slots=True)
class OcrLine:
    """One line as Tesseract found it, in image pixels (origin at the top left)."""

    words: tuple[OcrWord, ...]
    block: int          # Tesseract's block and paragraph numbers, in its reading order
    paragraph: int

    @property
    def text(self) -> str:
        return " ".join(word.text for word in self.words)


@functools.cache
def missing() -> str | None:
    """Why OCR cannot run here, or None when ``tesseract`` and its ``vie`` model are
    installed. Cached: the answer does not change while a process runs."""
    exe = shutil.which("tesseract")
    if exe is None:
        return f"the tesseract command is not installed ({INSTALL_HINT})"
    try:
        listed = subprocess.run([exe, "--list-langs"], capture_output=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError) as exc:
        return f"tesseract could not be run ({exc}); reinstall it ({INSTALL_HINT})"
    languages = (listed.stdout + listed.stderr).decode("utf-8", "replace").split()
    if LANGUAGE not in languages:
        return f"Tesseract's Vietnamese model is not installed ({INSTALL_HINT})"
    return None


def recognize(image: bytes, *, timeout: float = PAGE_TIMEOUT, path: str | None = None) -> list[OcrLine]:
    """The lines of a page image (binary PGM, ``P5``) read with ``tesseract -l vie``.

    The image goes in on stdin and Tesseract's TSV comes back on stdout, so nothing
    touches the disk. ``OMP_THREAD_LIMIT=1`` because the pipeline already runs one
    document per core and Tesseract's own threads would only fight those workers.
    Raises MissingDependency when Tesseract is absent or fails, Timeout past
    ``timeout`` seconds.
    """
    reason = missing()
    if reason is not None:
        raise MissingDependency(path, f"OCR needed but {reason}")
    exe = shutil.which("tesseract") or "tesseract"
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    command = [exe, "stdin", "stdout", "-l", LANGUAGE, "--dpi", str(DPI), "tsv"]
    try:
        done = subprocess.run(command, input=image, capture_output=True, timeout=timeout, env=env,
                              check=False)
    except subprocess.TimeoutExpired as exc:
        raise Timeout(path, f"tesseract took longer than {timeout:.0f} s on one page") from exc
    except OSError as exc:
        raise MissingDependency(path, f"tesseract could not be run ({exc}); {INSTALL_HINT}") from exc
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise MissingDependency(path, f"tesseract failed: {message[-1] if message else done.returncode}")
    return parse_tsv(done.stdout.decode("utf-8", "replace"))


def parse_tsv(tsv: str) -> list[OcrLine]:
    """Tesseract's word rows (level 5) grouped into its lines, rule-line noise dropped.

    The ruled underline below "Độc lập - Tự do - Hạnh phúc" comes back as a word
    "————"; words made only of dashes or underscores are dropped, and so are words
    below :data:`MIN_CONFIDENCE`.
    """
    lines: dict[tuple[int, int, int], list[OcrWord]] = {}
    for row in tsv.splitlines()[1:]:
        fields = row.split("\t")
        if len(fields) < 12 or fields[0] != "5":
            continue
        text = unicodedata.normalize("NFC", fields[11].strip())
        try:
            conf = float(fields[10])
            left, top, width, height = (float(v) for v in fields[6:10])
            key = (int(fields[2]), int(fields[3]), int(fields[4]))
        except ValueError:
            continue
        if not text or conf < MIN_CONFIDENCE or _is_rule(text):
            continue
        lines.setdefault(key, []).append(OcrWord(text, left, top, left + width, top + height))
    return [OcrLine(tuple(words), block, paragraph) for (block, paragraph, _), words in lines.items()]


def _is_rule(word: str) -> bool:
    return len(word) >= 2 and all(ch in "-_—–=~.·…" for ch in word)
