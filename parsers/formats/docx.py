"""Word .docx reader: paragraphs and table rows in reading order, as Word shows them.

Why the raw XML and not python-docx's object model: python-docx drops automatic
numbering ("I.", "1.", "a)" that Word draws from numbering.xml, which is where a plan's
whole structure lives when the drafter used Word's list buttons), reads tables without
merged-cell spans, skips text boxes, content controls, field results and tracked
insertions, and decompresses every part of the package (images included) before we
could refuse a zip bomb. So the package is opened with :mod:`zipfile` after checking the
declared sizes, each XML part we need is parsed once with a locked-down lxml parser
(no entity is ever resolved, no DTD or network is loaded), and the body is walked
element by element. python-docx contributes its table of built-in style names, so a
``Block.style`` reads "Heading 1" exactly as python-docx would name it.

What comes out, for a Decree 30 plan such as "Kế hoạch cải cách hành chính giai đoạn
2026-2030":

- the borderless header table ("ỦY BAN NHÂN DÂN / TỈNH LÂM ĐỒNG" left, "CỘNG HÒA XÃ
  HỘI CHỦ NGHĨA VIỆT NAM" right, "Số: .../KH-UBND" and "Lâm Đồng, ngày ..." below) as
  paragraph blocks with ``zone="header"``, one per line, left column first;
- body paragraphs with Word's numbering label in front ("II. NHIỆM VỤ", "1.1. Cải
  cách thể chế", "a) Sở Tư pháp chủ trì");
- the "Phụ lục" assignment tables as ``kind="row"`` blocks, one per row, each merged
  cell once with its (row span, column span);
- the "Nơi nhận" / signature table as paragraph blocks with ``zone="signature"``;
- footnotes and endnotes at the end with ``zone="footnote"``.
"""

from __future__ import annotations

import io
import posixpath
import re
import unicodedata
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal
from urllib.parse import unquote

from docx.styles import BabelFish
from lxml import etree

from parsers.errors import CorruptFile, EncryptedFile, TooLarge
from parsers.model import Block, Origin, RawDocument

try:  # the legacy-font converter (TCVN3 .VnTime, VNI-Times) is optional
    from parsers.text.legacy import convert_run
except ImportError:
    convert_run = None

Zone = Literal["body", "header", "signature", "footnote"]

# ---------------------------------------------------------------------------------
# Limits checked on the zip's central directory before anything is decompressed.
# A real administrative .docx is well under 10 MB with a few dozen entries; Word's
# XML compresses about 10x, and even a 500-page table stays under 50x.

MAX_ENTRIES = 10_000
MAX_TOTAL_UNCOMPRESSED = 512 * 1024 * 1024
MAX_PART_BYTES = 128 * 1024 * 1024     # one XML part we parse
MAX_RATIO = 200                       # uncompressed / compressed, for entries over 1 MiB
_RATIO_FLOOR = 1024 * 1024

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: The stream name Office writes into an OLE2 container holding a password-protected
#: .docx (MS-OFFCRYPTO); it is stored in UTF-16LE in the directory entries.
ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")

# ---------------------------------------------------------------------------------
# Namespaces and tags (Clark notation, computed once).

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
#: "Strict Open XML" (Word's "Save as Strict") names the same vocabulary differently.
STRICT_W_NS = b"http://purl.oclc.org/ooxml/wordprocessingml/main"


def _w(name: str) -> str:
    return f"{{{W_NS}}}{name}"


def _child(parent: etree._Element, tag: str) -> etree._Element | None:
    """The first child with this tag. lxml's ``find`` runs ElementPath in Python and
    costs several times more; this is on the path of every run and cell."""
    return next(parent.iterchildren(tag), None)


W_BODY, W_P, W_TBL, W_TR, W_TC, W_R = map(_w, ("body", "p", "tbl", "tr", "tc", "r"))
W_PPR, W_RPR, W_TCPR, W_TRPR = map(_w, ("pPr", "rPr", "tcPr", "trPr"))
W_PSTYLE, W_RSTYLE, W_NUMPR, W_NUMID, W_ILVL = map(_w, ("pStyle", "rStyle", "numPr", "numId", "ilvl"))
W_JC, W_B, W_VANISH, W_RFONTS = map(_w, ("jc", "b", "vanish", "rFonts"))
W_T, W_TAB, W_PTAB, W_BR, W_CR = map(_w, ("t", "tab", "ptab", "br", "cr"))
W_NOBREAKHYPHEN, W_SYM, W_FLDCHAR = map(_w, ("noBreakHyphen", "sym", "fldChar"))
W_DRAWING, W_PICT, W_OBJECT, W_TXBXCONTENT = map(_w, ("drawing", "pict", "object", "txbxContent"))
W_FOOTNOTEREF, W_ENDNOTEREF = map(_w, ("footnoteReference", "endnoteReference"))
W_INS, W_DEL, W_MOVETO, W_MOVEFROM = map(_w, ("ins", "del", "moveTo", "moveFrom"))
W_HYPERLINK, W_SMARTTAG, W_CUSTOMXML, W_FLDSIMPLE = map(_w, ("hyperlink", "smartTag", "customXml", "fldSimple"))
W_SDT, W_SDTCONTENT, W_DIR, W_BDO = map(_w, ("sdt", "sdtContent", "dir", "bdo"))
W_GRIDSPAN, W_VMERGE, W_GRIDBEFORE, W_HMERGE = map(_w, ("gridSpan", "vMerge", "gridBefore", "hMerge"))
W_STYLE, W_NAME, W_BASEDON, W_DOCDEFAULTS = map(_w, ("style", "name", "basedOn", "docDefaults"))
W_ABSTRACTNUM, W_NUM, W_LVL, W_ABSTRACTNUMID = map(_w, ("abstractNum", "num", "lvl", "abstractNumId"))
W_START, W_NUMFMT, W_LVLTEXT, W_LVLRESTART = map(_w, ("start", "numFmt", "lvlText", "lvlRestart"))
W_ISLGL, W_SUFF, W_LVLOVERRIDE, W_STARTOVERRIDE = map(_w, ("isLgl", "suff", "lvlOverride", "startOverride"))
W_NUMSTYLELINK, W_FOOTNOTE, W_ENDNOTE, W_ALTCHUNK = map(_w, ("numStyleLink", "footnote", "endnote", "altChunk"))
W_VAL, W_TYPE, W_ID, W_STYLEID = map(_w, ("val", "type", "id", "styleId"))
W_DEFAULT, W_CHAR, W_FONT = map(_w, ("default", "char", "font"))
W_DELTEXT, W_INSTRTEXT, W_SDTPR = map(_w, ("delText", "instrText", "sdtPr"))
W_ASCII, W_HANSI, W_ASCIITHEME, W_HANSITHEME = map(_w, ("ascii", "hAnsi", "asciiTheme", "hAnsiTheme"))
MC_ALTERNATE, MC_CHOICE, MC_FALLBACK = (f"{{{MC_NS}}}{n}" for n in ("AlternateContent", "Choice", "Fallback"))
M_OMATH, M_OMATHPARA, M_T = (f"{{{M_NS}}}{n}" for n in ("oMath", "oMathPara", "t"))
REL = f"{{{PKG_REL_NS}}}Relationship"

