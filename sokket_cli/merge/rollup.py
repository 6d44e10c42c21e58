"""A level's merged report as the unit report it sends to the level above.

The review runs from the grassroots up: a district compiles its communes, then reports to
the city as one unit. Each point goes up once, in its representative wording (with that
wording's sub-items); figures go up aggregated by the plan's own rules (sums summed, means
averaged, ``none`` left out), so the city's totals equal the sum over the communes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sokket_cli.check import numbers
from sokket_cli.check.schema import vn_date
from sokket_cli.check.unit import Item, content_key
from sokket_cli.merge.figures import aggregate
from sokket_cli.merge.outline import Entry, MergedReport

_MEAN_PLACES = Decimal("0.01")


@dataclass(frozen=True, slots=True)
class RolledUp:
    """What the unit file for the level above holds, as plain data."""

    content: dict[str, tuple[Item, ...]]
    indicators: dict[str, str]  # figures written as a clerk would (12,5), read back exactly
    header: tuple[str, ...]


def rollup(report: MergedReport, on: date) -> RolledUp:
    """The merged report's points, once each, and its aggregated figures; ``report`` must be
    merged with grouping on (each point in its representative wording)."""
    content: dict[str, tuple[Item, ...]] = {}
    for section in report.sections:
        for part in section.parts or (section,):
            key = content_key(section.key, part.key if section.parts else None)
            content[key] = tuple(_item(point.variants[0]) for point in part.points)
    indicators: dict[str, str] = {}
    for indicator in report.plan.indicators:
        total = aggregate(indicator, (s.indicators.get(indicator.key) for s in report.compiled))
        if total is None:
            continue
        if indicator.aggregate == "mean":
            total = total.quantize(_MEAN_PLACES).normalize()
        indicators[indicator.key] = _written(total)
    names = ", ".join(s.unit.name for s in report.compiled) or "không có"
    header = [
        f"Báo cáo tổng hợp lập bằng sokket ngày {vn_date(on)} theo Kế hoạch {report.plan.code}.",
        f"Tổng hợp từ {len(report.compiled)}/{len(report.plan.units)} đơn vị: {names}.",
    ]
    if report.missing:
        header.append(f"Chưa gửi báo cáo: {', '.join(u.name for u in report.missing)}.")
    if report.skipped:
        header.append(f"Báo cáo còn lỗi, chưa tổng hợp: {', '.join(u.name for u in report.skipped)}.")
    return RolledUp(content, indicators, tuple(header))


def _item(entry: Entry) -> Item:
    return Item(entry.text, tuple(_item(child) for child in entry.items))


def _written(value: Decimal) -> str:
    """``1250``, ``12,5``: how numbers.parse reads a figure back for every type."""
    return numbers.format_vn(value).replace(".", "")
