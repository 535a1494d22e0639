"""Tasks: the items of work a document assigns, with their units, targets and time.

GOLD.md decides what a task is: a numbered or lettered item under a part that
assigns work; an item whose sub-items are only its fields (``a) Mục tiêu ... d)
Thời gian``) is one task; an item whose sub-items are separate duties is a group
and each sub-item is a task; in a table, one row is one task; closing lines that
only ask everyone to carry the document out are not tasks.

This module walks the section tree and the tables; the other extractors read the
pieces (``units``, ``deadlines``, ``targets``, ``criteria``).
"""

from __future__ import annotations

import hashlib
import itertools
import re
from dataclasses import dataclass, field

from parsers import nlp
from parsers.extractors.criteria import codes_in_cell, extract_criteria
from parsers.extractors.deadlines import extract_deadline
from parsers.extractors.targets import extract_targets
from parsers.extractors.units import (
    ASSIGN_VERB,
    Span,
    field_units,
    phrase_end,
    role_clauses,
    sentence_roles,
    starts_with_unit,
    units_at,
)
from parsers.model import Block
from parsers.patterns.letters import LOWER, UPPER
from parsers.patterns.tasks import (
    ASSIGN_FIELD,
    COLUMN_ROLES,
    FIELD_HEADING,
    LEAD_FIELD,
    SUPPORT_FIELD,
    TASK_COLUMN_PREFERENCE,
    TIME_FIELD,
)
from parsers.structure.grammar import match_level
from parsers.structure.tree import CLOSING, PREAMBLE, Node
from schemas import Deadline, Provenance, Target, Task, UnitMention

#: Kinds whose points are addressed to units named in the preamble ("yêu cầu X ...").
ADDRESSED_KINDS = frozenset({"CT", "CV", "TB"})
#: Document kinds whose top-level parts assign work when their headings say nothing.
WORK_BY_DEFAULT = frozenset({"CT", "KH", "PL", "CTr", "HD", "TB", "CV", "ĐA", "PA"})
_SENTENCE_END = re.compile(rf"(?<=[.!?])\s+(?=[{UPPER}\"“(])|(?<=[.!?])(?=[{UPPER}][{LOWER}])")
_YEU_CAU = re.compile(r"\b(?:yêu cầu|đề nghị)\s*:?\s*", re.IGNORECASE)


@dataclass
class Context:
    """What the task extractor needs from the rest of the pipeline."""

    sha256: str
    text: str
    blocks: list[Block]
    nodes: list[Node]
    kind: str | None
    year: int | None
    masked: list[tuple[int, int]] = field(default_factory=list)   # reference spans
    addressees: list[Span] = field(default_factory=list)          # a directive's
    section_ids: list[str] = field(default_factory=list)          # by node index
    header_addressees: list[tuple[str, int]] = field(default_factory=list)  # after "Kính gửi:"