#: Containers whose children are read as if they stood in the parent's place.
_INLINE_WRAPPERS = frozenset({W_INS, W_MOVETO, W_HYPERLINK, W_SMARTTAG, W_CUSTOMXML, W_FLDSIMPLE,
                              W_SDTCONTENT, W_DIR, W_BDO})
#: The children of a paragraph that can hold text; bookmarks, proofing marks and
#: the paragraph's properties are skipped in C.
_INLINE_CONTENT = (W_R, *_INLINE_WRAPPERS, W_SDT, MC_ALTERNATE, M_OMATH, M_OMATHPARA)
_BLOCK_WRAPPERS = frozenset({W_SDTCONTENT, W_CUSTOMXML, W_INS, W_MOVETO})

_FALSE_VALUES = frozenset({"0", "false", "off", "none"})

# ---------------------------------------------------------------------------------
# Data: numbering formats, symbol-font bullets, header and signature markers.

#: Bullets drawn from the Symbol and Wingdings fonts are stored as private-use code
#: points (Word maps the font's byte 0xB7 to U+F0B7); shown here as the glyph a reader
#: sees. U+F02D is the Symbol-font dash many Vietnamese templates use for "- item".
SYMBOL_GLYPHS = {
    0xF0B7: "•",   # Symbol: bullet
    0xF0A7: "▪",   # Wingdings: small black square
    0xF0D8: "➢",   # Wingdings: arrowhead
    0xF076: "❖",   # Wingdings: diamond of four
    0xF0FC: "✓",   # Wingdings: check mark
    0xF06E: "■",   # Wingdings: black square
    0xF071: "❑",   # Wingdings: hollow square
    0xF0E0: "→",   # Wingdings: arrow
    0xF0A8: "□",   # Symbol/Wingdings: hollow square
    0xF02D: "-",   # Symbol: minus, used as the dash bullet
    0xF02B: "+",   # Symbol: plus, used as the plus bullet
}
_SYMBOL_FONTS = frozenset({"symbol", "wingdings", "wingdings 2", "wingdings 3", "webdings"})

#: Decree 30 (Phụ lục I): the national name and motto stand top right in the header.
_HEADER_MARKERS = re.compile(r"CỘNG\s*H(?:ÒA|OÀ)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA|ĐỘC\s+LẬP\s*[-–—]\s*TỰ\s+DO")
#: Decree 30 (Điều 8, Phụ lục I): "Nơi nhận:" bottom left, and the signing authority
#: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "TL.", "TUQ.", "Q. CHỦ TỊCH" bottom right.
_SIGNATURE_MARKERS = re.compile(r"^(?:NƠI\s+NHẬN\b|(?:TM|KT|TL|TUQ|Q)\.\s*\S)")
#: Header and signature tables are small; a big table mentioning "KT." is data.
_LAYOUT_TABLE_MAX_ROWS = 4
_LAYOUT_TABLE_MAX_COLUMNS = 3
#: Lines that only draw a rule under "TỈNH LÂM ĐỒNG" or the motto.
_RULE_LINE = re.compile(r"^[-_=~.*·•\s]{2,}$")
#: A list label with a word of its own ("Phần I", "Chương II", "Điều 3."): a heading
#: that may stand alone on its line, its title in the next paragraph (Lạng Sơn QĐ
#: 2610: "Phần I" over "MỤC ĐÍCH, YÊU CẦU"). A bare "2." or a bullet on an empty
#: paragraph is an Enter pressed inside a list and says nothing.
_WORDED_LABEL = re.compile(r"[^\W\d_]{2,}\s")

_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


#: Beyond this a list number prints as digits: no real list is that long, and a
#: damaged start value must not turn into a megabyte of "M".
MAX_COUNTER = 32767


def _roman(n: int) -> str:
    if n <= 0:
        return str(n)
    out = []
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def _letter(n: int) -> str:
    """Word's letter numbering: A..Z, then AA..ZZ, AAA.. (the letter repeats)."""
    if n <= 0:
        return str(n)
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


#: numFmt value -> how a counter prints. Formats not listed print as decimal, which
#: is what Word falls back to for formats it cannot draw either.
NUMBER_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "upperRoman": _roman,
    "lowerRoman": lambda n: _roman(n).lower(),
    "upperLetter": _letter,
    "lowerLetter": lambda n: _letter(n).lower(),
    "none": lambda n: "",
    "bullet": lambda n: "",
}

# ---------------------------------------------------------------------------------
# Opening the package.


def read(path: Path, data: bytes, sha256: str) -> RawDocument:
    """Read a .docx into blocks; every failure is a VanbanError naming the file."""
    package = _Package.open(path, data)
    try:
        document = package.xml(package.main)
        if document is None:
            raise CorruptFile(path, f"the package names {package.main} as its document but holds no such part")
        body = _child(_prune(document), W_BODY)
        if body is None:
            raise CorruptFile(path, f"{package.main} has no <w:body>: not a Word document")
        styles = _Styles(package.xml(package.related("styles")))
        numbering = _Numbering(lambda: package.xml(package.related("numbering")), styles)
        reader = _BodyReader(styles, numbering)
        reader.read_story(body, "body")
        for kind in ("footnotes", "endnotes"):
            if reader.refers_to(kind):
                notes = package.xml(package.related(kind))
                reader.read_notes(_prune(notes) if notes is not None else None, kind)
    except RecursionError as error:
        raise CorruptFile(path, "nesting too deep to be a real document (tables or text boxes "
                                "nested hundreds of levels)") from error
    finally:
        package.archive.close()
    warnings = [*reader.warnings, *numbering.warnings]
    return RawDocument(path=str(path), sha256=sha256, format="docx", blocks=reader.blocks,
                       warnings=warnings)


