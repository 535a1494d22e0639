"""Same records whatever the format: the issue's acceptance test.

Every seed, every document of corpus/own (and corpus/heldout when it is there) is
rendered to .docx the way an office drafts it (``render.py``: Word's own list
numbering, real tables, the Decree 30 header and signature tables) and printed to
.pdf by LibreOffice from that .docx; ``vanban extract`` must then give the same
records as from the .txt. Two measures, both with the reference scorer:

- against the hand-written gold of the .txt (corpus/gold/<corpus>): every metric at
  least 0.95, or at least what the .txt itself scores where the pipeline is below
  0.95 on the text already (heldout: that is accuracy, not a format difference);
- against the .txt's own extraction taken as gold: every metric at least 0.95, for
  the corpus and for each document in it, gold or not. This one isolates the
  readers: whatever the pipeline gets wrong on the text, the other formats must get
  wrong the same way.

A failure lists the documents that differ, the .txt's scores beside the format's.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from ingest.api import Failure, extract, write_json
from ingest.scoring import score
from parsers.formats import docx as docx_reader
from parsers.formats import text as text_reader
from parsers.model import Block
from parsers.text.normalize import normalize_block_text

from .render import NumberingPlan, layout, paragraphs, render_docx
from conftest import CORPUS

CORPORA = ("seeds", "own", "heldout")
FORMATS = ("docx", "pdf")
FLOOR = 0.95
METRICS = ("tasks", "lead", "support", "targets", "criteria", "references", "deadline", "document")
LIBREOFFICE_MISSING = ("LibreOffice (soffice) is not installed; apt-get install libreoffice-writer "
                       "to print the rendered .docx files to .pdf")


def _metric(summary: dict[str, dict[str, Any]], name: str) -> float:
    value = summary[name]
    return value["f1"] if "f1" in value else value["acc"]


@dataclass(repr=False)
class RoundTrip:
    """The rendered files of every corpus and, made on first use, their extractions."""

    folder: Path
    sources: dict[str, list[Path]]
    pdf_missing: str | None = None   # why the .pdf part is skipped
    pdf_error: str | None = None     # why it fails: LibreOffice could not print
    failures: dict[tuple[str, str], list[Failure]] = field(default_factory=dict)
    _predicted: dict[tuple[str, str], Path] = field(default_factory=dict)

    def files(self, fmt: str, corpus: str) -> list[Path]:
        if fmt == "txt":
            return self.sources[corpus]
        return [self.folder / fmt / f"{source.stem}.{fmt}" for source in self.sources[corpus]]

    def predictions(self, fmt: str, corpus: str) -> Path:
        """A folder of gold-shaped JSON, one file per document named after the .txt's
        stem, so the scorer pairs it with the gold."""
        key = (fmt, corpus)
        if key not in self._predicted:
            out = self.folder / "predicted" / fmt / corpus
            out.mkdir(parents=True)
            self.failures[key] = []
            for result in extract(self.files(fmt, corpus)):
                if isinstance(result, Failure):
                    self.failures[key].append(result)
                else:
                    write_json(result, out)
            self._predicted[key] = out
        return self._predicted[key]


@pytest.fixture(scope="module")
def round_trip(tmp_path_factory: pytest.TempPathFactory) -> RoundTrip:
    folder = tmp_path_factory.mktemp("roundtrip")
    sources = {corpus: sorted((CORPUS / corpus).glob("*.txt")) for corpus in CORPORA if (CORPUS / corpus).is_dir()}
    stems = [source.stem for files in sources.values() for source in files]
    assert len(stems) == len(set(stems)), "two corpora hold a document of the same name"
    (folder / "docx").mkdir()
    for files in sources.values():
        for source in files:
            (folder / "docx" / f"{source.stem}.docx").write_bytes(render_docx(source))
    trip = RoundTrip(folder=folder, sources=sources)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        trip.pdf_missing = LIBREOFFICE_MISSING
    else:
        trip.pdf_error = _print_to_pdf(soffice, sorted((folder / "docx").glob("*.docx")), folder / "pdf",
                                       folder / "profile")
    return trip


def _print_to_pdf(soffice: str, files: list[Path], out: Path, profile: Path) -> str | None:
    """All files in one LibreOffice start (a start costs seconds), with a throwaway
    profile so a user's settings or a running instance cannot interfere; returns
    what went wrong, if anything, for the .pdf tests to fail with."""
    try:
        subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                        "--convert-to", "pdf", "--outdir", str(out), *map(str, files)],
                       check=True, capture_output=True, timeout=600, stdin=subprocess.DEVNULL)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as error:
        return f"LibreOffice could not print the .docx files to .pdf: {error}"
    missing = [f.name for f in files if not (out / f"{f.stem}.pdf").is_file()]
    return f"LibreOffice printed no .pdf for {missing}" if missing else None


def _needs(round_trip: RoundTrip, fmt: str, corpus: str) -> None:
    if corpus not in round_trip.sources:
        pytest.skip(f"corpus/{corpus} is not present")
    if fmt == "pdf" and round_trip.pdf_missing:
        pytest.skip(round_trip.pdf_missing)
    if fmt == "pdf" and round_trip.pdf_error:
        pytest.fail(round_trip.pdf_error)


def _report(fmt: str, corpus: str, low: dict[str, tuple[float, float]], rows: list[dict[str, Any]],
            text_rows: dict[str, dict[str, Any]], failures: list[Failure]) -> str:
    """Which metrics fell short, and the documents behind them, .txt beside format."""
    lines = [f"{fmt} on corpus/{corpus}: " + ", ".join(f"{k} {got:.3f} < {floor:.3f}" for k, (got, floor) in low.items())]
    lines += [f"  {f.path} failed: {f.code}: {f.message}" for f in failures]
    beside = f"   ({fmt} / txt)" if text_rows else f"   ({fmt}, the .txt's records as gold)"
    lines.append(f"  {'document':42}" + "".join(f"{m[:9]:>10}" for m in METRICS) + beside)
    for row in rows:
        text_row = text_rows.get(row["source"], {})
        if any(row[m] < min(FLOOR, text_row.get(m, 1.0)) for m in METRICS) or not row["found"]:
            name = row["source"] if row["found"] else f"{row['source']} (missing)"
            cells = (f"{row[m]:>5.2f}/{text_row[m]:<4.2f}" if text_row else f"{row[m]:>10.2f}" for m in METRICS)
            lines.append(f"  {name[:42]:42}" + "".join(cells))
    return "\n".join(lines)


@pytest.mark.parametrize("corpus", CORPORA)
@pytest.mark.parametrize("fmt", FORMATS)
def test_rendered_documents_score_as_the_text_on_the_gold(round_trip: RoundTrip, fmt: str, corpus: str) -> None:
    _needs(round_trip, fmt, corpus)
    gold = CORPUS / "gold" / corpus
    if not gold.is_dir():
        pytest.skip(f"corpus/gold/{corpus} is not present")
    text_summary, text_rows = score(gold, round_trip.predictions("txt", corpus))
    summary, rows = score(gold, round_trip.predictions(fmt, corpus))
    floors = {m: min(FLOOR, _metric(text_summary, m)) for m in METRICS}
    low = {m: (_metric(summary, m), floors[m]) for m in METRICS if _metric(summary, m) < floors[m]}
    assert not low, _report(fmt, corpus, low, rows, {r["source"]: r for r in text_rows},
                            round_trip.failures[(fmt, corpus)])


@pytest.mark.parametrize("corpus", CORPORA)
@pytest.mark.parametrize("fmt", FORMATS)
def test_rendered_documents_give_the_records_of_the_text(round_trip: RoundTrip, fmt: str, corpus: str) -> None:
    """The .txt's own extraction as the gold, document by document: the readers alone
    are measured, and one document's loss is not averaged away by the others."""
    _needs(round_trip, fmt, corpus)
    summary, rows = score(round_trip.predictions("txt", corpus), round_trip.predictions(fmt, corpus))
    low = {m: (_metric(summary, m), FLOOR) for m in METRICS if _metric(summary, m) < FLOOR}
    low |= {f"{m} of {row['source']}": (row[m], FLOOR) for row in rows for m in METRICS if row[m] < FLOOR}
    assert not low, _report(fmt, corpus, low, rows, {}, round_trip.failures[(fmt, corpus)])


