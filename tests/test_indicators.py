"""Indicator figures: parsing per type, Vietnamese formatting, subtotals, totals (the
workbook: test_xlsx_workbook.py)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from helpers import dedent

from sokket_cli.check import numbers
from sokket_cli.check.plan import Plan, read_plan
from sokket_cli.merge.figures import RowKind, build_table, cell_text

D = Decimal


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("45", numbers.INTEGER, D(45)),
        ("0", numbers.INTEGER, D(0)),
        ("0123", numbers.INTEGER, D(123)),
        (" 7 ", numbers.INTEGER, D(7)),
        ("12,5", numbers.DECIMAL, D("12.5")),
        ("12.5", numbers.DECIMAL, D("12.5")),
        ("-3,25", numbers.DECIMAL, D("-3.25")),
        ("0.125", numbers.DECIMAL, D("0.125")),
        ("96,5", numbers.PERCENT, D("96.5")),
        ("96,5%", numbers.PERCENT, D("96.5")),
        ("100", numbers.PERCENT, D(100)),
    ],
)
def test_parse_accepts(text: str, kind: str, value: Decimal) -> None:
    assert numbers.parse(text, kind) == (value, None)


@pytest.mark.parametrize(
    ("text", "kind", "says"),
    [
        ("1.000", numbers.INTEGER, "phân cách hàng nghìn"),
        ("25.104", numbers.INTEGER, "25104"),
        ("1 000", numbers.INTEGER, "phân cách hàng nghìn"),
        ("1,5", numbers.INTEGER, "không phải số nguyên"),
        ("45.0", numbers.INTEGER, "không phải số nguyên"),
        ("-3", numbers.INTEGER, "số âm"),
        ("12 người", numbers.INTEGER, "không phải là số"),
        ("no", numbers.INTEGER, "không phải là số"),
        ("1.000", numbers.DECIMAL, "không rõ nghĩa"),
        ("1.234,5", numbers.DECIMAL, "không phải là số"),
        ("-5", numbers.PERCENT, "tỷ lệ âm"),
        ("chín mươi", numbers.PERCENT, "96,5"),
    ],
)
def test_parse_refuses_with_an_explanation(text: str, kind: str, says: str) -> None:
    value, problem = numbers.parse(text, kind)
    assert value is None
    assert problem is not None and says in problem


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (D(0), "0"),
        (D(999), "999"),
        (D(1000), "1.000"),
        (D(25104), "25.104"),
        (D(1234567), "1.234.567"),
        (D("12.5"), "12,5"),
        (D("12.50"), "12,5"),
        (D("1234.75"), "1.234,75"),
        (D("-3.2"), "-3,2"),
        (None, "—"),
    ],
)
def test_vietnamese_number_format(value: Decimal | None, text: str) -> None:
    assert numbers.format_vn(value) == text


PLAN = """\
plan: {code: "30-KH/TU", issuer: "BTV", subject: "sơ kết", deadline: 2021-07-02}
sections: [{key: achievements, title: "Kết quả"}]
indicators:
  - {key: conferences, label: "Số hội nghị", unit: "hội nghị"}
  - {key: rate, label: "Tỷ lệ", unit: "%", type: percent, aggregate: mean}
  - {key: budget, label: "Kinh phí", unit: "triệu đồng", type: decimal}
  - {key: note, label: "Ghi chú số", aggregate: none}
units:
  - {id: a, name: "Quận ủy A", group: "Quận"}
  - {id: b, name: "Quận ủy B", group: "Quận"}
  - {id: c, name: "Huyện ủy C", group: "Huyện"}
  - {id: d, name: "Huyện ủy D", group: "Huyện"}
"""


@pytest.fixture
def plan(tmp_path: Path) -> Plan:
    path = tmp_path / "plan.yaml"
    path.write_text(dedent(PLAN), encoding="utf-8")
    return read_plan(path)


REPORTED = {
    "a": {"conferences": D(45), "rate": D("96.5"), "budget": D("12.5"), "note": D(1)},
    "b": {"conferences": D(1200), "rate": D("90")},
    "c": {"conferences": D(7), "budget": D("0.25")},
}


def test_table_rows_subtotals_and_total_against_hand_computed(plan: Plan) -> None:
    table = build_table(plan, REPORTED)
    assert [(r.kind, r.label) for r in table.rows] == [
        (RowKind.UNIT, "Quận ủy A"),
        (RowKind.UNIT, "Quận ủy B"),
        (RowKind.SUBTOTAL, "Cộng: Quận"),
        (RowKind.UNIT, "Huyện ủy C"),
        (RowKind.UNIT, "Huyện ủy D"),
        (RowKind.SUBTOTAL, "Cộng: Huyện"),
        (RowKind.TOTAL, "Tổng cộng"),
    ]
    rows = {r.label: r.values for r in table.rows}
    assert rows["Cộng: Quận"] == (D(1245), D("93.25"), D("12.5"), None)
    assert rows["Cộng: Huyện"] == (D(7), None, D("0.25"), None)
    assert rows["Tổng cộng"] == (D(1252), D("93.25"), D("12.75"), None)
    assert table.total.values == (D(1252), D("93.25"), D("12.75"), None)


def test_unreported_is_a_dash_never_zero(plan: Plan) -> None:
    table = build_table(plan, REPORTED)
    d_row = next(r for r in table.rows if r.label == "Huyện ủy D")
    assert d_row.reported is False
    texts = [cell_text(v, d_row, ind) for v, ind in zip(d_row.values, table.indicators, strict=True)]
    assert texts == ["—", "—", "—", "—"]
    total = table.total
    assert [cell_text(v, total, ind) for v, ind in zip(total.values, table.indicators, strict=True)] == ["1.252", "93,25", "12,75", ""]


def test_mean_ignores_units_that_did_not_report(plan: Plan) -> None:
    table = build_table(plan, {"a": {"rate": D("95")}, "b": {}, "c": {"rate": D("90")}})
    assert table.total.values[1] == D("92.5")


def test_single_group_has_no_subtotal_rows(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(dedent(PLAN).replace('group: "Huyện"', 'group: "Quận"'), encoding="utf-8")
    table = build_table(read_plan(path), REPORTED)
    assert [r.kind for r in table.rows].count(RowKind.SUBTOTAL) == 0
