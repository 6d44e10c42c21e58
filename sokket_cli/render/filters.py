"""The helpers templates may call: numbering, Vietnamese dates, unit names, punctuation.

They take the plain data of :mod:`sokket_cli.render.context` (a unit is a mapping with a
``name``) and refuse arguments that would make them build unbounded text.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

# Vietnamese lettering of points (điểm) a), b), ... skips f, j, w, z and adds đ.
_LETTERS = tuple("abcdđeghiklmnopqrstuvxy")
_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)
LARGEST_NUMERAL = 100_000  # 100 "M"s already; beyond, roman() would build text without bound


def roman(number: int) -> str:
    """1 -> I, 4 -> IV: section numbers of a Party report."""
    if number > LARGEST_NUMERAL:
        raise ValueError(f"số {number} quá lớn để viết bằng chữ số La Mã (tối đa {LARGEST_NUMERAL})")
    out = []
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


def letter(number: int) -> str:
    """1 -> a, 5 -> đ: the Vietnamese point letters (a, b, c, d, đ, e, g, ...)."""
    count = len(_LETTERS)
    prefix = "" if number <= count else letter((number - 1) // count)
    return prefix + _LETTERS[(number - 1) % count]


def _day(value: int) -> str:
    return f"{value:02d}"


def _month(value: int) -> str:
    return f"{value:02d}" if value < 3 else str(value)


def short_date(value: date | None) -> str:
    """08/6/2021: days below 10 and months 1-2 take a leading zero, as in Party texts."""
    if value is None:
        return ""
    return f"{_day(value.day)}/{_month(value.month)}/{value.year}"


def long_date(value: date | None, year: int | None = None, blank: str = "   ") -> str:
    """``ngày 02 tháng 7 năm 2021``; without a date, ``ngày   tháng   năm 2021`` to sign in."""
    if value is None:
        return f"ngày{blank}tháng{blank}năm {year if year is not None else ''}".rstrip()
    return f"ngày {_day(value.day)} tháng {_month(value.month)} năm {value.year}"


def unit_names(units: Iterable[Mapping[str, Any]], separator: str = ", ") -> str:
    """The units' names in the given (plan) order, joined; a compiled unit counts as its unit."""
    return separator.join([u["unit"]["name"] if "unit" in u else u["name"] for u in units])


def ends_colon(text: str) -> bool:
    """Whether an item ends with ':' (it leads into its sub-items)."""
    return text.rstrip().endswith(":")


def without_colon(text: str) -> str:
    """The text without its closing ':', so the attribution can stand before the colon:
    '... vi phạm (Quận ủy Ba Đình):' rather than '... vi phạm: (Quận ủy Ba Đình)'."""
    stripped = text.rstrip()
    return stripped[:-1].rstrip() if stripped.endswith(":") else text


def ends_sentence(text: str) -> bool:
    """Whether the text already ends in punctuation, so the template adds none."""
    stripped = text.rstrip().rstrip("\"'”’)»")
    return bool(stripped) and unicodedata.category(stripped[-1]).startswith("P")
