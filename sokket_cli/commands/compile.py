"""``sokket compile``: the merged draft report.

Only argument parsing and printing live here; jinja2, python-docx and rich are imported
inside the command so that ``validate`` and ``status`` do not pay for them at start-up.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from sokket_cli.check.plan import Plan, read_plan
from sokket_cli.check.readiness import Refusal, refuse_incomplete, refuse_invalid
from sokket_cli.check.schema import parse_date
from sokket_cli.check.shared_proposals import CODE as SHARED_CODE
from sokket_cli.check.shared_proposals import shared_lines
from sokket_cli.check.unitids import unusable_id
from sokket_cli.commands.common import ExitStatus, PlanOption, err, guarded
from sokket_cli.display import display_path
from sokket_cli.errors import UsageError
from sokket_cli.intake.discovery import find_plan, gather
from sokket_cli.render.output import problem_line, wants_color
from sokket_cli.write.targets import check_targets, with_suffix

if TYPE_CHECKING:
    from sokket_cli.check.unit import UnitFile
    from sokket_cli.merge.commendations import CompiledCommendations
    from sokket_cli.merge.outline import MergedReport
    from sokket_cli.problems import Problem
    from sokket_cli.write.rollup_file import RollupFile

DEFAULT_OUTPUT = "bao-cao-tong-hop.docx"


class Layout(str, Enum):
    theo_y = "theo-y"
    theo_don_vi = "theo-don-vi"


class OutputFormat(str, Enum):
    docx = "docx"
    json = "json"
PROGRESS_THRESHOLD = 50  # files; below this a run is too quick for a progress bar to help


def parse_signing_date(value: str) -> date:
    """``2021-07-02`` or ``2/7/2021`` (day first, as Vietnamese write it)."""
    day = parse_date(value)
    if day is None:
        raise UsageError(f"Ngày '{value}' không hợp lệ cho --date; hãy ghi dạng 2021-07-02 hoặc 2/7/2021.")
    return day


def _stop_if(refusal: Refusal | None) -> None:
    """Print why the compile stops (the files' problems first) and exit; None: go on."""
    if refusal is not None:
        found = ((f.path, p) for f in refusal.files for p in f.report.problems)
        _stop(found, refusal.reasons)


def _stop(problems: Iterable[tuple[Path, Problem]], reasons: Iterable[str]) -> NoReturn:
    """Print the problems (each at its file), then the reasons, and exit: nothing written."""
    color = wants_color(sys.stderr)
    for path, problem in problems:
        err(problem_line(path, problem, color))
    for reason in reasons:
        err(reason)
    raise typer.Exit(ExitStatus.PROBLEMS)


@contextmanager
def _progress(total: int) -> Iterator[Callable[[int], None] | None]:
    """A progress bar on stderr for long runs on a terminal; nothing otherwise."""
    if total < PROGRESS_THRESHOLD or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn("Đọc báo cáo"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=Console(stderr=True), transient=True,
    ) as bar:
        task = bar.add_task("read", total=total)
        yield lambda step: bar.advance(task, step)


@contextmanager
def _spinner(total: int, message: str) -> Iterator[None]:
    """A spinner on stderr while a long report is rendered; nothing for short runs."""
    if total < PROGRESS_THRESHOLD or not sys.stderr.isatty():
        yield
        return
    from rich.console import Console

    with Console(stderr=True).status(message):
        yield


def _read_merge_write(
    plan: Plan,
    files: list[Path],
    targets: list[Path],
    template: Path | None,
    when: date | None,
    *,
    skip_invalid: bool,
    require_all: bool,
    layout: str,
    output_format: OutputFormat,
    as_unit: str | None,
    parent: Plan | None,
) -> tuple[MergedReport, list[UnitFile], list[UnitFile], CompiledCommendations | None]:
    """Read, refuse or merge, and write what was asked to ``targets``: the .docx (and the
    .xlsx), the merged report as JSON, or the unit file for the level above.

    Returns the merged report, the files left out, the files compiled and the compiled
    proposals for commendation (None when the plan asks for none).
    """
    from sokket_cli.check.collect import collect
    from sokket_cli.merge.commendations import compile_commendations
    from sokket_cli.merge.outline import merge
    from sokket_cli.render.report import write_report

    with _progress(len(files)) as advance:
        collection = collect(plan, files, advance)
    invalid = collection.invalid
    _stop_if(refuse_invalid(invalid, len(files), skip_invalid=skip_invalid))
    valid = [f for f in collection.by_unit.values() if f.valid]
    by_point = layout == Layout.theo_y.value or as_unit is not None or output_format is OutputFormat.json
    merged = merge(plan, valid, collection.skipped_units, group=by_point)
    _stop_if(refuse_incomplete(merged.missing, merged.skipped, require_all=require_all))
    commendations = compile_commendations(plan, {f.unit_id: f.commendations for f in valid if f.unit_id})

    if as_unit is not None:
        from sokket_cli.write.rollup_file import rollup_file

        rolled = rollup_file(
            merged, valid, collection.shared_proposals, targets[0], as_unit, when or date.today(), parent
        )
        _write_unit_file(rolled, targets[0])
    elif output_format is OutputFormat.json:
        from sokket_cli.render.report_json import report_json
        from sokket_cli.write.forms import write_text

        write_text(targets[0], report_json(merged, when, commendations))
    else:
        with _spinner(len(files), "Đang soạn dự thảo..."):
            workbook = targets[1] if len(targets) > 1 else None
            write_report(
                merged, targets[0], template, when, workbook=workbook, layout=layout,
                commendations=commendations,
            )
    return merged, invalid, valid, commendations


def _write_unit_file(rolled: RollupFile, target: Path) -> None:
    """Write the roll-up file, or say why the parent plan refuses it and exit."""
    from sokket_cli.write.forms import write_text

    if rolled.refusals:
        _stop(((target, problem) for problem in rolled.problems), rolled.refusals)
    write_text(target, rolled.text)
    for warning in rolled.warnings:
        err(f"Cảnh báo: {warning}")


@guarded
def compile_report(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Thư mục chứa các tệp báo cáo của đơn vị (hoặc các tệp .yaml).", metavar="THƯ_MỤC_HOẶC_TỆP...", show_default=False),
    ],
    plan: PlanOption = None,
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help=f"Tệp .docx kết quả. Mặc định: {DEFAULT_OUTPUT} ở thư mục hiện tại.", metavar="TỆP", dir_okay=False),
    ] = None,
    skip_invalid: Annotated[
        bool, typer.Option("--skip-invalid", help="Bỏ qua các tệp có lỗi (nêu tên đơn vị trong dự thảo) thay vì dừng lại.")
    ] = False,
    require_all: Annotated[
        bool, typer.Option("--require-all", help="Chỉ tổng hợp khi mọi đơn vị trong kế hoạch đã có báo cáo hợp lệ.")
    ] = False,
    template: Annotated[
        Path | None,
        typer.Option("--template", help="Mẫu báo cáo (.xml.j2) tự sửa; mặc định theo report.format của kế hoạch.", metavar="TỆP", dir_okay=False),
    ] = None,
    xlsx: Annotated[
        Path | None,
        typer.Option("--xlsx", help="Ghi thêm bảng tổng hợp số liệu ra tệp Excel (.xlsx) này.", metavar="TỆP", dir_okay=False),
    ] = None,
    signing_date: Annotated[
        str | None,
        typer.Option("--date", help="Ngày ghi trên báo cáo (2021-07-02 hoặc 2/7/2021). Mặc định để trống ngày, tháng để ký.", metavar="NGÀY", show_default=False),
    ] = None,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="In từng cảnh báo của các tệp được tổng hợp.")
    ] = False,
    layout: Annotated[
        Layout | None,
        typer.Option(
            "--layout",
            help="Cách trình bày: theo-y (gộp các ý giống nhau của nhiều đơn vị, ý nhiều đơn vị "
            "nêu đứng trước) hoặc theo-don-vi (từng đơn vị một). Mặc định theo report.layout.",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        OutputFormat,
        typer.Option("--format", help="docx: dự thảo Word; json: dữ liệu tổng hợp cho chương trình khác."),
    ] = OutputFormat.docx,
    as_unit: Annotated[
        str | None,
        typer.Option(
            "--as-unit",
            metavar="MÃ",
            help="Ghi kết quả tổng hợp thành tệp báo cáo .yaml của đơn vị MÃ để gửi cấp trên.",
            show_default=False,
        ),
    ] = None,
    parent_plan: Annotated[
        Path | None,
        typer.Option(
            "--plan-cha",
            metavar="TỆP",
            help="Kế hoạch của cấp trên: kiểm tra tệp --as-unit theo kế hoạch này.",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
) -> None:
    """Tổng hợp các báo cáo hợp lệ thành dự thảo báo cáo .docx theo thể thức văn bản."""
    when = parse_signing_date(signing_date) if signing_date is not None else None
    plan_path = plan or find_plan(paths[0])
    the_plan = read_plan(plan_path)
    listing = gather(paths, plan_path)
    for other in listing.skipped:
        err(f"Không đọc {display_path(other.path)}: {other.reason}.")
    files = listing.units
    if not files:
        raise UsageError(
            f"'{display_path(paths[0])}' không có tệp báo cáo .yaml nào để tổng hợp. Hãy chép "
            "các tệp báo cáo của đơn vị vào thư mục này (báo cáo bằng Word thì chuyển bằng "
            "sokket import), rồi chạy lại; xem ai đã nộp bằng: sokket status "
            f"{display_path(paths[0])}"
        )
    if as_unit is not None and (unusable := unusable_id(as_unit)) is not None:
        raise UsageError(f"--as-unit: {unusable}")
    parent = read_plan(parent_plan) if parent_plan is not None else None
    if parent_plan is not None and as_unit is None:
        raise UsageError("--plan-cha chỉ dùng cùng --as-unit MÃ.")
    if parent is not None and as_unit is not None and as_unit not in parent.unit_ids:
        raise UsageError(f"Kế hoạch cấp trên không có đơn vị mã '{as_unit}'.")
    suffix = ".yaml" if as_unit is not None else f".{output_format.value}"
    default = f"{as_unit}.yaml" if as_unit is not None else Path(DEFAULT_OUTPUT).with_suffix(suffix).name
    requested = with_suffix(output, suffix, "-o") if output is not None else Path.cwd() / default
    if xlsx is not None and suffix != ".docx":
        raise UsageError("--xlsx chỉ dùng khi ghi dự thảo Word (.docx).")
    workbook = with_suffix(xlsx, ".xlsx", "--xlsx") if xlsx is not None else None
    sheets: list[str] = []  # what the workbook holds, said once written
    if workbook is not None:
        from sokket_cli.write.xlsx_writer import workbook_contents

        sheets = workbook_contents(the_plan)
    inputs = [*files, plan_path, *([template] if template is not None else [])]
    if parent is not None:
        inputs.append(parent.path)
    targets = check_targets([requested] + ([workbook] if workbook is not None else []), inputs)

    # Everything read, merged and rendered lives until exit, and reading makes no cycles:
    # without the collector, nothing re-scans millions of objects at every collection.
    gc.disable()
    try:
        merged, invalid, valid, commendations = _read_merge_write(
            the_plan, files, targets, template, when, skip_invalid=skip_invalid,
            require_all=require_all, layout=(layout.value if layout else the_plan.report.layout),
            output_format=output_format, as_unit=as_unit, parent=parent,
        )
    finally:
        # Rendering leaves the report's objects in cycles (Jinja's context and macros);
        # frozen, the interpreter's last collection at exit does not walk them (~0.15 s).
        gc.freeze()
        gc.enable()

    for unit_file in invalid:
        err(f"Bỏ qua {display_path(unit_file.path)}: {unit_file.report.errors} lỗi (xem bằng sokket validate).")
    what = "tệp báo cáo gửi cấp trên" if as_unit else "dữ liệu tổng hợp" if suffix == ".json" else "dự thảo"
    typer.echo(
        f"Đã ghi {what} vào {display_path(requested)}: tổng hợp {len(merged.compiled)}/"
        f"{len(the_plan.units)} đơn vị, {len(merged.missing)} chưa gửi, "
        f"{len(merged.skipped)} bị bỏ qua do báo cáo có lỗi."
    )
    if workbook is not None:
        typer.echo(f"Đã ghi {' và '.join(sheets)} vào {display_path(workbook)}.")
    if commendations is not None and commendations.shared:
        err("Đề nghị khen thưởng trùng giữa các đơn vị (hãy thống nhất trước khi trình):")
        for line in shared_lines(the_plan, commendations.shared):
            err(line)
    shown = commendations is not None and bool(commendations.shared)
    _print_warnings(valid, verbose=verbose, but={SHARED_CODE} if shown else set())
    raise typer.Exit(ExitStatus.OK)


def _print_warnings(compiled: list[UnitFile], *, verbose: bool, but: set[str]) -> None:
    """The warnings of the files compiled: their lines with --verbose, else a count; those
    with a code in ``but`` were already printed together, and are not repeated or counted."""
    warnings = {
        unit_file.path: [p for p in unit_file.report.problems if not p.is_error and p.code not in but]
        for unit_file in compiled
    }
    warned = {path: found for path, found in warnings.items() if found}
    if not warned:
        return
    if verbose:
        color = wants_color(sys.stderr)
        for path, found in warned.items():
            for problem in found:
                err(problem_line(path, problem, color))
    count = sum(map(len, warned.values()))
    more = "." if verbose else "; thêm --verbose để xem."
    other = " khác" if but else ""
    err(f"Có {count} cảnh báo{other} trong {len(warned)} tệp đã tổng hợp{more}")
