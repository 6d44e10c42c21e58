"""``sokket status``: who has sent, who is missing, invalid or late."""

from __future__ import annotations

import os
import re
import shutil
import sys
import textwrap
import unicodedata
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from sokket_cli.collect import collect
from sokket_cli.commands.common import ExitStatus, PlanOption, err, guarded
from sokket_cli.discovery import find_plan, unit_files
from sokket_cli.errors import OutputError, UsageError
from sokket_cli.output import wants_color
from sokket_cli.plan import read_plan
from sokket_cli.status import (
    State,
    StatusReport,
    build_status,
    deadline_sentence,
    extra_sentence,
    missing_lines,
    status_csv,
    status_json,
    summary_sentence,
    vn_date,
)


class StatusFormat(str, Enum):
    text = "text"
    json = "json"
    csv = "csv"


_VN_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def parse_day(value: str) -> date:
    """``2021-07-05`` or the Vietnamese ``05/07/2021``; anything else is a usage error."""
    text = value.strip()
    try:
        if match := _VN_DATE.fullmatch(text):
            day, month, year = (int(g) for g in match.groups())
            return date(year, month, day)
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(
            f"--today '{value}' không phải là một ngày hợp lệ. Hãy ghi dạng 2021-07-05 hoặc "
            "05/07/2021."
        ) from None


