"""The one exception hierarchy of sokket.

Every failure a user can cause (a bad plan, an unreadable file, an unwritable output, a
broken template) is a :class:`SokketError` carrying where it happened. The CLI turns these
into messages and exit codes in one place; nothing here knows about exit codes.
"""

from __future__ import annotations

import errno
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from sokket_cli.display import safe_text

if TYPE_CHECKING:
    from sokket_cli.problems import Problem


class SokketError(Exception):
    """A failure the user can fix; shown as ``path:line:col: message``, never a traceback."""

    def __init__(
        self,
        message: str,
        *,
        path: Path | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column

    def location(self) -> str:
        """``path:line:col`` as far as it is known, or an empty string."""
        parts: list[str] = []
        if self.path is not None:
            parts.append(safe_text(str(self.path)))
            if self.line is not None:
                parts.append(str(self.line))
                if self.column is not None:
                    parts.append(str(self.column))
        return ":".join(parts)

    def __str__(self) -> str:
        where = self.location()
        return f"{where}: {self.message}" if where else self.message


class UsageError(SokketError):
    """The command line itself is wrong (a bad option value, a path that does not exist)."""


class InputError(SokketError):
    """An input cannot be read at all (missing, a folder instead of a file, no permission)."""


class PlanError(SokketError):
    """The plan is missing or breaks its rules; carries every problem found in it."""

    def __init__(
        self, message: str, *, path: Path | None = None, problems: Sequence[Problem] = ()
    ) -> None:
        super().__init__(message, path=path)
        self.problems = list(problems)


class TemplateError(SokketError):
    """A report template cannot be loaded or rendered."""


class OutputError(SokketError):
    """The report cannot be written where the user asked."""


# What the system said, in Vietnamese: strerror is English ("No such file or directory").
_OS_REASONS: dict[int, str] = {
    errno.ENOENT: "không có tệp hay thư mục này",
    errno.EACCES: "không có quyền truy cập",
    errno.EPERM: "không có quyền truy cập",
    errno.ELOOP: "liên kết (symlink) trỏ vòng lặp",
    errno.EISDIR: "đây là một thư mục, không phải tệp",
    errno.ENOTDIR: "một phần của đường dẫn không phải là thư mục",
    errno.ENAMETOOLONG: "tên tệp quá dài",
    errno.ENOSPC: "ổ đĩa đã đầy",
    errno.EROFS: "ổ đĩa chỉ cho phép đọc",
    errno.EIO: "lỗi đọc ghi của ổ đĩa",
    errno.EBUSY: "tệp đang được chương trình khác dùng",
    errno.EEXIST: "đã có tệp với tên này",
    errno.EMFILE: "mở quá nhiều tệp cùng lúc",
    errno.ENXIO: "không phải tệp thông thường",
    errno.EAGAIN: "tệp tạm thời chưa sẵn sàng",
    errno.EINVAL: "tên hoặc đường dẫn không hợp lệ",
}


def os_reason(exc: OSError) -> str:
    """The reason for a failed file operation, in Vietnamese (never the English strerror)."""
    reason = _OS_REASONS.get(exc.errno or -1)
    return reason if reason is not None else f"lỗi hệ thống số {exc.errno}"
