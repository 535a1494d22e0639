"""Building small .docx files for the reader tests: python-docx for the package, the
paragraphs and tables it can make, raw WordprocessingML for what it cannot (numbering
definitions, numPr, text boxes, content controls, tracked changes, fields, footnotes).

Every builder returns the file's bytes, so a test reads exactly what Word would save.
"""

from __future__ import annotations

import io
from collections.abc import Iterable

import docx
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import parse_xml

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NAMESPACES = {
    "w": W_NS,
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "v": "urn:schemas-microsoft-com:vml",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}
NSDECLS = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in NAMESPACES.items())


def new_document() -> docx.Document:
    """An empty python-docx document (its template's sample paragraph removed)."""
    document = docx.Document()
    body = document.element.body
    for child in list(body):
        if child.tag != f"{{{W_NS}}}sectPr":
            body.remove(child)
    return document


def append_xml(document: docx.Document, fragment: str) -> None:
    """Append body-level WordprocessingML (paragraphs, tables) before the sectPr."""
    wrapper = parse_xml(f"<w:body {NSDECLS}>{fragment}</w:body>")
    section = document.element.body.find(f"{{{W_NS}}}sectPr")
    for child in list(wrapper):
        if section is not None:
            section.addprevious(child)
        else:
            document.element.body.append(child)


def set_numbering(document: docx.Document, definitions: str) -> None:
    """Replace numbering.xml with these ``w:abstractNum`` and ``w:num`` elements."""
    document.part.numbering_part._element = parse_xml(f"<w:numbering {NSDECLS}>{definitions}</w:numbering>")


def add_styles(document: docx.Document, styles: str) -> None:
    """Add ``w:style`` elements to styles.xml."""
    root = document.styles.element
    for style in parse_xml(f"<w:styles {NSDECLS}>{styles}</w:styles>"):
        root.append(style)


def add_notes(document: docx.Document, kind: str, notes: str) -> None:
    """Add footnotes.xml or endnotes.xml (``kind`` "footnotes"/"endnotes") holding the
    two separator notes Word always writes plus ``notes``."""
    tag = kind[:-1]   # footnote / endnote
    separators = (f'<w:{tag} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{tag}>'
                  f'<w:{tag} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
                  f'</w:r></w:p></w:{tag}>')
    element = parse_xml(f"<w:{kind} {NSDECLS}>{separators}{notes}</w:{kind}>")
    content_type = CT.WML_FOOTNOTES if kind == "footnotes" else CT.WML_ENDNOTES
    relationship = RT.FOOTNOTES if kind == "footnotes" else RT.ENDNOTES
    part = XmlPart(PackURI(f"/word/{kind}.xml"), content_type, element, document.part.package)
    document.part.relate_to(part, relationship)


def to_bytes(document: docx.Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# -- WordprocessingML snippets ------------------------------------------------------


def run(text: str, *, bold: bool = False, font: str | None = None, extra: str = "") -> str:
    props = ""
    if bold:
        props += "<w:b/>"
    if font:
        props += f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}"/>'
    props += extra
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def paragraph(*content: str, style: str | None = None, num: tuple[str | None, int | None] | None = None,
              align: str | None = None) -> str:
    """A ``w:p``; ``content`` items are run XML or plain text (made into a run)."""
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if num is not None:
        num_id, ilvl = num
        ppr += "<w:numPr>"
        if ilvl is not None:
            ppr += f'<w:ilvl w:val="{ilvl}"/>'
        if num_id is not None:
            ppr += f'<w:numId w:val="{num_id}"/>'
        ppr += "</w:numPr>"
    if align:
        ppr += f'<w:jc w:val="{align}"/>'
    body = "".join(item if item.startswith("<") else run(item) for item in content)
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{body}</w:p>"


def level(ilvl: int, fmt: str, text: str, *, start: int = 1, restart: int | None = None,
          legal: bool = False, suffix: str | None = None, style: str | None = None,
          font: str | None = None) -> str:
    """One ``w:lvl`` of an abstract list, e.g. ``level(0, "upperRoman", "%1.")``."""
    parts = [f'<w:start w:val="{start}"/>', f'<w:numFmt w:val="{fmt}"/>']
    if restart is not None:
        parts.append(f'<w:lvlRestart w:val="{restart}"/>')
    if style:
        parts.append(f'<w:pStyle w:val="{style}"/>')
    if legal:
        parts.append("<w:isLgl/>")
    if suffix:
        parts.append(f'<w:suff w:val="{suffix}"/>')
    parts.append(f'<w:lvlText w:val="{text}"/>')
    parts.append('<w:lvlJc w:val="left"/>')
    parts.append(f'<w:pPr><w:ind w:left="{720 * (ilvl + 1)}" w:hanging="360"/></w:pPr>')
    if font:
        parts.append(f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:hint="default"/></w:rPr>')
    return f'<w:lvl w:ilvl="{ilvl}">{"".join(parts)}</w:lvl>'


def abstract_num(abstract_id: int, levels: Iterable[str], *, style_link: str | None = None) -> str:
    link = f'<w:numStyleLink w:val="{style_link}"/>' if style_link else ""
    return (f'<w:abstractNum w:abstractNumId="{abstract_id}"><w:multiLevelType w:val="hybridMultilevel"/>'
            f'{link}{"".join(levels)}</w:abstractNum>')


def num(num_id: int, abstract_id: int, *, start_overrides: dict[int, int] | None = None) -> str:
    overrides = "".join(f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
                        for ilvl, start in (start_overrides or {}).items())
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'


def paragraph_style(style_id: str, name: str, *, based_on: str | None = None,
                    num: tuple[str | None, int | None] | None = None, font: str | None = None,
                    bold: bool = False, centered: bool = False) -> str:
    ppr = ""
    if num is not None:
        num_id, ilvl = num
        ppr += "<w:numPr>"
        if ilvl is not None:
            ppr += f'<w:ilvl w:val="{ilvl}"/>'
        if num_id is not None:
            ppr += f'<w:numId w:val="{num_id}"/>'
        ppr += "</w:numPr>"
    if centered:
        ppr += '<w:jc w:val="center"/>'
    rpr = ""
    if bold:
        rpr += "<w:b/>"
    if font:
        rpr += f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}"/>'
    return (f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{style_id}">'
            f'<w:name w:val="{name}"/>{f"<w:basedOn w:val={chr(34)}{based_on}{chr(34)}/>" if based_on else ""}'
            f'<w:qFormat/>{f"<w:pPr>{ppr}</w:pPr>" if ppr else ""}{f"<w:rPr>{rpr}</w:rPr>" if rpr else ""}'
            f"</w:style>")


def numbered_document(definitions: str, paragraphs: Iterable[str], styles: str = "") -> bytes:
    """A document made of numbering definitions, optional styles and paragraph XML."""
    document = new_document()
    set_numbering(document, definitions)
    if styles:
        add_styles(document, styles)
    append_xml(document, "".join(paragraphs))
    return to_bytes(document)
