"""PDF reader: the text layer laid out as a reader sees the page, tables as rows.

Two libraries, each for what it does right:

- **pypdfium2** gives the text and where it stands. pdfplumber's ``extract_text``
  garbles Vietnamese in some PDFs (a LibreOffice-made PDF came out as
  "Chỉ- số(cid:3) ca-i cách" for "Chỉ số cải cách") and is ~65× slower; pdfium reads
  both right. Its text page is taken line by line (it breaks lines with ``\r\n``);
  a line's box comes from its first and last glyph, so a line costs a handful of C
  calls. Only a line wider than its text explains or made of several text objects
  (two columns on one line: LibreOffice writes each cell of the header table as its
  own) is read run by run, and glyph by glyph where a run leaves a column gap.
- **pdfplumber's table finder** (``TableFinder`` with explicit ruling lines) turns
  ruling lines into cells, the geometry that got every "Cơ quan chủ trì" cell right.
  The ruling lines themselves are read from the page's path objects through pdfium:
  pdfminer parses a page in ~0.4 s to find them, pdfium in a few milliseconds, and
  a page without ruling lines never reaches the finder. Cell text comes from pdfium's
  glyphs, placed by their centres, because bounded text glues words across a wrap
  inside a cell ("chi phí" → "chiphí"; pdfplumber's own: "Tiếpnhậnvănbảnđến").

Speed (CPU time, one core, this machine): 60-105 pages/s on text pages, 35-45 on
pages full of ruled tables; 47-53 pages/s over the real corpus's text-layer PDFs.

The page is then laid out in reading order (top to bottom; the stream order is not
reading order: the Lai Châu draft QĐ draws its header last):

- the Decree 30 header (agency left, Quốc hiệu right, side by side on one line) is
  split back into its columns: every left-column line, then every right-column line,
  ``zone="header"``, up to the title or a letter's "Kính gửi:"; the "Nơi nhận" /
  signature block likewise, ``zone="signature"``, up to the first line that leaves
  its two columns (the plan a decision attaches may start under the signer's name),
  and read whole when a page break cuts it; a column's wrapped lines are joined back
  into one entry ("- Văn phòng Chính phủ (Cục" / "KSTTHC);");
- running headers and footers are dropped by position: a line repeated at the same
  height on most pages (digits masked, so "Trang 2/9" repeats), and bare page numbers
  at the top or bottom;
- footnotes (smaller type at the page bottom, "1 Thường trực Tỉnh ủy ...") become
  ``zone="footnote"`` blocks after the paragraph they interrupt;
- lines are joined into paragraphs (also across a page break): a line continues the
  previous one unless a gap wider than the line pitch inside a paragraph, an indent
  after a finished sentence, a change of type size, a centred line under one with
  room left, or room left on the line above (its next word would have fitted: a
  paragraph's last line) says a new paragraph starts; a line that opens a numbered
  or bulleted item (``starts_item``) starts one too, unless it stands at the margin
  under a full line that ends no sentence ("Đài Phát thanh" / "- Truyền hình");
  a line-end hyphen (pdfium's U+FFFE/U+0002, or a typed one after a letter or
  digit) is kept and joins without a space ("QĐ-" + "UBND", "2025-" + "2026");
- table text leaves the paragraph flow and comes out as ``kind="row"`` blocks where
  the table stands; a row cut by a page break (the next page's first row has an empty
  STT cell) is joined back, and a header row Word repeats on each page is dropped.

Pages without usable text — empty, only a signature overlay ("Ký bởi", "Thời gian
ký", "SAO Y"), or glyphs drawn as outlines — are rendered and OCR'd by
:mod:`parsers.formats.ocr` (caps documented there). Text is returned NFC; the rest of
normalisation (``Ð`` → ``Đ`` as QĐ 1187/QĐ-BNV prints it) is the pipeline's.
"""

from __future__ import annotations

import ctypes
import itertools
import math
import re
import statistics
import time
import unicodedata
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfplumber.table import TableFinder

from parsers.errors import CorruptFile, EncryptedFile, MissingDependency, Timeout
from parsers.formats import ocr
from parsers.model import Block, Origin, RawDocument
from parsers.patterns.header import AGENCY_HEAD, SIGNATURE_ROLE
from parsers.structure.grammar import starts_item
from parsers.text.legacy import fix_text

# -- limits: a mutated or hostile file must not hold a worker ----------------------

#: Pages read per document; a 5,000-page PDF is an archive dump, not a document.
MAX_PAGES = 5000
#: Glyphs and page objects looked at per page. A real page holds a few thousand
#: glyphs; past these a page is garbage or a drawing, and only its first part is read.
MAX_CHARS_PER_PAGE = 50_000
MAX_OBJECTS_PER_PAGE = 20_000
#: Glyphs drawn as outlines: small filled paths (under this many points each way),
#: and how many of them make a page of outlined text that needs OCR (Sơn La QĐ 2307
#: draws 700-1,600 per page; a ruled table's borders are thin and do not count).
OUTLINE_GLYPH = 40.0
OUTLINE_PAGE = 150
#: Letters a page's text layer must hold, signature-stamp lines aside, not to be OCR'd
#: when an image covers it (a scan) or outline glyphs fill it.
MIN_LETTERS = 20
#: Text objects on a line of ordinary width past which it is not searched for a
#: column gap (a header row has one or two a cell; justified text one a word).
MAX_LINE_OBJECTS = 6
#: Ruling-line edges kept per page.
MAX_EDGES = 5000
#: Segments read from one path object when it may hold several ruling lines.
MAX_PATH_SEGMENTS = 400
#: Pixels of one rendered page for OCR: 300 dpi on A4 is ~8.7 Mpx; an A0 poster
#: is rendered coarser rather than at 140 Mpx.
MAX_OCR_PIXELS = 20_000_000

# -- layout thresholds, in font sizes (em) unless named otherwise --------------------

#: A horizontal gap this wide inside one line separates two columns (the header's
#: "Số: 12/KH-UBND" and "Lâm Đồng, ngày 5 tháng 3 năm 2025"); justified word gaps
#: stay below 1 em.
COLUMN_GAP = 2.5
#: A paragraph's first-line indent (Decree 30 recommends 1-1.27 cm, ~2 em).
INDENT = 0.6
#: Baseline distance, relative to the document's usual line pitch, that means a new
#: paragraph (documents put 6 pt before a paragraph: 23.6 pt against 17.7 pt).
PARAGRAPH_GAP = 1.18
#: Space on both sides of a centred line ("BÁO CÁO", a title's second line); wider
#: than a first-line indent, so an indented short line is not taken for centred.
CENTERED = 3.0
#: Type this much smaller than the body at the page bottom is a footnote.
FOOTNOTE_SMALLER = 1.5

_HYPHEN_MARKS = "\ufffe\x02"   # pdfium's mark for a hyphen that ends a line
_TEXT_RUNS = re.compile(r"[^\r\n]+")
_PAGE_NUMBER = re.compile(r"^(?:[-–—]\s*)?(?:Trang\s+)?\d{1,4}(?:\s*/\s*\d{1,4})?(?:\s*[-–—])?$", re.I)
_BROKEN_NUMBER = re.compile(r"[\d/.-]\d")
#: A hyphen typed against the word or number before it ends the line ("giai đoạn
#: 2025-" / "2026"): the line broke after it, and the next joins without a space.
_HYPHEN_END = re.compile(r"[^\W_]-$")
_SENTENCE_END = re.compile(r"[.;:!?…]\W*$")
#: A list label run into its text: LibreOffice draws Word's tab after a label that
#: reaches the text indent with no width ("I.MỤC ĐÍCH", "+Kiểm tra"), and drafters
#: type "1.Tổ chức". The structure grammar reads "I. " and "+ ".
_GLUED_LABEL = re.compile(r"^((?:[IVX]{1,4}|\d{1,2}(?:\.\d{1,2}){0,3})\.|(?:[IVX]{1,4}|\d{1,2}|[a-zđ])\)|[-+])(?=[^\W\d_])")
#: The end of a line that cannot end an entry: a conjunction, a preposition, a dash
#: or a comma ("VĂN PHÒNG HĐND VÀ" / "UBND").
_OPEN_END = re.compile(r"(?:\s(?:và|của|về|các|cho|tại|với)|[-–,&(])$", re.I)
_FOOTNOTE_START = re.compile(r"^(?:\d{1,3}|\*{1,3}|\(\d{1,3}\))\s+\S")
#: The Quốc hiệu and tiêu ngữ (Decree 30, Phụ lục I), as PDFs spell them: "HÒA" or
#: "HOÀ", "Độc" with Icelandic Ð in QĐ 1187/QĐ-BNV.
_QUOC_HIEU = re.compile(r"C[ỘO]NG\s*H(?:ÒA|OÀ|OA)\s*X[ÃA]\s*H[ỘO]I|[ĐÐD][ộo]c\s*l[ậa]p\s*-", re.I)
_RECIPIENTS = re.compile(r"^\s*(?:Nơi\s+nhận|Noi\s+nhan)\b", re.I)
#: A letter's addressees (Decree 30, Phụ lục III): the body's first line, under the
#: header's "V/v ..." and as short, so nothing but its words tells it from the header.
_ADDRESSEES = re.compile(r"^\s*(?:Kính\s+gửi|Kinh\s+gui)\b", re.I)
#: A line drawn with characters under the agency's name ("-------", "___").
_RULE_TEXT = re.compile(r"^[-–—_=.*·\s]+$")
#: Text an e-signature or certified-copy stamp lays over a page ("Ký bởi: Văn phòng
#: UBND tỉnh", "Thời gian ký: 15.09.2025 08:10:02 +07:00", "SAO Y"), and the e-office
#: stamp "Số: 2775/SNV-CCHC&amp;VTLT; 10/11/2025; 10:59:46;" (Lâm Đồng PL01).
_SIGNATURE_OVERLAY = re.compile(
    r"^\s*(?:Ký\s+bởi|Người\s+ký|Thời\s+gian\s+ký|Ngày\s+ký|Ký\s+ngày|Cơ\s+quan\s*:|Email\s*:|"
    r"SAO\s+Y|Signature\s+Valid|Digitally\s+signed|Signed\s+by|"
    r"Số:\s*\S+;\s*\d{1,2}/\d{1,2}/\d{4};\s*\d{1,2}:\d{2})", re.I)

