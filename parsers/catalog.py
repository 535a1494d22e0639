"""The PAR INDEX criteria catalog, and the check of the codes tasks cite against it.

The catalog is versioned data in the project: ``parsers/data/par_index_catalog_QD1187.tsv``,
the provincial criteria table (Bảng 2) of Quyết định 1187/QĐ-BNV (2025) as vanban's own
PDF reader reads it — field, criterion and sub-criterion codes (``1``, ``1.3``,
``1.3.1``), names, maximum scores, whether the score comes from the sociological survey
(ĐTXHH), and the scoring rules printed under each code. ``python -m
parsers.tools.build_catalog PDF`` regenerates it (and the copy the database migration
holds) from the PDF; :func:`from_blocks` is the reading.

Codes are strings: ``1.10`` is not ``1.1``.

A task that cites a code is checked (:func:`check_criteria`):

- ``not_in_catalog`` — the code is not in the catalog (``5.4.3.4`` in seed 002; also
  every code of an older Bộ chỉ số that QĐ 1187 dropped, such as ``1.4.2``);
- ``field_mismatch`` — the task sits under a field (a heading or a table group naming
  it: ``Cải cách tổ chức bộ máy hành chính``) other than the one the code's prefix
  says (seed 002 puts ``5.4.3.4`` under field 4).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from parsers.model import Block
from parsers.text.keys import match_key
from schemas import Section, Task

_DATA = Path(__file__).resolve().parent / "data"

CATALOG_FILE = "par_index_catalog_QD1187.tsv"
#: How the catalog is named in the database and in exports.
CATALOG_ID = "QĐ 1187/QĐ-BNV (2025), Bảng 2"
COLUMNS = ("code", "field", "parent", "level", "name", "max_score", "survey", "page", "scoring", "note")

NOT_IN_CATALOG = "not_in_catalog"
FIELD_MISMATCH = "field_mismatch"

#: A code cell of Bảng 2: ``1.``, ``1.3.``, ``1.3.1.`` (the trailing dot is printed).
_CODE_CELL = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,3})\.?$")
_SCORE = re.compile(r"^\d+(?:[.,]\d+)?$")


@dataclass(frozen=True, slots=True)
class Criterion:
    """One row of the catalog: a field (``1``), criterion (``1.3``) or sub-criterion
    (``1.3.1``) with its maximum score."""

    code: str
    field: str
    parent: str | None
    level: int
    name: str
    max_score: float
    survey: bool
    page: int | None
    scoring: str = ""
    note: str = ""


# ------------------------------------------------------------------ reading the PDF


def from_blocks(blocks: Iterable[Block]) -> list[Criterion]:
    """The criteria of a Bảng 2 as the PDF reader gives its rows.

    A row whose first cell is a code opens a criterion (name, maximum score, note);
    the rows under it with an empty first cell are its scoring rules. Where the PDF
    set the first rule on the name's line (``… cấp tỉnh Đạt 100% TTHC …: 1``), the
    rule is split off the name (:func:`split_name`).
    """
    out: list[dict] = []
    for block in blocks:
        cells = block.cells if block.kind == "row" and block.cells else None
        if not cells:
            continue
        m = _CODE_CELL.match(cells[0].strip())
        score = cells[2].strip() if len(cells) > 2 else ""
        if m and _SCORE.match(score):
            code = m.group(1)
            name, rule = split_name(_one_line(cells[1]))
            note = _one_line(cells[-1]) if len(cells) > 6 else ""
            out.append({"code": code, "name": name, "max_score": float(score.replace(",", ".")),
                        "survey": note == "ĐTXHH", "note": "" if note == "ĐTXHH" else note,
                        "page": block.origin.page, "rules": [rule] if rule else []})
        elif out and not cells[0].strip() and len(cells) > 1 and cells[1].strip():
            out[-1]["rules"].append(_one_line(cells[1]))
    criteria = []
    for row in out:
        code = row["code"]
        parent = code.rsplit(".", 1)[0] if "." in code else None
        criteria.append(Criterion(
            code=code, field=code.split(".")[0], parent=parent, level=code.count(".") + 1,
            name=row["name"], max_score=row["max_score"], survey=row["survey"], page=row["page"],
            scoring=" | ".join(row["rules"]), note=row["note"]))
    return criteria


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def split_name(text: str) -> tuple[str, str | None]:
    """A criterion's name and the scoring rule the PDF set on its line, if any.

    >>> split_name("Tỷ lệ số hóa hồ sơ Đạt 100% TTHC thuộc thẩm quyền: 1")
    ('Tỷ lệ số hóa hồ sơ', 'Đạt 100% TTHC thuộc thẩm quyền: 1')
    >>> split_name("Xây dựng Hệ thống báo cáo cấp tỉnh Hệ thống báo cáo đáp ứng yêu cầu: 0.50")
    ('Xây dựng Hệ thống báo cáo cấp tỉnh', 'Hệ thống báo cáo đáp ứng yêu cầu: 0.50')
    """
    if ":" not in text:
        return text, None
    words = text.split(" ")
    # The rule repeats the name's own words ("… Hệ thống thông tin báo cáo cấp tỉnh Hệ
    # thống thông tin báo cáo đáp ứng …", 7.3.4): split where the repetition starts.
    for i in range(3, len(words) - 2):
        if words[i][:1].isupper() and " ".join(words[i:i + 3]) in " ".join(words[:i]):
            return " ".join(words[:i]), " ".join(words[i:])
    # Otherwise at the first word that opens a sentence mid-line: a capitalised word
    # that is not an abbreviation (TTHC, SNCL), or a percentage ("100% số cơ quan").
    for i in range(3, len(words)):
        w = words[i]
        if (w[:1].isupper() and not w.isupper()) or re.fullmatch(r"\d+%", w):
            return " ".join(words[:i]), " ".join(words[i:])
    return text, None


# ------------------------------------------------------------------ the data file


def write_tsv(criteria: list[Criterion], header: str) -> str:
    """The catalog file's text: a ``#`` comment header, then one row per code."""
    lines = [f"# {line}".rstrip() for line in header.splitlines()]
    lines.append("\t".join(COLUMNS))
    for c in criteria:
        lines.append("\t".join([
            c.code, c.field, c.parent or "", str(c.level), c.name, f"{c.max_score:.2f}",
            "1" if c.survey else "0", str(c.page or ""), c.scoring, c.note]))
    return "\n".join(lines) + "\n"


