"""Figures far outside everyday sizes: totals stay exact, and the table, its text and the
workbook are made without an internal error."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from sokket_cli.check import numbers
from sokket_cli.check.plan import Indicator, Plan, PlanUnit, ReportSettings
from sokket_cli.merge.figures import aggregate, build_table, cell_text
from sokket_cli.write.xlsx_writer import write_workbook

D = Decimal
RATE = Indicator("rate", "Tỷ lệ", "%", numbers.PERCENT, "mean")
COUNT = Indicator("count", "Số lượng")
LONG = D("9" * 5000)  # more digits than int() converts to text (4,300)


def plan_of(*indicators: Indicator) -> Plan:
    units = (PlanUnit("a", "Đơn vị A", "Nhóm 1"), PlanUnit("b", "Đơn vị B", "Nhóm 2"))
    return Plan(Path("plan.yaml"), "1", None, "", "", None, ReportSettings(), (), units, indicators)


def test_a_mean_of_ten_to_the_27_is_exact() -> None:
    assert aggregate(RATE, [D(10) ** 27, D(5)]) == D("500000000000000000000000002.5")


def test_means_round_half_to_even_to_two_places() -> None:
    assert aggregate(RATE, [D("0.125")]) == D("0.12")
    assert aggregate(RATE, [D("0.135")]) == D("0.14")
    assert aggregate(RATE, [D(1), D(2), D(2)]) == D("1.67")
    assert aggregate(RATE, [D(95), D(90)]) == D("92.5")


def test_a_long_sum_is_not_rounded_to_28_digits() -> None:
    assert aggregate(COUNT, [LONG, D(1)]) == D(10) ** 5000


def test_the_table_and_its_text_take_a_figure_of_5000_digits() -> None:
    table = build_table(plan_of(COUNT, RATE), {"a": {"count": LONG, "rate": D(10) ** 27}, "b": {"count": D(1)}})
    text = cell_text(table.total.values[0], table.total, COUNT)
    assert text.replace(".", "") == "1" + "0" * 5000
    assert text.startswith("100.000.") and all(len(group) == 3 for group in text.split(".")[1:])
    assert cell_text(table.total.values[1], table.total, RATE) == "1.000.000.000.000.000.000.000.000.000"


def test_the_workbook_writes_what_excel_cannot_hold_as_text(tmp_path: Path) -> None:
    plan = plan_of(COUNT, RATE)
    out = tmp_path / "so-lieu.xlsx"
    write_workbook(plan, build_table(plan, {"a": {"count": LONG, "rate": D(10) ** 27}, "b": {"count": D(1)}}), out)
    rows = {r[1]: r for r in load_workbook(out, data_only=True).active.iter_rows(min_row=5, values_only=True)}
    assert rows["Đơn vị A"][2] == numbers.format_vn(LONG)  # past Excel's 1E+308: text, every digit
    assert float(rows["Đơn vị A"][3]) == 1e27  # within Excel's range: a number
    assert rows["Tổng cộng"][2] == numbers.format_vn(D(10) ** 5000)
    assert float(rows["Tổng cộng"][3]) == 1e27
