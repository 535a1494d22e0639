"""Build the flat section list from the body's blocks with a rank stack.

The algorithm knows nothing Vietnamese: a block that opens an item (per
``grammar.LEVELS``) pops every open item of the same or an inner rank and becomes
the child of what is left; any other block belongs to the innermost open item. The
words that decide a section's role (work or not) are data in ``parsers.patterns``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from parsers.model import Block
from parsers.patterns.sections import (
    ATTACHED_WORK,
    CLOSING_DUTY,
    CLOSING_MENTION,
    CLOSING_START,
    classify_heading,
)
from parsers.structure.grammar import match_level
from parsers.structure.header import Header

APPENDIX_RANK = -1
#: Ranks of the main parts of a document (Phần, Chương, Mục, Điều, I.).
BY_RANK_PART = 4
PREAMBLE = "preamble"
CLOSING = "closing"


@dataclass
class Node:
    """A section while the tree is being built (``parsers.pipeline`` turns it into
    a ``schemas.Section``)."""

    index: int
    rule: str
    rank: int
    label: str | None
    heading: str
    first_block: int
    parent: int | None
    ordinal: int
    path: str = ""
    role: str = "unknown"
    last_block: int = 0
    blocks: list[int] = field(default_factory=list)      # blocks directly in it
    children: list[int] = field(default_factory=list)

    @property
    def is_item(self) -> bool:
        return self.rule not in (PREAMBLE, CLOSING, "appendix")


def build(blocks: list[Block], header: Header) -> list[Node]:
    """Sections of the body and of any appendix after the signature."""
    nodes: list[Node] = []
    spans = [(header.body_start, header.body_end)]
    for k, start in enumerate(header.appendix_starts):
        end = header.appendix_starts[k + 1] if k + 1 < len(header.appendix_starts) else len(blocks)
        spans.append((start, _appendix_end(blocks, start, end)))
    for start, end in spans:
        _build_span(blocks, start, end, nodes, appendix=start != header.body_start)
    for node in nodes:
        _set_path(node, nodes)
    _set_roles(nodes)
    return nodes


def _appendix_end(blocks: list[Block], start: int, end: int) -> int:
    return end


def _last_item(blocks: list[Block], start: int, end: int) -> int:
    """Index of the last block that opens a numbered or lettered item."""
    for i in range(end - 1, start - 1, -1):
        found = blocks[i].kind == "paragraph" and match_level(blocks[i].text)
        if found and found[0].name not in ("dash", "plus"):
            return i
    return start - 1


def _build_span(blocks: list[Block], start: int, end: int, nodes: list[Node], *, appendix: bool) -> None:
    stack: list[int] = []
    last_item = _last_item(blocks, start, end)
    closing: int | None = None
    preamble: int | None = None
    pending_heading = -1

    def open_node(rule: str, rank: int, label: str | None, heading: str, i: int) -> int:
        while stack and nodes[stack[-1]].rank >= rank:
            stack.pop()
        parent = stack[-1] if stack else None
        siblings = nodes[parent].children if parent is not None else [
            n.index for n in nodes if n.parent is None]
        node = Node(index=len(nodes), rule=rule, rank=rank, label=label, heading=heading,
                    first_block=i, parent=parent, ordinal=len(siblings), last_block=i, blocks=[i])
        nodes.append(node)
        if parent is not None:
            nodes[parent].children.append(node.index)
        stack.append(node.index)
        return node.index

    for i in range(start, end):
        block = blocks[i]
        if block.zone != "body":
            continue
        text = block.text.strip()
        if closing is not None:
            _extend(nodes, closing, i)
            continue
        if block.kind == "paragraph":
            if i == start and appendix:
                open_node("appendix", APPENDIX_RANK, None, text, i)
                continue
            if i == pending_heading:
                continue  # consumed as the heading of the item above
            found = match_level(text)
            if found:
                rule, label, rest = found
                keep = label if rule.name not in ("dash", "plus") else None
                index = open_node(rule.name, rule.rank, keep, rest, i)
                if not rest and rule.rank <= 4:
                    # "Phần I" / "Chương II" / "I." with the title on the next line
                    nxt = i + 1
                    if nxt < end and blocks[nxt].kind == "paragraph" and not match_level(blocks[nxt].text) \
                            and len(blocks[nxt].text) < 200:
                        nodes[index].heading = blocks[nxt].text.strip()
                        _extend(nodes, index, nxt)
                        pending_heading = nxt
                _extend_stack(nodes, stack, i)
                continue
            if i > last_item and _is_closing(text):
                stack.clear()
                closing = open_node(CLOSING, APPENDIX_RANK + 1, None, text, i)
                continue
        if not stack:
            # unnumbered text before the first item: one preamble node, never a parent
            if preamble is None:
                preamble = open_node(PREAMBLE, APPENDIX_RANK + 1, None, text, i)
                stack.pop()
            else:
                _extend(nodes, preamble, i)
            continue
        nodes[stack[-1]].blocks.append(i)
        _extend_stack(nodes, stack, i)


def _extend(nodes: list[Node], index: int, block: int) -> None:
    nodes[index].blocks.append(block)
    nodes[index].last_block = block


def _extend_stack(nodes: list[Node], stack: list[int], block: int) -> None:
    for index in stack:
        nodes[index].last_block = max(nodes[index].last_block, block)


def _is_closing(text: str) -> bool:
    """``Trên đây là Kế hoạch ...``; ``Yêu cầu ... nghiêm túc triển khai thực hiện Chỉ thị này``."""
    if text.startswith("Trên đây") or text.rstrip().endswith("./."):
        return True  # Decree 30 ends the text proper with "./."
    mention = CLOSING_MENTION.search(text)
    if not mention:
        return False
    return bool(CLOSING_START.match(text)) or bool(CLOSING_DUTY.search(text[:mention.end() + 20]))


_DECIMAL = re.compile(r"^\d+(?:\.\d+)+$")


def _set_path(node: Node, nodes: list[Node]) -> None:
    own = node.label if node.label is not None else (
        node.rule if not node.is_item else f"-{node.ordinal + 1}")
    if node.parent is None:
        node.path = own
        return
    parent = nodes[node.parent]
    if node.label and _DECIMAL.match(node.label) and parent.label and \
            node.label.startswith(parent.label + "."):
        node.path = parent.path[: len(parent.path) - len(parent.label)] + node.label
    else:
        node.path = f"{parent.path}.{own}"


def _set_roles(nodes: list[Node]) -> None:
    """A section's role is that of its own heading, else its parent's."""
    for node in nodes:  # parents come before children
        if node.rule == CLOSING:
            node.role = "closing"
            continue
        # bullets and field lines ("- Thời gian: ...") never decide a role
        decides = node.is_item and node.rule not in ("dash", "plus") and ":" not in node.heading[:40]
        own = classify_heading(node.heading) if decides else None
        if node.rule == "appendix":
            own = "work" if ATTACHED_WORK.match(node.heading.strip()) else None
        inherited = nodes[node.parent].role if node.parent is not None else "unknown"
        if own == "weak_other":
            # a plan's own part "II. MỤC TIÊU" is not work; "1. Công tác chỉ đạo" under
            # "NHIỆM VỤ" is a group of tasks
            own = None if inherited == "work" and node.rank > BY_RANK_PART else "other"
        if own:
            node.role = own
        elif node.parent is not None:
            node.role = nodes[node.parent].role
        else:
            node.role = "unknown"
