"""Starter plans for ``sokket init``: the structures a review is organised in, as data.

Each starter is a :class:`~sokket_cli.check.plan.Plan` built in Python and written out by
:func:`sokket_cli.write.planfile.plan_yaml`, so what init writes always reads back as the
same plan. The names users choose (``--mau``) are Vietnamese.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sokket_cli.check.plan import Plan


@dataclass(frozen=True, slots=True)
class Starter:
    """``example_units``: the unit list is made of examples to replace with the real list."""

    name: str
    description: str
    module: str  # in this package, with ``plan(today) -> Plan``; imported only when used
    example_units: bool

    def build(self, today: date) -> Plan:
        """The starter's plan, dated from ``today`` where it is a new review."""
        plan: Plan = importlib.import_module(f"{__name__}.{self.module}").plan(today)
        return plan


STARTERS = {
    starter.name: starter
    for starter in (
        Starter(
            "hai-cap",
            "cấu trúc hiện hành từ 1/7/2025 (chính quyền hai cấp): các đảng ủy xã, phường, đặc "
            "khu và các đảng ủy, cơ quan trực thuộc Tỉnh ủy/Thành ủy; danh sách đơn vị là ví dụ",
            "hai_cap",
            example_units=True,
        ),
        Starter(
            "ha-noi-2021",
            "Kế hoạch 30-KH/TU (2021) của Thành ủy Hà Nội: quận ủy, huyện ủy, thị ủy, đảng ủy "
            "trực thuộc, ban đảng, Mặt trận và đoàn thể (bộ ví dụ examples/so-ket-nq4)",
            "ha_noi_2021",
            example_units=False,
        ),
    )
}
DEFAULT_STARTER = "hai-cap"
