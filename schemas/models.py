"""Pydantic models for everything vanban reads out of a document.

Every record carries a :class:`Provenance`: the sha256 of the source file, the block
it was read from and a character span into ``ParsedDocument.text`` (the normalised
text, stored verbatim), so that ``text[span.start:span.end]`` is the evidence.

Dates may be partial, because documents print them so: ``ngày   tháng 10 năm 2021``
is ``"2021-10"``, a bare year is ``"2021"`` (eval/GOLD.md).
"""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

#: Bumped whenever a record's shape changes; stored with every document and checked
#: when records are loaded back (see ``ingest.store``).
SCHEMA_VERSION = 1

_PARTIAL_DATE = re.compile(r"^\d{4}(?:-(\d{2})(?:-(\d{2}))?)?$")


def _check_partial_date(value: str | None) -> str | None:
    """Accept ``YYYY``, ``YYYY-MM`` or a real ``YYYY-MM-DD``; reject anything else."""
    if value is None:
        return None
    m = _PARTIAL_DATE.match(value)
    if not m:
        raise ValueError(f"not an ISO (partial) date: {value!r}")
    if m.group(2):
        date.fromisoformat(value)  # raises on 2024-02-30
    elif m.group(1) and not 1 <= int(m.group(1)) <= 12:
        raise ValueError(f"month out of range: {value!r}")
    return value


PartialDate = Annotated[str, AfterValidator(_check_partial_date)]
DocumentKind = str  # "KH", "CT", "BC", "QĐ", ... (Decree 30/2020/NĐ-CP abbreviations)


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


class Provenance(Record):
    """Where a record was read: file hash, block index and span in the normalised text."""

    source_sha256: str
    block: int | None = Field(None, description="index of the first block the record was read from")
    start: int = Field(ge=0, description="start offset in ParsedDocument.text")
    end: int = Field(ge=0, description="end offset (exclusive) in ParsedDocument.text")
    page: int | None = Field(None, description="1-based PDF page, where the format has pages")


class Document(Record):
    """The Decree 30 header of a document: what it is, who issued it, when."""

    id: str = Field(description="sha256 of the file's bytes")
    source: str = Field(description="file name the document was read from")
    format: str = Field(description="detected format: txt, docx, pdf, doc, ...")
    kind: DocumentKind | None = None
    number: str | None = None
    symbol: str | None = None
    date: PartialDate | None = None
    place: str | None = None
    issuer: str | None = None
    title: str | None = None
    signer: str | None = None
    pages: int | None = None
    blocks: int = 0
    encoding: str | None = Field(None, description="source text encoding where one was detected")
    readability: float | None = Field(
        None, description="share of word tokens that are Vietnamese syllables (0..1)")
    warnings: list[str] = Field(default_factory=list)
    schema_version: int = SCHEMA_VERSION


class Section(Record):
    """One node of the section tree, stored flat (the tree is a view over parent_id)."""

    id: str
    parent_id: str | None
    path: str = Field(description="labels from the root, e.g. 'II.1.3'")
    label: str | None = Field(description="the item's own number as printed: 'II', '1.3', 'a'")
    rule: str = Field(description="numbering rule that opened it: roman, arabic, letter, dash, ...")
    level: int
    ordinal: int = Field(description="position among its siblings, from 0")
    heading: str = Field(description="first line, without the number")
    role: Literal["work", "other", "closing", "unknown"] = "unknown"
    provenance: Provenance


class UnitMention(Record):
    """A unit as printed (``Phòng Nội vụ``), in the role the text gives it."""

    text: str
    role: Literal["lead", "support"]
    provenance: Provenance | None = None
    # Filled by parsers.canonical; the printed text above is never changed.
    canonical: str | None = Field(
        None, description="the unit itself, abbreviations expanded, locality attached: "
                          "'Phòng Nội vụ huyện Lộc Bình'")
    unit_type: str | None = Field(None, description="the canonical name without its locality: 'Phòng Nội vụ'")
    unit_kind: str | None = Field(None, description="sở, phòng, UBND cấp xã, công chức chức danh, đoàn thể, ...")
    locality: str | None = Field(None, description="the named locality the unit belongs to: 'huyện Lộc Bình'")
    collective: bool | None = Field(None, description="a group ('UBND các xã, thị trấn'), kept as one")
    in_force: bool | None = Field(None, description="the name was in force on the document's date")