@guarded
def status(
    units_dir: Annotated[
        Path,
        typer.Argument(
            help="Thư mục chứa các tệp báo cáo của đơn vị (hoặc thư mục đợt sơ kết có units/).",
            show_default=False,
        ),
    ],
    plan: PlanOption = None,
    today: Annotated[
        str | None,
        typer.Option(
            "--today",
            metavar="NGÀY",
            help="Tính quá hạn theo ngày này (2021-07-05 hoặc 05/07/2021). Mặc định: hôm nay.",
            show_default=False,
        ),
    ] = None,
    check: Annotated[
        bool,
        typer.Option("--check", help="Mã thoát 1 khi còn đơn vị chưa nộp hoặc báo cáo có lỗi."),
    ] = False,
    output_format: Annotated[
        StatusFormat,
        typer.Option(
            "--format",
            help="text: bảng để đọc; json: cho chương trình khác; csv: mở bằng Excel.",
        ),
    ] = StatusFormat.text,
    missing: Annotated[
        bool,
        typer.Option(
            "--missing",
            help="Chỉ liệt kê các đơn vị cần nhắc (chưa nộp, hoặc báo cáo có lỗi), mỗi đơn vị "
            "một dòng, để dán vào tin nhắn.",
        ),
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Ghi kết quả ra tệp này thay vì in ra màn hình (ví dụ: tinh-hinh.csv).",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
) -> None:
    """Xem đơn vị nào đã nộp, chưa nộp, nộp muộn hoặc có lỗi."""
    day = parse_day(today) if today is not None else date.today()
    plan_path = plan or find_plan(units_dir)
    the_plan = read_plan(plan_path)
    files = unit_files(units_dir, plan_path)
    report = build_status(the_plan, collect(the_plan, files), day)
    chase = report.to_chase() if missing else None

    if output_format is StatusFormat.json:
        text = status_json(report, chase) + "\n"
    elif output_format is StatusFormat.csv:
        text = status_csv(report, chase)
    elif missing:
        lines = missing_lines(report)
        if not lines:
            err("Không còn đơn vị nào cần nhắc: mọi đơn vị đã nộp báo cáo hợp lệ.")
        text = "".join(f"{line}\n" for line in lines)
    else:
        text = ""

    terminal = bool(getattr(sys.stdout, "isatty", None) and sys.stdout.isatty())
    if not text and not missing:
        if output is None and terminal:
            width = shutil.get_terminal_size().columns
            print_styled(table_lines(report, width, rules=True), color=wants_color(sys.stdout))
        else:  # piped or to a file: plain aligned columns, no colour, no lines
            text = plain(table_lines(report, _plain_width()))
    if output is not None:
        _write_file(output, text)
    elif text:
        _write_stdout(text)
    raise typer.Exit(ExitStatus.PROBLEMS if check and not report.ok else ExitStatus.OK)


def _write_stdout(text: str) -> None:
    """Exact bytes (CSV keeps its BOM and CRLF; no newline translation on Windows)."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
    else:
        buffer.write(text.encode("utf-8"))
        buffer.flush()


def _write_file(path: Path, text: str) -> None:
    try:
        path.write_bytes(text.encode("utf-8"))
    except OSError as exc:
        raise OutputError(f"Không ghi được tệp: {exc.strerror}.", path=path) from exc


# -- the text table --------------------------------------------------------------------------
#
# Laid out here, not by rich.Table: rich renders every cell through its full layout engine
# (Console.render_lines, Text.wrap, Segment padding), about 0.1 ms a cell, which is two
# seconds for 3,000 units. The columns have known widths, so lines are built as plain
# (text, style) segments; rich only colours them, and only on a terminal.

Line = list[tuple[str, str]]  # (text, style) segments of one output line

_STYLES: dict[State, str] = {
    State.VALID: "green",
    State.LATE: "yellow",
    State.INVALID: "bold red",
    State.MISSING: "",
    State.UNKNOWN: "red",
    State.DUPLICATE: "red",
}
_HEADER = ("Đơn vị", "Tình trạng", "Tệp", "Ngày nộp", "Lỗi", "C.báo")
_FIXED = (10, 10, 3, 5)  # state, date, errors, warnings: the widest cell of each
_GAP = "  "
_MIN_NAME, _MIN_FILE = 16, 10


def _plain_width() -> int:
    """COLUMNS when set (as a terminal would), else 80."""
    columns = os.environ.get("COLUMNS", "")
    return int(columns) if columns.isdigit() and int(columns) >= 40 else 80


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


def _widths(report: StatusReport, width: int) -> tuple[int, int]:
    """Name and file column widths that fit ``width``: names get what they need when they
    can; otherwise the file name gives way first (shortened with …), then names wrap."""
    room = width - len(_GAP) * 5 - sum(_FIXED)
    name_need = max((_cells(row.name) for row in report.rows), default=0)
    file_need = max((_cells(row.file_name or "") for row in report.rows), default=0)
    name_need, file_need = max(name_need, _MIN_NAME), max(file_need, _cells("Tệp"))
    if name_need + file_need <= room:
        return name_need, file_need
    file_w = max(_MIN_FILE, min(file_need, room * 2 // 5))
    return max(_MIN_NAME, room - file_w), file_w


def _wrap(text: str, width: int, indent: str = "", *, split_words: bool = True) -> list[str]:
    """Lines of at most ``width``; with ``split_words=False`` a longer word (a path) keeps its
    own line whole, so it can still be copied."""
    return textwrap.wrap(
        text, width, subsequent_indent=indent, break_on_hyphens=False,
        break_long_words=split_words,
    ) or [""]


def _row_lines(cells: list[tuple[str, str]], widths: tuple[int, ...], name_style: str = "") -> list[Line]:
    """One table row; the name (first cell) wraps under itself, the rest sit on its first line."""
    name_lines = _wrap(cells[0][0], widths[0], "  ")
    first: Line = [(_pad(name_lines[0], widths[0]), name_style)]
    for index, ((text, style), width) in enumerate(zip(cells[1:], widths[1:], strict=True)):
        first.append((_GAP, ""))
        first.append((_pad(text, width, right=index >= 3), style))
    return [first, *([(line, name_style)] for line in name_lines[1:])]


def table_lines(report: StatusReport, width: int, *, rules: bool = False) -> list[Line]:
    """The whole text output: a title, the plan's units under their group titles (one
    header for all), the files set aside with their problem, then the summary."""
    plan, summary = report.plan, report.summary
    width = max(width, 40)
    name_w, file_w = _widths(report, width)
    widths = (name_w, _FIXED[0], file_w, *_FIXED[1:])
    overdue = (report.days_left or 0) < 0
    title = f"Kế hoạch {plan.code}" if plan.code else "Kế hoạch"
    lines: list[Line] = [[(f"{title}: tình hình nộp báo cáo đến ngày {vn_date(report.today)}", "bold")], []]
    lines += _row_lines([(h, "bold") for h in _HEADER], widths, "bold")
    if rules:
        lines.append([("─" * min(sum(widths) + len(_GAP) * 5, width), "dim")])
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
            lines += _row_lines(cells, widths)

    if report.extra_files:
        lines += [[], [("Các tệp không khớp với danh sách đơn vị của kế hoạch:", "bold")]]
        for extra in report.extra_files:
            what = extra.state.label
            if extra.state is State.DUPLICATE and extra.unit:
                what += f" '{extra.unit}'"
            text = f"- {extra.file_name} ({what}): {extra.problem}"
            wrapped = _wrap(text, width, "    ", split_words=False)
            lines.append([(wrapped[0], _STYLES[extra.state])])
            lines += [[(line, "")] for line in wrapped[1:]]

    lines.append([])
    lines += [[(text, "bold")] for text in _wrap(summary_sentence(summary), width)]
    if (extra_text := extra_sentence(summary)) is not None:
        lines += [[(text, "")] for text in _wrap(extra_text, width)]
    late_style = "bold red" if overdue and summary.missing else ""
    lines += [[(text, late_style)] for text in _wrap(deadline_sentence(report), width)]
    return lines


def plain(lines: list[Line]) -> str:
    return "".join("".join(text for text, _ in line).rstrip() + "\n" for line in lines)


def print_styled(lines: list[Line], *, color: bool) -> None:
    """Colour on a terminal through rich (imported here: validate must not pay for it)."""
    if not color:
        _write_stdout(plain(lines))
        return
    from rich.console import Console
    from rich.text import Text

    text = Text()
    for line in lines:
        for segment, style in line:
            text.append(segment, style or None)
        text.append("\n")
    console = Console(file=sys.stdout, highlight=False, markup=False, emoji=False)
    console.print(text, end="", soft_wrap=True)
