"""The report markup's vocabulary: which tags and attributes exist, and what their values mean.

Every refusal of the markup is a :class:`MarkupError` carrying the line of the rendered
markup, so the template's author is shown the place to fix.
"""

from __future__ import annotations

import re
from typing import Any

TWIPS_PER = {"mm": 1440 / 25.4, "cm": 1440 / 2.54, "pt": 20.0, "in": 1440.0}
LENGTH = re.compile(r"^\s*(-?\d+(?:[.,]\d+)?)\s*(mm|cm|pt|in)\s*$")
ALIGN = {"left": "left", "center": "center", "right": "right", "justify": "both"}
VALIGN = {"top": "top", "center": "center", "bottom": "bottom"}
_BOOL = {"true": True, "false": False}

RUN_ATTRS = frozenset({"font", "size", "bold", "italic", "underline"})
PARA_ATTRS = frozenset(
    {
        "align", "first-line-indent", "left-indent", "right-indent", "hanging-indent",
        "space-before", "space-after", "line-spacing", "keep-with-next", "page-break-before",
        "border-top", "border-bottom", "border", "outline-level",
    }
)
_ALLOWED: dict[str, frozenset[str]] = {
    "document": frozenset(
        {
            "page", "orientation", "margin-top", "margin-bottom", "margin-left", "margin-right",
            "header-distance", "footer-distance", "font", "size", "lang", "page-numbers",
            "page-number-size", "title",
        }
    ),
    "style": frozenset({"name", "label"}) | RUN_ATTRS | PARA_ATTRS,
    "section": frozenset({"orientation", "margin-top", "margin-bottom", "margin-left", "margin-right"}),
    "page-break": frozenset(),
    "p": frozenset({"style"}) | RUN_ATTRS | PARA_ATTRS,
    "table": frozenset({"widths", "borders", "align", "style", "size"}),
    "row": frozenset({"header", "bold", "italic", "align", "cant-split"}),
    "cell": frozenset({"colspan", "valign", "style", "shade"}) | RUN_ATTRS | PARA_ATTRS,
    "b": frozenset(),
    "i": frozenset(),
    "u": frozenset(),
    "span": RUN_ATTRS,
    "br": frozenset(),
    "tab": frozenset(),
}
INLINE = frozenset({"b", "i", "u", "span", "br", "tab"})
BLOCKS = frozenset({"p", "table", "section", "page-break"})


class MarkupError(ValueError):
    """The rendered markup is not what the writer understands; ``line`` is in the markup."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def fail(element: Any, message: str) -> MarkupError:
    return MarkupError(message, getattr(element, "sourceline", None))


def twips(value: str, element: Any = None, name: str = "") -> int:
    """A length such as ``20mm``, ``1.5cm``, ``6pt`` or ``0.5in`` in twentieths of a point."""
    match = LENGTH.match(value)
    if match is None:
        raise fail(element, f"'{name}=\"{value}\"' không phải độ dài (ví dụ 20mm, 1cm, 6pt).")
    return round(float(match.group(1).replace(",", ".")) * TWIPS_PER[match.group(2)])


def half_points(value: str, element: Any, name: str) -> int:
    try:
        size = float(value.replace(",", "."))
    except ValueError:
        raise fail(element, f"'{name}=\"{value}\"' phải là cỡ chữ tính bằng pt, ví dụ 14.") from None
    if not 1 <= size <= 400:
        raise fail(element, f"Cỡ chữ '{value}' không hợp lý.")
    return round(size * 2)


def flag(value: str, element: Any, name: str) -> bool:
    if value not in _BOOL:
        raise fail(element, f"'{name}=\"{value}\"' chỉ nhận true hoặc false.")
    return _BOOL[value]


def choice(table: dict[str, str], value: str, element: Any, name: str) -> str:
    if value not in table:
        raise fail(element, f"'{name}=\"{value}\"' không hợp lệ; chọn một trong: {', '.join(table)}.")
    return table[value]


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_attr(text: str) -> str:
    return escape(text).replace('"', "&quot;")


def check_attrs(element: Any) -> None:
    allowed = _ALLOWED[element.tag]
    unknown = [name for name in element.attrib if name not in allowed]
    if unknown:
        raise fail(
            element,
            f"Thẻ <{element.tag}> không có thuộc tính '{unknown[0]}'. Các thuộc tính dùng được: "
            f"{', '.join(sorted(allowed)) or '(không có)'}.",
        )