class Target(Record):
    """A measurable goal: ``từ 30% trở lên`` is value 30, unit ``%``, op ``>=``."""

    value: float
    unit: str
    op: Literal["=", ">=", ">", "<=", "<"] = "="
    text: str = ""
    provenance: Provenance | None = None


class Deadline(Record):
    """A time phrase and the closed date range it means (either end may be open)."""

    text: str
    start: PartialDate | None = None
    end: PartialDate | None = None
    kind: Literal["fixed", "open", "recurring"] = "fixed"
    provenance: Provenance | None = None


class Reference(Record):
    """Another document cited by number: ``45/2020/NĐ-CP`` with its date."""

    code: str
    kind: str | None = None
    date: PartialDate | None = None
    text: str = ""
    provenance: Provenance | None = None


class Task(Record):
    """An item of work the document assigns, with who leads, who supports, and when."""

    id: str
    section_id: str | None = None
    label: str | None = None
    title: str
    text: str
    criteria: list[str] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)
    lead: list[UnitMention] = Field(default_factory=list)
    support: list[UnitMention] = Field(default_factory=list)
    deadline: Deadline | None = None
    provenance: Provenance
    # Filled by parsers.catalog against the PAR INDEX criteria catalog.
    criteria_field: str | None = Field(
        None, description="the PAR INDEX field the task sits under, where a heading or table group names one")
    criteria_flags: list[str] = Field(
        default_factory=list, description="'5.4.3.4 not_in_catalog', '5.4.3.4 field_mismatch'")


class ParsedDocument(Record):
    """Everything read from one file: header, text, sections, tasks, references."""

    document: Document
    text: str = Field(description="the normalised text every span points into")
    sections: list[Section] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)
    references: list[Reference] = Field(default_factory=list)

    def to_gold(self) -> dict[str, Any]:
        """The per-document JSON of eval/GOLD.md, plus provenance as extra fields."""
        d = self.document
        return {
            "source": d.source,
            "document": {
                "kind": d.kind, "number": d.number, "symbol": d.symbol, "date": d.date,
                "place": d.place, "issuer": d.issuer, "title": d.title, "signer": d.signer,
                "sha256": d.id, "format": d.format, "schema_version": d.schema_version,
            },
            "references": [
                {"code": r.code, "kind": r.kind, "date": r.date,
                 "span": _span(r.provenance)} for r in self.references],
            "tasks": [_task_gold(t) for t in self.tasks],
        }


def _span(p: Provenance | None) -> list[int] | None:
    return [p.start, p.end] if p else None


def _task_gold(t: Task) -> dict[str, Any]:
    dl = t.deadline
    return {
        "label": t.label,
        "title": t.title,
        "text": t.text,
        "criteria": list(t.criteria),
        "targets": [{"value": _num(x.value), "unit": x.unit, "op": x.op} for x in t.targets],
        "lead": [u.text for u in t.lead],
        "support": [u.text for u in t.support],
        "deadline": None if dl is None else {
            "text": dl.text, "start": dl.start, "end": dl.end, "kind": dl.kind},
        "id": t.id,
        "section": t.section_id,
        "span": _span(t.provenance),
    }


def _num(v: float) -> int | float:
    return int(v) if float(v).is_integer() else v


def json_schema() -> str:
    """JSON Schema of a ParsedDocument, for other tools that consume vanban's records."""
    return json.dumps(ParsedDocument.model_json_schema(), ensure_ascii=False, indent=2)
