"""Word's automatic numbering: the ``I.``, ``1.``, ``a)`` or ``-`` a list paragraph shows.

The label is not in the paragraph's text; it is computed from numbering.xml (a ``w:num`` points
to an abstract definition whose levels give a format and a pattern such as ``%1.%2.``) and from
how many paragraphs of the same list came before, which is why labels are asked in document
order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sokket_cli.intake.word.ooxml import W, child_val

BULLET = "bullet"
_LARGEST_SHOWN = 3999  # the largest roman numeral; letters repeat (number / 26) times
_PRIVATE_USE_BULLET = "•"  # Symbol/Wingdings bullets are private-use characters


@dataclass(frozen=True, slots=True)
class Level:
    format: str  # numFmt: decimal, upperRoman, lowerLetter, bullet...
    pattern: str  # lvlText: "%1.", "%1.%2.", "-", "+"
    start: int


@dataclass(slots=True)
class _List:
    levels: dict[int, Level]
    counters: dict[int, int] = field(default_factory=dict)


def _roman(number: int) -> str:
    numerals = (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    )
    out: list[str] = []
    for value, letters in numerals:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


def _letters(number: int) -> str:
    """1 -> a, 26 -> z, 27 -> aa (Word repeats the letter)."""
    if number < 1:
        return str(number)
    return chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)


def format_number(number: int, number_format: str) -> str:
    """A counter as the level's format shows it; beyond what a report can hold, as digits
    (a 'start' of 10**9 in a crafted file must not write a billion letters)."""
    if not 0 < number <= _LARGEST_SHOWN:
        return str(number)
    if number_format == "upperRoman":
        return _roman(number)
    if number_format == "lowerRoman":
        return _roman(number).lower()
    if number_format == "upperLetter":
        return _letters(number).upper()
    if number_format == "lowerLetter":
        return _letters(number)
    if number_format == "decimalZero":
        return f"{number:02d}"
    return str(number)


class Numbering:
    """The list definitions of one document, with Word's running counters."""

    def __init__(self, root: Any | None) -> None:
        self._abstract: dict[str, dict[int, Level]] = {}
        self._nums: dict[str, tuple[str, dict[int, int]]] = {}
        self._lists: dict[str, _List] = {}
        self._started: set[str] = set()
        if root is None:
            return
        for abstract in root.iter(f"{W}abstractNum"):
            self._abstract[abstract.get(f"{W}abstractNumId", "")] = _levels(abstract)
        for num in root.iter(f"{W}num"):
            abstract_id = child_val(num, "abstractNumId") or ""
            overrides: dict[int, int] = {}
            for override in num.iter(f"{W}lvlOverride"):
                start = child_val(override, "startOverride")
                if start is not None and start.isdigit():
                    overrides[_int(override.get(f"{W}ilvl"))] = int(start)
            self._nums[num.get(f"{W}numId", "")] = (abstract_id, overrides)

    def level(self, num_id: str, ilvl: int) -> Level | None:
        found = self._nums.get(num_id)
        if found is None:
            return None
        return self._abstract.get(found[0], {}).get(ilvl)

    def label(self, num_id: str, ilvl: int) -> tuple[str, str] | None:
        """(label, numFmt) of the next paragraph of list ``num_id`` at level ``ilvl``.

        Counters run per abstract definition, as in Word: two ``w:num`` sharing one continue
        each other unless one restarts with a ``startOverride``.
        """
        found = self._nums.get(num_id)
        if found is None:
            return None
        abstract_id, overrides = found
        levels = self._abstract.get(abstract_id)
        if not levels or ilvl not in levels:
            return None
        state = self._lists.setdefault(abstract_id, _List(levels))
        if num_id not in self._started:
            self._started.add(num_id)
            for overridden, start in overrides.items():
                state.counters[overridden] = start - 1
                for deeper in [k for k in state.counters if k > overridden]:
                    del state.counters[deeper]
        level = levels[ilvl]
        state.counters[ilvl] = state.counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in state.counters if k > ilvl]:
            del state.counters[deeper]
        if level.format == BULLET:
            return _bullet_text(level.pattern), BULLET
        if level.format == "none":
            return "", "none"
        text = level.pattern
        for index in range(9, -1, -1):
            placeholder = f"%{index + 1}"
            if placeholder in text:
                shown = levels.get(index, level)
                count = state.counters.get(index, shown.start)
                text = text.replace(placeholder, format_number(count, shown.format))
        return text, level.format


def _bullet_text(pattern: str) -> str:
    text = pattern.strip()
    if not text or any(0xE000 <= ord(char) <= 0xF8FF for char in text):
        return _PRIVATE_USE_BULLET
    return text


def _levels(abstract: Any) -> dict[int, Level]:
    levels: dict[int, Level] = {}
    for lvl in abstract.iter(f"{W}lvl"):
        start = child_val(lvl, "start") or "1"
        levels[_int(lvl.get(f"{W}ilvl"))] = Level(
            child_val(lvl, "numFmt") or "decimal",
            child_val(lvl, "lvlText") or "",
            int(start) if start.isdigit() else 1,
        )
    return levels


def _int(value: str | None) -> int:
    return int(value) if value and value.isdigit() else 0

