"""What a clerk reads when a report template goes wrong: Jinja's errors, in Vietnamese, at
the template's file and line."""

from __future__ import annotations

import re
from pathlib import Path
from types import TracebackType

import jinja2

from sokket_cli.errors import TemplateError
from sokket_cli.render.limits import LimitExceeded

# Jinja's own English, read back for the names it quotes
_UNDEFINED_NAME = re.compile(r"^'([^']*)' is undefined$")
_NO_ATTRIBUTE = re.compile(r"has no attribute '([^']*)'$")
_UNSAFE_ATTRIBUTE = re.compile(r"access to attribute '([^']*)' of '([^']*)' object is unsafe")
_UNSAFE_CALL = re.compile(r"^'?([^']*?)'? is not safely callable")
_KINDS = {"dict": "một mục dữ liệu", "list": "một danh sách", "str": "một chuỗi chữ", "int": "một số", "float": "một số", "function": "một hàm", "tuple": "một danh sách"}


class PrintedCallable(jinja2.TemplateError):
    """A template printed a function or method instead of calling it: ``{{ long_date }}``
    would put "<function long_date at 0x7f…>" into the report."""


def _undefined_what(message: str) -> str:
    """'foo' is undefined / 'dict object' has no attribute 'x', said in Vietnamese."""
    if match := _UNDEFINED_NAME.match(message):
        return f"tên '{match.group(1)}' nhưng không có tên này"
    if match := _NO_ATTRIBUTE.search(message):
        return f"'.{match.group(1)}' nhưng dữ liệu ở đó không có mục '{match.group(1)}'"
    return "một tên không có"


def _unsafe_what(message: str) -> str:
    """The attribute or call the sandbox refused, in Vietnamese."""
    if match := _UNSAFE_ATTRIBUTE.search(message):
        return f"'.{match.group(1)}' của {_KINDS.get(match.group(2), 'một giá trị')}"
    if match := _UNSAFE_CALL.search(message):
        return f"'{match.group(1)}'"
    return "một thứ không được phép"

MEMORY_MESSAGE = (
    "Mẫu báo cáo cần quá nhiều bộ nhớ nên đã bị dừng. Hãy sửa mẫu: có thể một chuỗi hoặc danh "
    "sách bị nhân lên quá lớn."
)


def template_location(exc: BaseException, fallback: str) -> tuple[str, int | None]:
    """The template file and line of a render-time error, from Jinja's rewritten traceback."""
    where: tuple[str, int | None] = (fallback, None)
    tb: TracebackType | None = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            # Frames Jinja did not rewrite (a timeout is no Exception) run the compiled code.
            compiled = tb.tb_frame.f_globals.get("__jinja_template__")
            line = compiled.get_corresponding_lineno(tb.tb_lineno) if compiled else tb.tb_lineno
            where = (filename, line)
        tb = tb.tb_next
    return where


def template_error(exc: BaseException, source_path: Path) -> TemplateError:
    """What a clerk reads for an error of the template, whether met loading or rendering."""
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return TemplateError(
            f"Mẫu báo cáo viết sai cú pháp: {exc.message}", path=Path(exc.filename or source_path), line=exc.lineno
        )
    if isinstance(exc, jinja2.TemplateNotFound):
        return TemplateError(
            f"Mẫu báo cáo gọi tới tệp '{exc.name}' nhưng không tìm thấy, cả cạnh tệp mẫu lẫn trong các mẫu có sẵn.",
            path=source_path,
        )
    filename, line = template_location(exc, str(source_path))
    if isinstance(exc, jinja2.UndefinedError):
        message = f"Mẫu báo cáo dùng {_undefined_what(exc.message or '')}. Xem các tên dùng được trong templates/README.md."
    elif isinstance(exc, jinja2.exceptions.SecurityError):
        message = (
            f"Mẫu báo cáo gọi tới {_unsafe_what(str(exc))}: đó là phần bên trong của chương trình, "
            "không được phép dùng trong mẫu vì an toàn. Mẫu chỉ đọc dữ liệu báo cáo."
        )
    elif isinstance(exc, PrintedCallable):
        message = str(exc)
    elif isinstance(exc, LimitExceeded):
        message = f"{exc} Hãy sửa mẫu: có thể một vòng lặp hoặc phép nhân chuỗi bị viết sai."
    elif isinstance(exc, MemoryError):
        message = MEMORY_MESSAGE
    elif isinstance(exc, RecursionError):
        message = "Mẫu báo cáo gọi lồng nhau quá sâu: có thể một macro tự gọi lại chính nó mãi không dừng."
    elif isinstance(exc, jinja2.TemplateError):
        message = f"Mẫu báo cáo bị lỗi: {exc}"
    else:
        message = f"Mẫu báo cáo bị lỗi khi dựng báo cáo ({type(exc).__name__}: {exc})."
    return TemplateError(message, path=Path(filename), line=line)
