"""Indicator figures: parsed from the text as written, printed the Vietnamese way.

In Vietnamese writing ``1.000`` is one thousand and ``1,5`` is one and a half; YAML would read
``1.000`` as 1.0. So a figure is judged on its text, and a doubtful one is an error that says
why, never a silent conversion. The patterns and messages are module data so the HTML form
checks figures with exactly these rules (:func:`rules`).
"""

from __future__ import annotations

import re
import sys
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

INTEGER = "integer"
DECIMAL = "decimal"
PERCENT = "percent"
TYPES = (INTEGER, DECIMAL, PERCENT)

WHOLE_PATTERN = r"[0-9]+"
THOUSANDS_PATTERN = r"[1-9][0-9]{0,2}([.,][0-9]{3})+"
DECIMAL_PATTERN = r"-?[0-9]+([.,][0-9]+)?"
_WHOLE = re.compile(WHOLE_PATTERN)
_THOUSANDS = re.compile(THOUSANDS_PATTERN)
_DECIMAL = re.compile(DECIMAL_PATTERN)
IGNORED_SPACES = " \u00a0"  # removed from a figure before it is judged ("1 000")

# Message templates; {text} is the figure as written. validate prefixes each with the
# indicator it concerns (INDICATOR_PROBLEM).
INDICATOR_PROBLEM = "Chỉ tiêu '{key}' ({label}): {problem}"
NEGATIVE_INTEGER = "'{text}' là số âm; số liệu này phải là số nguyên không âm (0, 1, 2...)."
GROUPED_INTEGER = (
    "'{text}' có dấu phân cách hàng nghìn. Hãy viết số liền, không dấu chấm, dấu phẩy hay dấu "
    "cách: {digits}. (YAML đọc '1.000' thành 1,0 chứ không phải một nghìn.)"
)
NOT_INTEGER = (
    "'{text}' không phải số nguyên; số liệu này phải là số nguyên không âm. Nếu dấu chấm hoặc "
    "phẩy là phân cách hàng nghìn, hãy bỏ nó đi."
)
AMBIGUOUS_DECIMAL = (
    "'{text}' không rõ nghĩa: '1.000' theo cách viết Việt Nam là một nghìn, theo YAML là 1,0. "
    "Hãy viết số thập phân bằng dấu phẩy (12,5) và không dùng dấu phân cách hàng nghìn."
)
NEGATIVE_PERCENT = "'{text}' là tỷ lệ âm; tỷ lệ phần trăm phải từ 0 trở lên."
NOT_A_NUMBER = (
    "'{text}' không phải là số. Cần {expected}; đơn vị tính (người, lượt...) đã có trong kế "
    "hoạch, không ghi vào đây."
)
EXPECTED = {
    INTEGER: "số nguyên không âm, ví dụ 45",
    DECIMAL: "số, phần thập phân viết sau dấu phẩy, ví dụ 12,5",
    PERCENT: "số, phần thập phân viết sau dấu phẩy, ví dụ 96,5",
}


def parse(text: str, kind: str) -> tuple[Decimal | None, str | None]:
    """Return (value, None) or (None, a Vietnamese explanation of what is wrong)."""
    raw = text.strip()
    if kind == PERCENT and raw.endswith("%"):
        raw = raw[:-1].rstrip()
    compact = raw.replace(" ", "").replace("\u00a0", "")  # IGNORED_SPACES; translate is slower
    if kind == INTEGER:
        if _WHOLE.fullmatch(raw):
            return Decimal(raw), None
        if raw.startswith("-") and _WHOLE.fullmatch(raw[1:]):
            return None, NEGATIVE_INTEGER.format(text=text)
        if _THOUSANDS.fullmatch(compact) or (compact != raw and _WHOLE.fullmatch(compact)):
            digits = re.sub(r"[^0-9]", "", compact)
            return None, GROUPED_INTEGER.format(text=text, digits=digits)
        if _DECIMAL.fullmatch(compact):
            return None, NOT_INTEGER.format(text=text)
        return None, NOT_A_NUMBER.format(text=text, expected=EXPECTED[INTEGER])
    # decimal and percent: comma (Vietnamese) or point as the decimal separator, no grouping
    if _THOUSANDS.fullmatch(compact.lstrip("-")) and "." in compact and "," not in compact:
        return None, AMBIGUOUS_DECIMAL.format(text=text)
    if not _DECIMAL.fullmatch(compact):
        return None, NOT_A_NUMBER.format(text=text, expected=EXPECTED[kind])
    try:
        value = Decimal(compact.replace(",", "."))
    except InvalidOperation:  # pragma: no cover - the pattern above admits only valid numbers
        return None, NOT_A_NUMBER.format(text=text, expected="số")
    if kind == PERCENT and value < 0:
        return None, NEGATIVE_PERCENT.format(text=text)
    return value, None


@cache
def _python_whitespace() -> str:
    """What ``str.strip()`` removes, which differs from JavaScript's ``trim()``."""
    return "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace())


def rules() -> dict[str, Any]:
    """The data :func:`parse` judges by, for the HTML form's script to apply the same way."""
    return {
        "whitespace": _python_whitespace(),
        "ignored_spaces": IGNORED_SPACES,
        "patterns": {
            "whole": WHOLE_PATTERN,
            "thousands": THOUSANDS_PATTERN,
            "decimal": DECIMAL_PATTERN,
        },
        "messages": {
            "indicator_problem": INDICATOR_PROBLEM,
            "negative_integer": NEGATIVE_INTEGER,
            "grouped_integer": GROUPED_INTEGER,
            "not_integer": NOT_INTEGER,
            "ambiguous_decimal": AMBIGUOUS_DECIMAL,
            "negative_percent": NEGATIVE_PERCENT,
            "not_a_number": NOT_A_NUMBER,
        },
        "expected": EXPECTED,
    }


def format_vn(value: Decimal | None, places: int | None = None) -> str:
    """``25104`` -> ``25.104``; ``12.5`` -> ``12,5``; None (not reported) -> an em dash."""
    if value is None:
        return "—"
    if places is not None:
        value = value.quantize(Decimal(1).scaleb(-places))
    sign = "-" if value < 0 else ""
    whole, _, fraction = f"{abs(value):f}".partition(".")
    fraction = fraction.rstrip("0") if places is None else fraction
    head = len(whole) % 3 or 3  # grouped as text: int() refuses more than 4,300 digits
    groups = ".".join([whole[:head], *(whole[i : i + 3] for i in range(head, len(whole), 3))])
    return f"{sign}{groups},{fraction}" if fraction else f"{sign}{groups}"
