"""A plain-text view of a document's section tree, for people and golden tests.

The tree is stored flat (sections with ``parent_id``); this renders it indented,
one line per section: role, path, and the heading's first words.

    work     II                 NHIỆM VỤ VÀ GIẢI PHÁP
    work       II.1             Tập trung khắc phục, cải thiện các tiêu chí...
"""

from __future__ import annotations

from schemas import ParsedDocument


def outline(doc: ParsedDocument, width: int = 70) -> str:
    depth: dict[str, int] = {}
    lines: list[str] = []
    for section in doc.sections:
        level = depth.get(section.parent_id, -1) + 1 if section.parent_id else 0
        depth[section.id] = level
        heading = " ".join(section.heading.split())[:width]
        lines.append(f"{section.role:<8} {'  ' * level}{section.path:<{max(1, 18 - 2 * level)}} {heading}")
    return "\n".join(lines) + "\n"