def first_sentence(text: str) -> str:
    """``Tăng cường ... CCHC. Xác định ...`` → ``Tăng cường ... CCHC.``"""
    line = text.split("\n", 1)[0].strip()
    parts = _SENTENCE_END.split(line, maxsplit=1)
    return parts[0].strip()


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentences of one paragraph, by underthesea's splitter (fast: ~1 ms a
    paragraph); a fragment it leaves alone (``/.`` after a closing sentence) is
    joined to the sentence before it."""
    spans: list[tuple[int, int]] = []
    for start, end in nlp.sentences(text):
        if spans and not any(ch.isalpha() for ch in text[start:end]):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return [(s, e) for s, e in spans if text[s:e].strip()]


class TaskBuilder:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.tasks: list[Task] = []

    # -- tree walk ----------------------------------------------------------------

    def run(self) -> list[Task]:
        ctx = self.ctx
        default = "work" if ctx.kind in WORK_BY_DEFAULT or ctx.kind is None else "other"
        roots = [n for n in ctx.nodes if n.parent is None]
        if ctx.header_addressees:
            # a letter's or directive's "Kính gửi:" list leads what names no unit
            ctx.addressees = [u for text, off in ctx.header_addressees for u in field_units(text, off)]
        elif ctx.kind in ADDRESSED_KINDS:
            ctx.addressees = self._addressees(roots)
        for node in roots:
            self._visit(node, default, ctx.addressees)
        self._tables(default)
        self.tasks.sort(key=lambda t: t.provenance.start)
        return self.tasks

    def _role(self, node: Node, default: str) -> str:
        return default if node.role == "unknown" else node.role

    def _visit(self, node: Node, default: str, context: list[Span]) -> None:
        role = self._role(node, default)
        if node.rule == CLOSING:
            self._closing(node)
            return
        if node.rule == PREAMBLE:
            return  # the basis and purpose of the document, not its tasks
        kids = [self.ctx.nodes[i] for i in node.children]
        if role != "work":
            for kid in kids:
                self._visit(kid, default if node.role == "unknown" else node.role, context)
            return
        heading_units = self._heading_units(node)
        inner = heading_units or context
        if self._is_group(node, kids):
            own_blocks = [b for b in node.blocks[1:] if self.ctx.blocks[b].kind == "paragraph"]
            self._paragraph_tasks(node, own_blocks, inner)
            for kid in kids:
                self._visit(kid, "work", inner)
            return
        if not node.is_item:
            return
        self._task_from_node(node, context, heading_units)

    def _is_group(self, node: Node, kids: list[Node]) -> bool:
        if not node.is_item or node.rule in ("part", "chapter", "subpart", "roman", "appendix"):
            return True
        if any(_is_role_field(k.heading) for k in kids) or self._has_field_line(node):
            return False  # the fields (chủ trì, thời gian) belong to the item as a whole
        items = [k for k in kids if k.rule not in ("dash", "plus")]
        if items:
            fields = sum(1 for k in items if FIELD_HEADING.match(k.heading))
            return fields * 2 < len(items)
        return bool(kids and self._heading_like(node))

    def _has_field_line(self, node: Node) -> bool:
        """An unnumbered line in the item that carries its fields, even after its
        bullets: ``(Chủ trì: ...; phối hợp: ...; thời gian: ...)``."""
        for b in self._own_and_bullet_blocks(node)[1:]:
            block = self.ctx.blocks[b]
            if block.kind == "paragraph" and not match_level(block.text) and _is_role_field(block.text):
                return True
        return False

    def _own_and_bullet_blocks(self, node: Node) -> list[int]:
        """The item's blocks and those of its bullets, not of its numbered sub-items
        (whose field lines are theirs)."""
        out = list(node.blocks)
        for kid in node.children:
            child = self.ctx.nodes[kid]
            if child.rule in ("dash", "plus"):
                out += self._own_and_bullet_blocks(child)
        return sorted(out)

    def _heading_like(self, node: Node) -> bool:
        """A short title with nothing under it but bullets: ``3. Biện pháp khắc phục``."""
        heading = node.heading.strip()
        body = [b for b in node.blocks[1:] if self.ctx.blocks[b].kind == "paragraph"]
        return not body and (len(heading.split()) <= 12 or heading.endswith(":")) and not heading.endswith(".")

    def _heading_units(self, node: Node) -> list[Span]:
        """Units when the heading is only a unit's name (``3. Công chức Văn hóa - TTTT``)."""
        heading = node.heading.strip().rstrip(".:;")
        if not heading or not starts_with_unit(heading) or len(heading) > 200:
            return []
        end = phrase_end(heading)
        if end < len(heading) - 1:
            return []
        start = self._heading_start(node)
        return units_at(heading, start)

    def _heading_start(self, node: Node) -> int:
        block = self.ctx.blocks[node.first_block]
        pos = block.text.find(node.heading) if node.heading else -1
        return block.start + (pos if pos >= 0 else 0)

    # -- one task from an item ----------------------------------------------------

    def _task_from_node(self, node: Node, context: list[Span], heading_units: list[Span]) -> None:
        ctx = self.ctx
        blocks = [ctx.blocks[i] for i in range(node.first_block, node.last_block + 1)
                  if ctx.blocks[i].zone == "body"]
        if not blocks:
            return
        start = self._heading_start(node)
        end = blocks[-1].end
        text = ctx.text[start:end]
        if not text.strip():
            return
        body_offset = start
        title = first_sentence(text)
        if heading_units and "\n" in text:
            rest = text.split("\n", 1)[1]
            title = first_sentence(rest) or title
        self._add(label=node.label, title=title, text=text, offset=body_offset,
                  section=node, context=heading_units or context, block=node.first_block)

    def _paragraph_tasks(self, node: Node, block_ids: list[int], context: list[Span]) -> None:
        """Unnumbered paragraphs directly under a work part that assign work by
        themselves (``Sở Tư pháp chủ trì, phối hợp với ...``; ``Giao Công an tỉnh ...``)."""
        for b in block_ids:
            block = self.ctx.blocks[b]
            if block.kind != "paragraph" or block.zone != "body":
                continue
            text = block.text
            _, _, own = sentence_roles(text.split("\n")[0][:600], block.start)
            if not own:
                continue
            self._add(label=None, title=first_sentence(text), text=text, offset=block.start,
                      section=node, context=[], block=b)

    def _closing(self, node: Node) -> None:
        """A ``Giao X ...`` sentence in the closing paragraph is a task (seed 001)."""
        for b in node.blocks:
            block = self.ctx.blocks[b]
            for s, e in sentence_spans(block.text):
                sentence = block.text[s:e]
                m = ASSIGN_VERB.match(sentence)
                if m and sentence.startswith("Giao") and starts_with_unit(sentence[m.end():]):
                    self._add(label=None, title=first_sentence(sentence), text=sentence,
                              offset=block.start + s, section=node, context=[], block=b)

    def _addressees(self, roots: list[Node]) -> list[Span]:
        """Who a directive addresses: ``Chủ tịch UBND thị xã yêu cầu Thủ trưởng ...``."""
        found: list[Span] = []
        for node in roots:
            if node.rule != PREAMBLE:
                continue
            for b in node.blocks:
                block = self.ctx.blocks[b]
                for m in _YEU_CAU.finditer(block.text):
                    units = units_at(block.text[m.end():], block.start + m.end())
                    if units:
                        found = units
        return found

    # -- the pieces of one task ---------------------------------------------------

    def _add(self, *, label: str | None, title: str, text: str, offset: int, section: Node,
             context: list[Span], block: int, table_roles: dict[str, str] | None = None,
             span: tuple[int, int] | None = None) -> None:
        ctx = self.ctx
        leads: list[Span]
        supports: list[Span]
        deadline_found = None
        # a table row's text is rebuilt from its cells; its spans point into the row
        source, base = (ctx.text[span[0]:span[1]], span[0]) if span else (text, offset)
        if table_roles is not None:
            leads, supports, deadline_found = self._table_roles(table_roles, source, base)
        else:
            leads, supports, time_field = self._field_roles(text, offset)
            if time_field is not None:
                value, value_offset = time_field
                deadline_found = extract_deadline(value, ctx.year, field=True)
                if deadline_found:
                    dl, s, e = deadline_found
                    deadline_found = (dl, s + value_offset, e + value_offset)
            if leads is None:
                leads, supports = self._sentence_roles(text, offset, context)
        if deadline_found is None and (table_roles is None or not table_roles.get("deadline")):
            masked = [(s - offset, e - offset) for s, e in ctx.masked if offset <= s < offset + len(text)]
            found = extract_deadline(text, ctx.year, masked=masked)
            if found:
                dl, s, e = found
                deadline_found = (dl, s + offset, e + offset)
        target_text = (table_roles or {}).get("task_text", text)
        if table_roles and table_roles.get("target"):
            target_text = f"{target_text}\n{table_roles['target']}"
        target_offset = base + max(0, source.find(target_text)) if table_roles else offset
        targets = [(t, s + target_offset, e + target_offset) for t, s, e in extract_targets(target_text)]
        criteria = [c for c, _, _ in extract_criteria(text)]
        if table_roles and table_roles.get("criteria"):
            criteria = codes_in_cell(table_roles["criteria"]) + [c for c in criteria if c not in
                                                                    codes_in_cell(table_roles["criteria"])]
        self._emit(label, title, text, span or (offset, offset + len(text)), section, block, leads,
                   supports, deadline_found, targets, criteria)

    def _field_roles(self, text: str, offset: int):
        """Leads/supports from labelled fields, and the time field's value.
        Leads are None when the item has no role field at all."""
        leads: list[Span] = []
        supports: list[Span] = []
        has_role_field = False
        time_field: tuple[str, int] | None = None
        in_assign = False
        for line, line_offset in _field_segments(text, offset):
            stripped = line.strip()
            indent = len(line) - len(line.lstrip())

            def value_at(m: re.Match[str], base: int = line_offset + indent) -> int:
                return base + m.start("value")
            m = TIME_FIELD.match(stripped)
            if m:
                time_field = (m.group("value"), line_offset + line.find(m.group("value")))
                in_assign = False
                continue
            m = SUPPORT_FIELD.match(stripped)
            if m:
                has_role_field = True
                supports += field_units(m.group("value"), value_at(m))
                continue
            m = LEAD_FIELD.match(stripped)
            if m:
                has_role_field = True
                clauses = role_clauses(m.group("value"), value_at(m))
                if clauses:  # "Cơ quan thực hiện: X chủ trì; Y phối hợp"
                    leads += clauses[0]
                    supports += clauses[1]
                else:
                    leads += field_units(m.group("value"), value_at(m))
                continue
            m = ASSIGN_FIELD.match(stripped)
            if m and len(stripped) < 200:
                has_role_field = True
                in_assign = True
                value = (m.group("value") or "").strip()
                if value:
                    v_off = line_offset + line.find(value)
                    leads += self._assign_value(value, v_off)
                continue
            level = match_level(stripped)
            if level and level[0].name == "letter":
                in_assign = False
            if in_assign and stripped:
                body = stripped
                if level and level[0].name in ("dash", "plus"):
                    body = level[2]
                leads += self._assign_value(body, line_offset + line.find(body))
        if not has_role_field:
            for m in _ROLE_PAREN.finditer(text):  # "(Phòng Kinh tế chủ trì; Hội Nông dân phối hợp)"
                clauses = role_clauses(m.group(1), offset + m.start(1))
                if clauses and (clauses[0] or clauses[1]):
                    has_role_field = True
                    leads += clauses[0]
                    supports += clauses[1]
        if not has_role_field:
            return None, None, time_field
        return leads, supports, time_field

    def _assign_value(self, value: str, offset: int) -> list[Span]:
        leads, _, own = sentence_roles(value, offset)
        return leads if own else field_units(value, offset)

    def _sentence_roles(self, text: str, offset: int, context: list[Span]) -> tuple[list[Span], list[Span]]:
        leads: list[Span] = []
        supports: list[Span] = []
        first_own: bool | None = None
        pos = 0
        for line in text.split("\n"):
            line_offset = offset + pos
            pos += len(line) + 1
            body = line
            level = match_level(line.strip())
            if level:
                body = level[2]
                line_offset += line.find(body) if body else 0
            for s, e in sentence_spans(body):
                sentence = body[s:e][:600]
                found_leads, found_supports, own = sentence_roles(sentence, line_offset + s)
                if first_own is None:
                    first_own = own
                leads += found_leads
                supports += found_supports
        if not first_own:
            leads = list(context) + leads
        return leads, supports

    def _table_roles(self, roles: dict[str, str], text: str, offset: int):
        leads: list[Span] = []
        supports: list[Span] = []
        lead_cell = roles.get("lead", "")
        if lead_cell:
            cell_offset = offset + max(0, text.find(lead_cell))
            labelled = self._field_roles(lead_cell, cell_offset)
            cell_leads, cell_supports, own = sentence_roles(lead_cell, cell_offset)
            if labelled[0] is not None:  # "Chủ trì: X; phối hợp: Y" in one cell
                leads, supports = labelled[0], labelled[1]
            elif own and (cell_supports or re.search(r"chủ trì", lead_cell, re.IGNORECASE)):
                leads, supports = cell_leads, cell_supports
            else:
                leads = field_units(lead_cell, cell_offset)
        support_cell = roles.get("support", "")
        if support_cell:
            supports += field_units(support_cell, offset + max(0, text.find(support_cell)))
        deadline = None
        cell = roles.get("deadline", "")
        if cell:
            found = extract_deadline(cell, self.ctx.year, field=True)
            if found:
                dl, s, e = found
                base = offset + max(0, text.find(cell))
                deadline = (dl, s + base, e + base)
        return leads, supports, deadline

    def _emit(self, label, title, text, span: tuple[int, int], section: Node, block: int, leads,
              supports, deadline_found, targets, criteria) -> None:
        sha = self.ctx.sha256
        offset = span[0]
        prov = Provenance(source_sha256=sha, block=block, start=span[0], end=span[1],
                          page=self.ctx.blocks[block].origin.page)

        def mentions(spans: list[Span], role: str, exclude: set[str]) -> list[UnitMention]:
            out: list[UnitMention] = []
            seen = set(exclude)
            for unit, s, e in spans:
                key = unit.casefold()
                if key in seen:
                    continue
                seen.add(key)
                out.append(UnitMention(text=unit, role=role, provenance=Provenance(
                    source_sha256=sha, block=block, start=s, end=e)))
            return out

        lead_m = mentions(leads, "lead", set())
        support_m = mentions(supports, "support", {u.text.casefold() for u in lead_m})
        deadline: Deadline | None = None
        if deadline_found:
            dl, s, e = deadline_found
            deadline = dl.model_copy(update={"provenance": Provenance(
                source_sha256=sha, block=block, start=s, end=e)})
        target_records: list[Target] = [
            t.model_copy(update={"provenance": Provenance(source_sha256=sha, block=block, start=s, end=e)})
            for t, s, e in targets]
        task_id = hashlib.sha256(f"{sha}:{section.path}:{offset}".encode()).hexdigest()[:24]
        self.tasks.append(Task(
            id=task_id, section_id=None, label=label, title=title.strip(),
            text=text.strip(), criteria=criteria, targets=target_records, lead=lead_m,
            support=support_m, deadline=deadline, provenance=prov))
        if section.index < len(self.ctx.section_ids):
            self.tasks[-1].section_id = self.ctx.section_ids[section.index]

    # -- tables -------------------------------------------------------------------

    def _tables(self, default: str) -> None:
        ctx = self.ctx
        node_of: dict[int, Node] = {}
        for node in ctx.nodes:
            for b in node.blocks:
                node_of[b] = node
        tables: dict[tuple[int | None, int], list[int]] = {}
        for b in sorted(node_of):
            block = ctx.blocks[b]
            if block.kind == "row" and block.zone == "body":
                key = (block.origin.page if block.origin.table is None else None, block.origin.table or 0)
                tables.setdefault(key, []).append(b)
        for rows in tables.values():
            node = node_of[rows[0]]
            if self._role(node, default) == "other" and node.role != "unknown":
                continue
            self._table(rows, node)

    def _table(self, rows: list[int], node: Node) -> None:
        ctx = self.ctx
        header_at, columns = None, {}
        for k, b in enumerate(rows[:4]):
            found = _column_roles(ctx.blocks[b].cells or [])
            if "lead" in found or ("deadline" in found and ("task" in found or "solution" in found)):
                header_at, columns = k, found
                break
        if header_at is None:
            return
        task_col = next((columns[r] for r in TASK_COLUMN_PREFERENCE if r in columns), None)
        if task_col is None:
            return
        stt_col = columns.get("stt", 0 if columns.get("stt") is None and task_col != 0 else None)
        label: str | None = None
        previous: dict[str, str] = {}
        for b in rows[header_at + 1:]:
            block = ctx.blocks[b]
            cells = block.cells or []
            if _is_numbering_row(cells):
                continue
            filled = [c for c in cells if c.strip()]
            stt = cells[stt_col].strip() if stt_col is not None and stt_col < len(cells) else ""
            if stt and stt.rstrip(".") != label:
                label = stt.rstrip(".")
            task_cell = cells[task_col].strip() if task_col < len(cells) else ""
            if not task_cell or (len(set(filled)) <= 1 and not cells[columns.get("lead", task_col)].strip()):
                continue  # a group row: a field heading spanning the row
            if re.fullmatch(r"[IVX]+\.?", stt):
                continue
            roles = {role: (cells[i].strip() if i < len(cells) else "") for role, i in columns.items()}
            roles["task_text"] = task_cell
            for key in ("lead", "support", "deadline"):
                col = columns.get(key)
                merged = block.spans and col is not None and col < len(block.spans) and block.spans[col][0] == 0
                if not roles.get(key) and merged and previous.get(key):
                    roles[key] = previous[key]  # a vertically merged cell (docx): the row above's value
            previous = roles
            text_cells = [c.strip() for i, c in enumerate(cells) if c.strip() and i != stt_col]
            text = "\n".join(text_cells)
            self._add(label=label, title=first_sentence(task_cell), text=text, offset=block.start,
                      section=node, context=[], block=b, table_roles=roles, span=(block.start, block.end))