def _safe_parser() -> etree.XMLParser:
    """The one parser every part goes through: an entity in a document stays
    unresolved, no DTD or external resource is fetched, libxml2's size caps stay on."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           huge_tree=False, remove_comments=True, remove_pis=True)


class _Package:
    """The zip container, checked before any entry is decompressed."""

    def __init__(self, path: Path, archive: zipfile.ZipFile, main: str) -> None:
        self.path = path
        self.archive = archive
        self.main = main
        self._names = {info.filename.lower(): info for info in archive.infolist()}
        self._parser = _safe_parser()
        self._rels: dict[str, str] | None = None

    @classmethod
    def open(cls, path: Path, data: bytes) -> _Package:
        if data.startswith(OLE2_MAGIC):
            if ENCRYPTED_PACKAGE in data:
                raise EncryptedFile(path, "password-protected Office document (an encrypted package "
                                          "in an OLE2 container); save it again without a password")
            raise CorruptFile(path, "an OLE2 compound file (legacy .doc), not a .docx zip package")
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
            infos = archive.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError,
                NotImplementedError) as error:
            raise CorruptFile(path, f"not a readable .docx: the zip container is damaged or "
                                    f"truncated ({error})") from error
        try:
            _check_sizes(path, infos)
            package = cls(path, archive, "word/document.xml")
            package.main = package._main_part()
        except BaseException:
            archive.close()
            raise
        return package

    def _main_part(self) -> str:
        rels = self.xml("_rels/.rels")
        if rels is not None:
            for rel in rels.iter(REL):
                if rel.get("Type", "").endswith("/officeDocument") and rel.get("TargetMode") != "External":
                    return _join_part("", rel.get("Target", ""))
        return "word/document.xml"

    def related(self, kind: str) -> str | None:
        """The part the main document links to with a relationship of this kind
        (``styles``, ``numbering``, ``footnotes``, ``endnotes``)."""
        if self._rels is None:
            folder, name = posixpath.split(self.main)
            rels = self.xml(posixpath.join(folder, "_rels", name + ".rels"))
            self._rels = {}
            if rels is not None:
                for rel in rels.iter(REL):
                    if rel.get("TargetMode") == "External":
                        continue
                    rel_kind = rel.get("Type", "").rsplit("/", 1)[-1]
                    self._rels.setdefault(rel_kind, _join_part(folder, rel.get("Target", "")))
        return self._rels.get(kind)

    def xml(self, name: str | None) -> etree._Element | None:
        """Parse one part, or None when the package has no such part."""
        if name is None:
            return None
        info = self._names.get(name.lower())
        if info is None:
            return None
        if info.flag_bits & 0x1:
            raise EncryptedFile(self.path, f"zip entry {info.filename} is encrypted (a password-protected zip)")
        if info.file_size > MAX_PART_BYTES:
            raise TooLarge(self.path, f"{info.filename} would expand to {info.file_size:,} bytes "
                                      f"(limit {MAX_PART_BYTES:,})")
        try:
            raw = self.archive.read(info)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError,
                RuntimeError) as error:
            raise CorruptFile(self.path, f"zip entry {info.filename} cannot be decompressed, the file "
                                         f"is damaged or truncated ({error})") from error
        if STRICT_W_NS in raw:
            raw = raw.replace(STRICT_W_NS, W_NS.encode())
        try:
            return etree.fromstring(raw, self._parser)
        except (etree.XMLSyntaxError, ValueError) as error:
            raise CorruptFile(self.path, f"{info.filename} is not well-formed XML ({error})") from error


def _join_part(folder: str, target: str) -> str:
    target = unquote(target)
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(folder, target))


def _check_sizes(path: Path, infos: list[zipfile.ZipInfo]) -> None:
    """Refuse a zip bomb from its central directory: sizes are declared there, and
    zipfile never returns more than the declared size of an entry (it fails the CRC)."""
    if len(infos) > MAX_ENTRIES:
        raise TooLarge(path, f"{len(infos):,} zip entries (limit {MAX_ENTRIES:,}); not a real .docx")
    total = sum(info.file_size for info in infos)
    if total > MAX_TOTAL_UNCOMPRESSED:
        raise TooLarge(path, f"zip entries would expand to {total:,} bytes "
                             f"(limit {MAX_TOTAL_UNCOMPRESSED:,}); refused as a zip bomb")
    for info in infos:
        if info.file_size > _RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            ratio = info.file_size // max(info.compress_size, 1)
            raise TooLarge(path, f"zip entry {info.filename} would expand {ratio:,}x to "
                                 f"{info.file_size:,} bytes; refused as a zip bomb")


# ---------------------------------------------------------------------------------
# Styles.


def _on(element: etree._Element) -> bool:
    """A toggle property such as <w:b/> or <w:b w:val="0"/>."""
    return element.get(W_VAL, "true").lower() not in _FALSE_VALUES


class _Unset:
    """Marks a property no style in a chain sets (None is a real value: theme font)."""


_UNSET = _Unset()


def _font_of(rpr: etree._Element | None) -> str | _Unset | None:
    """The font a run's Vietnamese letters are drawn in: ``hAnsi`` (the slot Word
    uses for non-ASCII Latin text, where TCVN3 puts its letters), else ``ascii``.
    A theme font is never a legacy font, so it resolves to None."""
    if rpr is None:
        return _UNSET
    fonts = _child(rpr, W_RFONTS)
    return _UNSET if fonts is None else _font_in(fonts)


def _font_in(fonts: etree._Element) -> str | _Unset | None:
    """The font named by one ``w:rFonts`` element (see :func:`_font_of`)."""
    if fonts.get(W_HANSITHEME) is not None:
        return None
    if (name := fonts.get(W_HANSI)) is not None:
        return name
    if fonts.get(W_ASCIITHEME) is not None:
        return None
    if (name := fonts.get(W_ASCII)) is not None:
        return name
    return _UNSET


@dataclass(frozen=True, slots=True)
class _RunLook:
    """What a run inherits from its styles: bold and the font its letters use."""

    bold: bool
    font: str | None


@dataclass(frozen=True, slots=True)
class _ParagraphStyle:
    name: str | None
    num_id: str | None
    ilvl: int | None
    centered: bool


class _Styles:
    """Paragraph and character styles, resolved through ``basedOn`` chains once each.

    A plan's "Heading 1" may be based on "Normal", which sets ".VnTime" as its font
    and is based on nothing; a run in a "Heading 1" paragraph with no font of its own is
    then drawn in ".VnTime", and the legacy converter must know it.
    """

    def __init__(self, root: etree._Element | None) -> None:
        self._by_id: dict[str, etree._Element] = {}
        self.default_paragraph: str | None = None
        default_rpr = None
        if root is not None:
            for style in root.iter(W_STYLE):
                style_id = style.get(W_STYLEID)
                if style_id is None:
                    continue
                self._by_id.setdefault(style_id, style)
                if style.get(W_TYPE) == "paragraph" and _on_attr(style.get(W_DEFAULT)):
                    self.default_paragraph = self.default_paragraph or style_id
            defaults = root.find(W_DOCDEFAULTS)
            if defaults is not None:
                default_rpr = defaults.find(f"{_w('rPrDefault')}/{W_RPR}")
        bold = default_rpr.find(W_B) if default_rpr is not None else None
        font = _font_of(default_rpr)
        self._default_look = _RunLook(bold=bold is not None and _on(bold),
                                      font=None if isinstance(font, _Unset) else font)
        self._paragraphs: dict[str | None, _ParagraphStyle] = {}
        self._looks: dict[tuple[str | None, str | None], _RunLook] = {}

    def element(self, style_id: str | None) -> etree._Element | None:
        return self._by_id.get(style_id) if style_id is not None else None

    def chain(self, style_id: str | None) -> Iterator[etree._Element]:
        """The style and the styles it is based on, nearest first (cycles cut)."""
        seen: set[str] = set()
        while style_id is not None and style_id not in seen and len(seen) < 32:
            seen.add(style_id)
            style = self._by_id.get(style_id)
            if style is None:
                return
            yield style
            based_on = style.find(W_BASEDON)
            style_id = based_on.get(W_VAL) if based_on is not None else None

    def paragraph(self, style_id: str | None) -> _ParagraphStyle:
        found = self._paragraphs.get(style_id)
        if found is None:
            found = self._paragraphs[style_id] = self._resolve_paragraph(style_id)
        return found

    def _resolve_paragraph(self, style_id: str | None) -> _ParagraphStyle:
        name = num_id = ilvl = jc = None
        for style in self.chain(style_id):
            if name is None and (name_el := style.find(W_NAME)) is not None:
                name = BabelFish.internal2ui(name_el.get(W_VAL, ""))
            ppr = style.find(W_PPR)
            if ppr is None:
                continue
            if jc is None and (jc_el := ppr.find(W_JC)) is not None:
                jc = jc_el.get(W_VAL)
            numpr = ppr.find(W_NUMPR)
            if numpr is not None:
                if num_id is None and (num_el := numpr.find(W_NUMID)) is not None:
                    num_id = num_el.get(W_VAL)
                if ilvl is None and (ilvl_el := numpr.find(W_ILVL)) is not None:
                    ilvl = _int(ilvl_el.get(W_VAL), 0)
        return _ParagraphStyle(name=name, num_id=num_id, ilvl=ilvl, centered=jc == "center")

    def look(self, paragraph_style: str | None, run_style: str | None) -> _RunLook:
        """Bold and font a run gets from its character style, then its paragraph's
        style, then the document defaults; cached per (paragraph, character) style."""
        key = (paragraph_style, run_style)
        found = self._looks.get(key)
        if found is None:
            bold: bool | None = None
            font: str | _Unset | None = _UNSET
            for style in (*self.chain(run_style), *self.chain(paragraph_style)):
                rpr = style.find(W_RPR)
                if rpr is None:
                    continue
                if bold is None and (b := rpr.find(W_B)) is not None:
                    bold = _on(b)
                if isinstance(font, _Unset):
                    font = _font_of(rpr)
            found = self._looks[key] = _RunLook(
                bold=self._default_look.bold if bold is None else bold,
                font=self._default_look.font if isinstance(font, _Unset) else font)
        return found


def _on_attr(value: str | None) -> bool:
    return value is not None and value.lower() not in _FALSE_VALUES


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


# ---------------------------------------------------------------------------------
# Numbering.


@dataclass(frozen=True, slots=True)
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str | None = None       # lvlText, e.g. "%1.%2."; None: no label
    restart: int | None = None    # lvlRestart; None: after any higher level
    legal: bool = False           # isLgl: all numbers decimal ("1.1" under "I")
    suffix: str = "tab"           # what stands between label and text
    style: str | None = None      # the paragraph style linked to this level
    font: str | None = None       # the label's font, for Symbol/Wingdings bullets


def _parse_level(lvl: etree._Element, base: _Level | None = None) -> _Level:
    base = base or _Level()

    def val(tag: str) -> str | None:
        el = lvl.find(tag)
        return el.get(W_VAL) if el is not None else None

    text_el = lvl.find(W_LVLTEXT)
    restart = val(W_LVLRESTART)
    legal = lvl.find(W_ISLGL)
    style = val(W_PSTYLE)
    rpr = lvl.find(W_RPR)
    font = _font_of(rpr)
    return _Level(
        start=_int(val(W_START), base.start),
        fmt=val(W_NUMFMT) or base.fmt,
        text=text_el.get(W_VAL) if text_el is not None else base.text,
        restart=_int(restart, 0) if restart is not None else base.restart,
        legal=_on(legal) if legal is not None else base.legal,
        suffix=val(W_SUFF) or base.suffix,
        style=style if style is not None else base.style,
        font=font if isinstance(font, str) else base.font,
    )


@dataclass(slots=True)
class _Instance:
    """One ``w:num``: an abstract list plus its level overrides (a restart)."""

    abstract: str
    starts: dict[int, int] = field(default_factory=dict)
    levels: dict[int, _Level] = field(default_factory=dict)


class _Numbering:
    """Word's list numbering, counted the way Word counts it.

    Counters belong to the abstract list, so two ``w:num`` that share an
    ``abstractNum`` continue each other ("1. Sở Tư pháp ... 2. Sở Nội vụ" across an
    intervening table); a ``w:num`` with ``startOverride`` is Word's "Restart at 1"
    and resets its levels the first time it is used. A level restarts after any
    higher level unless ``lvlRestart`` says otherwise.
    """

    def __init__(self, load: Callable[[], etree._Element | None], styles: _Styles) -> None:
        self.warnings: list[str] = []
        self._abstracts: dict[str, dict[int, _Level]] = {}
        self._style_links: dict[str, str] = {}
        self._instances: dict[str, _Instance] = {}
        self._counters: dict[str, list[int | None]] = {}
        self._used: set[str] = set()
        self._styles = styles
        self._load: Callable[[], etree._Element | None] | None = load

    def _parse(self) -> None:
        """Read numbering.xml on the first numbered paragraph: most plans type their
        "1." by hand, and a template's numbering.xml can define a hundred lists."""
        load, self._load = self._load, None
        root = load() if load is not None else None
        if root is None:
            return
        for abstract in root.iter(W_ABSTRACTNUM):
            abstract_id = abstract.get(W_ABSTRACTNUMID)
            if abstract_id is None:
                continue
            levels: dict[int, _Level] = {}
            for lvl in abstract.iter(W_LVL):
                ilvl = _int(lvl.get(W_ILVL), -1)
                if 0 <= ilvl <= 8:
                    levels[ilvl] = _parse_level(lvl)
            self._abstracts[abstract_id] = levels
            link = abstract.find(W_NUMSTYLELINK)
            if link is not None and link.get(W_VAL):
                self._style_links[abstract_id] = link.get(W_VAL, "")
        for num in root.iter(W_NUM):
            num_id = num.get(_w("numId"))
            abstract_el = num.find(W_ABSTRACTNUMID)
            if num_id is None or abstract_el is None:
                continue
            instance = _Instance(abstract=abstract_el.get(W_VAL, ""))
            for override in num.iter(W_LVLOVERRIDE):
                ilvl = _int(override.get(W_ILVL), -1)
                if not 0 <= ilvl <= 8:
                    continue
                start = override.find(W_STARTOVERRIDE)
                if start is not None:
                    instance.starts[ilvl] = _int(start.get(W_VAL), 1)
                lvl = override.find(W_LVL)
                if lvl is not None:
                    instance.levels[ilvl] = lvl  # parsed against the abstract level below
            self._instances[num_id] = instance
        for instance in self._instances.values():
            instance.abstract = self._follow_style_link(instance.abstract)
            base = self._abstracts.get(instance.abstract, {})
            instance.levels = {i: _parse_level(lvl, base.get(i)) for i, lvl in instance.levels.items()}

    def _follow_style_link(self, abstract_id: str) -> str:
        """An abstract list that only says ``numStyleLink`` takes its levels from the
        list the numbering style points to (a "List Number" style shared by templates)."""
        for _ in range(8):
            style_id = self._style_links.get(abstract_id)
            if style_id is None:
                return abstract_id
            style = self._styles.element(style_id)
            num_el = style.find(f"{W_PPR}/{W_NUMPR}/{W_NUMID}") if style is not None else None
            target = self._instances.get(num_el.get(W_VAL, "")) if num_el is not None else None
            if target is None or target.abstract == abstract_id:
                return abstract_id
            abstract_id = target.abstract
        return abstract_id

    def level_for_style(self, num_id: str, style_id: str | None) -> int | None:
        """The level a style-linked list gives a paragraph of this style ("Heading 2"
        is level 1 of the heading list), None when no level names the style."""
        if self._load is not None:
            self._parse()
        instance = self._instances.get(num_id)
        if instance is None or style_id is None:
            return None
        for ilvl, level in self._abstracts.get(instance.abstract, {}).items():
            if level.style == style_id:
                return ilvl
        return None

    def _level(self, instance: _Instance, ilvl: int) -> _Level | None:
        found = instance.levels.get(ilvl)
        if found is None:
            found = self._abstracts.get(instance.abstract, {}).get(ilvl)
        return found

    def label(self, num_id: str, ilvl: int) -> tuple[str, str] | None:
        """Advance the counters for one numbered paragraph and return ``(label,
        separator)`` as Word draws them, e.g. ``("1.2.", " ")``; None when unnumbered."""
        if self._load is not None:
            self._parse()
        instance = self._instances.get(num_id)
        if instance is None:
            if num_id != "0":
                self._warn(f"paragraph refers to numbering {num_id}, which numbering.xml does not define")
            return None
        ilvl = min(max(ilvl, 0), 8)
        level = self._level(instance, ilvl)
        if level is None:
            return None
        counters = self._counters.setdefault(instance.abstract, [None] * 9)
        if num_id not in self._used:
            self._used.add(num_id)
            for overridden in instance.starts:
                counters[overridden] = None
        current = counters[ilvl]
        counters[ilvl] = self._start(instance, ilvl) if current is None else current + 1
        for deeper in range(ilvl + 1, 9):
            deeper_level = self._level(instance, deeper)
            restart = deeper_level.restart if deeper_level is not None else None
            if restart is None or (restart != 0 and ilvl < restart):
                counters[deeper] = None
        if level.text is None:
            return None
        if level.fmt == "bullet":
            text = _bullet(level)
        else:
            text = re.sub(r"%([1-9])", lambda m: self._number(instance, counters, int(m.group(1)) - 1,
                                                               level.legal), level.text)
        separator = "" if level.suffix == "nothing" else " "
        return text, separator

    def _start(self, instance: _Instance, ilvl: int) -> int:
        if ilvl in instance.starts:
            return instance.starts[ilvl]
        level = self._level(instance, ilvl)
        return level.start if level is not None else 1

    def _number(self, instance: _Instance, counters: list[int | None], ilvl: int, legal: bool) -> str:
        level = self._level(instance, ilvl)
        value = counters[ilvl]
        if value is None:
            value = self._start(instance, ilvl)
        fmt = "decimal" if legal or level is None else level.fmt
        if fmt == "bullet":
            return ""
        if not 0 <= value <= MAX_COUNTER:
            return str(value)
        return NUMBER_FORMATS.get(fmt, str)(value)

    def _warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)


