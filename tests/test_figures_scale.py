"""The figures table grows linearly with the plan, however many groups it has."""

from __future__ import annotations

import time
from decimal import Decimal
from pathlib import Path

from sokket_cli.check.plan import Indicator, Plan, PlanUnit, ReportSettings
from sokket_cli.merge.figures import RowKind, build_table

INDICATORS = (
    Indicator("meetings", "Số hội nghị"),
    Indicator("rate", "Tỷ lệ", "%", "percent", "mean"),
)


def plan_of(units: tuple[PlanUnit, ...]) -> Plan:
    return Plan(Path("plan.yaml"), "30-KH/TU", None, "", "", None, ReportSettings(), (), units, INDICATORS)


def test_many_groups_take_linear_time() -> None:
    # 20,000 units in 10,000 groups: a scan of every unit per group is 2e8 steps (over a
    # minute); one pass takes well under a second.
    units = tuple(PlanUnit(f"u{i}", f"Đơn vị {i}", f"Nhóm {i // 2}") for i in range(20_000))
    reported = {unit.id: {"meetings": Decimal(1), "rate": Decimal(50)} for unit in units[::3]}
    start = time.perf_counter()
    table = build_table(plan_of(units), reported)
    assert time.perf_counter() - start < 10
    assert len(table.rows) == 20_000 + 10_000 + 1
    assert table.total.values == (Decimal(len(reported)), Decimal(50))


def test_groups_keep_the_order_they_first_appear_in_with_their_members_together() -> None:
    units = (
        PlanUnit("a1", "A một", "A"),
        PlanUnit("b1", "B một", "B"),
        PlanUnit("a2", "A hai", "A"),
    )
    table = build_table(plan_of(units), {"a1": {"meetings": Decimal(2)}, "a2": {"meetings": Decimal(3)}})
    assert [(row.kind, row.label) for row in table.rows] == [
        (RowKind.UNIT, "A một"),
        (RowKind.UNIT, "A hai"),
        (RowKind.SUBTOTAL, "Cộng: A"),
        (RowKind.UNIT, "B một"),
        (RowKind.SUBTOTAL, "Cộng: B"),
        (RowKind.TOTAL, "Tổng cộng"),
    ]
    assert [row.values[0] for row in table.rows] == [2, 3, 5, None, None, 5]