#: ``Chủ trì: X; phối hợp: Y; thời gian: Z`` inside one line or a parenthesis.
_INLINE_LABEL = re.compile(
    r"(?:^|[;(.]\s*|\s-\s)(?=(?:Cơ quan |Đơn vị )?(?:chủ trì|phối hợp|thời gian|thời hạn|tiến độ|"
    r"thực hiện|đơn vị thực hiện|cơ quan thực hiện)\s*:)", re.IGNORECASE)


#: A parenthesis that assigns: "(X chủ trì; Y phối hợp)".
_ROLE_PAREN = re.compile(r"\(([^()]*\b(?:chủ trì|phối hợp)\b[^()]*)\)", re.IGNORECASE)


def _field_segments(text: str, offset: int) -> list[tuple[str, int]]:
    """The lines of a task, with inline field lists cut into one segment per field."""
    out: list[tuple[str, int]] = []
    pos = 0
    for line in text.split("\n"):
        line_offset = offset + pos
        pos += len(line) + 1
        cuts = [m.end() for m in _INLINE_LABEL.finditer(line) if m.end() > 0]
        if len(cuts) < 1 or (len(cuts) == 1 and cuts[0] == 0):
            out.append((line, line_offset))
            continue
        bounds = [0, *[c for c in cuts if c > 0], len(line)]
        for a, b in itertools.pairwise(bounds):
            piece = line[a:b]
            stripped = piece.rstrip(" ;.)(")
            if stripped.strip():
                out.append((stripped, line_offset + a))
    return out