# -- the renderer itself: Word shows what the .txt says --------------------------------


def _lines(blocks: list[Block]) -> list[tuple[str, str]]:
    """(zone, normalised text) per block; a row's cells joined by tabs."""
    out = []
    for block in blocks:
        if block.kind == "row" and block.cells is not None:
            text = "\t".join(normalize_block_text(cell).replace("\n", " ") for cell in block.cells)
        else:
            text = normalize_block_text(block.text)
        if text.strip():
            out.append((block.zone, text))
    return out


def _read_back(source: Path) -> tuple[list[str], list[str], list[str]]:
    """The .txt's lines, and the rendered .docx's as parsers.formats.docx reads them:
    ``(text lines, header lines, body lines)``. The header table is read left column
    first, so its lines are compared as a set."""
    data = source.read_bytes()
    text = [line for _, line in _lines(text_reader.read(source, data, hashlib.sha256(data).hexdigest()).blocks)]
    rendered = render_docx(source)
    read = _lines(docx_reader.read(source.with_suffix(".docx"), rendered,
                                   hashlib.sha256(rendered).hexdigest()).blocks)
    header = [line for zone, line in read if zone == "header"]
    body = [line for zone, line in read if zone != "header"]
    return text, header, body


@pytest.mark.parametrize("name", [
    "seeds/004_c8bc77a3a539fb0f",              # I. 1. a) -, **bold**, Nơi nhận / signer table
    "own/own05_bacninh_dongtien_kh27_2022",    # 1.1., letter lists with đ (typed), header table
    "own/own07_langson_qd2610_2019",           # Điều, Phần I on its own line, 1.1.1., a restart
    "own/own10_hcm_benthanh_phuluc_2026",      # a markdown pipe table with bold group rows
])
def test_rendered_docx_reads_back_as_the_text(name: str) -> None:
    text, header, body = _read_back(CORPUS / f"{name}.txt")
    header_source: list[str] = []
    consumed = 0
    while len(header_source) < len(header) and consumed < len(text):
        header_source.extend(text[consumed].split("\t"))   # "Số: ...<TAB>Tam Kỳ, ngày ..." (own01)
        consumed += 1
    assert sorted(header) == sorted(header_source)
    missing = [line for line in text[consumed:] if line not in body]
    extra = [line for line in body if line not in text[consumed:]]
    assert body == text[consumed:], f"lines the .docx lacks: {missing}; lines it adds: {extra}"


