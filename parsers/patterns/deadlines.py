"""Deadline phrases, each a named pattern with the date range it means.

GOLD.md: ``Trong năm 2021`` is 2021-01-01..2021-12-31; ``... và những năm tiếp
theo`` leaves the end open; ``trước ngày 25/6/2024`` is null..2024-06-25;
``Quý II/2024`` is 2024-04-01..2024-06-30; a phrase with no year takes the year of
the document (or of the plan it is attached to); ``Thường xuyên`` with no year in
reach is recurring with no dates. Each rule's ``resolve`` gets the match and the
context year and returns ``(start, end, kind)``.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass

Range = tuple[str | None, str | None, str]

ROMAN_QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_Y = r"(?:năm\s*)?(?P<{0}>(?:19|20)\d{{2}})"


def _day(y: int, m: int, d: int) -> str | None:
    if not (1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]):
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def _month_end(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}-{calendar.monthrange(y, m)[1]:02d}"


def _year(m: re.Match[str], key: str, context: int | None) -> int | None:
    value = m.groupdict().get(key)
    return int(value) if value else context


@dataclass(frozen=True)
class DeadlineRule:
    name: str
    pattern: re.Pattern[str]
    resolve: Callable[[re.Match[str], int | None], Range | None]
    note: str

    @property
    def triggers(self) -> tuple[str, ...]:
        """Lower-case words one of which any match contains: a cheap test that lets
        a task's text skip the rules it cannot match."""
        return TRIGGERS[self.name]


#: Per rule, words that every match of it contains.
TRIGGERS: dict[str, tuple[str, ...]] = {
    "date_range": ("ngày", "/"), "by_date": ("ngày",), "from_date": ("ngày",),
    "quarters": ("quý",), "quarter": ("quý",),
    "months": ("tháng",), "before_month": ("tháng",), "from_month": ("tháng",), "month": ("tháng",),
    "half": ("tháng",), "year_span": ("19", "20"), "year_onward": ("tiếp theo",),
    "until_year": ("năm",), "recurring_in_year": ("trong năm",), "in_year": ("năm",),
    "recurring": ("thường xuyên", "định kỳ", "hằng", "hàng", "liên tục"), "bare_year": ("năm",),
}


def _rule(name: str, pattern: str, resolve: Callable[[re.Match[str], int | None], Range | None],
          note: str) -> DeadlineRule:
    return DeadlineRule(name, re.compile(pattern, re.IGNORECASE), resolve, note)


def _date_range(m: re.Match[str], context: int | None) -> Range | None:
    y1 = _year(m, "y1", None)
    y2 = _year(m, "y2", context)
    y1 = y1 or y2
    if y1 is None or y2 is None:
        return None
    start = _day(y1, int(m["m1"]), int(m["d1"]))
    end = _day(y2, int(m["m2"]), int(m["d2"]))
    return (start, end, "fixed") if start and end else None


def _by_date(m: re.Match[str], context: int | None) -> Range | None:
    y = _year(m, "y", context)
    if y is None:
        return None
    end = _day(y, int(m["m"]), int(m["d"]))
    return (None, end, "fixed") if end else None


def _quarter(m: re.Match[str], context: int | None) -> Range | None:
    y = _year(m, "y", context)
    q = ROMAN_QUARTERS.get(m["q"].upper())
    if y is None or q is None:
        return None
    last = q * 3
    return f"{y:04d}-{last - 2:02d}-01", _month_end(y, last), "fixed"


def _quarters(m: re.Match[str], context: int | None) -> Range | None:
    y = _year(m, "y", context)
    q1, q2 = ROMAN_QUARTERS.get(m["q1"].upper()), ROMAN_QUARTERS.get(m["q2"].upper())
    if y is None or q1 is None or q2 is None:
        return None
    return f"{y:04d}-{q1 * 3 - 2:02d}-01", _month_end(y, q2 * 3), "fixed"


def _month(m: re.Match[str], context: int | None) -> Range | None:
    y = _year(m, "y", context)
    month = int(m["m"])
    if y is None or not 1 <= month <= 12:
        return None
    return f"{y:04d}-{month:02d}-01", _month_end(y, month), "fixed"


def _before_month(m: re.Match[str], context: int | None) -> Range | None:
    found = _month(m, context)
    return (None, found[1], "fixed") if found else None


def _from_month(m: re.Match[str], context: int | None) -> Range | None:
    found = _month(m, context)
    return (found[0], None, "open") if found else None


