"""Why YAML could not read a file, said as a clerk can act on it, at the line that caused it.

libyaml reports where its scan gave up, which is often far from the mistake: an unclosed quote
is reported at the end of the file, a sub-item written as an indented '- ' at the line after.
These functions look at the source lines around that place to name the real cause.
"""

from __future__ import annotations

import re

import yaml

from sokket_cli.intake.yamlnodes import TOO_DEEP
from sokket_cli.problems import Problem, error

# libyaml's and PyYAML's wording, mapped to what a clerk can act on.
_SYNTAX_HINTS: tuple[tuple[str, str], ...] = (
    (
        "mapping values are not allowed",
        (
            "Có dấu hai chấm và dấu cách (': ') trong một câu không đặt trong ngoặc kép, hoặc "
            "thụt lề sai. Hãy đặt cả câu trong ngoặc kép: - \"Kết quả: đạt 100%\"."
        ),
    ),
    (
        "could not find expected ':'",
        (
            "Thiếu dấu ':' sau tên mục, hoặc một câu dài bị xuống dòng mà không thụt lề thêm. "
            "Hãy viết cả câu trên một dòng, trong ngoặc kép."
        ),
    ),
    (
        "did not find expected key",
        (
            "Thụt lề không đúng: các mục cùng cấp phải thẳng cột với nhau, hoặc có dấu ngoặc kép "
            "thừa/thiếu trong câu. Kiểm tra dòng này và dòng ngay trên nó."
        ),
    ),
    (
        "did not find expected '-' indicator",
        (
            "Một dòng trong danh sách không bắt đầu bằng '- ' hoặc thụt lề lệch so với các dòng "
            "khác trong danh sách."
        ),
    ),
    (
        "found unexpected end of stream",
        "Thiếu dấu ngoặc kép đóng: một câu mở ngoặc kép nhưng không đóng lại.",
    ),
    (
        "found unknown escape character",
        "Trong ngoặc kép, dấu '\\' phải viết là '\\\\' (hoặc dùng dấu '/').",
    ),
    (
        "expected a single document",
        "Tệp chỉ được có một báo cáo: hãy bỏ dòng '---' thứ hai.",
    ),
    (
        "found undefined alias",
        "Câu bắt đầu bằng dấu '*'. Hãy đặt cả câu trong ngoặc kép.",
    ),
    (
        "that cannot start any token",
        (
            "Câu bắt đầu bằng một ký tự đặc biệt (như @, `, %, *, &, !). Hãy đặt cả câu trong "
            "ngoặc kép."
        ),
    ),
    ("exceeded maximum nesting depth", TOO_DEEP),
)


_DASH_WITHOUT_SPACE = re.compile(r"\s*-[^\s-]")
_QUOTE_THEN_TEXT = re.compile(r'\s*(-\s+)?("[^"]*"|\'[^\']*\')\s*[^\s#,\]}:]')


def _line_hint(source_line: str) -> str | None:
    """Hints read off the line itself, for the mistakes clerks make most."""
    if "\t" in source_line[: len(source_line) - len(source_line.lstrip())]:
        return "Dòng này thụt lề bằng phím Tab; YAML chỉ nhận dấu cách. Hãy thay Tab bằng dấu cách."
    if _DASH_WITHOUT_SPACE.match(source_line):
        return "Sau dấu '-' đầu dòng phải có một dấu cách: viết '- \"...\"'."
    if _QUOTE_THEN_TEXT.match(source_line) and not source_line.rstrip().endswith(":"):
        return (
            "Dòng này mở đầu bằng một cụm trong ngoặc kép rồi còn chữ phía sau, nên YAML hiểu "
            "sai. Hãy đặt cả câu trong ngoặc kép, và viết ngoặc kép bên trong là \\\": "
            '- "\\"Dân vận khéo\\" được nhân rộng".'
        )
    return None



