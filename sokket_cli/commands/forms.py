"""``sokket forms``: one ready form per unit of the plan, and the schema editors read."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sokket_cli.check.plan import Plan, read_plan
from sokket_cli.commands.common import ExitStatus, PlanOption, guarded
from sokket_cli.display import display_path
from sokket_cli.errors import UsageError
from sokket_cli.intake.discovery import PLAN_NAME, find_plan

DEFAULT_FOLDER = "bieu-mau"
DEFAULT_PAGE = "bieu-mau.html"


@guarded
def forms(
    review: Annotated[
        Path,
        typer.Argument(help="Thư mục đợt sơ kết (có plan.yaml), hoặc tệp plan.yaml.", metavar="THƯ_MỤC", show_default=False),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o",
            metavar="THƯ_MỤC_HOẶC_TỆP",
            help=f"Thư mục ghi biểu mẫu (tạo nếu chưa có). Mặc định: {DEFAULT_FOLDER}/ trong thư "
            f"mục đợt sơ kết. Với --html: tệp trang biểu mẫu, mặc định {DEFAULT_PAGE}.",
            show_default=False,
        ),
    ] = None,
    unit: Annotated[
        str | None,
        typer.Option("--don-vi", metavar="MÃ", help="Chỉ ghi biểu mẫu của một đơn vị (mã như trong kế hoạch).", show_default=False),
    ] = None,
    html: Annotated[
        bool,
        typer.Option(
            "--html",
            help="Ghi một trang biểu mẫu (.html) dùng chung cho mọi đơn vị: mở bằng trình duyệt, "
            "không cần mạng, điền rồi bấm 'Lưu tệp' để có tệp .yaml của đơn vị.",
        ),
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Ghi đè các biểu mẫu đã có trong thư mục.")
    ] = False,
    plan: PlanOption = None,
) -> None:
    """Ghi cho mỗi đơn vị một biểu mẫu báo cáo (.yaml) điền sẵn, để đơn vị điền vào chỗ trống."""
    from sokket_cli.write.forms import chosen_units, write_forms

    if not review.exists():
        raise UsageError(
            f"Không có thư mục hay tệp '{display_path(review)}'. THƯ_MỤC là thư mục đợt sơ kết "
            f"(có {PLAN_NAME}); nơi ghi biểu mẫu thì chỉ bằng -o."
        )
    plan_path = plan or find_plan(review)
    the_plan = read_plan(plan_path)
    if html:
        _write_page(the_plan, output or plan_path.parent / DEFAULT_PAGE, unit, force=force)
        raise typer.Exit(ExitStatus.OK)
    unit_ids = chosen_units(the_plan, unit)
    folder = output if output is not None else plan_path.parent / DEFAULT_FOLDER
    written = write_forms(the_plan, folder, unit_ids, force=force)
    where = display_path(folder)
    typer.echo(
        f"Đã ghi {len(written)} biểu mẫu vào {where}/ (mỗi đơn vị một tệp <mã đơn vị>.yaml, kèm "
        f"unit.schema.json để VS Code gợi ý khi gõ). Gửi mỗi đơn vị tệp của mình kèm tệp kế "
        f"hoạch {display_path(plan_path)} (lưu cùng thư mục với tệp báo cáo); đơn vị điền xong "
        "kiểm tra bằng: sokket validate <tệp>.yaml"
    )
    raise typer.Exit(ExitStatus.OK)


def _write_page(the_plan: Plan, page: Path, unit: str | None, *, force: bool) -> None:
    from sokket_cli.render.htmlform import html_form
    from sokket_cli.write.forms import refuse_existing, write_text

    if unit is not None:
        raise UsageError(
            "--don-vi không dùng cùng --html: trang biểu mẫu có danh sách để mỗi đơn vị tự chọn."
        )
    if page.suffix.lower() not in (".html", ".htm"):
        raise UsageError(f"Tệp trang biểu mẫu phải có đuôi .html, không phải '{page.name}'.")
    refuse_existing(page.parent, [page.name], [the_plan.path], force=force)
    write_text(page, html_form(the_plan))
    typer.echo(
        f"Đã ghi trang biểu mẫu {display_path(page)}. Gửi tệp này cho các đơn vị: mở bằng trình "
        "duyệt (Chrome, Edge, Firefox; không cần mạng), điền, bấm 'Lưu tệp' rồi gửi lại tệp .yaml."
    )