def _from_date(m: re.Match[str], context: int | None) -> Range | None:
    y = _year(m, "y", context)
    start = _day(y, int(m["m"]), int(m["d"])) if y else None
    return (start, None, "open") if start else None


def _months(m: re.Match[str], context: int | None) -> Range | None:
    y = _year(m, "y", context)
    m1, m2 = int(m["m1"]), int(m["m2"])
    if y is None or not (1 <= m1 <= 12 and 1 <= m2 <= 12):
        return None
    return f"{y:04d}-{m1:02d}-01", _month_end(y, m2), "fixed"


def _half(m: re.Match[str], context: int | None) -> Range | None:
    y = _year(m, "y", context)
    if y is None:
        return None
    first = m["which"].lower() in ("đầu",)
    return ((f"{y:04d}-01-01", f"{y:04d}-06-30", "fixed") if first
            else (f"{y:04d}-07-01", f"{y:04d}-12-31", "fixed"))


def _year_span(m: re.Match[str], context: int | None) -> Range | None:
    return f"{m['y1']}-01-01", f"{m['y2']}-12-31", "fixed"


def _year_onward(m: re.Match[str], context: int | None) -> Range | None:
    return f"{m['y']}-01-01", None, "open"


def _in_year(m: re.Match[str], context: int | None) -> Range | None:
    y = _year(m, "y", context)
    return (f"{y:04d}-01-01", f"{y:04d}-12-31", "fixed") if y else None


def _until_year(m: re.Match[str], context: int | None) -> Range | None:
    return None, f"{m['y']}-12-31", "fixed"


def _recurring_in_year(m: re.Match[str], context: int | None) -> Range | None:
    y = _year(m, "y", context)
    if y is None:
        return None, None, "recurring"
    return f"{y:04d}-01-01", f"{y:04d}-12-31", "recurring"


def _recurring(m: re.Match[str], context: int | None) -> Range | None:
    return None, None, "recurring"


_D = r"(?P<{d}>\d{{1,2}})\s*(?:/|-|\.|\s+tháng\s+)\s*(?P<{m}>\d{{1,2}})(?:\s*(?:/|-|\.|\s+năm\s+)\s*(?P<{y}>(?:19|20)\d{{2}}))?"
_Q = r"(?P<{q}>IV|III|II|I|[1-4])"