def _bullet(level: _Level) -> str:
    """A bullet as the reader sees it: "•" for Symbol's U+F0B7, "-" for a dash."""
    text = level.text or ""
    symbol_font = level.font is not None and level.font.lower() in _SYMBOL_FONTS
    out = []
    for char in text:
        code = ord(char)
        if symbol_font and code < 0x100:
            code += 0xF000
        if 0xF000 <= code <= 0xF0FF:
            out.append(SYMBOL_GLYPHS.get(code, "•"))
        else:
            out.append(chr(code))
    return "".join(out)


# ---------------------------------------------------------------------------------
# The body.


@dataclass(slots=True)
class _Paragraph:
    """One paragraph as read: its text with the label in front, and what a block needs."""

    index: int
    text: str
    style: str | None
    bold: bool
    centered: bool
    floating: list[etree._Element]   # text boxes anchored here, read after it
    table: list[list[_Cell]] | None = None   # set when this stands for a table nested in a cell


@dataclass(slots=True)
class _Cell:
    column: int                  # first grid column
    span: int                    # gridSpan
    merge: str | None            # vMerge: "restart", "continue" or None
    paragraphs: list[_Paragraph]
    rows: int = 1                # row span, filled in once the table is read

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs if p.text)


class _BodyReader:
    """Walks a story (the body, a footnote, a text box) and appends blocks.

    Paragraphs are numbered in reading order across the whole document (body, table
    cells, text boxes, notes): ``Origin.paragraph`` finds the ``w:p`` again.
    """

    def __init__(self, styles: _Styles, numbering: _Numbering) -> None:
        self.styles = styles
        self.numbering = numbering
        self.blocks: list[Block] = []
        self.warnings: list[str] = []
        self._paragraph_count = 0
        self._table_count = 0
        self._fields: list[bool] = []   # open complex fields: True once past "separate"
        self._hidden_fields = 0         # how many of them are still in their instruction
        self._note_refs: dict[str, list[str]] = {"footnotes": [], "endnotes": []}

    # -- stories and tables ---------------------------------------------------------

    def read_story(self, container: etree._Element, zone: Zone) -> None:
        for child in _block_children(container):
            if child.tag == W_P:
                paragraph = self._paragraph(child)
                self._emit_paragraph(paragraph, zone)
            elif child.tag == W_TBL:
                self._table(child, zone)
            elif child.tag == W_ALTCHUNK:
                self._warn("an embedded document (w:altChunk) was skipped")

    def read_notes(self, root: etree._Element | None, kind: str) -> None:
        """Footnotes or endnotes in the order the body refers to them, as Word
        numbers them; separators and notes nothing refers to are not shown by Word."""
        refs = self._note_refs[kind]
        if root is None or not refs:
            return
        tag = W_FOOTNOTE if kind == "footnotes" else W_ENDNOTE
        notes = {note.get(W_ID): note for note in root.iter(tag) if note.get(W_TYPE) in (None, "normal")}
        for note_id in dict.fromkeys(refs):
            note = notes.get(note_id)
            if note is not None:
                self._fields.clear()
                self._hidden_fields = 0
                self.read_story(note, "footnote")

    def refers_to(self, kind: str) -> bool:
        """Whether the body has a reference mark to a footnote or endnote."""
        return bool(self._note_refs[kind])

    def _emit_paragraph(self, paragraph: _Paragraph, zone: Zone) -> None:
        if paragraph.text:
            self.blocks.append(Block(kind="paragraph", text=paragraph.text,
                                     origin=Origin(paragraph=paragraph.index), style=paragraph.style,
                                     bold=paragraph.bold, centered=paragraph.centered, zone=zone))
        for box in paragraph.floating:
            self.read_story(box, zone)

    def _table(self, tbl: etree._Element, zone: Zone) -> None:
        table = self._table_count
        self._table_count += 1
        rows = self._table_rows(tbl)
        layout = _layout_zone(rows) if zone == "body" else None
        if layout is not None or zone != "body":
            self._emit_layout(rows, table, layout or zone)
            return
        for r, row in enumerate(rows):
            cells = ["" if cell.merge == "continue" else cell.text for cell in row]
            if not any(cells):
                continue
            spans = [(0 if cell.merge == "continue" else cell.rows, cell.span) for cell in row]
            first = next((p.index for cell in row for p in cell.paragraphs), None)
            self.blocks.append(Block(kind="row", text="\t".join(cells), cells=cells, spans=spans,
                                     origin=Origin(paragraph=first, table=table, row=r), zone=zone))

    def _emit_layout(self, rows: list[list[_Cell]], table: int, zone: Zone) -> None:
        """A header or signature table as Word lays it out for the eye: every line of
        the left column top to bottom, then the right column."""
        placed = [(cell.column, r, cell) for r, row in enumerate(rows) for cell in row
                  if cell.merge != "continue"]
        for _, r, cell in sorted(placed, key=lambda item: (item[0], item[1])):
            for paragraph in cell.paragraphs:
                if paragraph.table is not None:
                    # "Nơi nhận" and the signer often sit in a table inside the cell.
                    self._emit_layout(paragraph.table, table, zone)
                    continue
                for line in paragraph.text.split("\n"):
                    line = line.strip()
                    if line and not _RULE_LINE.match(line):
                        self.blocks.append(Block(kind="paragraph", text=line,
                                                 origin=Origin(paragraph=paragraph.index, table=table, row=r),
                                                 style=paragraph.style, bold=paragraph.bold,
                                                 centered=paragraph.centered, zone=zone))

    def _table_rows(self, tbl: etree._Element) -> list[list[_Cell]]:
        rows: list[list[_Cell]] = []
        open_merges: dict[int, _Cell] = {}   # grid column -> the cell a vMerge continues
        for tr in _children(tbl, W_TR):
            trpr = _child(tr, W_TRPR)
            before = _child(trpr, W_GRIDBEFORE) if trpr is not None else None
            column = _int(before.get(W_VAL), 0) if before is not None else 0
            row: list[_Cell] = []
            for tc in _children(tr, W_TC):
                tcpr = _child(tc, W_TCPR)
                span, merge, covered = 1, None, False
                if tcpr is not None:
                    for prop in tcpr.iterchildren(W_GRIDSPAN, W_VMERGE, W_HMERGE):
                        if prop.tag == W_GRIDSPAN:
                            span = max(1, min(_int(prop.get(W_VAL), 1), 64))
                        elif prop.tag == W_VMERGE:
                            merge = "restart" if prop.get(W_VAL) == "restart" else "continue"
                        elif prop.get(W_VAL) != "restart":
                            covered = True   # legacy horizontal merge: covered by the cell before
                if covered:
                    column += span
                    continue
                cell = _Cell(column=column, span=span, merge=merge, paragraphs=self._cell_paragraphs(tc))
                if merge == "continue":
                    head = open_merges.get(column)
                    if head is None:
                        cell.merge = "restart"   # Word starts a merge where nothing is above
                        open_merges[column] = cell
                    else:
                        head.rows += 1
                elif merge == "restart":
                    open_merges[column] = cell
                else:
                    open_merges.pop(column, None)
                row.append(cell)
                column += span
            rows.append(row)
        return rows

    def _cell_paragraphs(self, tc: etree._Element) -> list[_Paragraph]:
        """A cell's lines: its paragraphs, text boxes anchored in them, and nested
        tables flattened to one line per row (cells joined by a tab)."""
        out: list[_Paragraph] = []
        for child in _block_children(tc):
            if child.tag == W_P:
                paragraph = self._paragraph(child)
                out.append(paragraph)
                for box in paragraph.floating:
                    out.extend(self._cell_paragraphs(box))
                paragraph.floating = []
            elif child.tag == W_TBL:
                # A table in a cell reads as one line per row, cells joined by a tab; a
                # layout table keeps the rows to lay them out column by column.
                self._table_count += 1
                rows = self._table_rows(child)
                lines = ["\t".join(cell.text.replace("\n", " ") for cell in row if cell.merge != "continue")
                         for row in rows]
                first = next((p for row in rows for cell in row for p in cell.paragraphs), None)
                if first is not None:
                    out.append(_Paragraph(index=first.index, text="\n".join(line for line in lines if line.strip()),
                                          style=first.style, bold=first.bold, centered=False, floating=[],
                                          table=rows))
        return out

    # -- paragraphs -----------------------------------------------------------------

    def _paragraph(self, p: etree._Element) -> _Paragraph:
        index = self._paragraph_count
        self._paragraph_count += 1
        ppr = _child(p, W_PPR)
        style_id = None
        direct_num = direct_ilvl = None
        centered: bool | None = None
        if ppr is not None:
            for prop in ppr.iterchildren(W_PSTYLE, W_NUMPR, W_JC):
                if prop.tag == W_PSTYLE:
                    style_id = prop.get(W_VAL)
                elif prop.tag == W_JC:
                    centered = prop.get(W_VAL) == "center"
                else:
                    for item in prop.iterchildren(W_NUMID, W_ILVL):
                        if item.tag == W_NUMID:
                            direct_num = item.get(W_VAL)
                        else:
                            direct_ilvl = _int(item.get(W_VAL), 0)
        if style_id is None or self.styles.element(style_id) is None:
            style_id = self.styles.default_paragraph
        style = self.styles.paragraph(style_id)

        run = _RunState(self, style_id)
        run.walk(p)
        while self._fields and not self._fields[-1]:   # an instruction never spans paragraphs
            self._fields.pop()
            self._hidden_fields -= 1
        text = "".join(run.pieces).strip()

        num_id = direct_num if direct_num is not None else style.num_id
        label = None
        if num_id is not None and num_id != "0":
            # The paragraph's own ilvl, else its style's (Word honours it although
            # ISO 29500 §17.9.24 says to ignore it: MS-OI29500 2.1.50), else the level
            # whose pStyle names the style (a "Heading 2" linked to level 1), else 0.
            ilvl = direct_ilvl if direct_ilvl is not None else style.ilvl
            if ilvl is None:
                ilvl = self.numbering.level_for_style(num_id, style_id) or 0
            label = self.numbering.label(num_id, ilvl)
        if label is not None and label[0] and text:
            text = f"{label[0]}{label[1]}{text}"
        elif label is not None and _WORDED_LABEL.search(label[0]):
            text = label[0]   # Word and LibreOffice print the label of an empty paragraph
        return _Paragraph(index=index, text=text, style=style.name,
                          bold=run.any_text and run.all_bold,
                          centered=style.centered if centered is None else centered,
                          floating=run.floating)

    def _note_reference(self, kind: str, note_id: str | None) -> None:
        if note_id is not None:
            self._note_refs[kind].append(note_id)

    def _warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)


