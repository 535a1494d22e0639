"""Finding documents in folders and zips: content decides, hostile archives are refused."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from ingest.discover import Failure, Found, Limits, NotFound, _display, list_inputs, scan, stable_chunks

from conftest import CORPUS

SEED = (CORPUS / "seeds" / "004_c8bc77a3a539fb0f.txt").read_bytes()
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def zip_bytes(entries: dict[str, bytes], *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return buffer.getvalue()


def found(paths: list[Path | str], limits: Limits | None = None) -> tuple[dict[str, Found], dict[str, Failure]]:
    ok: dict[str, Found] = {}
    bad: dict[str, Failure] = {}
    for _, f in scan(list_inputs(paths), limits):
        if isinstance(f, Found):
            ok[f.source.name] = f
        else:
            bad[f.path] = f
    return ok, bad


def test_nested_zips_are_opened_and_a_slipping_entry_is_refused(tmp_path):
    inner = zip_bytes({"quy_1/kh_75.txt": SEED, "../../etc/cron.d/evil.txt": b"x", "/abs/evil.txt": b"y"})
    outer = tmp_path / "ho_so_2024.zip"
    outer.write_bytes(zip_bytes({"README.md": b"# not a document", "quy_1.zip": inner,
                                 "ban_sao/kh_75_copy.txt": SEED, "__MACOSX/._kh.txt": b"junk"},
                                compression=zipfile.ZIP_STORED))
    ok, bad = found([tmp_path])
    base = str(outer)
    assert sorted(ok) == [f"{base}!/ban_sao/kh_75_copy.txt", f"{base}!/quy_1.zip!/quy_1/kh_75.txt"]
    assert len({f.sha256 for f in ok.values()}) == 1          # the same bytes twice
    assert sorted(bad) == sorted([f"{base}!/quy_1.zip!//abs/evil.txt",
                                  f"{base}!/quy_1.zip!/../../etc/cron.d/evil.txt"])
    assert {f.code for f in bad.values()} == {"unsafe_path"}
    assert all("zip slip" in f.message for f in bad.values())


def test_a_member_reads_back_from_its_source(tmp_path):
    (tmp_path / "a.zip").write_bytes(zip_bytes({"b.zip": zip_bytes({"c/d.txt": SEED})}))
    ok, _ = found([tmp_path / "a.zip"])
    [(name, f)] = ok.items()
    assert name.endswith("a.zip!/b.zip!/c/d.txt")
    assert f.source.read() == SEED


@pytest.mark.parametrize(("entries", "limits", "why"), [
    ({f"{i}.txt": b"x" for i in range(11)}, Limits(max_entries=10), "11 entries (limit 10)"),
    ({"zeros.txt": b"\0" * (3 << 20)}, Limits(max_total_size=2 << 20), "bytes uncompressed"),
    ({"zeros.txt": b"\0" * (3 << 20)}, Limits(max_member_size=2 << 20), "'zeros.txt' is 3,145,728 bytes"),
    ({"zeros.txt": b"\0" * (3 << 20)}, Limits(max_ratio=100), "expands"),
])
def test_zip_bombs_are_refused_whole_with_the_figure(tmp_path, entries, limits, why):
    bomb = tmp_path / "bomb.zip"
    bomb.write_bytes(zip_bytes(entries))
    ok, bad = found([bomb], limits)
    assert ok == {}
    assert [f.code for f in bad.values()] == ["too_large"]
    message = bad[str(bomb)].message
    assert "zip bomb" in message and why in message, message


def test_nesting_deeper_than_the_limit_is_refused(tmp_path):
    data = zip_bytes({"kh.txt": SEED})
    for level in range(4):
        data = zip_bytes({f"level{level}.zip": data})
    (tmp_path / "deep.zip").write_bytes(data)
    ok, bad = found([tmp_path], Limits(max_depth=3))
    assert ok == {}
    assert [f.code for f in bad.values()] == ["too_large"]


def test_type_is_read_from_the_bytes_not_the_name(tmp_path):
    (tmp_path / "ho_so.dat").write_bytes(zip_bytes({"kh.txt": SEED}))   # a zip by its bytes
    (tmp_path / "anh_chup.txt").write_bytes(PNG)                         # a picture, whatever its name
    (tmp_path / "bao_cao.json").write_bytes(b"%PDF-1.4 ...")             # a PDF under a data name
    (tmp_path / "gold.json").write_bytes(b'{"tasks": []}')               # data: skipped in a walk
    (tmp_path / ".hidden.txt").write_bytes(SEED)
    (tmp_path / "~$ke_hoach.docx").write_bytes(b"lock")                  # Word's lock file
    ok, bad = found([tmp_path])
    names = sorted(Path(n).name if "!/" not in n else n.split("/")[-2] + "/" + n.split("/")[-1] for n in ok)
    assert names == ["bao_cao.json", "ho_so.dat!/kh.txt"]
    assert bad == {}


def test_a_file_named_on_the_command_line_is_always_read(tmp_path):
    picture = tmp_path / "anh.png"
    picture.write_bytes(PNG)
    ok, _ = found([picture])
    assert list(ok) == [str(picture)]


def test_globs_and_missing_paths(tmp_path):
    for name in ("a.txt", "b.txt", "c.doc"):
        (tmp_path / name).write_bytes(SEED + name.encode())
    assert [Path(i.path).name for i in list_inputs([str(tmp_path / "*.txt")])] == ["a.txt", "b.txt"]
    with pytest.raises(NotFound, match="no such file or folder"):
        list_inputs([tmp_path / "khong_co"])
    with pytest.raises(FileNotFoundError, match="no file matches"):
        list_inputs([str(tmp_path / "*.pdf")])


def test_a_corrupt_zip_is_a_failure_not_a_crash(tmp_path):
    broken = zip_bytes({"kh.txt": SEED})[:-30]          # the central directory cut off
    (tmp_path / "cut.zip").write_bytes(broken)
    ok, bad = found([tmp_path / "cut.zip"])
    assert len(ok) + len(bad) == 1                       # read as a (broken) document or refused, never raised


def test_windows_zip_names_are_shown_in_utf8():
    mangled = "Kế hoạch 75.docx".encode().decode("cp437")
    assert _display(mangled) == "Kế hoạch 75.docx"
    assert _display("Kế hoạch.docx") == "Kế hoạch.docx"


def test_a_new_name_changes_one_chunk_only():
    names = [f"/luu_tru/{i:05d}.docx" for i in range(0, 2000, 2)]
    before = stable_chunks(names)
    after = stable_chunks(sorted([*names, "/luu_tru/00501.docx"]))
    changed = [c for c in after if c not in before]
    assert len(changed) == 1 and "/luu_tru/00501.docx" in changed[0]
    assert sum(map(len, before)) == len(names)
