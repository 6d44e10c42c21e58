"""The status table as plain text lines: fixed-width columns, Vietnamese names wrapped.

Laid out here, not by rich.Table: rich renders every cell through its full layout engine
(Console.render_lines, Text.wrap, Segment padding), about 0.1 ms a cell, which is two
seconds for 3,000 units. The columns have known widths, so lines are built as plain
(text, style) segments; the command colours them through rich, and only on a terminal.
"""

from __future__ import annotations

import re
import textwrap
import unicodedata
from collections.abc import Sequence
from typing import TypeVar

from sokket_cli.check.schema import vn_date
from sokket_cli.check.status import (
    State,
    StatusReport,
    deadline_sentence,
    extra_sentence,
    proposals_sentence,
    shared_lines,
    summary_sentence,
)

Line = list[tuple[str, str]]  # (text, style) segments of one output line

_STYLES: dict[State, str] = {
    State.VALID: "green",
    State.LATE: "yellow",
    State.INVALID: "bold red",
    State.MISSING: "",
    State.UNKNOWN: "red",
    State.DUPLICATE: "red",
    State.UNREADABLE: "red",
    State.SKIPPED: "yellow",
}
_HEADER = ("Đơn vị", "Tình trạng", "Tệp", "Ngày nộp", "Lỗi", "C.báo")
_PROPOSALS_HEADER = "Khen thưởng"  # the column when the plan asks for proposals
_PROPOSALS_LEGEND = "Cột Khen thưởng: số đề nghị/chỉ tiêu; TT: tập thể, CN: cá nhân."
_NO_FILE_COLUMN = "Cửa sổ hẹp nên không có cột Tệp; mở rộng cửa sổ, hoặc ghi ra tệp (-o bang.txt, --format csv) để xem tên tệp."
_FIXED = (10, 10, 3, 5)  # state, date, errors, warnings: the widest cell of each
_GAP = "  "
_MIN_NAME, _MIN_FILE = 16, 10
_Cell = TypeVar("_Cell")
UNLIMITED = 1 << 30  # columns: "as wide as the content"


# Characters that do not take exactly one terminal cell: combining marks, wide (CJK) letters.
_ODD_WIDTH = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u1100-\u115f\u1ab0-\u1aff\u1dc0-\u1dff"
    "\u200b-\u200f\u20d0-\u20ff\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe00-\ufe0f"
    "\ufe20-\ufe2f\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U0001f300-\U0001faff"
    "\U00020000-\U0003fffd]"
)


def _cells(text: str) -> int:
    """Terminal cells: combining marks (a non-NFC 'ệ') take none, wide letters two."""
    if not _ODD_WIDTH.search(text):
        return len(text)
    total = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        total += 2 if unicodedata.east_asian_width(char) in "WF" else 1
    return total


def _pad(text: str, width: int, right: bool = False) -> str:
    fill = " " * max(width - _cells(text), 0)
    return fill + text if right else text + fill


def _shorten(text: str, width: int) -> str:
    if _cells(text) <= width:
        return text
    while text and _cells(text) > width - 1:
        text = text[:-1]
    return text + "…"


def _proposals_width(report: StatusReport) -> int:
    """The proposals column's width; 0 when the plan asks for none (no column)."""
    if report.plan.commendations is None:
        return 0
    cells = (_cells(row.proposals.cell) for row in report.rows if row.proposals is not None)
    return max(len(_PROPOSALS_HEADER), max(cells, default=0))


