"""Fixtures shared by the Word reader tests: LibreOffice's own rendering of a file."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

LIBREOFFICE_MISSING = ("LibreOffice (soffice) is not installed; apt-get install libreoffice-writer "
                       "to run the tests that convert with it or compare with its rendering")


@pytest.fixture(scope="session")
def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        pytest.skip(LIBREOFFICE_MISSING)
    return found


@pytest.fixture(scope="session")
def libreoffice_text(soffice: str, tmp_path_factory: pytest.TempPathFactory) -> Callable[[dict[str, bytes]], dict[str, str]]:
    """Convert several .docx files to text with one LibreOffice start (a start costs
    seconds): ``{name: docx bytes}`` -> ``{name: text LibreOffice prints}``."""

    def convert(files: dict[str, bytes]) -> dict[str, str]:
        folder = tmp_path_factory.mktemp("libreoffice")
        sources = []
        for name, data in files.items():
            source = folder / f"{name}.docx"
            source.write_bytes(data)
            sources.append(str(source))
        out = folder / "out"
        profile = Path(folder / "profile").as_uri()
        subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                        "--convert-to", "txt:Text (encoded):UTF8", "--outdir", str(out), *sources],
                       check=True, capture_output=True, timeout=300, stdin=subprocess.DEVNULL)
        return {name: (out / f"{name}.txt").read_text(encoding="utf-8-sig") for name in files}

    return convert
