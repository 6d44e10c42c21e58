"""``sokket schema``: the JSON Schema of the plan's unit files, for editors."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sokket_cli.check.plan import read_plan
from sokket_cli.check.unitformat import SCHEMA_NAME
from sokket_cli.commands.common import ExitStatus, PlanOption, guarded
from sokket_cli.display import display_path
from sokket_cli.intake.discovery import find_plan


@guarded
def schema(
    review: Annotated[
        Path,
        typer.Argument(help="Thư mục đợt sơ kết (có plan.yaml), hoặc tệp plan.yaml.", metavar="THƯ_MỤC", show_default=False),
    ] = Path(),
    output: Annotated[
        Path,
        typer.Option("--output", "-o", metavar="TỆP", help="Tệp JSON Schema kết quả.", dir_okay=False),
    ] = Path(SCHEMA_NAME),
    force: Annotated[bool, typer.Option("--force", help="Ghi đè tệp đã có.")] = False,
    plan: PlanOption = None,
) -> None:
    """Ghi JSON Schema của tệp báo cáo đơn vị, để VS Code gợi ý và gạch chân lỗi khi gõ."""
    from sokket_cli.render.jsonschema import schema_json
    from sokket_cli.write.forms import refuse_existing, write_text
    from sokket_cli.write.targets import check_targets

    plan_path = plan or find_plan(review)
    the_plan = read_plan(plan_path)
    refuse_existing(output.parent, [output.name], [plan_path], force=force)
    (written,) = check_targets([output], [plan_path])  # no device, symlink followed, name fits
    write_text(written, schema_json(the_plan))
    typer.echo(
        f"Đã ghi {display_path(output)}. Trong tệp báo cáo, dòng đầu "
        f"'# yaml-language-server: $schema={output.name}' giúp VS Code (tiện ích YAML) gợi ý."
    )
    raise typer.Exit(ExitStatus.OK)
