"""``make bench``: bulk ingest speed per format, against a floor measured in the same run.

    .venv/bin/python benchmarks/run.py [--txt 1100 --docx 600 --pdf 300] [--profile]

1. Builds a synthetic archive (``benchmarks/.work/archive``, rebuilt when its recipe
   changes) of distinct files from the corpus: ``.txt`` variants of every corpus text
   (the document number changed), ``.docx`` plans generated with a Decree 30 header
   table, Word-numbered sections (``I.``, ``1.``) and an assignment table, and text
   PDFs (the project's PDF fixtures and the text-layer PDFs of ``../shared/corpus/real``
   when present, each copy made distinct by a trailing comment).
2. The floor: the same files read by the bare libraries (bytes → str, python-docx,
   pypdfium2) plus one regex pass, in one process — what no parser can beat.
3. ``vanban`` end to end into DuckDB, each format alone with one worker (documents/s
   and pages/s per core), then the whole archive with two workers, then again over
   the unchanged archive. Each run is a fresh process; peak memory is the largest
   resident size of the run's process tree, sampled every 50 ms.
4. Prints a table and writes ``benchmarks/results.json`` with the machine's cores.

``--profile`` adds a pyinstrument profile of parsing a sample of each format in one
process (``benchmarks/profiles/<format>.txt``): where the time per document goes.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED_REAL = ROOT.parent / "shared" / "corpus" / "real"
WORK = HERE / ".work"
RECIPE_VERSION = 3

#: Targets from the bulk-import issue, per core, end to end into DuckDB.
TARGETS = {"txt": ("documents/s", 100), "docx": ("documents/s", 40), "pdf": ("pages/s", 50)}

# -- building the archive ---------------------------------------------------------------

UNITS = ["Sở Nội vụ", "Sở Tư pháp", "Sở Tài chính", "Sở Kế hoạch và Đầu tư", "Văn phòng UBND tỉnh",
         "Sở Thông tin và Truyền thông", "Sở Giáo dục và Đào tạo", "Sở Y tế", "Công an tỉnh",
         "UBND các huyện, thị xã, thành phố", "Sở Khoa học và Công nghệ", "Thanh tra tỉnh",
         "Trung tâm Phục vụ hành chính công tỉnh", "Sở Lao động - Thương binh và Xã hội"]
ACTIONS = ["Rà soát, đơn giản hóa thủ tục hành chính thuộc phạm vi quản lý",
           "Tổ chức tập huấn nghiệp vụ cải cách hành chính cho cán bộ, công chức",
           "Đẩy mạnh cung cấp dịch vụ công trực tuyến toàn trình",
           "Kiểm tra công tác cải cách hành chính tại các cơ quan, đơn vị",
           "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
           "Tuyên truyền về cải cách hành chính trên các phương tiện thông tin đại chúng",
           "Đánh giá mức độ hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính",
           "Xây dựng cơ sở dữ liệu chuyên ngành, kết nối với Cổng dịch vụ công quốc gia"]
DEADLINES = ["Quý I/2025", "Quý II/2025", "Trước ngày 30/6/2025", "Tháng 9/2025", "Thường xuyên",
             "Trước ngày 15/11/2025", "Năm 2025"]
PROVINCES = ["LÂM ĐỒNG", "NGHỆ AN", "HÀ TĨNH", "BẮC NINH", "CẦN THƠ", "ĐẮK LẮK", "QUẢNG NAM"]

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
NUMBERING = (f'<w:numbering {W}><w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="multilevel"/>'
             '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/>'
             '<w:lvlJc w:val="left"/></w:lvl>'
             '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/>'
             '<w:lvlJc w:val="left"/></w:lvl>'
             '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/>'
             '<w:lvlJc w:val="left"/></w:lvl></w:abstractNum>'
             '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>')


def make_docx(k: int) -> bytes:
    """A plan of the shape provinces send: header table, numbered parts, a task table."""
    import docx
    from docx.oxml import parse_xml

    rng = random.Random(k)
    province = rng.choice(PROVINCES)
    d = docx.Document()
    d.part.numbering_part._element = parse_xml(NUMBERING)
    header = d.add_table(rows=1, cols=2)
    header.cell(0, 0).text = f"ỦY BAN NHÂN DÂN\nTỈNH {province}\nSố: {k}/KH-UBND"
    header.cell(0, 1).text = (f"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                              f"{province.title()}, ngày {rng.randint(1, 28)} tháng {rng.randint(1, 12)} năm 2025")
    d.add_paragraph("KẾ HOẠCH")
    d.add_paragraph(f"Cải cách hành chính năm 2025 trên địa bàn tỉnh {province.title()} (đợt {k})")

    def numbered(text: str, level: int) -> None:
        p = d.add_paragraph(text)
        p._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {W}><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr>'))

    numbered("MỤC ĐÍCH, YÊU CẦU", 0)
    numbered("Mục đích", 1)
    d.add_paragraph("Nâng cao hiệu lực, hiệu quả quản lý nhà nước; xây dựng nền hành chính phục vụ, "
                    "chuyên nghiệp, hiện đại, lấy người dân và doanh nghiệp làm trung tâm.")
    numbered("Yêu cầu", 1)
    d.add_paragraph("Các cơ quan, đơn vị triển khai đầy đủ, kịp thời các nhiệm vụ được giao, bảo đảm chất lượng.")
    numbered("NHIỆM VỤ TRỌNG TÂM", 0)
    for _ in range(rng.randint(4, 8)):
        lead, support = rng.sample(UNITS, 2)
        numbered(f"{rng.choice(ACTIONS)}.", 1)
        d.add_paragraph(f"Chủ trì: {lead}; phối hợp: {support}; thời gian: {rng.choice(DEADLINES)}.")
    numbered("PHÂN CÔNG THỰC HIỆN", 0)
    table = d.add_table(rows=1, cols=5)
    for cell, text in zip(table.rows[0].cells, ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp",
                                                "Thời gian hoàn thành"], strict=True):
        cell.text = text
    for i in range(1, rng.randint(8, 16)):
        lead, support = rng.sample(UNITS, 2)
        for cell, text in zip(table.add_row().cells, [str(i), rng.choice(ACTIONS), lead, support,
                                                      rng.choice(DEADLINES)], strict=True):
            cell.text = text
    d.add_paragraph("Nơi nhận:\n- Bộ Nội vụ;\n- Lưu: VT.")
    d.add_paragraph("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH")
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def text_bases() -> list[bytes]:
    files = sorted((ROOT / "corpus").glob("*/*.txt"))
    if SHARED_REAL.is_dir():
        files += sorted(SHARED_REAL.glob("*.txt"))
    return [f.read_bytes() for f in files]


def pdf_bases() -> list[tuple[str, bytes]]:
    """Text-layer PDFs only: a scan would measure the OCR engine, not vanban."""
    fixtures = ROOT / "tests" / "formats" / "pdf_fixtures"
    names = [fixtures / n for n in ("ke_hoach.pdf", "ke_hoach_rotated.pdf", "ke_hoach_form.pdf")]
    if SHARED_REAL.is_dir():
        names += [SHARED_REAL / n for n in (
            "lamdong_TTr_KH_kiem_tra_CCHC_2026_signed.pdf", "laichau_QD_TTHC_ho_tro_dau_tu_draft.pdf",
            "lamdong_BC_mo_hinh_thi_diem_CCHC_QD787.pdf", "bnv_QD1187_bo_chi_so_CCHC.pdf",
            "phumybac_danh_muc_nhiem_vu_ma_CH.pdf", "bnv_QD1187_bang2_chi_so_CCHC_cap_tinh.pdf")]
    return [(n.stem, n.read_bytes()) for n in names if n.exists()]


def build(archive: Path, n_txt: int, n_docx: int, n_pdf: int) -> None:
    recipe = {"version": RECIPE_VERSION, "txt": n_txt, "docx": n_docx, "pdf": n_pdf}
    stamp = archive / "recipe.json"
    if stamp.exists() and json.loads(stamp.read_text()) == recipe:
        return
    shutil.rmtree(archive, ignore_errors=True)
    for sub in ("txt", "docx", "pdf"):
        (archive / sub).mkdir(parents=True)
    bases = text_bases()
    for k in range(n_txt):
        base = bases[k % len(bases)].decode("utf-8", errors="surrogateescape")
        text, n = re.subn(r"(Số:\s*)\d+", lambda m, k=k: f"{m.group(1)}{1000 + k}", base, count=1)
        if not n:
            text += f"\n(Bản số {k})\n"
        (archive / "txt" / f"vb_{k:05d}.txt").write_bytes(text.encode("utf-8", errors="surrogateescape"))
    for k in range(n_docx):
        (archive / "docx" / f"kh_{k:05d}.docx").write_bytes(make_docx(k))
    pdfs = pdf_bases()
    # most archives hold short documents: the small fixtures weigh more than the long reports
    weights = [4 if len(data) < 200_000 else 1 for _, data in pdfs]
    rng = random.Random(7)
    for k in range(n_pdf):
        name, data = rng.choices(pdfs, weights)[0]
        (archive / "pdf" / f"{name}_{k:05d}.pdf").write_bytes(data + f"\n%vanban-bench copy {k}\n".encode())
    hashes = {hashlib.sha256(f.read_bytes()).hexdigest() for f in archive.rglob("*.*") if f.name != "recipe.json"}
    assert len(hashes) == n_txt + n_docx + n_pdf, "every file of the archive must be distinct"
    stamp.write_text(json.dumps(recipe))


# -- the floor ---------------------------------------------------------------------------

W_T = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"
W_P = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"
FLOOR_PATTERN = re.compile(r"\d+/[A-ZĐ]+(?:-[A-ZĐ]+)*|[Cc]hủ trì|[Pp]hối hợp")


def floor(files: list[Path], fmt: str) -> dict[str, float]:
    """Documents/s and pages/s reading only the text, with the bare libraries."""
    import docx
    import pypdfium2 as pdfium

    t0 = time.perf_counter()
    pages = 0
    for f in files:
        data = f.read_bytes()
        if fmt == "txt":
            text = data.decode("utf-8", errors="replace")
        elif fmt == "docx":   # python-docx opens the package; its element tree gives every run's text
            body = docx.Document(io.BytesIO(data)).element.body
            text = "\n".join("".join(t.text or "" for t in p.iter(W_T)) for p in body.iter(W_P))
        else:
            pdf = pdfium.PdfDocument(data)
            parts = []
            for page in pdf:
                tp = page.get_textpage()
                parts.append(tp.get_text_range())
                tp.close()
                page.close()
            pages += len(pdf)
            pdf.close()
            text = "\n".join(parts)
        FLOOR_PATTERN.findall(text)
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "documents_per_s": len(files) / seconds,
            "pages_per_s": pages / seconds if pages else None}


# -- vanban runs -----------------------------------------------------------------------------

RUNNER = """
import json, sys
from ingest.api import ingest
s = ingest([sys.argv[1]], sys.argv[2], workers=int(sys.argv[3]))
print(json.dumps({"new": s.new, "unchanged": s.unchanged, "failed": s.failed, "tasks": s.tasks,
                  "pages": s.pages, "seconds": s.seconds, "workers": s.workers,
                  "failures": [f.message for f in s.failures[:5]]}))