_TAB_IN_INDENT = re.compile(r"[ \t]*(?:-[ \t]*)?\t")
_BULLET = re.compile(r"[ \t]*([•●◦▪■►▸➢➤‣⁃∙·])")
_SUB_ITEM = re.compile(r"( +)([-+*])[ \t]+(.*)")
_ITEM = re.compile(r"( *)- +(.*)")
_STRAIGHT_QUOTE = re.compile(r'(?<!\\)"')
_CLOSE_CURLY = re.compile(r"[”“]\s*(#.*)?$")


def syntax_problems(exc: yaml.YAMLError, text: str) -> list[Problem]:
    """The problems to report for a file YAML could not parse (at least one)."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    raw = " ".join(
        str(part) for part in (getattr(exc, "context", None), getattr(exc, "problem", None)) if part
    ) or str(exc)
    lines = text.split("\n")
    near = (line, line - 1)  # libyaml often marks the line after the mistake
    tabs = _tab_problems(lines)
    if tabs and any(p.line in near for p in tabs):
        return tabs
    bullets = _bullet_problems(lines, line)
    if bullets and any(p.line in near for p in bullets):
        return tabs + bullets
    found = (
        _unclosed_quote(exc, lines, line)
        or _sub_items(lines, line)
        or _hinted(lines, line, column, raw)
    )
    return sorted([*tabs, *bullets, found], key=lambda p: (p.line, p.column))


def _say(line: int, column: int, hint: str, raw: str | None = None) -> Problem:
    """The clerk's message; the parser's own (English) words only where no hint could say
    what is wrong, marked as a detail for whoever helps."""
    detail = f" (chi tiết kỹ thuật cho người hỗ trợ: {raw})" if raw else ""
    return error(line, column, "yaml-syntax", f"Lỗi cú pháp YAML: {hint}{detail}")


def _indent(source_line: str) -> int:
    return len(source_line) - len(source_line.lstrip(" \t"))


def _tab_problems(lines: list[str]) -> list[Problem]:
    """Every line indented with Tab (or with Tab after '-'), not only the first one."""
    problems = []
    for number, source_line in enumerate(lines, start=1):
        match = _TAB_IN_INDENT.match(source_line)
        if match is None:
            continue
        after_dash = "-" in match.group()
        where = "Sau dấu '-' đầu dòng này có phím Tab" if after_dash else "Dòng này thụt lề bằng phím Tab"
        problems.append(
            error(
                number,
                match.end(),
                "yaml-syntax",
                f"Lỗi cú pháp YAML: {where}; YAML chỉ nhận dấu cách. Hãy thay Tab bằng dấu cách"
                + (": viết '- \"...\"'." if after_dash else " (mỗi cấp hai dấu cách)."),
            )
        )
    return problems


def _bullet_problems(lines: list[str], up_to: int) -> list[Problem]:
    """Lines that start with a bullet pasted from Word ('•'), up to where the scan stopped."""
    problems = []
    for number, source_line in enumerate(lines[:up_to], start=1):
        match = _BULLET.match(source_line)
        if match is None:
            continue
        problems.append(
            error(
                number,
                match.start(1) + 1,
                "yaml-syntax",
                f"Lỗi cú pháp YAML: Dòng này bắt đầu bằng dấu '{match.group(1)}' (thường do dán "
                "từ Word); YAML chỉ hiểu dấu '- ' đầu dòng. Hãy thay "
                f"'{match.group(1)}' bằng '- ' và đặt câu trong ngoặc kép: - \"...\".",
            )
        )
    return problems


def _unclosed_quote(exc: yaml.YAMLError, lines: list[str], line: int) -> Problem | None:
    """A quote opened and never closed: point at the opening quote, not where the scan ended."""
    context = getattr(exc, "context", None) or ""
    opened = getattr(exc, "context_mark", None)
    if "quoted scalar" in context and opened is not None:
        open_line, open_column = opened.line + 1, opened.column + 1
    else:
        # The quote of a later line closed it, so the scan fails there: the culprit is the
        # nearest line above with an odd number of straight double quotes.
        open_line = next(
            (
                number
                for number in range(line, max(line - 3, 0), -1)
                if number <= len(lines) and len(_STRAIGHT_QUOTE.findall(lines[number - 1])) % 2
            ),
            0,
        )
        if not open_line:
            return None
        source_line = lines[open_line - 1]
        open_column = next(m.start() for m in _STRAIGHT_QUOTE.finditer(source_line)) + 1
    source_line = lines[open_line - 1] if open_line <= len(lines) else ""
    quote = source_line[open_column - 1 : open_column] or '"'
    name = "dấu nháy đơn" if quote == "'" else "dấu ngoặc kép"
    problem = str(getattr(exc, "problem", None) or "")
    if "end of stream" in problem:
        gave_up = f" YAML đọc tới cuối tệp (dòng {line}) mà không thấy dấu đóng."
    else:
        gave_up = f" YAML đọc tiếp tới dòng {line} thì dừng." if line != open_line else ""
    if _CLOSE_CURLY.search(source_line):
        hint = (
            f"Câu ở dòng {open_line} mở bằng ngoặc kép thẳng ({quote}) nhưng đóng bằng ngoặc kép "
            "cong (”), thường do Word tự đổi dấu; YAML chỉ nhận ngoặc thẳng nên coi như câu "
            f"chưa đóng.{gave_up} Hãy gõ lại dấu {quote} ở cuối câu."
        )
    else:
        hint = (
            f"Câu ở dòng {open_line} mở {name} ({quote}) nhưng không đóng lại.{gave_up} Hãy "
            f"thêm dấu {quote} ở cuối câu dòng {open_line}."
        )
    return _say(open_line, open_column, hint)


def _sub_items(lines: list[str], line: int) -> Problem | None:
    """Sub-items written the natural way, as indented '- ' or '+ ' lines under an item:
    show the 'text:'/'items:' rewrite of those very lines."""
    for number in (line, line - 1):
        if not 0 < number <= len(lines) or not (match := _SUB_ITEM.fullmatch(lines[number - 1])):
            continue
        depth = len(match.group(1))
        first = number
        while first > 1 and _is_sub_item(lines[first - 2], depth):
            first -= 1
        parent = _ITEM.fullmatch(lines[first - 2]) if first > 1 else None
        if parent is None or len(parent.group(1)) >= depth:
            continue
        last = number
        while last < len(lines) and _is_sub_item(lines[last], depth):
            last += 1
        pad = parent.group(1)
        rewrite = [f"{pad}- text: {_quoted(parent.group(2))}", f"{pad}  items:"]
        for source_line in lines[first - 1 : last]:
            sub = _SUB_ITEM.fullmatch(source_line)
            assert sub is not None
            rewrite.append(f"{pad}    - {_quoted(sub.group(3))}")
        span = f"dòng {first}" if first == last else f"các dòng {first}-{last}"
        hint = (
            f"Ý ở dòng {first - 1} có ý nhỏ ({span}) viết lùi vào, nhưng YAML không hiểu cách viết "
            "này. Ý có ý nhỏ phải viết dạng 'text:' và 'items:'. Hãy viết lại các dòng "
            f"{first - 1}-{last} như sau:\n" + "\n".join("    " + r for r in rewrite)
        )
        column = len(match.group(1)) + 1
        return error(first, column, "yaml-syntax", f"Lỗi cú pháp YAML: {hint}")
    return None


def _is_sub_item(source_line: str, depth: int) -> bool:
    match = _SUB_ITEM.fullmatch(source_line)
    return match is not None and len(match.group(1)) == depth


def _quoted(text: str) -> str:
    """An item's text as a double-quoted YAML scalar (already quoted text is kept)."""
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] == '"':
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _hinted(lines: list[str], line: int, column: int, raw: str) -> Problem:
    """The generic case: a hint read off the line, else one chosen by libyaml's wording."""
    hint = None
    for number in (line, line - 1):
        source_line = lines[number - 1] if 0 < number <= len(lines) else ""
        hint = _line_hint(source_line)
        if hint:
            if number != line:
                line, column = number, _indent(source_line) + 1
            break
    hint = hint or next((h for needle, h in _SYNTAX_HINTS if needle in raw), None)
    if hint is None:
        return _say(line, column, "Kiểm tra thụt lề (chỉ dùng dấu cách) và dấu ngoặc kép ở dòng này.", raw)
    return _say(line, column, hint)
