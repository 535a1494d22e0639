"""The legacy Word reader: .doc and .rtf converted by LibreOffice, then read as .docx.

The conversion itself is exercised with a fake ``soffice`` script (time limit, failure,
the command line, clean-up) and, where LibreOffice is installed, end to end on a Word
97 file that LibreOffice makes from a .docx built here.
"""

from __future__ import annotations

import os
import stat
import subprocess
import time
from pathlib import Path

import pytest

from parsers.errors import CorruptFile, EncryptedFile, MissingDependency, Timeout
from parsers.formats import doc as doc_reader
from parsers.formats import read as read_any

from .builders import abstract_num, append_xml, level, new_document, num, paragraph, set_numbering, to_bytes
from .conftest import LIBREOFFICE_MISSING

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

RTF = (rb"{\rtf1\ansi\ansicpg1258\deff0{\fonttbl{\f0 Times New Roman;}}"
       rb"\pard K\u7870? HO\u7840?CH\par"
       rb"\pard C\u7843?i c\u225?ch h\u224?nh ch\u237?nh n\u259?m 2026\par}")


def _fake_soffice(tmp_path: Path, body: str) -> str:
    """A stand-in ``soffice`` (a shell script) that records its arguments."""
    script = tmp_path / "bin" / "soffice"
    script.parent.mkdir(exist_ok=True)
    script.write_text(f'#!/bin/sh\nPATH=/usr/bin:/bin\necho "$@" > "{tmp_path}/args"\necho $$ > "{tmp_path}/pid"\n{body}\n')
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return str(script)


def test_missing_libreoffice_names_the_package(monkeypatch):
    monkeypatch.setattr(doc_reader, "find_soffice", lambda: None)
    with pytest.raises(MissingDependency, match=r"quyet_dinh\.doc: .*apt-get install libreoffice-writer"):
        doc_reader.read(Path("quyet_dinh.doc"), OLE2_MAGIC + bytes(504), "0" * 64)


def test_missing_libreoffice_through_the_registry(monkeypatch, tmp_path):
    monkeypatch.setattr(doc_reader, "find_soffice", lambda: None)
    path = tmp_path / "ke_hoach.rtf"
    path.write_bytes(RTF)
    with pytest.raises(MissingDependency, match="libreoffice-writer"):
        read_any(path)


def test_encrypted_office_file_is_refused_before_conversion(monkeypatch):
    monkeypatch.setattr(doc_reader, "find_soffice", lambda: pytest.fail("LibreOffice must not be started"))
    data = OLE2_MAGIC + bytes(504) + "EncryptedPackage".encode("utf-16-le")
    with pytest.raises(EncryptedFile, match=r"bao_cao\.doc: password-protected"):
        doc_reader.read(Path("bao_cao.doc"), data, "0" * 64)


def test_conversion_command_uses_its_own_profile_and_cleans_up(monkeypatch, tmp_path):
    converted = tmp_path / "made.docx"
    document = new_document()
    document.add_paragraph("Kính gửi: Sở Nội vụ")
    converted.write_bytes(to_bytes(document))
    # The fake copies a ready .docx to where LibreOffice would write its output.
    body = f'while [ "$1" != "--outdir" ]; do shift; done; mkdir -p "$2"; cp "{converted}" "$2/input.docx"'
    monkeypatch.setattr(doc_reader, "find_soffice", lambda: _fake_soffice(tmp_path, body))
    work = tmp_path / "tmp"
    work.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(work))
    result = doc_reader.read(Path("cong_van.doc"), OLE2_MAGIC + bytes(504), "ab" * 32)
    assert [b.text for b in result.blocks] == ["Kính gửi: Sở Nội vụ"]
    assert (result.format, result.sha256, result.path) == ("doc", "ab" * 32, "cong_van.doc")
    assert "converted from legacy .doc" in result.warnings[0]
    args = (tmp_path / "args").read_text()
    assert "-env:UserInstallation=file:///" in args and "--headless" in args and "--convert-to docx" in args
    assert list(work.iterdir()) == []   # the temporary folder and profile are gone