class _RunState:
    """Collects one paragraph's text run by run, as Word would show it."""

    __slots__ = ("all_bold", "any_text", "floating", "pieces", "reader", "style_id")

    def __init__(self, reader: _BodyReader, style_id: str | None) -> None:
        self.reader = reader
        self.style_id = style_id
        self.pieces: list[str] = []
        self.floating: list[etree._Element] = []
        self.all_bold = True
        self.any_text = False

    def walk(self, parent: etree._Element) -> None:
        for child in parent.iterchildren(*_INLINE_CONTENT):
            tag = child.tag
            if tag == W_R:
                self._run(child)
            elif tag in _INLINE_WRAPPERS:
                self.walk(child)
            elif tag == W_SDT:
                content = _child(child, W_SDTCONTENT)
                if content is not None:
                    self.walk(content)
            elif tag == MC_ALTERNATE:
                branch = _one_branch(child)
                if branch is not None:
                    self.walk(branch)
            elif (tag in (M_OMATHPARA, M_OMATH)) and not self.reader._hidden_fields:
                self.pieces.append("".join(t.text or "" for t in child.iter(M_T)))

    def _run(self, r: etree._Element) -> None:
        reader = self.reader
        rpr = None
        parts: list[str] = []
        for child in r:
            tag = child.tag
            if tag == W_T:
                if child.text and not reader._hidden_fields:
                    parts.append(child.text)
            elif tag == W_RPR:
                rpr = child
            elif tag in (W_TAB, W_PTAB):
                if not reader._hidden_fields:
                    parts.append("\t")
            elif tag == W_BR:
                if not reader._hidden_fields and child.get(W_TYPE) in (None, "textWrapping"):
                    parts.append("\n")
            elif tag == W_CR:
                if not reader._hidden_fields:
                    parts.append("\n")
            elif tag == W_NOBREAKHYPHEN:
                if not reader._hidden_fields:
                    parts.append("-")
            elif tag == W_SYM:
                if not reader._hidden_fields:
                    parts.append(_symbol(child))
            elif tag == W_FLDCHAR:
                self._field_char(child.get(_w("fldCharType")))
            elif tag == W_FOOTNOTEREF:
                reader._note_reference("footnotes", child.get(W_ID))
            elif tag == W_ENDNOTEREF:
                reader._note_reference("endnotes", child.get(W_ID))
            elif tag in (W_DRAWING, W_PICT, W_OBJECT, MC_ALTERNATE):
                self.floating.extend(_text_boxes(child))
        if not parts:
            return
        styles = self.reader.styles
        if rpr is None:
            look = styles.look(self.style_id, None)
            bold, font = look.bold, look.font
        else:
            # The run's own properties over its character and paragraph styles'.
            run_style = direct_bold = None
            direct_font: str | _Unset | None = _UNSET
            for prop in rpr.iterchildren(W_RSTYLE, W_B, W_RFONTS, W_VANISH):
                tag = prop.tag
                if tag == W_RFONTS:
                    direct_font = _font_in(prop)
                elif tag == W_B:
                    direct_bold = _on(prop)
                elif tag == W_RSTYLE:
                    run_style = prop.get(W_VAL)
                elif _on(prop):
                    return   # w:vanish: hidden text, not shown by Word
            look = styles.look(self.style_id, run_style)
            bold = look.bold if direct_bold is None else direct_bold
            font = look.font if isinstance(direct_font, _Unset) else direct_font
        text = "".join(parts)
        if convert_run is not None:
            text = convert_run(text, font)
        self.pieces.append(text)
        if text.strip():
            self.any_text = True
            self.all_bold = self.all_bold and bold

    def _field_char(self, kind: str | None) -> None:
        """Complex fields: text between "begin" and "separate" is the instruction
        (``PAGE``, ``REF _Ref123``), hidden; between "separate" and "end" is the result
        Word shows."""
        reader = self.reader
        if kind == "begin":
            reader._fields.append(False)
            reader._hidden_fields += 1
        elif kind == "separate":
            if reader._fields and not reader._fields[-1]:
                reader._fields[-1] = True
                reader._hidden_fields -= 1
        elif kind == "end" and reader._fields and not reader._fields.pop():
            reader._hidden_fields -= 1