"""


def run_ingest(source: Path, db: Path, workers: int) -> dict:
    """One ``ingest`` in a fresh process; wall time and the peak memory of its tree."""
    import psutil

    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", RUNNER, str(source), str(db), str(workers)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, text=True)
    peak = {"total": 0, "process": 0}
    stop = threading.Event()

    def sample() -> None:
        root = psutil.Process(proc.pid)
        while not stop.is_set():
            try:
                tree = [root, *root.children(recursive=True)]
                rss = [p.memory_info().rss for p in tree]
            except psutil.Error:
                rss = []
            if rss:
                peak["total"] = max(peak["total"], sum(rss))
                peak["process"] = max(peak["process"], max(rss))
            stop.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    stop.set()
    sampler.join()
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"ingest failed:\n{err[-3000:]}")
    result = json.loads(out.strip().splitlines()[-1])
    result.update(wall=wall, peak_rss_mb=peak["total"] / 2**20, peak_process_rss_mb=peak["process"] / 2**20)
    return result


def profile(archive: Path, per_format: int) -> None:
    from pyinstrument import Profiler

    from parsers.pipeline import parse_bytes

    folder = HERE / "profiles"
    folder.mkdir(exist_ok=True)
    for fmt in ("txt", "docx", "pdf"):
        files = sorted((archive / fmt).iterdir())[:per_format]
        parse_bytes(files[0].read_bytes(), files[0].name)   # warm: imports and models are not the point
        profiler = Profiler(interval=0.001)
        profiler.start()
        for f in files:
            parse_bytes(f.read_bytes(), f.name)
        profiler.stop()
        (folder / f"{fmt}.txt").write_text(profiler.output_text(unicode=True, color=False, show_all=False))
        print(f"profile of {len(files)} {fmt} files: {folder / f'{fmt}.txt'}", file=sys.stderr)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--txt", type=int, default=1100)
    ap.add_argument("--docx", type=int, default=600)
    ap.add_argument("--pdf", type=int, default=300)
    ap.add_argument("--profile", action="store_true", help="also write pyinstrument profiles per format")
    ap.add_argument("--out", type=Path, default=HERE / "results.json")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    archive = WORK / "archive"
    t0 = time.perf_counter()
    build(archive, args.txt, args.docx, args.pdf)
    print(f"archive: {args.txt} .txt, {args.docx} .docx, {args.pdf} .pdf in {archive} "
          f"({time.perf_counter() - t0:.0f} s to build)", file=sys.stderr)
    dbs = WORK / "db"
    shutil.rmtree(dbs, ignore_errors=True)
    dbs.mkdir()
    results: dict = {"cores": cores, "python": sys.version.split()[0], "formats": {},
                     "archive": {"txt": args.txt, "docx": args.docx, "pdf": args.pdf}}
    for fmt in ("txt", "docx", "pdf"):
        files = sorted((archive / fmt).iterdir())
        if not files:
            continue
        base = floor(files, fmt)
        print(f"{fmt}: floor {base['documents_per_s']:.0f} documents/s; ingesting with 1 worker ...",
              file=sys.stderr)
        run = run_ingest(archive / fmt, dbs / f"{fmt}.duckdb", workers=1)
        docs = run["new"]
        entry = {"documents": docs, "failed": run["failed"], "pages": run["pages"] or None,
                 "seconds": run["wall"], "documents_per_s_per_core": docs / run["wall"],
                 "pages_per_s_per_core": run["pages"] / run["wall"] if run["pages"] else None,
                 "peak_rss_mb": run["peak_rss_mb"], "peak_process_rss_mb": run["peak_process_rss_mb"],
                 "floor_documents_per_s": base["documents_per_s"], "floor_pages_per_s": base["pages_per_s"],
                 "ratio_to_floor": (docs / run["wall"]) / base["documents_per_s"], "tasks": run["tasks"],
                 "failures": run["failures"]}
        unit, target = TARGETS[fmt]
        got = entry["documents_per_s_per_core"] if unit == "documents/s" else entry["pages_per_s_per_core"]
        entry["target"] = {"unit": unit, "per_core": target, "met": bool(got and got >= target)}
        results["formats"][fmt] = entry
    one_worker = sum(e["seconds"] for e in results["formats"].values())
    print("whole archive, 2 workers ...", file=sys.stderr)
    full = run_ingest(archive, dbs / "all.duckdb", workers=2)
    print("again, unchanged ...", file=sys.stderr)
    rerun = run_ingest(archive, dbs / "all.duckdb", workers=2)
    results["scaling"] = {"one_worker_seconds": one_worker, "two_workers_seconds": full["wall"],
                          "speedup": one_worker / full["wall"], "target": 1.7,
                          "documents": full["new"], "failed": full["failed"],
                          "peak_rss_mb": full["peak_rss_mb"]}
    results["rerun"] = {"first_seconds": full["wall"], "rerun_seconds": rerun["wall"],
                        "ratio": rerun["wall"] / full["wall"], "target": 0.10,
                        "unchanged": rerun["unchanged"], "new": rerun["new"]}
    args.out.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n")
    render(results)
    if args.profile:
        profile(archive, per_format=40)


def render(r: dict) -> None:
    print(f"\nvanban bulk ingest, {r['cores']} cores, Python {r['python']}")
    print(f"{'format':<6} {'docs':>5} {'pages':>6} {'docs/s/core':>12} {'pages/s/core':>13} {'peak MB':>8} "
          f"{'floor docs/s':>13} {'× floor':>8}  target")
    for fmt, e in r["formats"].items():
        pages = e["pages"] or 0
        pps = f"{e['pages_per_s_per_core']:.1f}" if e["pages_per_s_per_core"] else "-"
        t = e["target"]
        print(f"{fmt:<6} {e['documents']:>5} {pages:>6} {e['documents_per_s_per_core']:>12.1f} {pps:>13} "
              f"{e['peak_rss_mb']:>8.0f} {e['floor_documents_per_s']:>13.0f} {e['ratio_to_floor']:>8.3f}  "
              f"{t['per_core']} {t['unit']} {'met' if t['met'] else 'MISSED'}")
    s, rr = r["scaling"], r["rerun"]
    print(f"2 workers vs 1: {s['one_worker_seconds']:.1f} s → {s['two_workers_seconds']:.1f} s, "
          f"{s['speedup']:.2f}× (target ≥ {s['target']}×)")
    print(f"re-run over the unchanged archive: {rr['rerun_seconds']:.1f} s = {rr['ratio']:.1%} of the first run "
          f"(target < {rr['target']:.0%})")


if __name__ == "__main__":
    main()
