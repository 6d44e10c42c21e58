"""``sokket import``: a unit's Word report (.docx) becomes a unit file, nothing lost."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from sokket_cli.check.plan import read_plan
from sokket_cli.check.schema import nearest
from sokket_cli.commands.common import ExitStatus, PlanOption, err, guarded
from sokket_cli.errors import SokketError, UsageError
from sokket_cli.intake.discovery import find_plan

if TYPE_CHECKING:
    from sokket_cli.intake.word.convert import Summary

_LISTED_ROWS = 10  # a whole-city table must not drown the summary; all rows are in the file


def summary_text(source: Path, target: Path, unit: str, summary: Summary) -> str:
    """Where the paragraphs went, one line per file (on stderr)."""
    parts = [
        f"{summary.in_sections} đoạn vào các mục (và {summary.headings} tiêu đề mục)",
        f"{summary.unplaced} đoạn chưa xếp được (trong 'unplaced:')",
        f"{summary.header} đoạn phần đầu văn bản",
        f"{summary.closing} đoạn nơi nhận và chữ ký",
    ]
    if summary.decoration:
        parts.append(f"{summary.decoration} dòng kẻ, ký hiệu trang trí")
    rows = summary.rows_in_sections + summary.rows_unplaced + summary.figure_rows
    text = f"{source} -> {target} (đơn vị {unit}): {summary.paragraphs} đoạn văn: " + ", ".join(parts)
    if rows:
        text += (
            f"; {rows} dòng bảng: {summary.figure_rows} dòng số liệu ({summary.figures} chỉ tiêu), "
            f"{summary.rows_in_sections} vào các mục, {summary.rows_unplaced} chưa xếp được"
        )
    return text + "."


@guarded
def import_word(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Tệp Word (.docx) hoặc thư mục chứa các tệp .docx; có thể chỉ nhiều.", metavar="TỆP_WORD...", show_default=False),
    ],
    unit: Annotated[
        str | None,
        typer.Option("--don-vi", metavar="MÃ", help="Mã đơn vị theo kế hoạch. Mặc định: nhận ra từ tên tệp hoặc phần đầu văn bản.", show_default=False),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", metavar="TỆP_HOẶC_THƯ_MỤC", help="Tệp .yaml kết quả (một tệp Word) hoặc thư mục. Mặc định: thư mục units/ bên cạnh plan.yaml, tên tệp là mã đơn vị.", show_default=False),
    ] = None,
    plan: PlanOption = None,
    force: Annotated[bool, typer.Option("--force", help="Ghi đè tệp kết quả đã có.")] = False,
) -> None:
    """Chuyển báo cáo Word (.docx) của đơn vị thành tệp báo cáo .yaml, không bỏ sót đoạn nào."""
    from sokket_cli.intake.word.batch import output_target, word_files, write_unit_file
    from sokket_cli.intake.word.convert import import_report

    files = word_files(paths)
    if unit is not None and len(files) > 1:
        raise UsageError(
            f"--don-vi chỉ dùng được khi nhập một tệp Word; ở đây có {len(files)} tệp. Bỏ --don-vi "
            "để sokket nhận ra đơn vị từ tên tệp hoặc phần đầu văn bản."
        )
    plan_path = plan or find_plan(paths[0])
    loaded = read_plan(plan_path)
    if unit is not None and unit not in loaded.unit_ids:
        guess = nearest(unit, loaded.unit_ids)
        hint = f" Có phải là '{guess}'?" if guess else ""
        raise UsageError(f"Mã đơn vị '{unit}' không có trong kế hoạch.{hint}")
    target, is_folder = output_target(output, plan_path.parent / "units", len(files))
    inputs = {f.resolve() for f in files} | {plan_path.resolve()}
    written: dict[Path, Path] = {}
    failed = 0
    today = date.today()
    for source in files:
        try:
            imported = import_report(source, loaded, unit, today)
            destination = target / f"{imported.unit_id}.yaml" if is_folder else target
            earlier = written.get(destination.resolve())
            if earlier is not None:
                raise UsageError(
                    f"Đây cũng là báo cáo của đơn vị '{imported.unit_id}', đã nhập từ tệp "
                    f"'{earlier}'; không ghi đè. Hãy kiểm tra lại hai tệp.",
                    path=source,
                )
            write_unit_file(destination, imported.text, force=force, inputs=inputs)
        except SokketError as exc:
            failed += 1
            err(f"Lỗi: {exc}")
            continue
        written[destination.resolve()] = source
        for warning in imported.warnings:
            err(f"{source}: cảnh báo: {warning}")
        for row in imported.unmatched_figures[:_LISTED_ROWS]:
            err(f"{source}: số liệu chưa khớp chỉ tiêu, đã ghi vào 'unplaced:': {row}")
        if len(imported.unmatched_figures) > _LISTED_ROWS:
            more = len(imported.unmatched_figures) - _LISTED_ROWS
            err(f"{source}: còn {more} dòng số liệu chưa khớp khác, xem trong 'unplaced:'.")
        err(summary_text(source, destination, imported.unit_id, imported.summary))
    if len(files) > 1 or failed:
        done = len(files) - failed
        advice = " Hãy chạy 'sokket validate' để xem lại các tệp vừa tạo." if done else ""
        err(f"Đã nhập {done}/{len(files)} tệp Word.{advice}")
    raise typer.Exit(ExitStatus.BAD_INPUT if failed else ExitStatus.OK)
