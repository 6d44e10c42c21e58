"""The ``sokket`` command: argument parsing only; the work happens in the core modules."""

from __future__ import annotations

import difflib
import re
import sys
from typing import Annotated, Any

import click
import typer
from typer.core import TyperCommand, TyperGroup

from sokket_cli import __version__
from sokket_cli.commands import vietnamese
from sokket_cli.commands.common import ExitStatus, Settings, ensure_utf8_output
from sokket_cli.commands.compile import compile_report
from sokket_cli.commands.fix import fix
from sokket_cli.commands.forms import forms
from sokket_cli.commands.import_ import import_word
from sokket_cli.commands.init import init
from sokket_cli.commands.schema import schema
from sokket_cli.commands.status import status
from sokket_cli.commands.validate import validate

vietnamese.install()
OPTIONS_METAVAR = "[TÙY_CHỌN]"


class _HelpInVietnamese:
    """typer's rich help titles in Vietnamese (click's own words are set by ``install``)."""

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        vietnamese.install_rich_help()  # only now: it brings in rich, which start-up avoids
        super().format_help(ctx, formatter)  # type: ignore[misc]


class _Group(_HelpInVietnamese, TyperGroup):
    def main(  # type: ignore[override]
        self,
        args: list[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> int:
        """Usage errors said in Vietnamese and exit codes from ExitStatus, however the app is
        run (the console script, or a test's CliRunner)."""
        try:
            result = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.exceptions.NoArgsIsHelpError as exc:
            if exc.message.strip():  # typer's rich help prints itself; click's is returned
                typer.echo(exc.message, err=True)
            result = ExitStatus.BAD_INPUT  # the help has been shown; nothing was asked of sokket
        except click.UsageError as exc:
            typer.echo(usage_message(exc), err=True)
            result = ExitStatus.BAD_INPUT
        except click.ClickException as exc:
            typer.echo(f"Lỗi: {exc.format_message()}", err=True)
            result = ExitStatus.BAD_INPUT
        except click.Abort:
            typer.echo("Đã dừng theo yêu cầu.", err=True)
            result = ExitStatus.INTERRUPTED
        code = result if isinstance(result, int) else ExitStatus.OK
        if standalone_mode:
            sys.exit(code)
        return code


class _Command(_HelpInVietnamese, TyperCommand):
    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        for param in self.params:
            if isinstance(param, click.Argument):
                # The help lists an argument by its Python name (units_dir, paths) before its
                # Vietnamese metavar; click only shows an argument's opts there.
                param.opts = []


app = typer.Typer(
    name="sokket",
    cls=_Group,
    help="Tổng hợp báo cáo sơ kết của các đơn vị thành một dự thảo báo cáo (.docx).",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    suggest_commands=False,  # typer's suggestion is English; usage_message makes its own
    options_metavar=OPTIONS_METAVAR,
    subcommand_metavar="LỆNH [ĐỐI_SỐ]...",
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


app.command("init", cls=_Command, options_metavar=OPTIONS_METAVAR)(init)
app.command("forms", cls=_Command, options_metavar=OPTIONS_METAVAR)(forms)
app.command("schema", cls=_Command, options_metavar=OPTIONS_METAVAR)(schema)
app.command("validate", cls=_Command, options_metavar=OPTIONS_METAVAR)(validate)
app.command("status", cls=_Command, options_metavar=OPTIONS_METAVAR)(status)
app.command("compile", cls=_Command, options_metavar=OPTIONS_METAVAR)(compile_report)
app.command("import", cls=_Command, options_metavar=OPTIONS_METAVAR)(import_word)
app.command("fix", cls=_Command, options_metavar=OPTIONS_METAVAR)(fix)


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
        text = f"Giá trị không hợp lệ cho {name}: {exc.message}"
    elif match := re.match(r"Không có lệnh '([^']*)'", exc.message):
        known = app_commands()
        close = difflib.get_close_matches(match.group(1), known, n=1)
        guess = f" Có phải là '{close[0]}'?" if close else ""
        text = f"Không có lệnh '{match.group(1)}'. Các lệnh: {', '.join(known)}.{guess}"
    else:
        text = exc.message
    return f"Lỗi: {text}\nXem hướng dẫn: {command} --help"


def app_commands() -> list[str]:
    return [c.name or "" for c in app.registered_commands]


def main() -> None:
    """The console entry point (errors and exit codes are the group's: see ``_Group.main``)."""
    ensure_utf8_output()
    app(prog_name="sokket")