def _widths(report: StatusReport, width: int, extra: int = 0) -> tuple[int, int]:
    """Name and file column widths that fit ``width`` (less ``extra`` for further columns):
    names get what they need when they can; otherwise the file name gives way first
    (shortened with …), then names wrap. When names would wrap and file names be cut all
    the same, the file column goes (width 0) and names get its room: a file name cut to
    "hai-ba-tr…" helps nobody, and the files set aside are listed below the table whole."""
    room = width - len(_GAP) * 5 - sum(_FIXED) - extra
    name_need = max((_cells(row.name) for row in report.rows), default=0)
    file_need = max((_cells(row.file_name or "") for row in report.rows), default=0)
    name_need, file_need = max(name_need, _MIN_NAME), max(file_need, _cells("Tệp"))
    if name_need + file_need <= room:
        return name_need, file_need
    file_w = max(_MIN_FILE, min(file_need, room * 2 // 5))
    name_w = max(_MIN_NAME, room - file_w)
    if name_w < name_need and file_w < file_need:
        return max(_MIN_NAME, room + len(_GAP)), 0
    return name_w, file_w


def _without_file(cells: Sequence[_Cell]) -> tuple[_Cell, ...]:
    """A row without its file column (the third)."""
    return (*cells[:2], *cells[3:])


def _wrap(text: str, width: int, indent: str = "", *, split_words: bool = True) -> list[str]:
    """Lines of at most ``width``; with ``split_words=False`` a longer word (a path) keeps its
    own line whole, so it can still be copied."""
    return textwrap.wrap(
        text, width, subsequent_indent=indent, break_on_hyphens=False,
        break_long_words=split_words,
    ) or [""]


def _row_lines(
    cells: Sequence[tuple[str, str]], widths: tuple[int, ...], name_style: str = "", *, counts_from: int = 4
) -> list[Line]:
    """One table row; the name (first cell) wraps under itself, the rest sit on its first line;
    the cells from ``counts_from`` on (errors, warnings, proposals) are right-aligned."""
    name_lines = _wrap(cells[0][0], widths[0], "  ")
    first: Line = [(_pad(name_lines[0], widths[0]), name_style)]
    for index, ((text, style), width) in enumerate(zip(cells[1:], widths[1:], strict=True), 1):
        first.append((_GAP, ""))
        first.append((_pad(text, width, right=index >= counts_from), style))
    return [first, *([(line, name_style)] for line in name_lines[1:])]


def table_lines(report: StatusReport, width: int | None = None, *, rules: bool = False) -> list[Line]:
    """The whole text output: a title, the plan's units under their group titles (one
    header for all), the files set aside with their problem, then the summary. Lines fit
    ``width`` (a terminal's); without one (a file, a pipe) nothing is cut or wrapped."""
    plan, summary = report.plan, report.summary
    width = UNLIMITED if width is None else max(width, 40)
    proposals_w = _proposals_width(report)
    name_w, file_w = _widths(report, width, proposals_w + len(_GAP) if proposals_w else 0)
    widths: tuple[int, ...] = (name_w, _FIXED[0], file_w, *_FIXED[1:])
    header: tuple[str, ...] = _HEADER
    if proposals_w:
        widths, header = (*widths, proposals_w), (*_HEADER, _PROPOSALS_HEADER)
    counts_from = 4  # name, state, file, date, then the counts
    if not file_w:  # no room for file names: the column goes (see _widths)
        widths, header, counts_from = _without_file(widths), _without_file(header), 3
    overdue = (report.days_left or 0) < 0
    title = f"Kế hoạch {plan.code}" if plan.code else "Kế hoạch"
    lines: list[Line] = [[(f"{title}: tình hình nộp báo cáo đến ngày {vn_date(report.today)}", "bold")], []]
    lines += _row_lines([(h, "bold") for h in header], widths, "bold", counts_from=counts_from)
    if rules:
        lines.append([("─" * min(sum(widths) + len(_GAP) * (len(widths) - 1), width), "dim")])
    groups = report.groups()
    for index, (group, rows) in enumerate(groups):
        if group or len(groups) > 1:
            if index:
                lines.append([])
            sent = sum(1 for row in rows if row.file is not None)
            heading = f"{group or 'Chưa xếp nhóm'} ({sent}/{len(rows)} đã nộp)"
            lines += [[(text, "bold cyan")] for text in _wrap(heading, width, "  ")]
        for row in rows:
            state_style = _STYLES[row.state]
            if row.state is State.MISSING and overdue:
                state_style = "bold red"
            sent = row.file is not None
            cells = [
                (row.name, ""),
                (row.state.label, state_style),
                (_shorten(row.file_name or "", file_w), "dim"),
                (vn_date(row.submitted) if row.submitted else "", ""),
                (str(row.errors) if sent else "", "red" if row.errors else "dim"),
                (str(row.warnings) if sent else "", "yellow" if row.warnings else "dim"),
            ]
            if proposals_w:
                count = row.proposals
                cell = count.cell if count is not None else ""
                cells.append((cell, "bold red" if count is not None and count.over_quota else ""))
            lines += _row_lines(cells if file_w else _without_file(cells), widths, counts_from=counts_from)

    if report.extra_files:
        lines += [[], [("Các tệp không được tính trong bảng trên:", "bold")]]
        for extra in report.extra_files:
            what = extra.state.label
            if extra.state is State.DUPLICATE and extra.unit:
                what += f" '{extra.unit}'"
            text = f"- {extra.file_name} ({what}): {extra.problem}"
            wrapped = _wrap(text, width, "    ", split_words=False)
            lines.append([(wrapped[0], _STYLES[extra.state])])
            lines += [[(line, "")] for line in wrapped[1:]]

    if report.shared_proposals:
        lines += [[], [("Đề nghị khen thưởng trùng giữa các đơn vị:", "bold")]]
        for text in shared_lines(report):
            lines += [[(line, "yellow")] for line in _wrap(text, width, "    ")]

    lines.append([])
    lines += [[(text, "bold")] for text in _wrap(summary_sentence(summary), width)]
    if (proposals_text := proposals_sentence(report)) is not None:
        lines += [[(text, "")] for text in _wrap(proposals_text, width)]
        lines += [[(text, "dim")] for text in _wrap(_PROPOSALS_LEGEND, width)]
    if not file_w:
        lines += [[(text, "dim")] for text in _wrap(_NO_FILE_COLUMN, width)]
    if (extra_text := extra_sentence(summary)) is not None:
        lines += [[(text, "")] for text in _wrap(extra_text, width)]
    late_style = "bold red" if overdue and summary.missing else ""
    lines += [[(text, late_style)] for text in _wrap(deadline_sentence(report), width)]
    return lines


def plain(lines: list[Line]) -> str:
    return "".join("".join(text for text, _ in line).rstrip() + "\n" for line in lines)
