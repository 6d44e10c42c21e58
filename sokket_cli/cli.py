"""The ``sokket`` command: argument parsing only; the work happens in the core modules."""

from __future__ import annotations

import re
import sys
from typing import Annotated

import click
import typer
from typer.core import TyperCommand, TyperGroup

from sokket_cli import __version__
from sokket_cli.commands.common import ExitStatus, Settings, ensure_utf8_output
from sokket_cli.commands.compile import compile_report
from sokket_cli.commands.fix import fix
from sokket_cli.commands.forms import forms
from sokket_cli.commands.import_ import import_word
from sokket_cli.commands.init import init
from sokket_cli.commands.schema import schema
from sokket_cli.commands.status import status
from sokket_cli.commands.validate import validate


class _HelpInVietnamese:
    """Click's own ``--help`` line, said in Vietnamese like every other help text."""

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = "Hiện hướng dẫn này rồi thoát."
        return option  # type: ignore[no-any-return]

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        from typer import rich_utils  # only now: it brings in rich, which start-up avoids

        rich_utils.ARGUMENTS_PANEL_TITLE = "Đối số"
        rich_utils.OPTIONS_PANEL_TITLE = "Tùy chọn"
        rich_utils.COMMANDS_PANEL_TITLE = "Các lệnh"
        rich_utils.REQUIRED_LONG_STRING = "[bắt buộc]"
        rich_utils.DEFAULT_STRING = "[mặc định: {}]"
        super().format_help(ctx, formatter)  # type: ignore[misc]


class _Group(_HelpInVietnamese, TyperGroup):
    pass


class _Command(_HelpInVietnamese, TyperCommand):
    pass


app = typer.Typer(
    name="sokket",
    cls=_Group,
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


app.command("init", cls=_Command)(init)
app.command("forms", cls=_Command)(forms)
app.command("schema", cls=_Command)(schema)
app.command("validate", cls=_Command)(validate)
app.command("status", cls=_Command)(status)
app.command("compile", cls=_Command)(compile_report)
app.command("import", cls=_Command)(import_word)
app.command("fix", cls=_Command)(fix)


def usage_message(exc: click.UsageError) -> str:
    """Click's English usage errors, said in Vietnamese with where to look for help."""
    command = exc.ctx.command_path if exc.ctx is not None else "sokket"
    if isinstance(exc, click.MissingParameter) and exc.param is not None:
        name = (exc.param.metavar or exc.param.human_readable_name).rstrip(".")
        what = f"Thiếu {name}"
        if exc.param.param_type_name == "argument":
            what = f"Thiếu đối số {name} (tệp hoặc thư mục cần xử lý)"
        text = f"{what}."
    elif isinstance(exc, click.NoSuchOption):
        guesses = f" Có phải là {', '.join(sorted(exc.possibilities))}?" if exc.possibilities else ""
        text = f"Không có tùy chọn '{exc.option_name}'.{guesses}"
    elif isinstance(exc, click.BadParameter):
        name = exc.param.get_error_hint(exc.ctx) if exc.param is not None and exc.ctx is not None else ""
        text = f"Giá trị không hợp lệ cho {name}: {exc.message}".replace("is not one of", "phải là một trong")
    elif match := re.match(r"No such command '([^']*)'", exc.message):
        known = ", ".join(app_commands())
        text = f"Không có lệnh '{match.group(1)}'. Các lệnh: {known}."
    else:
        text = exc.message
    return f"Lỗi: {text}\nXem hướng dẫn: {command} --help"


def app_commands() -> list[str]:
    return [c.name or "" for c in app.registered_commands]


def main() -> None:
    """The console entry point: usage errors in Vietnamese, exit codes from ExitStatus."""
    ensure_utf8_output()
    try:
        code = app(prog_name="sokket", standalone_mode=False)
    except click.exceptions.NoArgsIsHelpError:
        code = ExitStatus.BAD_INPUT  # the help has been shown; nothing was asked of sokket
    except click.UsageError as exc:
        typer.echo(usage_message(exc), err=True)
        code = ExitStatus.BAD_INPUT
    except click.Abort:
        typer.echo("Đã dừng theo yêu cầu.", err=True)
        code = ExitStatus.INTERRUPTED
    sys.exit(code if isinstance(code, int) else ExitStatus.OK)
