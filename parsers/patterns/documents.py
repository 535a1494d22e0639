"""Telling a document's kind from its content when no kind line survives.

A report pasted without its header (seed 003) still reads as one: its parts narrate
(``TÌNH HÌNH, KẾT QUẢ``, ``ĐÁNH GIÁ CHUNG``, ``KIẾN NGHỊ``); a plan's parts aim
(``MỤC ĐÍCH, YÊU CẦU``, ``NHIỆM VỤ``, ``TỔ CHỨC THỰC HIỆN``).
"""

from __future__ import annotations

import re

#: (kind, pattern over a top-level heading, weight)
KIND_SIGNALS: tuple[tuple[str, re.Pattern[str], int], ...] = (
    ("BC", re.compile(r"kết quả|tình hình|đánh giá|tồn tại|hạn chế|kiến nghị|đề xuất|phương hướng", re.I), 1),
    ("KH", re.compile(r"mục đích|yêu cầu|nhiệm vụ|giải pháp|tổ chức thực hiện|kinh phí", re.I), 1),
    ("QĐ", re.compile(r"^điều\s+\d", re.I), 1),
)


def classify_kind(headings: list[str]) -> str | None:
    """The kind most of the top-level headings point to, or None."""
    score: dict[str, int] = {}
    for heading in headings:
        for kind, pattern, weight in KIND_SIGNALS:
            if pattern.search(heading):
                score[kind] = score.get(kind, 0) + weight
    if not score:
        return None
    best = max(score.values())
    winners = [k for k, v in score.items() if v == best]
    return winners[0] if len(winners) == 1 else None