#: (typed lines, how many of them Word numbers, how many w:num the outline needs)
NUMBERING_CASES = [
    (["I. MỤC ĐÍCH", "1. Mục đích", "2. Yêu cầu", "II. NHIỆM VỤ", "1. Cải cách thể chế"], 5, 1),
    (["1. Sở Nội vụ", "3. Sở Tư pháp"], 2, 2),                      # an item missing: restart at 3
    (["I. NỘI DUNG", "II. TỔ CHỨC", "I. CẢI CÁCH THỂ CHẾ"], 3, 2),   # the appendix starts again
    (["1. Sở Nội vụ:", "a) Chủ trì", "c) Tham mưu"], 3, 2),           # a letter missing
    (["1. Lĩnh vực", "1.1. Tiêu chí 3.4.1", "1.2. Tiêu chí 3.5", "2. Lĩnh vực", "2.1. Tỷ lệ"], 5, 1),
    (["Mục 1. Hạ tầng số", "1.1. Phủ sóng", "Mục 2. Chính quyền số", "2.1. Số hóa"], 4, 1),  # own14
    (["a) Mục tiêu", "b) Nhiệm vụ", "c) Chủ trì", "d) Phối hợp", "đ) Thời hạn"], 0, 0),  # Word has no đ
    (["Điều 1. Ban hành", "Điều 2. Hiệu lực", "Phần I. KẾ HOẠCH", "1. Kiểm soát"], 4, 2),  # own07
    (["- Sở Nội vụ;", "+ Phòng Cải cách hành chính;", "- Lưu: VT."], 3, 0),
]


@pytest.mark.parametrize(("lines", "numbered", "outline_nums"), NUMBERING_CASES)
def test_word_prints_the_typed_numbers(lines: list[str], numbered: int, outline_nums: int,
                                       tmp_path: Path) -> None:
    source = tmp_path / "case.txt"
    source.write_text("\n".join(lines), encoding="utf-8")
    plan = NumberingPlan([p.label for p in paragraphs(layout(text_reader.read(source, source.read_bytes(),
                                                                              "0" * 64).blocks))])
    assert sum(ref is not None for ref in plan.refs) == numbered, plan.typed
    assert len({ref.num_id for ref in plan.refs if ref is not None} - {NumberingPlan.BULLET_NUM}) == outline_nums
    rendered = render_docx(source)
    assert [b.text for b in docx_reader.read(tmp_path / "case.docx", rendered, "0" * 64).blocks] == lines
