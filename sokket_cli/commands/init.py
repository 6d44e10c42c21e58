"""``sokket init``: a new review folder with a commented plan and an empty units/ folder."""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from sokket_cli.commands.common import ExitStatus, err, guarded
from sokket_cli.display import display_path
from sokket_cli.starters import DEFAULT_STARTER, STARTERS

Starter = Enum("Starter", {name: name for name in STARTERS}, type=str)  # type: ignore[misc]
_STARTER_HELP = "Cấu trúc kế hoạch mẫu. " + "; ".join(
    f"{name}: {starter.description}" for name, starter in STARTERS.items()
) + "."


@guarded
def init(
    folder: Annotated[
        Path,
        typer.Argument(help="Thư mục của đợt sơ kết (tạo mới nếu chưa có).", metavar="THƯ_MỤC", show_default=False),
    ],
    starter: Annotated[
        Starter, typer.Option("--mau", help=_STARTER_HELP),
    ] = Starter(DEFAULT_STARTER),  # noqa: B008 - typer reads the default value
    unit_list: Annotated[
        Path | None,
        typer.Option(
            "--don-vi",
            metavar="DANH-SACH.xlsx",
            help="Danh sách đơn vị của cơ quan (.xlsx hoặc .csv): một cột tên đơn vị (tiêu đề "
            "'Tên đơn vị'), có thể thêm cột 'Nhóm'. Thay cho danh sách đơn vị của mẫu.",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option("--force", help="Ghi đè plan.yaml đã có (bản cũ được giữ thành plan.yaml.bak)."),
    ] = False,
) -> None:
    """Tạo thư mục đợt sơ kết mới: kế hoạch plan.yaml có chú thích và thư mục units/ trống."""
    from sokket_cli.write.review import UNITS_FOLDER, build_review, write_review

    listed = None
    if unit_list is not None:
        from sokket_cli.intake.unitlist import read_unit_list

        listed = read_unit_list(unit_list)
    review = build_review(starter.value, date.today(), listed)
    backup = write_review(folder, review, force=force, now=datetime.now())
    for unit, derived in review.renamed:
        err(
            f"Dòng {unit.row}: '{unit.name}' nhận mã '{derived.id}' vì mã '{derived.wanted}' "
            "đã dùng cho đơn vị khác."
        )
    if backup is not None:
        typer.echo(f"Kế hoạch cũ được giữ lại ở {display_path(backup)}.")
    where = display_path(folder)
    units = f"{where}/{UNITS_FOLDER}"
    shown, shown_units = _typed(where), _typed(units)
    source = "theo danh sách" if listed is not None else f"theo mẫu '{starter.value}'"
    typer.echo(
        f"Đã tạo {where}/plan.yaml ({len(review.plan.units)} đơn vị {source}) và thư mục {units}/."
    )
    if listed is None and STARTERS[starter.value].example_units:
        typer.echo(
            "Danh sách đơn vị trong kế hoạch chỉ là ví dụ: hãy sửa plan.yaml, hoặc tạo lại với "
            "--don-vi danh-sach.xlsx --force."
        )
    typer.echo(
        "Mở plan.yaml, sửa số kế hoạch, hạn nộp, các mục báo cáo cho đúng; rồi chạy:\n"
        f"  sokket forms {shown} -o {_typed(where + '/bieu-mau')}   # biểu mẫu gửi từng đơn vị\n"
        f"  sokket status {shown_units}   # ai đã nộp, ai còn thiếu\n"
        f"  sokket compile {shown_units} -o bao-cao-tong-hop.docx   # dự thảo báo cáo tổng hợp"
    )
    raise typer.Exit(ExitStatus.OK)


def _typed(path: str) -> str:
    """A path as it must be typed in a command: in double quotes (which both Windows and
    POSIX shells read) when it holds a space, as folders such as "Sơ kết 2026" do."""
    return f'"{path}"' if any(c.isspace() for c in path) else path