def _symbol(sym: etree._Element) -> str:
    """A ``w:sym`` character (Symbol/Wingdings), shown as its look-alike glyph."""
    try:
        code = int(sym.get(W_CHAR, ""), 16)
    except ValueError:
        return ""
    if code < 0x100 and (sym.get(W_FONT) or "").lower() in _SYMBOL_FONTS:
        code += 0xF000
    if 0xF000 <= code <= 0xF0FF:
        return SYMBOL_GLYPHS.get(code, "")
    return chr(code) if 0x20 <= code < 0x110000 and not 0xD800 <= code < 0xE000 else ""


def _one_branch(alternate: etree._Element) -> etree._Element | None:
    """mc:AlternateContent holds the same content twice (a DrawingML shape and its
    VML fallback); Word shows the first Choice, so only that one is read."""
    choice = _child(alternate, MC_CHOICE)
    return choice if choice is not None else _child(alternate, MC_FALLBACK)


def _text_boxes(element: etree._Element) -> list[etree._Element]:
    """The ``w:txbxContent`` inside a drawing or VML shape, in document order,
    outermost only (a box inside a box is read with its paragraphs). The VML
    Fallback of every mc:AlternateContent was dropped by :func:`_prune`, so a box
    Word stores twice is found once."""
    boxes = list(element.iter(W_TXBXCONTENT))
    if len(boxes) > 1:
        found = set(boxes)
        boxes = [box for box in boxes if not any(a in found for a in box.iterancestors(W_TXBXCONTENT))]
    return boxes


