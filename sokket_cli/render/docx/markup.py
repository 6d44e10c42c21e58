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
_NUMBER = re.compile(r"\s*(\d+(?:[.,]\d+)?)\s*")
MAX_TWIPS = 31_680  # 22 in (55.88 cm), Word's largest page side: no length in a document is longer

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


def shown(value: str) -> str:
    """An attribute value as quoted in a message: a value thousands of characters long is
    cut in the middle, keeping its end (where the unit is)."""
    return value if len(value) <= 40 else f"{value[:24]}…{value[-8:]}"


def number(value: str) -> float | None:
    """A plain decimal number as templates write it (``1.15``, ``1,5``), else None.

    Stricter than ``float``: no sign, exponent, ``_``, ``inf`` or ``nan``, so every number
    a template gives is finite (a 400-digit one is infinite and fails the caller's bounds).
    """
    match = _NUMBER.fullmatch(value)
    return float(match.group(1).replace(",", ".")) if match else None


def twips(value: str, element: Any = None, name: str = "", *, signed: bool = False) -> int:
    """A length such as ``20mm``, ``1.5cm``, ``6pt`` or ``0.5in`` in twentieths of a point.

    Negative only where OOXML allows it (``signed``: left and right indents, top and bottom
    margins); elsewhere Word declares the file damaged and offers to "repair" it.
    """
    match = LENGTH.match(value)
    if match is None:
        raise fail(element, f"'{name}=\"{shown(value)}\"' không phải độ dài (ví dụ 20mm, 1cm, 6pt).")
    amount = float(match.group(1).replace(",", ".")) * TWIPS_PER[match.group(2)]
    if amount < 0 and not signed:
        hint = ""
        if name == "first-line-indent":
            hint = " Muốn thụt treo (dòng đầu lùi ra) thì dùng hanging-indent=\"10mm\"."
        raise fail(
            element,
            f"'{name}=\"{shown(value)}\"' không được âm (Word sẽ báo tệp bị hỏng); ghi 0 hoặc "
            f"một độ dài dương, ví dụ {name}=\"6pt\".{hint}",
        )
    if not abs(amount) <= MAX_TWIPS:  # also catches a length too long to be finite
        raise fail(
            element,
            f"'{name}=\"{shown(value)}\"' quá lớn: trong Word không độ dài nào vượt quá 55,88 cm "
            "(khổ giấy lớn nhất); ghi độ dài thật cần dùng, ví dụ 20mm.",
        )
    return round(amount)


def half_points(value: str, element: Any, name: str) -> int:
    size = number(value)
    if size is None:
        raise fail(element, f"'{name}=\"{shown(value)}\"' phải là cỡ chữ tính bằng pt, ví dụ 14.")
    if not 1 <= size <= 400:
        raise fail(element, f"Cỡ chữ '{shown(value)}' không hợp lý; ghi từ 1 đến 400 (pt), ví dụ {name}=\"14\".")
    return round(size * 2)


def flag(value: str, element: Any, name: str) -> bool:
    if value not in _BOOL:
        raise fail(element, f"'{name}=\"{shown(value)}\"' chỉ nhận true hoặc false.")
    return _BOOL[value]


def choice(table: dict[str, str], value: str, element: Any, name: str) -> str:
    if value not in table:
        raise fail(element, f"'{name}=\"{shown(value)}\"' không hợp lệ; chọn một trong: {', '.join(table)}.")
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
