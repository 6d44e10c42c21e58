"""The --xlsx workbook, read back twice with openpyxl: the formulas a clerk edits, and the
values cached for readers that never recalculate."""

from __future__ import annotations

import time
from decimal import Decimal
from pathlib import Path

import pytest
from helpers import dedent
from openpyxl import load_workbook

from sokket_cli.check.plan import Indicator, Plan, PlanUnit, ReportSettings, read_plan
from sokket_cli.errors import OutputError
from sokket_cli.merge.figures import build_table
from sokket_cli.write.xlsx_writer import write_workbook

D = Decimal
PLAN = """\
plan: {code: "30-KH/TU", issuer: "BTV", subject: "sơ kết", deadline: 2021-07-02}
sections: [{key: achievements, title: "Kết quả"}]
indicators:
  - {key: conferences, label: "Số hội nghị", unit: "hội nghị"}
  - {key: rate, label: "Tỷ lệ", unit: "%", type: percent, aggregate: mean}
  - {key: budget, label: "Kinh phí", unit: "triệu đồng", type: decimal}
  - {key: note, label: "Ghi chú số", aggregate: none}
  - {key: members, label: "Đảng viên", aggregate: mean}
units:
  - {id: a, name: "Quận ủy A", group: "Quận"}
  - {id: b, name: "=Quận ủy B", group: "Quận"}
  - {id: c, name: "Huyện ủy C", group: "Huyện"}
  - {id: d, name: "Huyện ủy D", group: "Huyện"}
"""
REPORTED = {
    "a": {"conferences": D(45), "rate": D("96.5"), "budget": D("12.5"), "note": D(1), "members": D(10)},
    "b": {"conferences": D(1200), "rate": D("90"), "members": D(15)},
    "c": {"conferences": D(7), "budget": D("0.25")},
}


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(dedent(PLAN), encoding="utf-8")
    plan = read_plan(path)
    out = tmp_path / "so-lieu.xlsx"
    write_workbook(plan, build_table(plan, REPORTED), out)
    return out


def rows_of(path: Path, data_only: bool) -> dict[str, tuple[object, ...]]:
    sheet = load_workbook(path, data_only=data_only).active
    return {r[1]: r for r in sheet.iter_rows(min_row=5, values_only=True)}


def test_header_is_vietnamese_and_frozen(workbook: Path) -> None:
    sheet = load_workbook(workbook).active
    assert sheet.title == "Tổng hợp số liệu"
    assert sheet.freeze_panes == "C5"
    assert sheet["A1"].value == "BIỂU TỔNG HỢP SỐ LIỆU (sơ kết)" and sheet["A1"].font.b
    assert [c.value for c in sheet[4]] == [
        "STT", "Đơn vị", "Số hội nghị (hội nghị)", "Tỷ lệ (%)", "Kinh phí (triệu đồng)", "Ghi chú số", "Đảng viên",
    ]


def test_unit_rows_hold_real_numbers_with_number_formats(workbook: Path) -> None:
    sheet = load_workbook(workbook).active
    assert [c.value for c in sheet[5]] == [1, "Quận ủy A", 45, 96.5, 12.5, 1, 10]
    assert isinstance(sheet["C5"].value, int)
    assert [sheet.cell(5, col).number_format for col in range(3, 8)] == ["#,##0", "0.0#", "#,##0.0#", "#,##0", "#,##0"]
    assert rows_of(workbook, data_only=False)["Huyện ủy D"] == (4, "Huyện ủy D", "—", "—", "—", "—", "—")


def test_a_name_that_looks_like_a_formula_stays_text(workbook: Path) -> None:
    sheet = load_workbook(workbook).active
    assert sheet["B6"].value == "=Quận ủy B"
    assert sheet["B6"].data_type == "s"


def test_subtotals_and_total_are_formulas(workbook: Path) -> None:
    rows = rows_of(workbook, data_only=False)
    assert rows["Cộng: Quận"][2] == '=IF(COUNT(C5:C6)=0,"—",SUBTOTAL(9,C5:C6))'
    assert rows["Cộng: Huyện"][2] == '=IF(COUNT(C8:C9)=0,"—",SUBTOTAL(9,C8:C9))'
    # over every row: SUBTOTAL skips the subtotal rows inside its range
    assert rows["Tổng cộng"][2] == '=IF(COUNT(C5:C10)=0,"—",SUBTOTAL(9,C5:C10))'
    # a mean is the AVERAGE (SUBTOTAL 1) of the cells that hold numbers, never of the '—'
    assert rows["Tổng cộng"][3] == '=IF(COUNT(D5:D10)=0,"—",SUBTOTAL(1,D5:D10))'
    assert rows["Tổng cộng"][5] is None  # aggregate: none has no total
    assert rows["Cộng: Quận"][5] is None


def test_the_values_of_the_formulas_are_cached(workbook: Path) -> None:
    rows = rows_of(workbook, data_only=True)
    assert rows["Cộng: Quận"][2:] == (1245, 93.25, 12.5, None, 12.5)
    assert rows["Cộng: Huyện"][2:] == (7, "—", 0.25, None, "—")
    assert rows["Tổng cộng"][2:] == (1252, 93.25, 12.75, None, 12.5)
    assert isinstance(rows["Tổng cộng"][2], int)


def test_a_mean_of_whole_numbers_shows_its_decimals(workbook: Path) -> None:
    sheet = load_workbook(workbook).active
    total_row = sheet.max_row
    assert sheet.cell(total_row, 7).number_format == "#,##0.0#"


def test_write_failure_is_an_output_error(workbook: Path, tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    plan = read_plan(path)
    with pytest.raises(OutputError):
        write_workbook(plan, build_table(plan, REPORTED), tmp_path / "khong-co" / "x.xlsx")
    assert workbook.exists()


def test_many_groups_write_in_linear_time(tmp_path: Path) -> None:
    # 6,000 units in 3,000 groups: 9,001 rows. Each formula names only its own range (a
    # total listing every subtotal would grow with the groups, past Excel's 8,192 characters).
    units = tuple(PlanUnit(f"u{i}", f"Đơn vị {i}", f"Nhóm {i // 2}") for i in range(6_000))
    indicators = (Indicator("meetings", "Số hội nghị"), Indicator("rate", "Tỷ lệ", "%", "percent", "mean"))
    plan = Plan(Path("plan.yaml"), "1", None, "", "", None, ReportSettings(), (), units, indicators)
    reported = {unit.id: {"meetings": D(2), "rate": D(50)} for unit in units[::3]}
    out = tmp_path / "lon.xlsx"
    start = time.perf_counter()
    write_workbook(plan, build_table(plan, reported), out)
    assert time.perf_counter() - start < 20
    assert total_row(out, data_only=False)[2] == '=IF(COUNT(C5:C9004)=0,"—",SUBTOTAL(9,C5:C9004))'
    assert total_row(out, data_only=True)[1:] == ("Tổng cộng", 2 * len(reported), 50)


def total_row(path: Path, data_only: bool) -> tuple[object, ...]:
    book = load_workbook(path, data_only=data_only, read_only=True)
    try:
        return next(book.active.iter_rows(min_row=book.active.max_row, values_only=True))
    finally:
        book.close()  # a read-only workbook keeps its file open
