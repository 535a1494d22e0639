"""Legacy Word reader: Word 97-2003 .doc (OLE2) and RTF, through LibreOffice.

Offices still publish decisions and plans as .doc ("QĐ công bố chỉ số CCHC.doc"). No
Python library reads the Word 97 binary format with its numbering and tables intact,
so LibreOffice converts the file to .docx (``soffice --headless --convert-to docx``)
and :func:`parsers.formats.docx.read` reads that: one reader for both formats, the same
blocks whichever way the office saved the plan.

Each conversion runs with its own throw-away LibreOffice profile (two conversions that
shared the user profile would block each other), under a time limit, in a temporary
directory removed afterwards. Without LibreOffice the reader fails with
MissingDependency naming the package to install.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from parsers.errors import CorruptFile, EncryptedFile, MissingDependency, Timeout
from parsers.formats import docx
from parsers.model import RawDocument

#: Seconds one conversion may take; a 200-page .doc converts in under 10 s.
CONVERT_TIMEOUT_S = 120
INSTALL_HINT = ("reading legacy Word .doc/.rtf files needs LibreOffice: "
                "apt-get install libreoffice-writer (or install LibreOffice and put soffice on PATH)")

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
RTF_MAGIC = b"{\\rtf"


def read(path: Path, data: bytes, sha256: str) -> RawDocument:
    """Convert a .doc or .rtf to .docx with LibreOffice and read that."""
    if data.startswith(OLE2_MAGIC) and docx.ENCRYPTED_PACKAGE in data:
        raise EncryptedFile(path, "password-protected Office document (an encrypted package in an "
                                  "OLE2 container); save it again without a password")
    soffice = find_soffice()
    if soffice is None:
        raise MissingDependency(path, INSTALL_HINT)
    suffix = ".rtf" if data.startswith(RTF_MAGIC) else ".doc"
    with tempfile.TemporaryDirectory(prefix="vanban-doc-") as tmp:
        folder = Path(tmp)
        source = folder / f"input{suffix}"
        source.write_bytes(data)
        converted = convert_to_docx(path, source, folder / "out", soffice)
        document = docx.read(path, converted.read_bytes(), sha256)
    document.format = "doc"
    document.warnings.insert(0, f"converted from legacy {suffix} to .docx by LibreOffice")
    return document


def find_soffice() -> str | None:
    """The LibreOffice command, if one is installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_docx(path: Path, source: Path, outdir: Path, soffice: str) -> Path:
    """Run one headless conversion; ``path`` is the original file, named in errors.

    LibreOffice starts helper processes (oosplash, soffice.bin); it runs in a new
    process group so that a conversion past the time limit is ended whole.
    """
    profile = source.parent / "profile"
    command = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--invisible",
               "--nologo", "--nodefault", "--norestore", "--nolockcheck",
               "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(outdir), str(source)]
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, start_new_session=True)
    try:
        _, stderr = process.communicate(timeout=CONVERT_TIMEOUT_S)
    except subprocess.TimeoutExpired as error:
        _kill_group(process)
        raise Timeout(path, f"LibreOffice did not convert it within {CONVERT_TIMEOUT_S} s") from error
    result = outdir / (source.stem + ".docx")
    if process.returncode != 0 or not result.is_file():
        detail = stderr.decode("utf-8", errors="replace").strip().splitlines()
        reason = detail[-1] if detail else f"exit status {process.returncode}, no output file"
        raise CorruptFile(path, f"LibreOffice could not convert it to .docx ({reason})")
    return result


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.communicate()
