"""Where a command may write: the one check every command that writes a file calls first.

An output never replaces one of the command's inputs (a unit file, the plan, a template),
whatever path, symlink or hard link names it; never goes onto a device, FIFO, socket or
folder (``-o /dev/full`` as root would otherwise replace the device with a file); and its
name must fit the file system. ``-o`` at a symlink writes to the file the link points to
(atomically, as always): the link stays a link.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Sequence
from pathlib import Path

from sokket_cli.errors import OutputError, os_reason
from sokket_cli.intake.discovery import PLAN_NAME
from sokket_cli.write.atomic import NAME_MAX, too_long_message

TEMPLATE_SUFFIX = ".j2"


def with_suffix(path: Path, suffix: str, option: str) -> Path:
    """``du-thao`` becomes ``du-thao.docx``; another suffix (``x.pdf``) is refused.

    A name whose last dot is followed by digits only (``bao-cao-30.6``) counts as having
    no suffix. Case does not matter (``.DOCX`` is kept).
    """
    current = path.suffix
    if current.lower() == suffix:
        return path
    if not current or current[1:].isdigit():
        return path.with_name(path.name + suffix)
    raise OutputError(
        f"Tệp ghi ở {option} phải có đuôi {suffix}, không phải '{current}': sokket chỉ ghi được "
        f"tệp {suffix}. Hãy ghi {option} {path.with_suffix(suffix).name}.",
        path=path,
    )


def check_targets(outputs: Sequence[Path], inputs: Iterable[Path]) -> list[Path]:
    """The files to write for ``outputs``, in order, symlinks followed; refuses the unsafe.

    ``inputs`` are every file the command reads. Raises :class:`OutputError` for a name
    too long, a target named plan.yaml or ending in .j2 (even one this command does not read:
    a template's pieces are read only while it renders, after this check), a target
    that is not a regular file, one that is an input (compared by file identity, so
    symlinks and hard links count), or two outputs that are the same file.
    """
    targets = [_target(output) for output in outputs]
    existing: dict[tuple[int, int], Path] = {}
    for output, target in zip(outputs, targets, strict=True):
        try:
            info = target.stat()
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise OutputError(
                f"Không dùng được '{output}' làm tệp kết quả ({os_reason(exc)}). Hãy chọn tên khác.",
                path=output,
            ) from exc
        if stat.S_ISDIR(info.st_mode):
            raise OutputError(
                "Đường dẫn kết quả là một thư mục; hãy ghi rõ tên tệp, ví dụ -o bao-cao.docx.", path=output
            )
        if not stat.S_ISREG(info.st_mode):
            raise OutputError(
                "Đây không phải là một tệp thường (mà là thiết bị, ống dẫn hay socket); sokket "
                "không ghi vào đó. Hãy chọn một tên tệp bình thường, ví dụ -o bao-cao.docx.",
                path=output,
            )
        identity = (info.st_dev, info.st_ino)
        if identity in existing:
            raise OutputError(
                f"Hai tệp kết quả trùng nhau ('{existing[identity]}' và '{output}'); hãy đặt hai tên khác nhau.",
                path=output,
            )
        existing[identity] = output
    if len(set(targets)) < len(targets):
        raise OutputError("Hai tệp kết quả trùng tên nhau; hãy đặt hai tên khác nhau.", path=outputs[-1])
    if existing:
        for source in inputs:
            try:
                info = source.stat()
            except OSError:
                continue
            clash = existing.get((info.st_dev, info.st_ino))
            if clash is not None:
                raise OutputError(
                    f"Tệp kết quả này chính là tệp đầu vào '{source}'; ghi vào sẽ mất tệp đó. "
                    "Hãy chọn tên khác bằng -o.",
                    path=clash,
                )
    for output, target in zip(outputs, targets, strict=True):
        if target.name == PLAN_NAME:  # a plan is written by 'sokket init' only
            raise OutputError(
                f"Tên '{PLAN_NAME}' dành cho tệp kế hoạch; sokket không ghi kết quả đè lên kế "
                "hoạch. Hãy đặt tên khác.",
                path=output,
            )
        if target.suffix.lower() == TEMPLATE_SUFFIX:  # a template, or a piece one may include
            raise OutputError(
                f"'{output}' trỏ tới tệp mẫu báo cáo '{target.name}'; sokket không ghi kết quả đè "
                "lên mẫu. Hãy chọn tên khác bằng -o.",
                path=output,
            )
    return targets


def _target(output: Path) -> Path:
    """The file ``output`` names, after symlinks; its name checked against NAME_MAX."""
    resolved = Path(os.path.realpath(output))
    for path in (output, resolved):
        if len(os.fsencode(path.name)) > NAME_MAX:
            raise OutputError(too_long_message(path), path=output)
    return resolved
