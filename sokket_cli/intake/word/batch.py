"""Which Word files a command was pointed at, and where each unit file may be written.

Outputs follow the rules of every sokket command that writes: whole or not at all, never over
one of the inputs, never over something that is not a regular file, and never over an existing
file unless asked (--force); two reports of one unit in one run are never both written.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from sokket_cli.errors import InputError, OutputError, UsageError, os_reason
from sokket_cli.write.atomic import output_status, write_atomic

WORD_SUFFIXES = (".docx", ".docm")
REFUSED_SUFFIXES = (".doc", ".pdf", ".rtf")  # listed so each gets its own message
UNIT_SUFFIXES = (".yaml", ".yml")


def word_files(paths: list[Path]) -> list[Path]:
    """The files themselves, and the Word (and refused) files of each folder, in name order."""
    found: list[Path] = []
    for path in paths:
        if not path.exists():
            raise UsageError(f"Không có tệp hay thư mục '{path}'.")
        if path.is_file():
            found.append(path)
            continue
        if not path.is_dir():
            raise UsageError(
                f"'{path}' không phải tệp thông thường; hãy chỉ một tệp .docx hoặc một thư mục "
                "chứa các tệp .docx."
            )
        try:
            with os.scandir(path) as entries:
                found.extend(
                    sorted(
                        Path(entry.path)
                        for entry in entries
                        if entry.name.lower().endswith(WORD_SUFFIXES + REFUSED_SUFFIXES)
                        and not entry.name.startswith(("~$", "."))  # Word's lock files
                        and entry.is_file()
                    )
                )
        except OSError as exc:
            raise InputError(f"Không đọc được thư mục: {os_reason(exc)}.", path=path) from exc
    if not found:
        where = ", ".join(f"'{p}'" for p in paths)
        raise UsageError(f"Không có tệp Word (.docx) nào trong {where}.")
    return found


def output_target(output: Path | None, default_folder: Path, inputs: int) -> tuple[Path, bool]:
    """(path, is_folder): a .yaml file for one input, else a folder for <unit>.yaml files."""
    if output is None:
        return default_folder, True
    status = output_status(output)
    if output.suffix.lower() in UNIT_SUFFIXES and not (status and stat.S_ISDIR(status.st_mode)):
        if inputs > 1:
            raise UsageError(
                f"Có {inputs} tệp Word nên -o phải là một thư mục (ví dụ -o units/), không phải "
                f"tệp '{output}'."
            )
        return output, False
    return output, True


def write_unit_file(path: Path, text: str, *, force: bool, inputs: set[Path]) -> None:
    """Write one unit file under the rules above; :class:`OutputError` says why not."""
    resolved = path.resolve()
    if resolved in inputs:
        raise OutputError("Tệp kết quả trùng với một tệp đầu vào; hãy chọn tên khác.", path=path)
    if path.exists() and not path.is_file():
        raise OutputError("Đường dẫn kết quả đã có và không phải một tệp; hãy chọn tên khác.",
                          path=path)
    if path.exists() and not force:
        raise OutputError(
            "Tệp đã có nên không ghi đè. Hãy kiểm tra tệp cũ; nếu muốn thay bằng bản nhập từ Word, "
            "chạy lại lệnh với --force.",
            path=path,
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"Không tạo được thư mục kết quả ({os_reason(exc)}).", path=path) from exc
    write_atomic(path, lambda stream: stream.write(text.encode("utf-8")))
