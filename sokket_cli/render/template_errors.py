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


_TOKENS = {"end of print statement": "dấu đóng }}", "end of statement block": "dấu đóng %}", "name": "một tên"}
# Jinja's usual syntax messages, in Vietnamese; the names it quotes are kept
_SYNTAX = (
    (re.compile(r"^Unexpected end of template\. Jinja was looking for the following tags: (.*?)\. "
                r"The innermost block that needs to be closed is '(\w+)'\.$"),
     "mẫu hết mà khối '{1}' chưa được đóng (cần một trong các thẻ {0})."),
    (re.compile(r"^Encountered unknown tag '(\w+)'\. Jinja was looking for the following tags: (.*?)\. "
                r"The innermost block that needs to be closed is '(\w+)'\.$"),
     "gặp thẻ '{0}' trong khi khối '{2}' đang mở chưa được đóng (cần một trong các thẻ {1})."),
    (re.compile(r"^Encountered unknown tag '(\w+)'\.$"), "không có thẻ '{0}' (hoặc thẻ đóng không có thẻ mở)."),
    (re.compile(r"^unexpected '(.*)'$"), "gặp '{0}' ở chỗ không đúng (thiếu hay thừa dấu ngoặc?)."),
    (re.compile(r"^unexpected char (.*) at \d+$"), "gặp ký tự {0} không đúng chỗ (một chuỗi chưa đóng dấu nháy?)."),
    (re.compile(r"^expected token '(.*)', got '(.*)'$"), "cần {0} nhưng gặp '{1}'."),
    (re.compile(r"^Expected an expression, got '(.*)'$"), "cần một biểu thức nhưng gặp {0}."),
)


def syntax_said(message: str) -> str:
    """Jinja's syntax message in Vietnamese; one not known is kept, marked as Jinja's own."""
    for pattern, wording in _SYNTAX:
        if match := pattern.match(message):
            said = wording.format(*(_TOKENS.get(g, g).replace(" or ", " hoặc ") for g in match.groups()))
            for token in _TOKENS.values():  # a token said in words is not quoted
                said = said.replace(f"'{token}'", token)
            return said
    return f"(thông báo của Jinja) {message}"


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
            f"Mẫu báo cáo viết sai cú pháp: {syntax_said(exc.message or '')}",
            path=Path(exc.filename or source_path),
            line=exc.lineno,
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
    elif isinstance(exc, OverflowError) and "MAX_RANGE" in str(exc):
        most = f"{jinja2.sandbox.MAX_RANGE:,}".replace(",", ".")
        message = (
            f"Mẫu báo cáo gọi range() với quá nhiều số (tối đa {most} số, vì an toàn). Hãy sửa "
            "mẫu: có thể một vòng lặp bị viết sai."
        )
    elif isinstance(exc, RecursionError):
        message = "Mẫu báo cáo gọi lồng nhau quá sâu: có thể một macro tự gọi lại chính nó mãi không dừng."
    elif isinstance(exc, jinja2.TemplateError):
        message = f"Mẫu báo cáo bị lỗi: {exc}"
    else:
        message = f"Mẫu báo cáo bị lỗi khi dựng báo cáo ({type(exc).__name__}: {exc})."
    return TemplateError(message, path=Path(filename), line=line)
