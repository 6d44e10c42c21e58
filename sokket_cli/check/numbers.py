"""Indicator figures: parsed from the text as written, printed the Vietnamese way.

In Vietnamese writing ``1.000`` is one thousand and ``1,5`` is one and a half; YAML would read
``1.000`` as 1.0. So a figure is judged on its text, and a doubtful one is an error that says
why, never a silent conversion.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

INTEGER = "integer"
DECIMAL = "decimal"
PERCENT = "percent"
TYPES = (INTEGER, DECIMAL, PERCENT)

_WHOLE = re.compile(r"[0-9]+")
_THOUSANDS = re.compile(r"[1-9][0-9]{0,2}([.,][0-9]{3})+")
_DECIMAL = re.compile(r"-?[0-9]+([.,][0-9]+)?")


def parse(text: str, kind: str) -> tuple[Decimal | None, str | None]:
    """Return (value, None) or (None, a Vietnamese explanation of what is wrong)."""
    raw = text.strip()
    if kind == PERCENT and raw.endswith("%"):
        raw = raw[:-1].rstrip()
    compact = raw.replace(" ", "").replace("\u00a0", "")
    if kind == INTEGER:
        if _WHOLE.fullmatch(raw):
            return Decimal(raw), None
        if raw.startswith("-") and _WHOLE.fullmatch(raw[1:]):
            return None, f"'{text}' là số âm; số liệu này phải là số nguyên không âm (0, 1, 2...)."
        if _THOUSANDS.fullmatch(compact) or (compact != raw and _WHOLE.fullmatch(compact)):
            digits = re.sub(r"[^0-9]", "", compact)
            return None, (
                f"'{text}' có dấu phân cách hàng nghìn. Hãy viết số liền, không dấu chấm, dấu "
                f"phẩy hay dấu cách: {digits}. (YAML đọc '1.000' thành 1,0 chứ không phải một "
                "nghìn.)"
            )
        if _DECIMAL.fullmatch(compact):
            return None, (
                f"'{text}' không phải số nguyên; số liệu này phải là số nguyên không âm. Nếu "
                "dấu chấm hoặc phẩy là phân cách hàng nghìn, hãy bỏ nó đi."
            )
        return None, _not_a_number(text, "số nguyên không âm, ví dụ 45")
    # decimal and percent: comma (Vietnamese) or point as the decimal separator, no grouping
    if _THOUSANDS.fullmatch(compact.lstrip("-")) and "." in compact and "," not in compact:
        return None, (
            f"'{text}' không rõ nghĩa: '1.000' theo cách viết Việt Nam là một nghìn, theo YAML "
            "là 1,0. Hãy viết số thập phân bằng dấu phẩy (12,5) và không dùng dấu phân cách "
            "hàng nghìn."
        )
    if not _DECIMAL.fullmatch(compact):
        example = "96,5" if kind == PERCENT else "12,5"
        return None, _not_a_number(text, f"số, phần thập phân viết sau dấu phẩy, ví dụ {example}")
    try:
        value = Decimal(compact.replace(",", "."))
    except InvalidOperation:  # pragma: no cover - the pattern above admits only valid numbers
        return None, _not_a_number(text, "số")
    if kind == PERCENT and value < 0:
        return None, f"'{text}' là tỷ lệ âm; tỷ lệ phần trăm phải từ 0 trở lên."
    return value, None


def _not_a_number(text: str, expected: str) -> str:
    return f"'{text}' không phải là số. Cần {expected}; đơn vị tính (người, lượt...) đã có trong kế hoạch, không ghi vào đây."


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
