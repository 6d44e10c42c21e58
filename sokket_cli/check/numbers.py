"""Indicator figures: parsed from the text as written, printed the Vietnamese way.

In Vietnamese writing ``1.000`` is one thousand and ``1,5`` is one and a half; YAML would read
``1.000`` as 1.0. So a figure is judged on its text, and a doubtful one is an error that says
why, never a silent conversion. The patterns and messages are module data so the HTML form
checks figures with exactly these rules (:func:`rules`).
"""

from __future__ import annotations

import re
import sys
from decimal import Decimal
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
# A grouped whole number, by the separator written ({digits}: what to write instead)
GROUPED_BY_SPACE = "'{text}' có dấu cách phân cách hàng nghìn. Hãy viết số liền, không dấu cách: {digits}."
GROUPED_BY_COMMA = (
    "'{text}' có dấu phẩy, mà số liệu này là số nguyên (trong cách viết Việt Nam dấu phẩy ngăn "
    "phần thập phân). Nếu đó là dấu phân cách hàng nghìn, hãy viết số liền: {digits}."
)
GROUPED_BY_POINT = (
    "'{text}' có dấu chấm phân cách hàng nghìn. Hãy viết số liền, không dấu chấm: {digits}. "
    "(YAML đọc dấu chấm là dấu thập phân: '1.000' thành 1 chứ không phải 1000.)"
)
GROUPED_MIXED = "'{text}' có cả dấu chấm và dấu phẩy phân cách hàng nghìn. Hãy viết số liền: {digits}."
NOT_INTEGER = (
    "'{text}' không phải số nguyên (có phần lẻ sau {mark}); số liệu này phải là số nguyên không "
    "âm. Nếu {mark} ở đây ngăn hàng nghìn, hãy bỏ nó đi và viết số liền."
)
MARKS = {",": "dấu phẩy", ".": "dấu chấm"}  # {mark} in NOT_INTEGER
AMBIGUOUS_DECIMAL = (
    "'{text}' không rõ nghĩa: theo cách viết Việt Nam dấu chấm ngăn hàng nghìn ({digits}), còn "
    "YAML đọc dấu chấm là dấu thập phân. Nếu là {digits}, hãy viết liền: {digits}; nếu là số "
    "thập phân, hãy dùng dấu phẩy: \"{comma}\"."
)
MAX_DIGITS = 15  # what Excel (and a double) keeps exactly; a figure beyond it is a typo
SHOWN = 40  # how many characters of a too-long figure TOO_MANY_DIGITS quotes
TOO_MANY_DIGITS = (
    "'{text}' có quá nhiều chữ số: sokket chỉ nhận số liệu có tối đa 15 chữ số (nhỏ hơn "
    "10^15), như Excel. Hãy kiểm tra lại số liệu này."
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
            if len(raw) > MAX_DIGITS and len(raw.lstrip("0")) > MAX_DIGITS:
                return None, TOO_MANY_DIGITS.format(text=_quote(text))
            return Decimal(raw), None
        if raw.startswith("-") and _WHOLE.fullmatch(raw[1:]):
            return None, NEGATIVE_INTEGER.format(text=text)
        if _THOUSANDS.fullmatch(compact) or (compact != raw and _WHOLE.fullmatch(compact)):
            return None, _grouped_integer(text, raw, compact)
        if _DECIMAL.fullmatch(compact):
            if "," not in compact and "." not in compact:  # "- 3": negative, with a space
                return None, NEGATIVE_INTEGER.format(text=text)
            return None, NOT_INTEGER.format(text=text, mark=MARKS["," if "," in compact else "."])
        return None, NOT_A_NUMBER.format(text=text, expected=EXPECTED[INTEGER])
    # decimal and percent: comma (Vietnamese) or point as the decimal separator, no grouping
    if _THOUSANDS.fullmatch(compact.lstrip("-")) and "." in compact and "," not in compact:
        digits, comma = compact.replace(".", ""), compact.replace(".", ",")
        return None, AMBIGUOUS_DECIMAL.format(text=text, digits=digits, comma=comma)
    if not _DECIMAL.fullmatch(compact):
        return None, NOT_A_NUMBER.format(text=text, expected=EXPECTED[kind])
    value = Decimal(compact.replace(",", "."))  # the pattern admits only plain decimals
    if len(compact) > MAX_DIGITS and _too_many_digits(value):
        return None, TOO_MANY_DIGITS.format(text=_quote(text))
    if kind == PERCENT and value < 0:
        return None, NEGATIVE_PERCENT.format(text=text)
    return value, None


def _grouped_integer(text: str, raw: str, compact: str) -> str:
    """Name the separator actually written: a space, a comma or a point between the digits."""
    digits = re.sub(r"[^0-9]", "", compact)
    if compact != raw:
        template = GROUPED_BY_SPACE
    elif "." not in compact:
        template = GROUPED_BY_COMMA
    elif "," not in compact:
        template = GROUPED_BY_POINT
    else:
        template = GROUPED_MIXED
    return template.format(text=text, digits=digits)


def _too_many_digits(value: Decimal) -> bool:
    """At or above 10^15, or more than 15 significant digits (trailing zeros not counted)."""
    if value.is_zero():
        return False
    significant = len("".join(map(str, value.as_tuple().digits)).rstrip("0"))
    return value.adjusted() >= MAX_DIGITS or significant > MAX_DIGITS


def _quote(text: str) -> str:
    """A too-long figure as TOO_MANY_DIGITS quotes it: cut, so the message stays readable."""
    text = text.strip()
    return text if len(text) <= SHOWN else f"{text[:SHOWN]}… ({len(text)} ký tự)"


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
            "grouped_by_space": GROUPED_BY_SPACE,
            "grouped_by_comma": GROUPED_BY_COMMA,
            "grouped_by_point": GROUPED_BY_POINT,
            "grouped_mixed": GROUPED_MIXED,
            "not_integer": NOT_INTEGER,
            "too_many_digits": TOO_MANY_DIGITS,
            "ambiguous_decimal": AMBIGUOUS_DECIMAL,
            "negative_percent": NEGATIVE_PERCENT,
            "not_a_number": NOT_A_NUMBER,
        },
        "expected": EXPECTED,
        "marks": MARKS,
        "max_digits": MAX_DIGITS,
        "shown": SHOWN,
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


def as_number(value: Decimal) -> int | float:
    """A figure for JSON or Excel: an int when whole (shown without decimals), else the
    nearest float."""
    return int(value) if value == value.to_integral_value() else float(value)
