"""Writing an output file whole or not at all: a temporary file beside it, then a rename."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from sokket_cli.errors import OutputError, os_reason


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(output: Path, write: Callable[[BinaryIO], object]) -> None:
    """Call ``write`` on a temporary file beside ``output``, then rename it into place.

    Any failure removes the temporary file, so an existing ``output`` is never half-written.
    The file gets the permissions a plain new file would (mkstemp makes it owner-only), or
    those of the file it replaces.
    """
    folder = output.parent if str(output.parent) else Path()
    status = output_status(output)
    if status is not None and stat.S_ISDIR(status.st_mode):
        raise OutputError(
            "Đường dẫn kết quả là một thư mục; hãy ghi rõ tên tệp, ví dụ -o bao-cao.docx.", path=output
        )
    mode = stat.S_IMODE(status.st_mode) if status is not None else 0o666 & ~_current_umask()
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise output_error(output, exc) from exc
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            write(stream)
        temp.chmod(mode)
        temp.replace(output)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise output_error(output, exc) from exc
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def output_status(output: Path) -> os.stat_result | None:
    """What is at ``output`` now (None: nothing yet). A name the system cannot take (too
    long, a file used as a folder, a link loop) is an :class:`OutputError`, not a bug."""
    try:
        return output.stat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise output_error(output, exc) from exc


def output_error(output: Path, exc: OSError) -> OutputError:
    """A Vietnamese reason, with the usual cause on Windows: the file is open in Word/Excel."""
    reason = os_reason(exc)
    if isinstance(exc, PermissionError):
        hint = (
            " Nếu tệp đang mở trong Word hoặc Excel, hãy đóng lại rồi chạy lại lệnh; nếu không, "
            "hãy chọn thư mục khác."
        )
    elif isinstance(exc, FileNotFoundError):
        hint = " Thư mục chứa tệp kết quả chưa có; hãy tạo thư mục hoặc chọn nơi khác."
    elif exc.errno == errno.ENAMETOOLONG:
        hint = " Hãy đặt tên ngắn hơn."
    else:
        hint = " Hãy chọn nơi ghi khác."
    return OutputError(f"Không ghi được tệp kết quả ({reason}).{hint}", path=output)
