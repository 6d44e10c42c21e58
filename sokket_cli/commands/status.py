"""``sokket status``: who has sent, who is missing, invalid or late."""

from __future__ import annotations

import shutil
import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from sokket_cli.check.plan import read_plan
from sokket_cli.check.schema import parse_date
from sokket_cli.commands.common import ExitStatus, PlanOption, err, guarded
from sokket_cli.errors import UsageError
from sokket_cli.intake.discovery import find_plan, gather
from sokket_cli.render.output import wants_color
from sokket_cli.write.atomic import write_atomic
from sokket_cli.write.targets import check_targets

if TYPE_CHECKING:
    from sokket_cli.render.status_table import Line


class StatusFormat(str, Enum):
    text = "text"
    json = "json"
    csv = "csv"


def parse_day(value: str) -> date:
    """``2021-07-05`` or the Vietnamese ``05/07/2021``; anything else is a usage error."""
    day = parse_date(value)
    if day is None:
        raise UsageError(
            f"--today '{value}' không phải là một ngày hợp lệ. Hãy ghi dạng 2021-07-05 hoặc "
            "05/07/2021."
        )
    return day


@guarded
def status(
    units_dir: Annotated[
        Path,
        typer.Argument(
            help="Thư mục chứa các tệp báo cáo của đơn vị (hoặc thư mục đợt sơ kết có units/).",
            metavar="THƯ_MỤC",
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
    separator: Annotated[
        str,
        typer.Option(
            "--sep",
            metavar="KÝ_TỰ",
            help="Dấu ngăn cột của --format csv: ';' (mặc định, như Excel tiếng Việt) hoặc ','.",
        ),
    ] = ";",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Ghi kết quả ra tệp này thay vì in ra màn hình (ví dụ: tinh-hinh.csv).",
            metavar="TỆP",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
) -> None:
    """Xem đơn vị nào đã nộp, chưa nộp, nộp muộn hoặc có lỗi."""
    from sokket_cli.check.collect import collect
    from sokket_cli.check.status import build_status, missing_lines
    from sokket_cli.render.status_data import status_csv, status_json
    from sokket_cli.render.status_table import plain, table_lines

    day = parse_day(today) if today is not None else date.today()
    if separator not in (";", ","):
        raise UsageError(f"--sep '{separator}' không dùng được; hãy ghi --sep ';' hoặc --sep ','.")
    plan_path = plan or find_plan(units_dir)
    the_plan = read_plan(plan_path)
    listing = gather([units_dir], plan_path)
    target = check_targets([output], [*listing.units, plan_path])[0] if output is not None else None
    report = build_status(the_plan, collect(the_plan, listing.units), day, skipped=listing.skipped)
    chase = report.to_chase() if missing else None

    if output_format is StatusFormat.json:
        text = status_json(report, chase) + "\n"
    elif output_format is StatusFormat.csv:
        text = status_csv(report, chase, separator)
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
        else:  # piped or to a file: plain aligned columns, no colour, no lines, not cut
            text = plain(table_lines(report))
    if target is not None:
        data = text.encode("utf-8")
        write_atomic(target, lambda stream: stream.write(data))
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


def print_styled(lines: list[Line], *, color: bool) -> None:
    """Colour on a terminal through rich (imported here: validate must not pay for it)."""
    if not color:
        from sokket_cli.render.status_table import plain

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
