"""Indicator figures: parsed from the text as written, printed the Vietnamese way.

In Vietnamese writing ``1.000`` is one thousand and ``1,5`` is one and a half; YAML would read
``1.000`` as 1.0. So a figure is judged on its text, and a doubtful one is an error that says
why, never a silent conversion.
"""

from __future__ import annotations

import re
from decimal import Decimal

INTEGER = "integer"
DECIMAL = "decimal"
PERCENT = "percent"
TYPES = (INTEGER, DECIMAL, PERCENT)

_WHOLE = re.compile(r"[0-9]+")
_THOUSANDS = re.compile(r"[1-9][0-9]{0,2}([.,][0-9]{3})+")
_DECIMAL = re.compile(r"-?[0-9]+([.,][0-9]+)?")


MAX_DIGITS = 15  # what Excel (and a double) keeps exactly; a figure beyond it is a typo
_SHOWN = 40  # how much of a long figure a message quotes


def parse(text: str, kind: str) -> tuple[Decimal | None, str | None]:
    """Return (value, None) or (None, a Vietnamese explanation of what is wrong)."""
    raw = text.strip()
    if kind == PERCENT and raw.endswith("%"):
        raw = raw[:-1].rstrip()
    compact = raw.replace(" ", "").replace("\u00a0", "")
    if kind == INTEGER:
        if _WHOLE.fullmatch(raw):
            if len(raw) > MAX_DIGITS and len(raw.lstrip("0")) > MAX_DIGITS:
                return None, _too_long(text)
            return Decimal(raw), None
        if raw.startswith("-") and _WHOLE.fullmatch(raw[1:]):
            return None, f"'{_quote(text)}' là số âm; số liệu này phải là số nguyên không âm (0, 1, 2...)."
        if _THOUSANDS.fullmatch(compact) or (compact != raw and _WHOLE.fullmatch(compact)):
            return None, _grouped_integer(text, raw, compact)
        if _DECIMAL.fullmatch(compact):
            mark = "dấu phẩy" if "," in compact else "dấu chấm"
            return None, (
                f"'{_quote(text)}' không phải số nguyên (có phần lẻ sau {mark}); số liệu này phải "
                f"là số nguyên không âm. Nếu {mark} ở đây ngăn hàng nghìn, hãy bỏ nó đi và viết số liền."
            )
        return None, _not_a_number(text, "số nguyên không âm, ví dụ 45")
    # decimal and percent: comma (Vietnamese) or point as the decimal separator, no grouping
    if _THOUSANDS.fullmatch(compact.lstrip("-")) and "." in compact and "," not in compact:
        digits = compact.replace(".", "")
        return None, (
            f"'{_quote(text)}' không rõ nghĩa: theo cách viết Việt Nam dấu chấm ngăn hàng nghìn "
            f"({digits}), còn YAML đọc dấu chấm là dấu thập phân. Nếu là {digits}, hãy viết liền: "
            f"{digits}; nếu là số thập phân, hãy dùng dấu phẩy: \"{compact.replace('.', ',')}\"."
        )
    if not _DECIMAL.fullmatch(compact):
        example = "96,5" if kind == PERCENT else "12,5"
        return None, _not_a_number(text, f"số, phần thập phân viết sau dấu phẩy, ví dụ {example}")
    value = Decimal(compact.replace(",", "."))  # the pattern admits only plain decimals
    if len(compact) > MAX_DIGITS and _too_many_digits(value):
        return None, _too_long(text)
    if kind == PERCENT and value < 0:
        return None, f"'{_quote(text)}' là tỷ lệ âm; tỷ lệ phần trăm phải từ 0 trở lên."
    return value, None


def _grouped_integer(text: str, raw: str, compact: str) -> str:
    """Name the separator actually written: a space, a comma or a point between the digits."""
    digits = re.sub(r"[^0-9]", "", compact)
    if compact != raw:
        return f"'{_quote(text)}' có dấu cách phân cách hàng nghìn. Hãy viết số liền, không dấu cách: {digits}."
    if "," in compact and "." not in compact:
        return (
            f"'{_quote(text)}' có dấu phẩy, mà số liệu này là số nguyên (trong cách viết Việt Nam "
            f"dấu phẩy ngăn phần thập phân). Nếu đó là dấu phân cách hàng nghìn, hãy viết số liền: {digits}."
        )
    if "." in compact and "," not in compact:
        misread = f" (YAML đọc '{compact}' thành {format_vn(Decimal(compact))} chứ không phải {digits}.)" if compact.count(".") == 1 else ""
        return f"'{_quote(text)}' có dấu chấm phân cách hàng nghìn. Hãy viết số liền, không dấu chấm: {digits}.{misread}"
    return f"'{_quote(text)}' có cả dấu chấm và dấu phẩy phân cách hàng nghìn. Hãy viết số liền: {digits}."


def _too_many_digits(value: Decimal) -> bool:
    """At or above 10^15, or more than 15 significant digits (trailing zeros not counted)."""
    if value.is_zero():
        return False
    significant = len("".join(map(str, value.as_tuple().digits)).rstrip("0"))
    return value.adjusted() >= MAX_DIGITS or significant > MAX_DIGITS


def _too_long(text: str) -> str:
    return (
        f"'{_quote(text)}' có quá nhiều chữ số: sokket chỉ nhận số liệu có tối đa {MAX_DIGITS} "
        f"chữ số (nhỏ hơn 10^{MAX_DIGITS}), như Excel. Hãy kiểm tra lại số liệu này."
    )


def _quote(text: str) -> str:
    """A figure as messages quote it: a long one is cut, so a message stays one readable line."""
    text = text.strip()
    return text if len(text) <= _SHOWN else f"{text[:_SHOWN]}… ({len(text)} ký tự)"


def _not_a_number(text: str, expected: str) -> str:
    return f"'{_quote(text)}' không phải là số. Cần {expected}; đơn vị tính (người, lượt...) đã có trong kế hoạch, không ghi vào đây."


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