def test_failed_conversion_is_corrupt(monkeypatch, tmp_path):
    body = 'echo "Error: source file could not be loaded" >&2; exit 1'
    monkeypatch.setattr(doc_reader, "find_soffice", lambda: _fake_soffice(tmp_path, body))
    with pytest.raises(CorruptFile, match=r"hong\.doc: LibreOffice could not convert it .*could not be loaded"):
        doc_reader.read(Path("hong.doc"), OLE2_MAGIC + bytes(504), "0" * 64)


def test_conversion_past_the_time_limit_is_ended(monkeypatch, tmp_path):
    monkeypatch.setattr(doc_reader, "find_soffice", lambda: _fake_soffice(tmp_path, "sleep 30 & wait"))
    monkeypatch.setattr(doc_reader, "CONVERT_TIMEOUT_S", 1)
    started = time.monotonic()
    with pytest.raises(Timeout, match=r"cham\.doc: LibreOffice did not convert it within 1 s"):
        doc_reader.read(Path("cham.doc"), OLE2_MAGIC + bytes(504), "0" * 64)
    assert time.monotonic() - started < 10
    pid = int((tmp_path / "pid").read_text())
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


# -- with LibreOffice ---------------------------------------------------------------


@pytest.fixture(scope="module")
def word97_file(tmp_path_factory) -> bytes:
    """A Word 97 .doc that LibreOffice makes from a numbered plan with a table."""
    if doc_reader.find_soffice() is None:
        pytest.skip(LIBREOFFICE_MISSING)
    document = new_document()
    set_numbering(document, abstract_num(1, [level(0, "upperRoman", "%1."), level(1, "decimal", "%2.")]) + num(1, 1))
    append_xml(document, paragraph("MỤC ĐÍCH, YÊU CẦU", num=("1", 0)) + paragraph("Mục đích", num=("1", 1))
               + paragraph("Yêu cầu", num=("1", 1)) + paragraph("NHIỆM VỤ", num=("1", 0)))
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ["STT", "Nhiệm vụ", "Chủ trì"], strict=True):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ["1", "Rà soát thủ tục hành chính", "Sở Tư pháp"], strict=True):
        cell.text = text
    document.add_paragraph("Tổ chức thực hiện")   # Word ends a body with a paragraph, never a table
    folder = tmp_path_factory.mktemp("word97")
    source = folder / "ke_hoach.docx"
    source.write_bytes(to_bytes(document))
    subprocess.run([doc_reader.find_soffice(), f"-env:UserInstallation={(folder / 'profile').as_uri()}",
                    "--headless", "--convert-to", "doc", "--outdir", str(folder), str(source)],
                   check=True, capture_output=True, timeout=300, stdin=subprocess.DEVNULL)
    data = (folder / "ke_hoach.doc").read_bytes()
    assert data.startswith(OLE2_MAGIC)
    return data


def test_word97_file_reads_through_the_registry(word97_file, tmp_path):
    path = tmp_path / "ke_hoach.doc"
    path.write_bytes(word97_file)
    document = read_any(path)
    assert document.format == "doc"
    assert [b.text for b in document.blocks] == [
        "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "2. Yêu cầu", "II. NHIỆM VỤ",
        "STT\tNhiệm vụ\tChủ trì", "1\tRà soát thủ tục hành chính\tSở Tư pháp", "Tổ chức thực hiện",
    ]
    assert document.blocks[-2].cells == ["1", "Rà soát thủ tục hành chính", "Sở Tư pháp"]


def test_rtf_file_reads(tmp_path):
    if doc_reader.find_soffice() is None:
        pytest.skip(LIBREOFFICE_MISSING)
    path = tmp_path / "ke_hoach.rtf"
    path.write_bytes(RTF)
    document = read_any(path)
    assert [b.text for b in document.blocks] == ["KẾ HOẠCH", "Cải cách hành chính năm 2026"]
    assert "converted from legacy .rtf" in document.warnings[0]