#: Checked in this order at each position; the first that matches wins.
DEADLINE_RULES: tuple[DeadlineRule, ...] = (
    _rule("date_range",
          r"từ\s+(?:ngày\s+)?" + _D.format(d="d1", m="m1", y="y1") + r"\s*(?:đến|tới|-|–)\s*(?:hết\s+)?(?:ngày\s+)?"
          + _D.format(d="d2", m="m2", y="y2"),
          _date_range, "từ ngày 01/3/2025 đến ngày 30/6/2025"),
    _rule("by_date",
          r"(?:(?:trước|chậm nhất|hoàn thành|xong|trong|đến|muộn nhất|hạn chót)\s+(?:(?:là|vào|trước|trong)\s+)?)?ngày\s+"
          + _D.format(d="d", m="m", y="y"),
          _by_date, "trước ngày 25/6/2024; trong ngày 31/12/2024; ngày 15/3 (year from the document)"),
    _rule("quarters", r"(?:trong\s+)?quý\s+" + _Q.format(q="q1") + r"\s*(?:,|và|-|–|đến)\s*(?:quý\s+)?"
          + _Q.format(q="q2") + r"\s*(?:/|năm|\s)\s*" + _Y.format("y"),
          _quarters, "Quý II, III/2025"),
    _rule("quarter", r"(?:trong\s+|trước\s+|hoàn thành trong\s+)?quý\s+" + _Q.format(q="q")
          + r"(?:\s*(?:/|năm|-)\s*(?:năm\s*)?(?P<y>(?:19|20)\d{2}))?(?!\s*(?:hằng|hàng)\s+năm)",
          _quarter, "Quý II/2024; trong quý III năm 2025; Quý IV (year from the document)"),
    _rule("months", r"(?:từ\s+)?tháng\s+(?P<m1>\d{1,2})(?:\s*/\s*(?:19|20)\d{2})?\s*(?:đến|-|–)\s*(?:hết\s+)?tháng\s+(?P<m2>\d{1,2})"
          r"(?:\s*(?:/|năm)\s*(?P<y>(?:19|20)\d{2}))?",
          _months, "từ tháng 3 đến tháng 6/2025"),
    _rule("from_month", r"(?:bắt đầu\s+)?từ\s+tháng\s+(?P<m>\d{1,2})\s*(?:/|năm)\s*(?P<y>(?:19|20)\d{2})(?!\s*(?:đến|-|–))",
          _from_month, "Từ tháng 6/2022 (open end)"),
    _rule("from_date", r"(?:bắt đầu\s+)?từ\s+ngày\s+" + _D.format(d="d", m="m", y="y") + r"(?!\s*(?:đến|-|–))",
          _from_date, "từ ngày 01/3/2025 (open end)"),
    _rule("before_month", r"trước\s+tháng\s+(?P<m>\d{1,2})(?:\s*(?:/|năm)\s*(?P<y>(?:19|20)\d{2}))?",
          _before_month, "trước tháng 9/2025 (by the end of that month)"),
    _rule("month", r"(?:trong\s+|hoàn thành trong\s+)?tháng\s+(?P<m>\d{1,2})\s*(?:/|năm)\s*(?P<y>(?:19|20)\d{2})",
          _month, "tháng 9/2025; trong tháng 10 năm 2024"),
    _rule("half", r"(?:trong\s+)?0?6\s+tháng\s+(?P<which>đầu|cuối)\s+năm(?:\s+(?P<y>(?:19|20)\d{2}))?",
          _half, "6 tháng đầu năm; 6 tháng cuối năm 2025"),
    _rule("year_span", r"(?:giai đoạn\s+|trong\s+|năm\s+|các năm\s+)?(?P<y1>(?:19|20)\d{2})\s*(?:-|–|đến|đến năm)\s*(?P<y2>(?:19|20)\d{2})",
          _year_span, "Năm 2025-2026; giai đoạn 2021 - 2025"),
    _rule("year_onward", r"(?:trong\s+)?(?:năm\s+)?(?P<y>(?:19|20)\d{2})\s+và\s+(?:những|các)\s+năm\s+tiếp\s+theo",
          _year_onward, "Trong năm 2021 và những năm tiếp theo"),
    _rule("until_year", r"(?:đến|tới)\s+(?:hết\s+)?năm\s+(?P<y>(?:19|20)\d{2})", _until_year,
          "đến năm 2030; đến hết năm 2025"),
    _rule("recurring_in_year", r"(?:thường xuyên|hằng tháng|hàng tháng|hằng quý|hàng quý|định kỳ)[^.;\n]{0,20}?"
          r"trong\s+năm(?:\s+(?P<y>(?:19|20)\d{2}))?",
          _recurring_in_year, "Thường xuyên trong năm (the document's year)"),
    _rule("in_year", r"(?:trong|cả|suốt|hết)\s+năm\s+(?P<y>(?:19|20)\d{2})", _in_year, "Trong năm 2024"),
    _rule("recurring", r"(?:định kỳ\s+)?(?:hằng|hàng)\s+(?:tháng|quý|năm|tuần)|định kỳ(?:\s+\d+\s+tháng)?|thường xuyên|"
          r"liên tục|hằng ngày|hàng ngày",
          _recurring, "Thường xuyên; Định kỳ hằng quý; hàng tháng"),
    _rule("bare_year", r"năm\s+(?P<y>(?:19|20)\d{2})", _in_year,
          "năm 2022 (only as a last resort, see extract_deadline)"),
)

#: A period named after these words is a report's name or a baseline, not a deadline:
#: "Báo cáo 6 tháng đầu năm", "so với năm 2020", "cao hơn năm 2023", "Chỉ số năm 2023".
NOT_A_DEADLINE_BEFORE = re.compile(
    r"(?:báo cáo|sơ kết|tổng kết|số liệu|so với|hơn|từ|chỉ số|xếp hạng|kết quả|là|đạt|bằng)\s*$",
    re.IGNORECASE)

#: Adverbs of frequency that are a deadline only at the head of a sentence or in a
#: time field ("Thường xuyên kiểm tra ..."), not as an adjective mid-sentence
#: ("nhiệm vụ trọng tâm, thường xuyên"; "công tác CCHC hằng năm").
WEAK_RECURRING = re.compile(r"^(?:thường xuyên|liên tục|hằng năm|hàng năm|hằng ngày|hàng ngày)$",
                            re.IGNORECASE)