def _is_role_field(text: str) -> bool:
    """Does the line open with a field label (``Chủ trì: ...``, ``(Thời gian: ...)``)?
    A duty that merely ends with ``(Thời gian: Quý I)`` is not a field line."""
    text = text.strip().lstrip("(").strip()
    return bool(LEAD_FIELD.match(text) or SUPPORT_FIELD.match(text) or TIME_FIELD.match(text))


def _column_roles(cells: list[str]) -> dict[str, int]:
    roles: dict[str, int] = {}
    for i, cell in enumerate(cells):
        text = " ".join(cell.split())
        if not text or len(text) > 80:
            continue
        for role, pattern in COLUMN_ROLES:
            if pattern.search(text) if role != "stt" else pattern.match(text.replace(" ", "").lower()):
                roles.setdefault(role, i)
                break
    return roles


def _is_numbering_row(cells: list[str]) -> bool:
    """``(1) | (2) | (3)`` or ``1 | 2 | 3``: the column numbers under a header."""
    filled = [c.strip().strip("()") for c in cells if c.strip()]
    return len(filled) >= 3 and all(c.isdigit() for c in filled) and \
        [int(c) for c in filled] == list(range(int(filled[0]), int(filled[0]) + len(filled)))


def extract_tasks(ctx: Context) -> list[Task]:
    """All tasks of a document, in reading order."""
    return TaskBuilder(ctx).run()