@cache
def load(name: str = CATALOG_FILE) -> dict[str, Criterion]:
    """The catalog by code, in the order the PDF prints it."""
    rows = [line for line in (_DATA / name).read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    header = rows[0].split("\t")
    out: dict[str, Criterion] = {}
    for line in rows[1:]:
        r = dict(zip(header, (line.split("\t") + [""] * len(header))[:len(header)], strict=True))
        out[r["code"]] = Criterion(
            code=r["code"], field=r["field"], parent=r["parent"] or None, level=int(r["level"]),
            name=r["name"], max_score=float(r["max_score"]), survey=r["survey"] == "1",
            page=int(r["page"]) if r["page"] else None, scoring=r["scoring"], note=r["note"])
    return out


# ------------------------------------------------------------------ checking tasks


def _field_key(text: str) -> str:
    """Heading text as field names are compared: key, CCHC expanded, no punctuation."""
    key = match_key(text)
    key = re.sub(r"\bcchc\b", "cải cách hành chính", key)
    key = re.sub(r"\btthc\b", "thủ tục hành chính", key)
    key = re.sub(r"^(?:[\divxlc]+[.)]?)+\s+", "", key)       # "3. ", "iii.3. "
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", key)).strip()


@cache
def field_names() -> tuple[tuple[str, str], ...]:
    """``(key, field)`` for every field name, the catalog's and the older ones,
    longest first."""
    names = [(_field_key(c.name), c.field) for c in load().values() if c.level == 1]
    for line in (_DATA / "par_index_fields.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        if line and not line.startswith("#"):
            field, name, *_ = line.split("\t")
            if field != "field":
                names.append((_field_key(name), field))
    return tuple(sorted(set(names), key=lambda n: -len(n[0])))


@lru_cache(maxsize=4096)
def field_named(text: str) -> str | None:
    """The field a heading or a table cell names, if it opens with a field's name.

    >>> field_named("III.3. Cải cách tổ chức bộ máy hành chính (TCTP 4,2)")
    '4'
    >>> field_named("Công tác chỉ đạo, điều hành CCHC") , field_named("Tuyên truyền")
    ('1', None)
    """
    if not text or len(text) > 160:
        return None
    key = _field_key(text)
    for name, field in field_names():
        if key.startswith(name):
            return field
    return None


def check_criteria(tasks: list[Task], *, sections: list[Section], text: str) -> list[Task]:
    """Each task that cites a code, with the field it sits under and a flag per code
    that is not in the catalog or not of that field."""
    catalog = load()
    by_id = {s.id: s for s in sections}
    out = []
    for task in tasks:
        if not task.criteria:                 # nothing to check: the field is not looked for
            out.append(task)
            continue
        field = _context_field(task, by_id, text)
        flags = []
        for code in task.criteria:
            if code not in catalog:
                flags.append(f"{code} {NOT_IN_CATALOG}")
            if field and code.split(".")[0] != field:
                flags.append(f"{code} {FIELD_MISMATCH}")
        out.append(task.model_copy(update={"criteria_field": field, "criteria_flags": flags}))
    return out


#: The first cell of a table's group row: ``I``, ``IV.``, ``A``, ``Đ`` (own10's
#: ``| **C** | **CHÍNH QUYỀN SỐ** |``).
_GROUP_LABEL = re.compile(r"^(?:[IVXLC]+|[A-ZĐ])\.?$")


def _context_field(task: Task, sections: dict[str, Section], text: str) -> str | None:
    """The field a task sits under: a heading on its section path that names one; else,
    for a table row, a cell of its own group that names one (seed 002's "Nội dung"
    column, filled on the group's first row only) or the group row above it (``IV |
    Hiện đại hóa hành chính``). A group row that names no field ends the search."""
    section = sections.get(task.section_id or "")
    while section is not None:
        if (field := field_named(section.heading)) is not None:
            return field
        section = sections.get(section.parent_id or "")
    own_group = True
    for line in _rows_above(text, task.provenance.start):
        cells = [c.strip(" *") for c in line.split("\t")]
        if _GROUP_LABEL.match(cells[0]):
            return next((f for c in cells[1:] if (f := field_named(c)) is not None), None)
        if own_group:
            for cell in cells:
                if (field := field_named(cell)) is not None:
                    return field
            own_group = not cells[0]          # the row that opens the task's group
    return None


def _rows_above(text: str, offset: int) -> Iterable[str]:
    """The table row holding ``offset`` and the rows above it in the same table."""
    start = text.rfind("\n", 0, offset) + 1
    while True:
        end = text.find("\n", start)
        line = text[start:end if end >= 0 else len(text)]
        if "\t" not in line:
            return
        yield line
        if start == 0:
            return
        start = text.rfind("\n", 0, start - 1) + 1
