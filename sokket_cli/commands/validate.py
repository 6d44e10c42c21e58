"""``sokket validate``: a unit checks its file before sending it."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from sokket_cli.check.collect import read_or_mark
from sokket_cli.check.plan import read_plan
from sokket_cli.check.shared_proposals import Proposer, flag_shared_proposals
from sokket_cli.commands.common import ExitStatus, PlanOption, TextOrJson, guarded
from sokket_cli.display import display_name, display_path
from sokket_cli.errors import UsageError
from sokket_cli.intake.discovery import find_plan, gather
from sokket_cli.problems import FileReport
from sokket_cli.render.output import problem_line, problems_json, summary_line, wants_color


@guarded
def validate(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Tệp báo cáo (.yaml) hoặc thư mục chứa các tệp báo cáo; có thể chỉ nhiều.",
            metavar="TỆP_HOẶC_THƯ_MỤC...",
            show_default=False,
        ),
    ],
    plan: PlanOption = None,
    output_format: Annotated[
        TextOrJson, typer.Option("--format", help="text: từng lỗi một dòng; json: cho chương trình khác đọc.")
    ] = TextOrJson.text,
    strict: Annotated[
        bool, typer.Option("--strict", help="Coi cả cảnh báo là lỗi (mã thoát 1).")
    ] = False,
) -> None:
    """Kiểm tra tệp báo cáo của đơn vị trước khi gửi: liệt kê mọi lỗi kèm dòng:cột và cách sửa."""
    by_plan: dict[Path, tuple[Path, list[Path]]] = {}  # each plan once, with its targets
    for target in paths:
        plan_path = plan or find_plan(target)
        by_plan.setdefault(plan_path.resolve(), (plan_path, []))[1].append(target)
    reports: list[FileReport] = []
    for plan_path, targets in by_plan.values():
        the_plan = read_plan(plan_path)
        listing = gather(targets, plan_path)
        if not listing.units:
            found = "".join(f" {display_name(o.path)}: {o.reason}." for o in listing.skipped[:3])
            raise UsageError(
                f"Thư mục '{display_path(targets[0])}' không có tệp báo cáo .yaml nào.{found}"
            )
        proposers: list[Proposer] = []  # kept apart from the files, whose text is let go
        for path in listing.units:
            file = read_or_mark(path, the_plan)
            reports.append(file.report)
            if file.commendations is not None:
                proposers.append((file.unit_id, file.commendations, file.report))
        if proposers:
            flag_shared_proposals(the_plan, proposers)

    if output_format is TextOrJson.json:
        typer.echo(problems_json(reports))
    else:
        color = wants_color(sys.stdout)
        lines = [problem_line(r.path, p, color) for r in reports for p in r.problems]
        lines.append(summary_line(reports, strict))
        typer.echo("\n".join(lines))
    failed = any(r.errors or (strict and r.warnings) for r in reports)
    raise typer.Exit(ExitStatus.PROBLEMS if failed else ExitStatus.OK)