_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_PDFIUM_ERRORS = {
    pdfium_c.FPDF_ERR_FILE: "file could not be read",
    pdfium_c.FPDF_ERR_FORMAT: "not in PDF format or corrupted",
    pdfium_c.FPDF_ERR_PAGE: "page not found or content error",
}
_TABLE_SETTINGS = {"vertical_strategy": "explicit", "horizontal_strategy": "explicit"}


# -- geometry ---------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Frame:
    """Maps PDF user space (origin bottom left, y up, before /Rotate) to the page as
    it is shown: origin top left, y down, rotation applied. pdfplumber's table finder
    and every layout rule below work in these coordinates."""

    left: float
    bottom: float
    right: float
    top: float
    rotation: int

    @property
    def width(self) -> float:
        return self.right - self.left if self.rotation in (0, 180) else self.top - self.bottom

    @property
    def height(self) -> float:
        return self.top - self.bottom if self.rotation in (0, 180) else self.right - self.left

    def point(self, x: float, y: float) -> tuple[float, float]:
        if self.rotation == 90:
            return y - self.bottom, x - self.left
        if self.rotation == 180:
            return self.right - x, y - self.bottom
        if self.rotation == 270:
            return self.top - y, self.right - x
        return x - self.left, self.top - y

    def box(self, left: float, bottom: float, right: float, top: float) -> tuple[float, float, float, float]:
        """``(x0, top, x1, bottom)`` as shown of a user-space box."""
        ax, ay = self.point(left, bottom)
        bx, by = self.point(right, top)
        return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)


