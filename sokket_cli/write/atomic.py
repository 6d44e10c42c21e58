"""Writing output files whole or not at all: temporary files beside them, then renames.

Where an output may go (not over an input, not onto a device) is decided before, by
:func:`sokket_cli.write.targets.check_targets`.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import BinaryIO

from sokket_cli.errors import OutputError, os_reason

Writer = Callable[[BinaryIO], object]
# Short, so that a target name of up to 255 bytes still has a temporary name that fits.
TEMP_PREFIX = ".sk-"
TEMP_SUFFIX = ".tmp"


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(output: Path, write: Writer) -> None:
    """Call ``write`` on a temporary file beside ``output``, then rename it into place."""
    write_all([(output, write)])


def write_all(outputs: Sequence[tuple[Path, Writer]]) -> None:
    """Write every output to its temporary file; only when all are written, rename each.

    Any failure (or Ctrl-C, or a termination signal turned into an exception) removes the
    temporary files, so an existing output is never half-written and a run never leaves
    one output new and the other old. A file gets the permissions a plain new file would
    (mkstemp makes it owner-only), or those of the file it replaces.
    """
    written: list[tuple[Path, Path]] = []
    current = outputs[0][0] if outputs else Path()
    try:
        for current, write in outputs:
            written.append((_write_temporary(current, write), current))
        for temp, current in written:
            temp.replace(current)
    except OSError as exc:
        _discard(written)
        raise output_error(current, exc) from exc
    except BaseException:
        _discard(written)
        raise


def _write_temporary(output: Path, write: Writer) -> Path:
    status = output_status(output)
    if status is not None and stat.S_ISDIR(status.st_mode):
        raise OutputError(
            "Đường dẫn kết quả là một thư mục; hãy ghi rõ tên tệp, ví dụ -o bao-cao.docx.", path=output
        )
    mode = stat.S_IMODE(status.st_mode) if status is not None else 0o666 & ~_current_umask()
    folder = output.parent if str(output.parent) else Path()
    handle, temp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=folder)
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            write(stream)
        temp.chmod(mode)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return temp


def _discard(written: Sequence[tuple[Path, Path]]) -> None:
    for temp, _ in written:
        temp.unlink(missing_ok=True)


def output_status(output: Path) -> os.stat_result | None:
    """What is at ``output`` now (None: nothing yet). A name the system cannot take (too
    long, a file used as a folder, a link loop) is an :class:`OutputError`, not a bug."""
    try:
        return output.stat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise output_error(output, exc) from exc


NAME_MAX = 255  # bytes, on every common file system


def too_long_message(output: Path) -> str:
    """One wording for a name or path the file system refuses as too long, however found."""
    size = len(os.fsencode(output.name))
    if size > NAME_MAX:
        return (
            f"Không ghi được tệp kết quả: tên tệp dài {size} byte, quá giới hạn {NAME_MAX} byte "
            "của hệ thống tệp (chữ có dấu tính 2-3 byte mỗi chữ). Hãy đặt tên ngắn hơn."
        )
    return (
        "Không ghi được tệp kết quả: đường dẫn tới tệp quá dài. Hãy đặt tên ngắn hơn, hoặc ghi "
        "vào thư mục gần gốc ổ đĩa hơn."
    )


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
        return OutputError(too_long_message(output), path=output)
    else:
        hint = " Hãy chọn nơi ghi khác."
    return OutputError(f"Không ghi được tệp kết quả ({reason}).{hint}", path=output)