def _prune(root: etree._Element) -> etree._Element:
    """Drop, in C and before the walk, what Word never shows: tracked deletions, the
    source of a move, field instructions, content-control properties, and all but one
    branch of every mc:AlternateContent (the VML copy of a DrawingML text box)."""
    etree.strip_elements(root, W_DEL, W_MOVEFROM, W_DELTEXT, W_INSTRTEXT, W_SDTPR, with_tail=False)
    for alternate in list(root.iter(MC_ALTERNATE)):
        keep = _one_branch(alternate)
        for branch in list(alternate):
            if branch is not keep:
                alternate.remove(branch)
    return root


def _block_children(container: etree._Element) -> Iterator[etree._Element]:
    """Paragraphs and tables of a story in order, looking through content controls,
    custom XML and the chosen branch of mc:AlternateContent."""
    for child in container:
        tag = child.tag
        if tag in (W_P, W_TBL, W_ALTCHUNK):
            yield child
        elif tag == W_SDT:
            content = _child(child, W_SDTCONTENT)
            if content is not None:
                yield from _block_children(content)
        elif tag in _BLOCK_WRAPPERS:
            yield from _block_children(child)
        elif tag == MC_ALTERNATE:
            branch = _one_branch(child)
            if branch is not None:
                yield from _block_children(branch)


def _children(parent: etree._Element, tag: str) -> Iterator[etree._Element]:
    """Rows of a table or cells of a row, also when a content control wraps them."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag in (W_SDT, W_CUSTOMXML, W_SDTCONTENT):
            yield from _children(child, tag)


def _layout_zone(rows: list[list[_Cell]]) -> Zone | None:
    """Whether a table only lays out the Decree 30 header or signature block."""
    if not rows or len(rows) > _LAYOUT_TABLE_MAX_ROWS:
        return None
    if max(len(row) for row in rows) > _LAYOUT_TABLE_MAX_COLUMNS:
        return None
    lines = [unicodedata.normalize("NFC", line.strip()).upper()
             for row in rows for cell in row for line in cell.text.split("\n")]
    if any(_HEADER_MARKERS.search(line) for line in lines):
        return "header"
    if any(_SIGNATURE_MARKERS.match(line) for line in lines):
        return "signature"
    return None
