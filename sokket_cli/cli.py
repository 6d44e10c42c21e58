"""The ``sokket`` command: argument parsing only; the work happens in the core modules."""

from __future__ import annotations

from typing import Annotated

import typer

from sokket_cli import __version__
from sokket_cli.commands.common import Settings, ensure_utf8_output
from sokket_cli.commands.compile import compile_report
from sokket_cli.commands.status import status
from sokket_cli.commands.validate import validate

app = typer.Typer(
    name="sokket",
    help="Tổng hợp báo cáo sơ kết của các đơn vị thành một dự thảo báo cáo (.docx).",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"sokket {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    debug: Annotated[
        bool, typer.Option("--debug", help="Hiện chi tiết lỗi kỹ thuật (traceback) khi có sự cố.")
    ] = False,
    version: Annotated[  # noqa: ARG001 - handled eagerly by its callback
        bool,
        typer.Option("--version", callback=_show_version, is_eager=True, help="Hiện phiên bản rồi thoát."),
    ] = False,
) -> None:
    """Tổng hợp báo cáo sơ kết của các đơn vị thành một dự thảo báo cáo (.docx)."""
    Settings.debug = debug


app.command("validate")(validate)
app.command("status")(status)
app.command("compile")(compile_report)


def main() -> None:
    ensure_utf8_output()
    app()