@dataclass(slots=True, eq=False)
class _Frag:
    """A run of text on one line with no column gap inside: one pdfium line, or one
    column of it ("Số: /BC-UBND" apart from "Lâm Đồng, ngày ... 2025")."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    base: float                 # baseline, from the top of the page
    size: float                 # font size, points
    bold: bool = False
    hyphen: bool = False        # ends with a line-end hyphen: join the next line without a space
    chars: range | None = None  # pdfium char indices (None for OCR)


class _Line:
    """One visual line: the fragments that share a baseline, left to right. Its
    extent is kept up to date as fragments join, because layout asks for it often."""

    __slots__ = ("bottom", "frags", "main", "page", "top", "x0", "x1")

    def __init__(self, frag: _Frag, page: int) -> None:
        self.frags = [frag]
        self.page = page
        self.x0, self.x1, self.top, self.bottom = frag.x0, frag.x1, frag.top, frag.bottom
        self.main = frag   # the longest fragment: its size and baseline are the line's

    def add(self, frag: _Frag) -> None:
        self.frags.append(frag)
        self.x0, self.x1 = min(self.x0, frag.x0), max(self.x1, frag.x1)
        self.top, self.bottom = min(self.top, frag.top), max(self.bottom, frag.bottom)
        if len(frag.text) > len(self.main.text):
            self.main = frag

    @property
    def text(self) -> str:
        out = self.frags[0].text
        for before, frag in itertools.pairwise(self.frags):
            glued = frag.x0 - before.x1 < 0.15 * frag.size or before.hyphen
            out += ("" if glued else " ") + frag.text
        return out

    @property
    def base(self) -> float:
        return self.main.base

    @property
    def size(self) -> float:
        return self.main.size

    @property
    def bold(self) -> bool:
        return self.frags[0].bold

    @property
    def hyphen(self) -> bool:
        return self.frags[-1].hyphen


@dataclass(slots=True)
class _Row:
    top: float
    cells: list[str]
    spans: list[tuple[int, int]]


@dataclass(slots=True)
class _Table:
    bbox: tuple[float, float, float, float]   # x0, top, x1, bottom
    columns: int                              # grid columns, merged cells counted apart
    rows: list[_Row]

    @property
    def top(self) -> float:
        return self.bbox[1]


@dataclass(slots=True)
class _Page:
    number: int
    width: float
    height: float
    lines: list[_Line] = field(default_factory=list)
    tables: list[_Table] = field(default_factory=list)
    overlay: list[_Line] = field(default_factory=list)   # signature-stamp text of an OCR'd page
    needs_ocr: bool = False


# -- entry point --------------------------------------------------------------------

def read(path: Path, data: bytes, sha256: str) -> RawDocument:
    """Read a PDF into blocks in reading order, OCR'ing the pages that need it.

    Raises EncryptedFile for a PDF that needs a password and CorruptFile for one that
    pdfium cannot open (truncated, not a PDF inside); both name the file and cause.
    """
    warnings: list[str] = []
    pdf = _open(path, data)
    try:
        count = len(pdf)
        if count <= 0:
            raise CorruptFile(path, "the PDF has no pages (its page tree is missing or damaged)")
        if count > MAX_PAGES:
            warnings.append(f"only the first {MAX_PAGES} of {count} pages were read")
        pages: list[_Page] = []
        failed: list[int] = []
        for index in range(min(count, MAX_PAGES)):
            page = _read_page(pdf, index, warnings)
            if page is None:
                failed.append(index + 1)
                page = _Page(index + 1, 0.0, 0.0)
            pages.append(page)
        if len(failed) == len(pages):
            raise CorruptFile(path, "no page of the PDF could be loaded (damaged page tree or contents)")
        if failed:
            warnings.append(f"page(s) {_page_list(failed)} could not be loaded and were skipped")
        _ocr_pages(pdf, pages, path, warnings)
    finally:
        pdf.close()
    blocks = _Layout(pages).blocks()
    encoding = _fix_legacy_text(blocks)
    return RawDocument(path=str(path), sha256=sha256, format="pdf", blocks=blocks, pages=count,
                       encoding=encoding, warnings=warnings)


def _fix_legacy_text(blocks: list[Block]) -> str | None:
    """A PDF made from a TCVN3/VNI document keeps the legacy code points in its text
    layer ("Céng hßa"): convert them before normalisation (which would drop TCVN3's
    ư, a soft hyphen). Unicode text passes through untouched, almost for free."""
    found: str | None = None
    for block in blocks:
        if block.cells is not None:
            fixed = [fix_text(cell) for cell in block.cells]
            block.cells = [text for text, _ in fixed]
            block.text = "\t".join(block.cells)
            found = found or next((scheme for _, scheme in fixed if scheme), None)
        else:
            block.text, scheme = fix_text(block.text)
            found = found or scheme
    return found


def _open(path: Path, data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            raise EncryptedFile(path, "the PDF is encrypted and needs a password to open") from exc
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise EncryptedFile(path, "the PDF is encrypted with a security handler pdfium does not "
                                      "support") from exc
        truncated = b"%%EOF" not in data[-2048:]
        cause = "it ends without %%EOF: the file is truncated" if truncated else "its structure is damaged"
        raise CorruptFile(path, f"not a readable PDF, {cause} (pdfium: {_PDFIUM_ERRORS.get(code, exc)})") from exc


def _page_list(numbers: list[int]) -> str:
    """``1-4, 7`` for pages 1, 2, 3, 4 and 7."""
    spans: list[list[int]] = []
    for n in numbers:
        if spans and n == spans[-1][1] + 1:
            spans[-1][1] = n
        else:
            spans.append([n, n])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in spans)


# -- one page: text, objects, tables ----------------------------------------------

def _read_page(pdf: pdfium.PdfDocument, index: int, warnings: list[str]) -> _Page | None:
    try:
        page = pdf[index]
    except pdfium.PdfiumError:
        return None
    try:
        return _PageReader(page, index + 1, warnings).read()
    except pdfium.PdfiumError as exc:
        warnings.append(f"page {index + 1}: pdfium could not read it ({exc})")
        return None
    finally:
        page.close()


class _PageReader:
    """Reads one page's text layer and ruling lines with a few C calls per line."""

    def __init__(self, page: pdfium.PdfPage, number: int, warnings: list[str]) -> None:
        self.page = page
        self.number = number
        self.warnings = warnings
        left, bottom, right, top = page.get_bbox()
        rotation = page.get_rotation() % 360
        self.frame = _Frame(left, bottom, right, top, rotation if rotation in (90, 180, 270) else 0)
        self._d = [ctypes.c_double() for _ in range(4)]
        self._f = [ctypes.c_float() for _ in range(4)]
        self._rect = pdfium_c.FS_RECTF()
        self._boxes: dict[int, tuple[float, float, float, float] | None] = {}
        self._upright = self.frame.rotation == 0
        self.table_boxes: list[tuple[float, float, float, float]] = []
        self.tp: object = None   # the raw FPDF_TEXTPAGE while read() runs
        self.text = ""           # the page's text, one character per pdfium char index

    def read(self) -> _Page:
        """The page's lines and tables, or a page marked for OCR: one whose text,
        signature-stamp lines aside, has fewer than MIN_LETTERS letters while an
        image covers it or outline glyphs fill it."""
        frame = self.frame
        result = _Page(self.number, frame.width, frame.height)
        glyphs, image_area, edges = self._scan_objects()
        textpage = self.page.get_textpage()
        try:
            self.tp = textpage.raw
            count = textpage.count_chars()
            if count > MAX_CHARS_PER_PAGE:
                self.warnings.append(f"page {self.number}: only the first {MAX_CHARS_PER_PAGE} "
                                     f"of {count} characters were read")
                count = MAX_CHARS_PER_PAGE
            self.text = textpage.get_text_range(0, count) if count > 0 else ""
            page_area = max(frame.width * frame.height, 1.0)
            drawn = image_area / page_area > 0.25 or glyphs >= OUTLINE_PAGE
            grids = self._find_tables(edges) if glyphs < OUTLINE_PAGE else []
            # A pdfium line inside a table runs across cells: its glyphs go to the
            # cells, so it needs no splitting at column gaps here.
            self.table_boxes = [bbox for bbox, _ in grids]
            frags = self._fragments()
            lines = _group_lines(frags, self.number)
            content = [ln for ln in lines if not _SIGNATURE_OVERLAY.match(ln.text)]
            letters = sum(ch.isalnum() for ln in content for ch in ln.text)
            if letters < MIN_LETTERS and drawn:
                result.needs_ocr = True
                result.overlay = lines
                return result
            tables = []
            for bbox, cells in grids:
                inside = [f for f in frags if _in_box(f, bbox)]
                inner = " ".join(f.text for f in inside)
                if _QUOC_HIEU.search(inner) or _RECIPIENTS.search(inner):
                    continue   # a bordered header or signature table: laid out as text
                table = self._read_table(bbox, cells, inside)
                if table.rows:
                    tables.append(table)
            if len(tables) < len(grids):
                self.table_boxes = [t.bbox for t in tables]
                frags = self._fragments()
            if grids:
                lines = _group_lines([f for f in frags if not _in_any(f, tables)], self.number)
            result.lines = lines
            result.tables = tables
            return result
        finally:
            textpage.close()

    # objects: ruling lines, image coverage, outline glyphs

    def _scan_objects(self) -> tuple[int, float, list[dict]]:
        """Outline-glyph count, image area and the horizontal/vertical edges of path
        objects (pdfplumber's edge dicts), walking into form XObjects."""
        state = {"glyphs": 0, "image": 0.0, "seen": 0}
        edges: list[dict] = []
        raw_page = self.page.raw
        count = min(pdfium_c.FPDFPage_CountObjects(raw_page), MAX_OBJECTS_PER_PAGE)
        get, kind_of, text = pdfium_c.FPDFPage_GetObject, pdfium_c.FPDFPageObj_GetType, pdfium_c.FPDF_PAGEOBJ_TEXT
        # Most objects of a text page are text runs: leave them out in one pass.
        objects = [obj for obj in map(get, itertools.repeat(raw_page, count), range(count))
                   if kind_of(obj) != text]
        state["seen"] = count - len(objects)
        self._walk(objects, _IDENTITY, state, edges, depth=0)
        return int(state["glyphs"]), state["image"], edges

    def _walk(self, objects: list, matrix: tuple[float, ...], state: dict, edges: list[dict],
              depth: int) -> None:
        for obj in objects:
            state["seen"] += 1
            if state["seen"] > MAX_OBJECTS_PER_PAGE:
                return
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
                box = self._bounds(obj, matrix)
                if box is None:
                    continue
                width, height = box[2] - box[0], box[3] - box[1]
                if 2 <= width < OUTLINE_GLYPH and 2 <= height < OUTLINE_GLYPH:
                    state["glyphs"] += 1
                if len(edges) < MAX_EDGES:
                    self._path_edges(obj, matrix, box, edges)
            elif kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
                box = self._bounds(obj, matrix)
                if box is not None:
                    x0, top, x1, bottom = box
                    state["image"] += max(0.0, x1 - x0) * max(0.0, bottom - top)
            elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < 4:
                inner = _compose(self._matrix(obj), matrix)
                n = pdfium_c.FPDFFormObj_CountObjects(obj)
                children = [pdfium_c.FPDFFormObj_GetObject(obj, i)
                            for i in range(min(max(n, 0), MAX_OBJECTS_PER_PAGE))]
                self._walk(children, inner, state, edges, depth + 1)

    def _matrix(self, obj: object) -> tuple[float, ...]:
        m = pdfium_c.FS_MATRIX()
        if not pdfium_c.FPDFPageObj_GetMatrix(obj, m):
            return _IDENTITY
        return (m.a, m.b, m.c, m.d, m.e, m.f)

    def _bounds(self, obj: object, matrix: tuple[float, ...]) -> tuple[float, float, float, float] | None:
        """An object's box as shown; ``matrix`` maps its form's space to the page."""
        f = self._f
        if not pdfium_c.FPDFPageObj_GetBounds(obj, f[0], f[1], f[2], f[3]):
            return None
        left, bottom, right, top = f[0].value, f[1].value, f[2].value, f[3].value
        if not math.isfinite(left + bottom + right + top):
            return None
        if matrix != _IDENTITY:
            corners = [_apply(matrix, x, y) for x in (left, right) for y in (bottom, top)]
            left, right = min(c[0] for c in corners), max(c[0] for c in corners)
            bottom, top = min(c[1] for c in corners), max(c[1] for c in corners)
        return self.frame.box(left, bottom, right, top)

    def _path_edges(self, obj: object, matrix: tuple[float, ...], box: tuple[float, float, float, float],
                    edges: list[dict]) -> None:
        """Edges as pdfplumber derives them: a thin path is one ruling line (Word draws
        borders as 0.5 pt filled rectangles), a rectangle gives its four sides, other
        stroked paths give their axis-parallel straight segments."""
        x0, top, x1, bottom = box
        width, height = x1 - x0, bottom - top
        if width < 2 and height < 2:
            return
        if height < 2:
            edges.append(_edge(x0, x1, (top + bottom) / 2, "h"))
            return
        if width < 2:
            edges.append(_edge((x0 + x1) / 2, (x0 + x1) / 2, None, "v", top, bottom))
            return
        fill, stroke = ctypes.c_int(), ctypes.c_int()
        if not pdfium_c.FPDFPath_GetDrawMode(obj, fill, stroke) or not stroke.value:
            return   # a filled box is cell shading or a highlight, not a ruling (BC CCHC 2025)
        segments = pdfium_c.FPDFPath_CountSegments(obj)
        if segments <= 0 or segments > MAX_PATH_SEGMENTS:
            return
        points = self._path_points(obj, _compose(self._matrix(obj), matrix), segments)
        if points is None:
            return
        if segments <= 6 and _is_rectangle(points):
            edges.extend((_edge(x0, x1, top, "h"), _edge(x0, x1, bottom, "h"),
                          _edge(x0, x0, None, "v", top, bottom), _edge(x1, x1, None, "v", top, bottom)))
            return
        for (ax, ay, _), (bx, by, b_line) in itertools.pairwise(points):
            if not b_line:
                continue
            if abs(ay - by) < 0.5 and abs(ax - bx) >= 2:
                edges.append(_edge(min(ax, bx), max(ax, bx), (ay + by) / 2, "h"))
            elif abs(ax - bx) < 0.5 and abs(ay - by) >= 2:
                edges.append(_edge((ax + bx) / 2, (ax + bx) / 2, None, "v", min(ay, by), max(ay, by)))

    def _path_points(self, obj: object, matrix: tuple[float, ...],
                     segments: int) -> list[tuple[float, float, bool]] | None:
        """Points of a path as shown, each with whether a straight line leads to it."""
        points: list[tuple[float, float, bool]] = []
        fx, fy = self._f[0], self._f[1]
        start: tuple[float, float] | None = None
        for i in range(segments):
            seg = pdfium_c.FPDFPath_GetPathSegment(obj, i)
            if not seg or not pdfium_c.FPDFPathSegment_GetPoint(seg, fx, fy):
                return None
            kind = pdfium_c.FPDFPathSegment_GetType(seg)
            x, y = self.frame.point(*_apply(matrix, fx.value, fy.value))
            if not (math.isfinite(x) and math.isfinite(y)):
                return None
            if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
                start = (x, y)
            points.append((x, y, kind == pdfium_c.FPDF_SEGMENT_LINETO))
            if pdfium_c.FPDFPathSegment_GetClose(seg) and start is not None:
                points.append((start[0], start[1], True))
        return points

    # text: lines and fragments

    def _fragments(self) -> list[_Frag]:
        frags: list[_Frag] = []
        text = self.text
        for run in _TEXT_RUNS.finditer(text):
            start = run.start()
            # A line-end hyphen ends a line even where pdfium ran the next line on
            # ("Quyết định số 117/QĐ\ufffeUBND ngày 17/01/2025").
            for mark in re.finditer(f"[{_HYPHEN_MARKS}]", run.group()):
                end = run.start() + mark.end()
                frags.extend(self._frags_of(start, end))
                start = end
            frags.extend(self._frags_of(start, run.end()))
        return frags

    def _frags_of(self, start: int, end: int) -> list[_Frag]:
        """The fragment(s) of one pdfium line, with five C calls in the usual case:
        the first and last glyph boxes give its extent, one glyph its size and
        baseline. Only a line wider than its text explains (a column gap inside), made
        of several text objects, or whose ends stand on different lines is looked at
        run by run."""
        text = self.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            return []
        mid = self._probe(start, end)
        size = self._size(mid)
        first, last = self._charbox(start), self._charbox(end - 1)
        if first is None or last is None:
            return self._split_by_glyphs(start, end)
        x0, x1 = first[0], last[2]
        top, bottom = min(first[1], last[1]), max(first[3], last[3])
        if any(_inside(first, box) for box in self.table_boxes):
            # Its glyphs go to table cells: only its place and size matter.
            return [_Frag(_clean(text[start:end]), x0, top, max(x0, x1), bottom, bottom, size,
                          chars=range(start, end))]
        body = self._loosebox(mid)
        if body is not None:
            top, bottom = min(top, body[1]), max(bottom, body[3])
        one_line = abs((first[1] + first[3]) - (last[1] + last[3])) / 2 < 0.6 * size and x1 > x0
        if one_line and x1 - x0 <= 1.15 * size * _text_width(text, start, end) + size:
            # Two text objects on one line may stand a column apart: LibreOffice
            # writes each cell of the header table as its own ("Số: 2610/QĐ-UBND" and
            # "Lạng Sơn, ngày 27 tháng 12 năm 2019", 8 em apart), which the width
            # estimate, generous to capitals and digits, does not always tell.
            # Only a few objects are looked at one by one: a justified line that
            # LibreOffice sets word by word has a dozen and no column gap.
            if 1 < pdfium_c.FPDFText_CountRects(self.tp, start, end - start) <= MAX_LINE_OBJECTS and \
                    _has_gap(self._rects(start, end), size):
                return self._split_by_glyphs(start, end)
        else:
            rects = self._rects(start, end)
            if not rects:
                return []   # only invisible or zero-size glyphs
            tallest = max(r[3] - r[1] for r in rects)
            spread = max(r[3] for r in rects) - min(r[1] for r in rects) > 1.9 * max(tallest, 1.0)
            if spread or _has_gap(rects, size):
                return self._split_by_glyphs(start, end)
            x0, x1 = min(r[0] for r in rects), max(r[2] for r in rects)
        return [_Frag(_clean(text[start:end]), x0, top, x1, bottom, self._baseline(mid, bottom), size,
                      self._bold(mid), text[end - 1] in _HYPHEN_MARKS, range(start, end))]

    def _rects(self, start: int, end: int) -> list[tuple[float, float, float, float]]:
        """pdfium's rectangles of a char range: one per text object on the line."""
        tp, d, frame = self.tp, self._d, self.frame
        get = pdfium_c.FPDFText_GetRect
        rects = []
        for k in range(max(pdfium_c.FPDFText_CountRects(tp, start, end - start), 0)):
            if get(tp, k, d[0], d[1], d[2], d[3]):
                left, top, right, bottom = d[0].value, d[1].value, d[2].value, d[3].value
                if self._upright:
                    rects.append((left - frame.left, frame.top - top, right - frame.left, frame.top - bottom))
                else:
                    rects.append(frame.box(left, bottom, right, top))
        return rects

    def _loosebox(self, i: int) -> tuple[float, float, float, float] | None:
        """A glyph's box from its font's ascent and descent: the same height for
        every glyph of a line, where tight boxes swing with diacritics."""
        r = self._rect
        if not pdfium_c.FPDFText_GetLooseCharBox(self.tp, i, r):
            return None
        return self.frame.box(r.left, r.bottom, r.right, r.top)

    def _split_by_glyphs(self, start: int, end: int) -> list[_Frag]:
        """Cut a pdfium line at column gaps and baseline jumps, glyph by glyph: the
        header line "Số: /BC-UBND        Lâm Đồng, ngày tháng 12 năm 2025" is one
        pdfium line holding two columns."""
        pieces: list[list[int]] = []
        boxes: dict[int, tuple[float, float, float, float]] = {}
        last: tuple[float, float, float, float] | None = None
        for i in range(start, end):
            if self.text[i].isspace():
                continue
            box = self._charbox(i)
            if box is None:
                continue
            boxes[i] = box
            if last is not None:
                size = max(last[3] - last[1], box[3] - box[1], 4.0)
                jump = abs((box[1] + box[3]) - (last[1] + last[3])) / 2 > 0.6 * size
                gap = box[0] - last[2] > COLUMN_GAP * size * 0.8 or box[2] < last[0] - size
                if jump or gap:
                    pieces.append([])
            elif not pieces:
                pieces.append([])
            pieces[-1].append(i)
            last = box
        frags = []
        for piece in pieces:
            if not piece:
                continue
            a, z = piece[0], piece[-1] + 1
            bs = [boxes[i] for i in piece]
            mid = piece[len(piece) // 2]
            bottom = max(b[3] for b in bs)
            frags.append(_Frag(_clean(self.text[a:z]), min(b[0] for b in bs), min(b[1] for b in bs),
                               max(b[2] for b in bs), bottom, self._baseline(mid, bottom),
                               self._size(mid), self._bold(mid), self.text[z - 1] in _HYPHEN_MARKS,
                               range(a, z)))
        return frags

    def _charbox(self, i: int) -> tuple[float, float, float, float] | None:
        """A glyph's tight box as shown (None for a generated space or line break);
        remembered, because a table's cells read again what line splitting read."""
        if i in self._boxes:
            return self._boxes[i]
        self._boxes[i] = box = self._read_charbox(i)
        return box

    def _read_charbox(self, i: int) -> tuple[float, float, float, float] | None:
        d = self._d
        if not pdfium_c.FPDFText_GetCharBox(self.tp, i, d[0], d[1], d[2], d[3]):
            return None
        left, right, bottom, top = d[0].value, d[1].value, d[2].value, d[3].value
        if right - left <= 0 and top - bottom <= 0:
            return None
        if self._upright:   # the common case, without the general transform
            return left - self.frame.left, self.frame.top - top, right - self.frame.left, self.frame.top - bottom
        return self.frame.box(left, bottom, right, top)

    def _baseline(self, i: int, fallback: float) -> float:
        d = self._d
        if pdfium_c.FPDFText_GetCharOrigin(self.tp, i, d[0], d[1]):
            return self.frame.point(d[0].value, d[1].value)[1]
        return fallback

    def _size(self, i: int) -> float:
        """The type size as printed: pdfium reports the ``Tf`` size, which some
        producers set to 1 and scale with the text matrix (the Lai Châu draft QĐ)."""
        size = pdfium_c.FPDFText_GetFontSize(self.tp, i)
        m = pdfium_c.FS_MATRIX()
        if pdfium_c.FPDFText_GetMatrix(self.tp, i, m):
            size *= math.sqrt(abs(m.a * m.d - m.b * m.c))
        return size if 1.0 <= size <= 200.0 else 10.0

    def _probe(self, start: int, end: int) -> int:
        """A glyph near the middle of ``[start, end)`` that is not a space: its size
        and baseline stand for the run's (a leading superscript "1" would not)."""
        mid = start + (end - start) // 2
        for i in (*range(mid, end), *range(mid - 1, start - 1, -1)):
            if not self.text[i].isspace():
                return i
        return mid

    def _bold(self, i: int) -> bool:
        return pdfium_c.FPDFText_GetFontWeight(self.tp, i) >= 600

    # tables

    def _find_tables(self, edges: list[dict]) -> list[tuple[tuple[float, float, float, float], list]]:
        """``(bbox, cells)`` of the ruled tables pdfplumber's finder sees in ``edges``."""
        h = sum(1 for e in edges if e["orientation"] == "h")
        v = len(edges) - h
        if h < 2 or v < 2:
            return []
        settings = {**_TABLE_SETTINGS,
                    "explicit_vertical_lines": [e for e in edges if e["orientation"] == "v"],
                    "explicit_horizontal_lines": [e for e in edges if e["orientation"] == "h"]}
        stand_in = SimpleNamespace(bbox=(0, 0, self.frame.width, self.frame.height))
        try:
            found = TableFinder(stand_in, settings).tables   # type: ignore[arg-type]
        except (ValueError, AssertionError, KeyError, ZeroDivisionError) as exc:
            self.warnings.append(f"page {self.number}: table lines could not be read ({exc})")
            return []
        tables = []
        for table in found:
            cells = [c for c in table.cells if c[2] - c[0] > 1 and c[3] - c[1] > 1]
            if len(cells) < 2:
                continue
            xs = sorted({round(c[0], 1) for c in cells})
            if len(xs) < 2:
                continue   # a framed paragraph or a one-column box is text, not a table
            bbox = (min(c[0] for c in cells), min(c[1] for c in cells),
                    max(c[2] for c in cells), max(c[3] for c in cells))
            tables.append((bbox, cells))
        return tables

    def _read_table(self, bbox: tuple[float, float, float, float],
                    cells: list[tuple[float, float, float, float]], frags: list[_Frag]) -> _Table:
        """Rows of a table with each cell's text read glyph by glyph from pdfium.

        A pdfium line may run across cells ("STT Tên TTHC Thời hạn giải quyết"), so
        every glyph goes to the cell its centre lies in; inside a cell, glyphs on one
        baseline form a line and lines are joined like paragraph lines.
        """
        grid = _Grid(cells)
        runs: dict[int, list[_Run]] = defaultdict(list)
        for frag in frags:
            for cell, run in self._runs(frag, grid):
                runs[cell].append(run)
        texts = {cell: _cell_text(cell_runs, cells[cell][0], cells[cell][2]) for cell, cell_runs in runs.items()}
        return _Table(bbox, grid.columns, grid.rows(texts))


    def _runs(self, frag: _Frag, grid: _Grid) -> list[tuple[int, _Run]]:
        """A fragment's glyphs cut into runs by cell; a run also ends where pdfium's
        line wraps inside a cell ("Thứ" above "hạng" in one pdfium line)."""
        out: list[tuple[int, _Run]] = []
        if frag.chars is None or not frag.chars:
            return out
        first, last = self._charbox(frag.chars[0]), self._charbox(frag.chars[-1])
        if first is not None and last is not None:
            cell = grid.cell_at((first[0] + first[2]) / 2, (first[1] + first[3]) / 2)
            same_line = abs((first[1] + first[3]) - (last[1] + last[3])) < 1.2 * frag.size
            if cell is not None and same_line and cell == grid.cell_at((last[0] + last[2]) / 2,
                                                                       (last[1] + last[3]) / 2):
                # the usual case: one line of one cell, no glyph to look at
                return [(cell, _Run((frag.top + frag.bottom) / 2, frag.x0, frag.x1, frag.text, frag.size))]
        current: int | None = None
        buffer: list[str] = []
        x0 = x1 = top = bottom = 0.0
        for i in frag.chars:
            ch = self.text[i]
            if ch.isspace():
                if buffer:
                    buffer.append(" ")
                continue
            box = self._charbox(i)
            if box is None:
                continue
            cell = grid.cell_at((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)
            if cell != current or box[1] > bottom or box[0] < x1 - frag.size:
                if current is not None and buffer:
                    out.append((current, _Run((top + bottom) / 2, x0, x1, "".join(buffer).strip(), frag.size)))
                current, buffer, x0, top, bottom = cell, [], box[0], box[1], box[3]
            buffer.append("-" if ch in _HYPHEN_MARKS else ch)
            x1, top, bottom = box[2], min(top, box[1]), max(bottom, box[3])
        if current is not None and buffer:
            out.append((current, _Run((top + bottom) / 2, x0, x1, "".join(buffer).strip(), frag.size)))
        return out


def _edge(x0: float, x1: float, y: float | None, orientation: str,
          top: float | None = None, bottom: float | None = None) -> dict:
    """A ruling line as pdfplumber's table finder takes it."""
    if orientation == "h":
        top = bottom = y
    return {"object_type": "line_edge", "orientation": orientation, "x0": x0, "x1": x1,
            "top": top, "bottom": bottom, "doctop": top, "width": x1 - x0,
            "height": (bottom or 0.0) - (top or 0.0)}


def _compose(inner: tuple[float, ...], outer: tuple[float, ...]) -> tuple[float, ...]:
    """The matrix applying ``inner`` and then ``outer`` (PDF row-vector convention)."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _apply(m: tuple[float, ...], x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def _is_rectangle(points: list[tuple[float, float, bool]]) -> bool:
    """Whether a short path is an axis-parallel rectangle (``re`` or four lines)."""
    for (ax, ay, _), (bx, by, b_line) in itertools.pairwise(points):
        if b_line and abs(ax - bx) > 0.5 and abs(ay - by) > 0.5:
            return False
    return len(points) >= 4


#: Rough advance widths in em (Times-like faces), to tell a line that is wider than
#: its text ("Số: 12/KH-UBND" + gap + "Hà Nội, ngày ...") without reading its runs.
_WIDTH_UPPER, _WIDTH_LOWER, _WIDTH_SPACE = 0.66, 0.47, 0.25


def _text_width(text: str, start: int, end: int) -> float:
    run = text[start:end]
    spaces = run.count(" ")
    tall = sum(map(str.isupper, run)) + sum(map(str.isdigit, run))
    return (len(run) - spaces - tall) * _WIDTH_LOWER + spaces * _WIDTH_SPACE + tall * _WIDTH_UPPER


def _has_gap(rects: list[tuple[float, float, float, float]], size: float) -> bool:
    """Whether pdfium's runs of one line leave a column gap between them."""
    ordered = sorted(rects)
    reach = ordered[0][2]
    for r in ordered[1:]:
        if r[0] - reach > COLUMN_GAP * size:
            return True
        reach = max(reach, r[2])
    return False


def _clean(text: str) -> str:
    """A run's text with pdfium's hyphen marks back as hyphens."""
    for mark in _HYPHEN_MARKS:
        text = text.replace(mark, "-")
    return text.strip()


def _inside(glyph: tuple[float, float, float, float], box: tuple[float, float, float, float]) -> bool:
    cx, cy = (glyph[0] + glyph[2]) / 2, (glyph[1] + glyph[3]) / 2
    return box[0] <= cx <= box[2] and box[1] <= cy <= box[3]


def _in_box(frag: _Frag, box: tuple[float, float, float, float]) -> bool:
    cx, cy = (frag.x0 + frag.x1) / 2, (frag.top + frag.bottom) / 2
    return box[0] - 1 <= cx <= box[2] + 1 and box[1] - 1 <= cy <= box[3] + 1


def _in_any(frag: _Frag, tables: list[_Table]) -> bool:
    return any(_in_box(frag, t.bbox) for t in tables)


class _Grid:
    """A table's cells placed on its column and row boundaries, so merged cells get
    their spans and every point finds its cell."""

    def __init__(self, cells: list[tuple[float, float, float, float]]) -> None:
        self.xs = _boundaries([c[0] for c in cells] + [c[2] for c in cells])
        self.ys = _boundaries([c[1] for c in cells] + [c[3] for c in cells])
        self.columns = max(len(self.xs) - 1, 1)
        self.placed: list[tuple[int, int, int, int]] = []   # r0, c0, r1, c1 per cell
        self.owner: dict[tuple[int, int], int] = {}
        for index, (x0, top, x1, bottom) in enumerate(cells):
            c0, c1 = self._nearest(self.xs, x0), self._nearest(self.xs, x1)
            r0, r1 = self._nearest(self.ys, top), self._nearest(self.ys, bottom)
            c1, r1 = max(c1, c0 + 1), max(r1, r0 + 1)
            self.placed.append((r0, c0, r1, c1))
            for r in range(r0, r1):
                for c in range(c0, c1):
                    self.owner.setdefault((r, c), index)

    @staticmethod
    def _nearest(values: list[float], v: float) -> int:
        i = bisect_right(values, v)
        if i == 0:
            return 0
        if i == len(values) or v - values[i - 1] <= values[i] - v:
            return i - 1
        return i

    def cell_at(self, x: float, y: float) -> int | None:
        c = bisect_right(self.xs, x) - 1
        r = bisect_right(self.ys, y) - 1
        return self.owner.get((r, c))

    def rows(self, texts: dict[int, str]) -> list[_Row]:
        rows = []
        for r in range(len(self.ys) - 1):
            cells: list[str] = []
            spans: list[tuple[int, int]] = []
            c = 0
            while c < self.columns:
                index = self.owner.get((r, c))
                if index is None:
                    cells.append("")
                    spans.append((1, 1))
                    c += 1
                    continue
                r0, c0, r1, c1 = self.placed[index]
                width = max(c1 - max(c0, c), 1)
                if r0 == r:
                    cells.append(texts.get(index, ""))
                    spans.append((r1 - r0, c1 - c0))
                else:   # the lower part of a cell merged down from a row above
                    cells.append("")
                    spans.append((0, c1 - c0))
                c += width
            if any(cells):
                rows.append(_Row(self.ys[r], cells, spans))
        return rows


def _boundaries(values: list[float], tolerance: float = 1.5) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tolerance:
            out.append(v)
    return out


class _Run(NamedTuple):
    """Glyphs of one pdfium line that fall in one table cell."""

    base: float
    x0: float
    x1: float
    text: str
    size: float


def _cell_text(runs: list[_Run], left: float, right: float) -> str:
    """A cell's text: runs on one baseline form a line (left to right); a line goes
    on after a space when it was wrapped (its first word did not fit on the line
    above), after a newline when the line above stopped short of the cell's edge
    ("Trong đó:" / "a là tổng số nhiệm vụ ...") or ended a sentence before an item
    ("- Sở Tư pháp").
    A date or number too long for the cell, broken by the layout ("15/12/202" / "5"),
    is glued back. The cell's right padding is taken equal to its left one (6 pt at most)."""
    runs.sort(key=lambda r: (r.base, r.x0))
    lines: list[list[_Run]] = []
    for run in runs:
        if lines and abs(run.base - lines[-1][0].base) <= 0.45 * max(run.size, 4.0):
            lines[-1].append(run)
        else:
            lines.append([run])
    for line in lines:
        line.sort(key=lambda r: r.x0)
    # Word and LibreOffice pad cells by 0.19 cm (5.4 pt); a centred line says nothing
    padding = min(max(min((line[0].x0 for line in lines), default=left) - left, 1.0), 6.0)
    edge = right - padding
    out = ""
    before: list[_Run] | None = None
    for line in lines:
        text = " ".join(r.text for r in line if r.text)
        if not text:
            continue
        x0, x1 = line[0].x0, max(r.x1 for r in line)
        if before is not None:
            above = " ".join(r.text for r in before)
            above_x1 = max(r.x1 for r in before)
            size = line[0].size
            if out.endswith("-") and not out.endswith(" -"):
                joint = ""
            elif " " not in above and above_x1 > edge - 0.6 * size and _BROKEN_NUMBER.match(above[-1] + text[0]):
                joint = ""   # a date or number filled the line and went on below
            else:
                # a new paragraph of the cell where the line above stopped with room
                # for this one's first word, or an item after a finished sentence; a
                # wrap otherwise, however it begins ("(Tiêu chí" / "3.2).", "Trung
                # tâm Văn hóa" / "- Thể thao và Truyền thông")
                ends = bool(_SENTENCE_END.search(above))
                short = above_x1 + _first_word_width(text, x0, x1, size, sure=not ends) < edge
                joint = "\n" if short or (ends and starts_item(text)) else " "
            out += joint
        out += text
        before = line
    return unicodedata.normalize("NFC", out)


def _first_word_width(text: str, x0: float, x1: float, size: float, sure: bool = False) -> float:
    """Room the line's first word and a space take, estimated from the line's own
    glyph width per character (Vietnamese syllables are short: "cấp", "xã").

    ``sure``: the most the word may need, for a line above that ends no sentence. A
    capitalised word is wider than the line's average glyph ("HĐND", "UBND", "TTHC"),
    and a line that stopped just short of the edge was wrapped: taking it for a
    paragraph's end cut "Văn phòng" from "HĐND và UBND huyện" inside a cell (Can Lộc
    KH 164).
    """
    words = text.split(" ", 2)
    # a dash does not stay alone at a line's end: "- Thể" moves down as one
    word = " ".join(words[:2]) if len(words[0]) == 1 and not words[0].isalnum() else words[0]
    per_char = (x1 - x0) / max(len(text), 1)
    if not sure:
        return (len(word) + 1) * per_char + 0.1 * size
    return 1.2 * max(len(word) * per_char, size * _text_width(word, 0, len(word))) + _WIDTH_SPACE * size


def _group_lines(frags: list[_Frag], page: int) -> list[_Line]:
    """Fragments sharing a baseline band become one visual line, ordered top to
    bottom: a superscript footnote mark ("các ngành¹") and the "." pdfium puts on a
    line of its own go back on their line."""
    lines: list[_Line] = []
    for frag in sorted(frags, key=lambda f: (f.base, f.x0)):
        for line in reversed(lines[-3:]):
            top, bottom = line.top, line.bottom
            overlap = min(bottom, frag.bottom) - max(top, frag.top)
            if overlap >= 0.5 * min(frag.bottom - frag.top, bottom - top) and \
                    abs(frag.base - line.base) < 0.8 * max(frag.size, line.size):
                line.add(frag)
                break
        else:
            lines.append(_Line(frag, page))
    for line in lines:
        line.frags.sort(key=lambda f: f.x0)
    lines.sort(key=lambda ln: (ln.top, ln.x0))
    return lines


# -- OCR ----------------------------------------------------------------------------

def _ocr_pages(pdf: pdfium.PdfDocument, pages: list[_Page], path: Path, warnings: list[str]) -> None:
    wanted = [p for p in pages if p.needs_ocr]
    if not wanted:
        return
    numbers = [p.number for p in wanted]
    reason = ocr.missing()
    if reason is not None:
        warnings.append(f"page(s) {_page_list(numbers)} have no text layer (scanned, or glyphs drawn "
                        f"as outlines) and were not read: OCR needs Tesseract with its Vietnamese "
                        f"model ({ocr.INSTALL_HINT}); {reason}")
        return
    started = time.monotonic()
    skipped: list[int] = []
    for done, page in enumerate(wanted):
        elapsed = time.monotonic() - started
        if done >= ocr.MAX_PAGES or elapsed > ocr.DOCUMENT_BUDGET:
            skipped.append(page.number)
            continue
        timeout = min(ocr.PAGE_TIMEOUT, max(ocr.DOCUMENT_BUDGET - elapsed, 5.0))
        try:
            image, scale = _render(pdf, page.number - 1)
            found = ocr.recognize(image, timeout=timeout, path=str(path))
        except (MissingDependency, Timeout) as exc:
            warnings.append(f"page {page.number}: OCR failed ({exc.cause})")
            continue
        except pdfium.PdfiumError as exc:
            warnings.append(f"page {page.number}: could not be rendered for OCR ({exc})")
            continue
        lines = _ocr_lines(found, scale, page.number)
        if page.overlay:   # the stamp's own text layer says it exactly; drop Tesseract's reading
            lines = [ln for ln in lines if not _SIGNATURE_OVERLAY.match(ln.text)]
        page.lines = lines
    if skipped:
        warnings.append(f"page(s) {_page_list(skipped)} need OCR but were not read: past the cap of "
                        f"{ocr.MAX_PAGES} pages or {ocr.DOCUMENT_BUDGET:.0f} s of OCR per document")


def _render(pdf: pdfium.PdfDocument, index: int) -> tuple[bytes, float]:
    """The page as shown (rotation applied, annotations such as a signature stamp
    left out), grey, as a binary PGM, and points per pixel."""
    page = pdf[index]
    try:
        width, height = page.get_size()
        scale = ocr.DPI / 72
        if width * height * scale * scale > MAX_OCR_PIXELS:
            scale = math.sqrt(MAX_OCR_PIXELS / max(width * height, 1.0))
        bitmap = page.render(scale=scale, grayscale=True, draw_annots=False)
        try:
            w, h, stride = bitmap.width, bitmap.height, bitmap.stride
            raw = bytes(bitmap.buffer)
            channels = max(stride // max(w, 1), 1) if bitmap.n_channels != 1 else 1
            if channels == 1:
                pixels = raw if stride == w else b"".join(raw[r * stride:r * stride + w] for r in range(h))
            else:   # some builds render grey as BGR(x): keep one channel
                pixels = b"".join(raw[r * stride:r * stride + w * channels:channels] for r in range(h))
        finally:
            bitmap.close()
    finally:
        page.close()
    return b"P5\n%d %d\n255\n" % (w, h) + pixels, 1.0 / scale


def _ocr_lines(found: list[ocr.OcrLine], scale: float, page: int) -> list[_Line]:
    """Tesseract's lines in points, cut at column gaps like a text layer's lines:
    Tesseract reads "THỦ TƯỚNG CHÍNH PHỦ      CỘNG HÒA XÃ HỘI ..." as one line.

    A word's box height swings with its diacritics ("ngày" against "Độc"), so a
    line whose height is within 40 % of the page's usual one gets the usual
    size: size changes then mean titles, not accents.
    """
    heights = [_median([w.bottom - w.top for w in line.words]) for line in found if line.words]
    usual = _median(heights) if heights else 40.0
    frags: list[_Frag] = []
    for line, height in zip((ln for ln in found if ln.words), heights, strict=True):
        if abs(height - usual) < 0.4 * usual:
            height = usual
        words = sorted(line.words, key=lambda w: w.left)
        word_gap = _median([b.left - a.right for a, b in itertools.pairwise(words)] or [height])
        threshold = max(1.1 * height, 3.0 * word_gap)
        piece = [words[0]]
        for before, word in itertools.pairwise(words):
            if word.left - before.right > threshold:
                frags.append(_ocr_frag(piece, scale, height))
                piece = []
            piece.append(word)
        frags.append(_ocr_frag(piece, scale, height))
    return _group_lines(frags, page)


def _ocr_frag(words: list[ocr.OcrWord], scale: float, height: float) -> _Frag:
    return _Frag(" ".join(w.text for w in words), min(w.left for w in words) * scale,
                 min(w.top for w in words) * scale, max(w.right for w in words) * scale,
                 max(w.bottom for w in words) * scale, _median([w.bottom for w in words]) * scale,
                 max(height * scale, 4.0))


def _lower_mode(values: list[float], tolerance: float = 0.05) -> float:
    """The median of the lowest cluster of ``values`` (neighbours within
    ``tolerance``) that holds at least a sixth of them: the line pitch of a document
    whose paragraphs are spaced apart, where the overall median is the paragraph
    distance."""
    ordered = sorted(values)
    cluster = [ordered[0]]
    for value in ordered[1:]:
        if value - cluster[-1] > tolerance:
            if len(cluster) >= max(2, len(ordered) / 6):
                break
            cluster = []
        cluster.append(value)
    if len(cluster) < max(2, len(ordered) / 6):
        return _median(ordered)
    return _median(cluster)


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


# -- the document: running lines, zones, paragraphs, rows ---------------------------

class _Layout:
    """Turns pages of lines and tables into blocks in reading order."""

    def __init__(self, pages: list[_Page]) -> None:
        self.pages = pages
        _drop_running_lines(pages)
        sizes: Counter[float] = Counter()
        for page in pages:
            for line in page.lines:
                sizes[round(line.size * 2) / 2] += len(line.text)
        self.body_size = sizes.most_common(1)[0][0] if sizes else 12.0
        self.margins = self._margins()
        self.pitch = self._pitch()
        self.blocks_out: list[Block] = []
        self.pending: list[_Line] = []
        self.deferred: list[Block] = []   # footnotes waiting for the paragraph they interrupt
        # a signature block cut by the page end: its column split and the blocks of
        # its right column, which go after the left column's rest on the next page
        self.signature_split: tuple[float, list[Block]] | None = None
        self.last_note: Block | None = None   # the footnote a line at a page bottom may continue
        self.last_note_page = 0
        self.note_number = 0
        self.table_index = -1
        self.row_counts: Counter[int] = Counter()
        self.open_table: tuple[int, int, list[list[str]], Block | None] | None = None

    def _pitch(self) -> float:
        """Baseline distance per point of type inside a paragraph (1.26 for 14 pt at
        17.7 pt), from line pairs surely inside one: the upper line is full (it
        reaches the right margin) and ends no sentence. The median over all pairs
        would not do: in a plan of one-line items most distances are *between*
        paragraphs (Lạng Sơn QĐ 2610: 55 of 1.78 em against 21 of 1.32 em), and a
        paragraph gap would never stand out. Without such pairs, the lowest distance
        that is common (:func:`_lower_mode`)."""
        inside: list[float] = []
        ratios: list[float] = []
        for page in self.pages:
            _, right = self.margins[page.number]
            for a, b in itertools.pairwise(page.lines):
                if abs(a.size - b.size) >= 0.6:
                    continue
                ratio = (b.base - a.base) / max(a.size, 1.0)
                if not 0.9 <= ratio <= 2.6:
                    continue
                ratios.append(ratio)
                if len(a.frags) == 1 and a.x1 > right - a.size and not _SENTENCE_END.search(a.text):
                    inside.append(ratio)
        if len(inside) >= 3:
            return statistics.median(inside)
        return _lower_mode(ratios) if ratios else 1.3

    def _margins(self) -> dict[int, tuple[float, float]]:
        """Left and right edges of the text body, per page width (portrait pages and
        a landscape appendix differ): the 10th percentile of line starts and the 90th
        of line ends, over the body-size lines of every page that wide."""
        by_width: dict[int, list[_Line]] = defaultdict(list)
        extents: dict[int, list[tuple[float, float]]] = defaultdict(list)
        for page in self.pages:
            by_width[round(page.width)].extend(ln for ln in page.lines if abs(ln.size - self.body_size) < 1.5)
            extents[round(page.width)] += [(ln.x0, ln.x1) for ln in page.lines] + \
                                          [(t.bbox[0], t.bbox[2]) for t in page.tables]
        edges = {width: _edges(lines, width, extents[width]) for width, lines in by_width.items()}
        margins = {}
        for page in self.pages:
            margins[page.number] = edges[round(page.width)]
            if page.needs_ocr and len(page.lines) >= 6:
                # a scan sits where the scanner put it: its own margins
                margins[page.number] = _edges(page.lines, page.width)
        return margins

    def blocks(self) -> list[Block]:
        for page in self.pages:
            # page 1's header, and the header of a plan attached to a decision
            lines = self._header(page, page.lines) if page.lines else page.lines
            if len(lines) != len(page.lines):
                self.signature_split = None   # a new header: the signature above is over
            lines, notes = self._footnotes(page, lines)
            lines, signature, sig_top = self._signature(page, lines)
            items: list[tuple[float, int, object]] = [(ln.top, 0, ln) for ln in lines]
            items += [(t.top, 1, t) for t in page.tables]
            if signature:
                items.append((sig_top, 2, signature))
            items.sort(key=lambda item: (item[0], item[1]))
            first = True
            for _, kind, item in items:
                if kind == 0:
                    self._line(item)  # type: ignore[arg-type]
                elif kind == 1:
                    self._table(item, page, first)  # type: ignore[arg-type]
                else:
                    self._flush()
                    self.blocks_out.extend(item)  # type: ignore[arg-type]
                first = False
            if items and items[-1][1] != 1:
                self.open_table = None
            self.deferred.extend(notes)
            if page.overlay:
                self._flush()
                for line in page.overlay:
                    self.blocks_out.append(Block(kind="paragraph", text=_nfc(line.text),
                                                 origin=Origin(page=page.number), zone="signature"))
        self._flush()
        return self.blocks_out

    # paragraphs

    def _line(self, line: _Line) -> None:
        if _SIGNATURE_OVERLAY.match(line.text):
            self._flush()
            self.blocks_out.append(Block(kind="paragraph", text=_nfc(line.text),
                                         origin=Origin(page=line.page), zone="signature"))
            return
        self.open_table = None
        if self.pending and self._continues(self.pending[-1], line):
            self.pending.append(line)
            return
        self._flush()
        self.pending = [line]

    def _continues(self, prev: _Line, line: _Line) -> bool:
        """Whether ``line`` goes on with the paragraph ``prev`` ends."""
        text = line.text
        if abs(line.size - prev.size) > 1.2:
            return False
        if line.page == prev.page:
            gap = line.base - prev.base
            if gap <= 0 or gap > PARAGRAPH_GAP * self.pitch * max(prev.size, line.size):
                return False
        ends_sentence = bool(_SENTENCE_END.search(prev.text))
        item = starts_item(text)
        if not item and self._balanced(prev) and self._balanced(line) and \
                abs((prev.x0 + prev.x1) - (line.x0 + line.x1)) < 2 * line.size:
            # A centred title over several lines ("Về việc công bố danh mục ..." /
            # "quy trình nội bộ ..."); "QUYẾT ĐỊNH" over "Về việc ..." is not one.
            return not ends_sentence and _caps(prev.text) == _caps(text)
        main = line.main
        if not item and not ends_sentence and self._centered(line) and self._wrapped_centred(prev, line):
            return True
        if self._centered(prev) or self._centered(line):
            return False
        _, right = self.margins[prev.page]
        slack = 0.5 if prev.main.chars is not None else 2.0   # OCR'd lines end less evenly
        if prev.x1 + _first_word_width(text, main.x0, main.x1, line.size, sure=not ends_sentence) \
                < right - slack * prev.size:
            return False   # the next word would have fitted: the line above ended its paragraph
        line_left, _ = self.margins[line.page]
        indented = line.x0 > line_left + INDENT * line.size
        if item:
            # An item starts at its indent or after a finished line; a word that only
            # looks like a label was wrapped onto the margin after a full line that
            # ends no sentence: "Đài Phát thanh" / "- Truyền hình Gia Lai" (Gia Lai
            # KH 1187), "(TCTP 3.1, TCTP" / "3.2); bảo đảm ..." (Cà Mau KH 2020).
            return not (indented or ends_sentence)
        return not (indented and ends_sentence)

    def _wrapped_centred(self, prev: _Line, line: _Line) -> bool:
        """Whether a centred ``line`` is the rest of the centred line above, which the
        margins wrapped: that line has about as much room on each side and no room
        left for this one's first word ("Nâng cao Chỉ số cải cách hành chính, ...
        tiêu chí" / "thực hiện nhiệm vụ năm 2024" under "KẾ HOẠCH"). "PHỤ LỤC" over
        "DANH MỤC NHIỆM VỤ ..." had room: two paragraphs."""
        if prev.page != line.page or abs((prev.x0 + prev.x1) - (line.x0 + line.x1)) > 2 * line.size \
                or _caps(prev.text) != _caps(line.text):
            return False   # "(Kèm theo Kế hoạch ...)" under a title in capitals that fills the line
        left, right = self.margins[prev.page]
        if abs((prev.x0 - left) - (right - prev.x1)) > 1.2 * prev.size:
            return False
        main = line.main
        return prev.x1 - prev.x0 + _first_word_width(line.text, main.x0, main.x1, line.size) > right - left

    def _balanced(self, line: _Line) -> bool:
        """Equal room on both sides, however little: a wide centred line."""
        left, right = self.margins[line.page]
        lead, trail = line.x0 - left, right - line.x1
        return lead > line.size and trail > line.size and abs(lead - trail) < 1.2 * line.size

    def _centered(self, line: _Line) -> bool:
        left, right = self.margins[line.page]
        lead, trail = line.x0 - left, right - line.x1
        return lead > CENTERED * line.size and trail > CENTERED * line.size and abs(lead - trail) < 1.2 * line.size

    def _flush(self, notes: bool = True) -> None:
        if self.pending:
            first = self.pending[0]
            text = first.text
            for before, line in zip(self.pending, self.pending[1:], strict=False):
                # a line broken after a hyphen, pdfium's mark or a typed one, joins
                # without a space: "QĐ-" + "UBND", "Năm 2025-" + "2026"
                glued = (before.hyphen or _HYPHEN_END.search(text)) and not text.endswith(" -")
                text += ("" if glued else " ") + line.text
            text = _GLUED_LABEL.sub(r"\1 ", text)
            self.blocks_out.append(Block(kind="paragraph", text=_nfc(text), origin=Origin(page=first.page),
                                         bold=first.bold, centered=self._centered(first)))
            self.pending = []
        if notes and self.deferred:
            self.blocks_out.extend(self.deferred)
            self.deferred = []

    # tables

    def _table(self, table: _Table, page: _Page, first_on_page: bool) -> None:
        """Emit a table's rows; a table that goes on from the previous page keeps its
        index, loses the header row(s) Word repeats, and a first row with an empty
        STT cell is the end of the previous page's last row. Footnotes of the page
        before wait until the table ends."""
        rows = list(table.rows)
        state = self.open_table
        continued = state is not None and first_on_page and state[1] == table.columns
        self._flush(notes=not continued)
        if continued:
            index, _, header, last = state  # type: ignore[misc]
            # Word repeats the header row(s) on each page: drop them here.
            while rows and header and rows[0].cells == header[0]:
                rows.pop(0)
                header = header[1:]
            if rows and last is not None and last.cells is not None and not rows[0].cells[0] \
                    and len(rows[0].cells) == len(last.cells):
                _extend_row(last, rows.pop(0))
        else:
            self.table_index += 1
            index = self.table_index
        last_block = state[3] if continued else None   # type: ignore[index]
        for row in rows:
            last_block = Block(kind="row", text=_nfc("\t".join(row.cells)),
                               cells=[_nfc(c) for c in row.cells], spans=row.spans,
                               origin=Origin(page=page.number, table=index, row=self.row_counts[index]))
            self.row_counts[index] += 1
            self.blocks_out.append(last_block)
        header_rows = [r.cells for r in table.rows[:2]] if not continued else state[2]  # type: ignore[index]
        self.open_table = (index, table.columns, header_rows, last_block)

    # zones

    def _header(self, page: _Page, lines: list[_Line]) -> list[_Line]:
        """Split the Decree 30 header into its two columns and emit it.

        "ỦY BAN NHÂN DÂN        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" stands on one
        line; the agency, its number and "V/v ..." are the left column, the Quốc hiệu,
        tiêu ngữ and "Lâm Đồng, ngày ..." the right one.
        """
        overlay = [ln for ln in lines[:6] if _SIGNATURE_OVERLAY.match(ln.text)]
        rest = [ln for ln in lines if not any(ln is o for o in overlay)]
        top_lines = rest[:14]
        found = next(((k, f) for k, ln in enumerate(top_lines[:6]) for f in ln.frags if _QUOC_HIEU.search(f.text)),
                     None)
        if found is None or found[1].x0 < page.width * 0.2:
            return lines
        at, anchor = found
        split = anchor.x0 - 1.0
        left_edge, right_edge = self.margins[page.number]
        middle = (left_edge + right_edge) / 2

        def in_columns(line: _Line) -> bool:
            return all(f.x1 <= split + 2 or f.x0 >= split - 2 for f in line.frags)

        start = at
        while start > 0 and in_columns(top_lines[start - 1]):
            start -= 1   # the agency's first line may stand above the Quốc hiệu
        end = at
        for line in top_lines[at:]:
            if line.top > page.height * 0.5 or not in_columns(line):
                break   # a line across both columns: the body has begun
            if len(line.frags) == 1 and abs((line.x0 + line.x1) / 2 - middle) < 0.06 * page.width \
                    and not _QUOC_HIEU.search(line.text):
                break   # the title ("BÁO CÁO"), centred on the page, not on the right column
            first = line.frags[0].text
            if _ADDRESSEES.match(first) or (starts_item(first) and not _RULE_TEXT.match(first)):
                break   # "Kính gửi:" and its "- Các sở, ban, ngành ..." are the body's (Quảng Ninh CV 4817)
            end += 1
        zone = top_lines[start:end]
        left = [f for ln in zone for f in ln.frags if f.x1 <= split + 2]
        right = [f for ln in zone for f in ln.frags if f.x1 > split + 2]
        for column, (lo, hi) in ((left, (left_edge, split)), (right, (split, right_edge))):
            self._emit_column(column, page.number, lo, hi, "header")
        # what stands above the header (a running header, "DỰ THẢO") and an e-signature
        # stamp's text stay in the flow; the stamp's lines go to zone "signature"
        return overlay + top_lines[:start] + rest[end:]

    def _emit_column(self, frags: list[_Frag], page: int, lo: float, hi: float, zone: str) -> None:
        """One block per entry of a header or signature column ("ỦY BAN NHÂN DÂN",
        "Số: 12/KH-UBND"; "- Như Điều 3;", "KT. CHỦ TỊCH"), wrapped lines joined back
        (:meth:`_wraps`)."""
        groups: list[list[_Frag]] = []
        for frag in sorted(frags, key=lambda f: (f.top, f.x0)):
            if groups and self._wraps(groups[-1], frag, hi - lo, zone):
                groups[-1].append(frag)
            else:
                groups.append([frag])
        for group in groups:
            text = " ".join(f.text for f in group)
            mid = (min(f.x0 for f in group) + max(f.x1 for f in group)) / 2
            self.blocks_out.append(Block(kind="paragraph", text=_nfc(text), origin=Origin(page=page),
                                         bold=group[0].bold, centered=abs(mid - (lo + hi) / 2) < 2 * group[0].size,
                                         zone=zone))  # type: ignore[arg-type]

    def _wraps(self, group: list[_Frag], frag: _Frag, width: float, zone: str) -> bool:
        """Whether ``frag`` goes on with the column entry ``group``.

        It does when it shares the entry's baseline, or opens no item and starts in
        lower case ("V/v ban hành Kế hoạch" / "kiểm tra CCHC"). Else only a line at
        the line pitch under an entry that ends with no ";" or "." (and is not
        "Nơi nhận:") may go on with it, and does when

        - the line above ends with a word or sign that needs more ("VĂN PHÒNG HĐND
          VÀ" / "UBND", "Độc lập -" / "Tự do - Hạnh phúc");
        - in the signature, the line above had no room for its first word, which
          opens no signing role and is written in the same case as the word before
          ("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ" / "TỊCH Danh Hoàng Khải" in a
          narrow column; but "TM. HỘI ĐỒNG THẨM ĐỊNH" / "PHÓ CHỦ TỊCH" and "PHÓ GIÁM
          ĐỐC SỞ NỘI VỤ" / "Trần Hữu Tuấn", Lâm Đồng BC thẩm định 2025, whose column
          is wider than its leftmost line tells; and not in the header, where "CỘNG
          HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" fills its column above "Độc lập - Tự do -
          Hạnh phúc");
        - the entry is a "Nơi nhận" item ("- Văn phòng Chính phủ (Cục" / "KSTTHC);",
          "- TT Đảng ủy, TT HĐND phường" / "(b/c);");
        - in the header, both are upper case and this line opens no agency name:
          "ỦY BAN NHÂN DÂN HUYỆN" / "CHÂU THÀNH" is one name, "ỦY BAN NHÂN DÂN" /
          "TỈNH LẠNG SƠN" two lines of the usual header.
        """
        last = group[-1]
        if abs(frag.base - last.base) < 0.5 * frag.size:
            return True
        text = frag.text
        if starts_item(text):
            return False
        if text[:1].islower():
            return True
        above = " ".join(f.text for f in group)
        if above.endswith((";", ".")) or (_RECIPIENTS.match(above) and above.endswith(":")) or \
                frag.base - last.base > PARAGRAPH_GAP * self.pitch * frag.size:
            return False
        if _OPEN_END.search(above):
            return True
        if zone == "signature" and not SIGNATURE_ROLE.match(text) \
                and above.split()[-1].isupper() == text.split()[0].isupper():
            line_x0 = min(f.x0 for f in group if abs(f.base - last.base) < 0.5 * f.size)
            if last.x1 - line_x0 + _first_word_width(text, frag.x0, frag.x1, frag.size) > width:
                return True
        if starts_item(above) and not _RULE_TEXT.match(above):
            return True
        return zone == "header" and _caps(above) and _caps(text) and not AGENCY_HEAD.match(text)

    def _footnotes(self, page: _Page, lines: list[_Line]) -> tuple[list[_Line], list[Block]]:
        """Footnotes at the page bottom: a run of smaller type below the body.

        A footnote opens with the next number in sequence ("1 Thường trực Tỉnh ủy ...",
        "2 Trước sáp nhập tỉnh:"); other lines continue it, "35 văn bản QPPL" too, and
        so do the lines at the top of the next page's run, where a long note goes on.
        """
        i = len(lines)
        while i > 0 and lines[i - 1].size <= self.body_size - FOOTNOTE_SMALLER:
            i -= 1
        if i == 0 or i == len(lines):
            return lines, []
        run = lines[i:]
        start = next((k for k, ln in enumerate(run) if self._opens_note(ln.text)), None)
        carried = self.last_note is not None and self.last_note_page == page.number - 1
        if start is None and not carried:
            return lines, []
        if start is not None and start > 0 and not carried:
            i, run = i + start, run[start:]
        notes: list[Block] = []
        for line in run:
            text = _nfc(line.text)
            if self._opens_note(text):
                self.note_number = int(re.match(r"\D*(\d+)", text).group(1)) if text[0].isdigit() \
                    else self.note_number
                self.last_note = Block(kind="paragraph", text=text, origin=Origin(page=page.number),
                                       zone="footnote")
                notes.append(self.last_note)
            elif self.last_note is not None:
                note = self.last_note
                joint = "\n" if starts_item(text) else ("" if note.text.endswith("-") else " ")
                note.text += joint + text
        self.last_note_page = page.number
        return lines[:i], notes

    def _opens_note(self, text: str) -> bool:
        """A footnote's own number: the next in sequence ("2 Trước sáp nhập")."""
        found = _FOOTNOTE_START.match(text)
        if not found:
            return False
        number = re.match(r"\(?(\d+)", text)
        return number is None or int(number.group(1)) == self.note_number + 1

    def _signature(self, page: _Page, lines: list[_Line]) -> tuple[list[_Line], list[Block], float]:
        """The "Nơi nhận" list and the signer's block side by side: left column, then
        right column, ``zone="signature"``. A block cut by the page end goes on at the
        top of the next page ("- Bộ Nội vụ;" beside "KT. CHỦ TỊCH"). The block ends
        where the two columns do: at a line across the column split or a title
        centred on the page, as the plan a decision attaches starts on the same page
        (Lạng Sơn QĐ 2610: "KẾ HOẠCH / Kiểm soát thủ tục hành chính năm 2020 ..."
        under the signer's name)."""
        carried, self.signature_split = self.signature_split, None
        blocks: list[Block] = []
        zone_top = 0.0
        if carried is not None and lines and lines[0].top < page.height * 0.25:
            split, above = carried
            n = 0
            while n < min(len(lines), 20) and not self._leaves_columns(lines[n], split, page):
                n += 1
            if n:
                left, right = self._signature_columns(lines[:n], split, page)
                kept = {id(b) for b in above}
                self.blocks_out = [b for b in self.blocks_out if id(b) not in kept]
                blocks = left + above + right   # "Nơi nhận" whole, then the signer
                zone_top, lines = lines[0].top, lines[n:]
        start = next((k for k, ln in enumerate(lines) if _RECIPIENTS.match(ln.frags[0].text)), None)
        if start is None:
            return lines, blocks, zone_top
        anchor = lines[start].frags[0]
        # The right column starts at its leftmost line ("PHÓ CHỦ TỊCH" stands left of
        # the centred "KT. CHỦ TỊCH" above it).
        split = min([page.width] + [f.x0 for f in lines[start].frags[1:]])
        end = start + 1
        while end < len(lines):
            line = lines[end]
            moved = min([split] + [f.x0 for f in line.frags if f.x0 > anchor.x1 + anchor.size])
            if self._leaves_columns(line, moved - 1.0, page):
                break
            split = moved
            end += 1
        split -= 1.0
        # "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH" may stand a line above "Nơi nhận:".
        while start > 0 and lines[start - 1].x0 >= split and \
                lines[start].top - lines[start - 1].bottom < 2 * lines[start].size:
            start -= 1
        zone = lines[start:end]
        left, right = self._signature_columns(zone, split, page)
        if end == len(lines) and zone[-1].bottom > page.height * 0.8:
            self.signature_split = (split, right)
        blocks = blocks + left + right
        return lines[:start] + lines[end:], blocks, zone_top if zone_top else zone[0].top

    def _leaves_columns(self, line: _Line, split: float, page: _Page) -> bool:
        """Whether a line stands outside a two-column block split at ``split``: a
        fragment runs across the split (a body paragraph), or the line is one
        fragment centred on the page ("PHỤ LỤC", "KẾ HOẠCH"). Two fragments, one
        each side ("- Công an thị trấn;" and "Chu Văn Thuần"), stay in the block
        however near the page centre their middle falls."""
        if any(f.x0 < split - 2 and f.x1 > split + 2 for f in line.frags):
            return True
        left_edge, right_edge = self.margins[page.number]
        return len(line.frags) == 1 and abs((line.x0 + line.x1) - (left_edge + right_edge)) / 2 < 0.06 * page.width

    def _signature_columns(self, zone: list[_Line], split: float, page: _Page) -> tuple[list[Block], list[Block]]:
        """The blocks of the left column and of the right one."""
        left_edge, right_edge = self.margins[page.number]
        saved = self.blocks_out
        columns = []
        for keep, (lo, hi) in ((lambda f: f.x0 < split, (left_edge, split)),
                               (lambda f: f.x0 >= split, (split, right_edge))):
            self.blocks_out = []
            self._emit_column([f for ln in zone for f in ln.frags if keep(f)], page.number, lo, hi, "signature")
            columns.append(self.blocks_out)
        self.blocks_out = saved
        return columns[0], columns[1]


def _edges(lines: list[_Line], width: float, extents: Sequence[tuple[float, float]] = ()) -> tuple[float, float]:
    """Left and right edges of the text: the 10th percentile of line starts and the
    90th of line ends.

    Too few lines for that (a landscape appendix, all table but its title): 10 % and
    90 % of the width, widened to hold every line and table (the title "NỘI DUNG PHÂN
    CÔNG NHIỆM VỤ ..." reaches 797 pt of 842 in seed 002), and made even about the
    lines' middle when that is near the page's: those few lines are the appendix's
    centred titles, and the text area is centred where they are (Decree 30's left
    margin is the wider, so the middle is right of the page's).
    """
    if len(lines) < 3:
        left = min([width * 0.1] + [x0 for x0, _ in extents])
        right = max([width * 0.9] + [x1 for _, x1 in extents])
        if lines:
            middle = _median([(ln.x0 + ln.x1) / 2 for ln in lines])
            if abs(middle - width / 2) < 0.1 * width:
                half = max(middle - left, right - middle)
                left, right = middle - half, middle + half
        return left, right
    xs = sorted(ln.x0 for ln in lines)
    rights = sorted(ln.x1 for ln in lines)
    return xs[len(xs) // 10], rights[(len(rights) * 9) // 10]


def _extend_row(block: Block, row: _Row) -> None:
    """Join a row's continuation from the next page onto it, cell by cell."""
    cells = block.cells or []
    for k, more in enumerate(row.cells):
        more = _nfc(more)
        if not more:
            continue
        if not cells[k]:
            cells[k] = more
        elif cells[k].endswith("-") and not cells[k].endswith(" -"):
            cells[k] += more
        else:
            cells[k] += ("\n" if starts_item(more) else " ") + more
    block.text = "\t".join(cells)


def _drop_running_lines(pages: list[_Page]) -> None:
    """Remove running headers/footers and page numbers, by position.

    A line in the top or bottom band of a page is dropped when it is a bare page number
    ("2", "- 3 -", "Trang 4/9") standing first or last, or when the same text (digits
    masked) stands at the same height on at least half of the pages, three at least.
    """
    content = [p for p in pages if p.lines]
    seen: dict[str, list[tuple[_Page, _Line]]] = defaultdict(list)
    drop: set[int] = set()
    for page in content:
        band = page.height * 0.14
        lines = page.lines
        candidates = [ln for ln in lines[:3] if ln.bottom < band] + \
                     [ln for ln in lines[-3:] if ln.top > page.height - band]
        for position, line in ((0, lines[0]), (-1, lines[-1])):
            in_band = line.bottom < band if position == 0 else line.top > page.height - band
            if in_band and _PAGE_NUMBER.match(line.text.strip()):
                drop.add(id(line))
        for line in {id(ln): ln for ln in candidates}.values():
            key = re.sub(r"\d+", "#", " ".join(line.text.split())).casefold()
            seen[key].append((page, line))
    if len(content) >= 3:
        needed = max(3, math.ceil(0.5 * len(content)))
        for hits in seen.values():
            if len({p.number for p, _ in hits}) < needed:
                continue
            tops = sorted(ln.top for _, ln in hits)
            middle = tops[len(tops) // 2]
            same = [(p, ln) for p, ln in hits if abs(ln.top - middle) <= 4.0]
            if len({p.number for p, _ in same}) >= needed:
                drop.update(id(ln) for _, ln in same)
    if drop:
        for page in content:
            page.lines = [ln for ln in page.lines if id(ln) not in drop]


def _caps(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 3 and all(ch.isupper() for ch in letters)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)
