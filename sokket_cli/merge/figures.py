"""The figures table: one row per plan unit, group subtotals and a total, per indicator.

Pure data: the .docx appendix, the template's totals and the Excel workbook are all drawn
from the same :class:`FigureTable`, so the three can never disagree.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import MAX_PREC, Decimal, localcontext
from enum import Enum
from fractions import Fraction

from sokket_cli.check import numbers
from sokket_cli.check.plan import Indicator, Plan, PlanUnit

MEAN_PLACES = 2  # a mean is shown to two decimals at most (trailing zeros dropped)


class RowKind(str, Enum):
    UNIT = "unit"
    SUBTOTAL = "subtotal"
    TOTAL = "total"


@dataclass(frozen=True, slots=True)
class FigureRow:
    """``values[i]`` belongs to ``table.indicators[i]``; None means nothing to show."""

    kind: RowKind
    label: str
    group: str
    values: tuple[Decimal | None, ...]
    reported: bool = True  # for unit rows: did the unit send a valid report


@dataclass(frozen=True, slots=True)
class FigureTable:
    indicators: tuple[Indicator, ...]
    rows: tuple[FigureRow, ...]

    @property
    def total(self) -> FigureRow:
        return self.rows[-1]


def aggregate(indicator: Indicator, values: Iterable[Decimal | None]) -> Decimal | None:
    """Sum, mean or nothing over the values units reported; None when none reported.

    Exact at any size: Decimal's default context keeps 28 digits, which silently rounds a
    long sum and makes ``quantize`` fail on a mean of 10^27.
    """
    present = [v for v in values if v is not None]
    if indicator.aggregate == "none" or not present:
        return None
    with localcontext() as context:
        context.prec = MAX_PREC  # sums stay exact; they take only the digits they need
        total = sum(present, Decimal(0))
        if indicator.aggregate != "mean":
            return total
        hundredths = round(Fraction(total) * 10**MEAN_PLACES / len(present))  # half to even
        return Decimal(hundredths).scaleb(-MEAN_PLACES).normalize()


def build_table(plan: Plan, reported: Mapping[str, Mapping[str, Decimal]]) -> FigureTable:
    """``reported`` maps the id of each compiled unit to its figures.

    Every plan unit gets a row, in plan order, so a reader sees who is missing; a unit
    that reported nothing has None (shown as '—'), never 0.
    """
    indicators = plan.indicators
    rows: list[FigureRow] = []
    unit_rows: list[FigureRow] = []
    members: dict[str, list[PlanUnit]] = {}  # by group, in order of first appearance
    for unit in plan.units:  # one pass: a scan of all units per group is quadratic
        members.setdefault(unit.group, []).append(unit)
    show_subtotals = len(members) > 1
    for group, group_units in members.items():
        group_rows = [
            FigureRow(
                RowKind.UNIT,
                unit.name,
                group,
                tuple(reported.get(unit.id, {}).get(ind.key) for ind in indicators),
                reported=unit.id in reported,
            )
            for unit in group_units
        ]
        rows.extend(group_rows)
        unit_rows.extend(group_rows)
        if show_subtotals:
            rows.append(_sum_row(RowKind.SUBTOTAL, f"Cộng: {group}" if group else "Cộng", group, indicators, group_rows))
    rows.append(_sum_row(RowKind.TOTAL, "Tổng cộng", "", indicators, unit_rows))
    return FigureTable(indicators, tuple(rows))


def _sum_row(
    kind: RowKind, label: str, group: str, indicators: Sequence[Indicator], rows: Sequence[FigureRow]
) -> FigureRow:
    values = tuple(aggregate(ind, (row.values[i] for row in rows)) for i, ind in enumerate(indicators))
    return FigureRow(kind, label, group, values)


def cell_text(value: Decimal | None, row: FigureRow, indicator: Indicator) -> str:
    """What a table cell shows: Vietnamese digits; '—' where a unit reported nothing; blank
    where a total is not computed (aggregate: none)."""
    if value is None:
        return "" if row.kind is not RowKind.UNIT and indicator.aggregate == "none" else "—"
    return numbers.format_vn(value)
