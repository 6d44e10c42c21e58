"""What every command shares: exit codes, the error guard, output streams, common options."""

from __future__ import annotations

import errno
import functools
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum, IntEnum
from pathlib import Path
from types import FrameType
from typing import Annotated, ParamSpec, TypeGuard, TypeVar

import typer

from sokket_cli.errors import PlanError, SokketError
from sokket_cli.render.output import problem_line, wants_color


class ExitStatus(IntEnum):
    """The exit codes scripts rely on (SPEC.md); decided here and nowhere else."""

    OK = 0
    PROBLEMS = 1  # errors in unit files, a refused compile, --check/--require-all failing
    BAD_INPUT = 2  # usage, plan, unreadable input, unwritable output, broken template
    INTERNAL = 3  # a bug in sokket itself
    INTERRUPTED = 130  # Ctrl-C; a termination signal exits with 128 + its number, as shells do


class Terminated(BaseException):
    """SIGTERM or SIGHUP, raised where the program is so that cleanups (temporary files) run."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


TERMINATING_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)


def _raise_terminated(signum: int, _frame: FrameType | None) -> None:
    raise Terminated(signum)


@contextmanager
def terminating_signals_raise() -> Iterator[None]:
    """While a command runs, SIGTERM/SIGHUP unwind it like Ctrl-C instead of killing it."""
    previous = {}
    try:
        for signum in TERMINATING_SIGNALS:
            previous[signum] = signal.signal(signum, _raise_terminated)
    except ValueError:  # not the main thread: leave the defaults
        pass
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def exit_status_for(exc: BaseException) -> int:
    if isinstance(exc, Terminated):
        return 128 + exc.signum
    if isinstance(exc, KeyboardInterrupt):
        return ExitStatus.INTERRUPTED
    if isinstance(exc, SokketError):  # usage, input, plan, output, template: all the user's to fix
        return ExitStatus.BAD_INPUT
    if is_name_too_long(exc):
        return ExitStatus.BAD_INPUT
    return ExitStatus.INTERNAL


def is_name_too_long(exc: BaseException) -> TypeGuard[OSError]:
    """A path the system refuses for its length: always what was typed, never a bug, and
    possible at any of the many places a path is first looked at."""
    return isinstance(exc, OSError) and exc.errno == errno.ENAMETOOLONG


def name_too_long_message(exc: OSError) -> str:
    name = str(exc.filename or "")
    shown = name if len(name) <= 60 else f"{name[:40]}...{name[-15:]}"
    return f"Lỗi: Tên tệp hoặc thư mục quá dài ('{shown}', {len(name)} ký tự). Hãy đặt tên ngắn hơn."


class Settings:
    """Process-wide switches set by the top-level callback."""

    debug = False


class TextOrJson(str, Enum):
    text = "text"
    json = "json"


PlanOption = Annotated[
    Path | None,
    typer.Option(
        "--plan",
        help="Tệp kế hoạch (plan.yaml). Mặc định: tìm plan.yaml trong thư mục được chỉ, rồi thư mục cha.",
        metavar="TỆP",
        dir_okay=False,
    ),
]


def ensure_utf8_output() -> None:
    """Vietnamese must reach stdout even where the console code page cannot encode it
    (cp1258 on Vietnamese Windows raises on precomposed letters such as 'ổ')."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        reconfigure = getattr(stream, "reconfigure", None)
        if encoding != "utf8" and reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")


def err(message: str) -> None:
    typer.echo(message, err=True)


def print_plan_error(exc: PlanError) -> None:
    color = wants_color(sys.stderr)
    for problem in exc.problems:
        err(problem_line(exc.path or Path("plan.yaml"), problem, color))
    err(str(exc))


P = ParamSpec("P")
R = TypeVar("R")


def guarded(command: Callable[P, R]) -> Callable[P, R]:
    """Turn every failure into a message and an exit code; a traceback only with --debug."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        ensure_utf8_output()
        try:
            with terminating_signals_raise():
                return command(*args, **kwargs)
        except typer.Exit:
            raise
        except PlanError as exc:
            if Settings.debug:
                raise
            print_plan_error(exc)
            raise typer.Exit(exit_status_for(exc)) from None
        except SokketError as exc:
            if Settings.debug:
                raise
            err(f"Lỗi: {exc}")
            raise typer.Exit(exit_status_for(exc)) from None
        except (KeyboardInterrupt, Terminated) as exc:
            err("Đã dừng theo yêu cầu.")
            raise typer.Exit(exit_status_for(exc)) from None
        except Exception as exc:
            if Settings.debug:
                raise
            if is_name_too_long(exc):
                err(name_too_long_message(exc))
                raise typer.Exit(exit_status_for(exc)) from None
            err(
                f"Lỗi nội bộ của sokket ({type(exc).__name__}: {exc}). Đây là lỗi của chương "
                "trình, không phải của tệp báo cáo. Chạy lại với --debug và gửi kết quả cho "
                "người phụ trách kỹ thuật."
            )
            raise typer.Exit(exit_status_for(exc)) from None

    return wrapper
