"""Issue 5 end to end: the appendix table in the draft, the totals in the text, the workbook."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import docx
import pytest
import yaml
from docx.enum.section import WD_ORIENT
from helpers import PLAN, VALID_UNIT, write_review
from typer.testing import CliRunner

from sokket_cli.check.numbers import format_vn
from sokket_cli.check.plan import read_plan
from sokket_cli.cli import app

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "so-ket-nq4"
runner = CliRunner()


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    out = tmp_path_factory.mktemp("appendix")
    result = runner.invoke(app, ["compile", str(EXAMPLE / "units"), "-o", str(out / "r.docx"), "--xlsx", str(out / "s.xlsx")])
    assert result.exit_code == 0, result.output
    return out / "r.docx", out / "s.xlsx"


def _reported() -> dict[str, dict[str, object]]:
    """The example's figures, read independently of sokket (plain safe_load)."""
    figures = {}
    for path in sorted((EXAMPLE / "units").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        figures[data["unit"]] = data.get("indicators") or {}
    return figures


def _appendix(out: Path) -> docx.table.Table:
    return next(t for t in docx.Document(str(out)).tables if t.rows[0].cells[0].text == "STT")


def test_appendix_has_a_row_per_plan_unit_in_order_with_subtotals_and_total(compiled: tuple[Path, Path]) -> None:
    plan = read_plan(EXAMPLE / "plan.yaml")
    table = _appendix(compiled[0])
    header = [c.text for c in table.rows[0].cells]
    assert header[:2] == ["STT", "Đơn vị"]
    assert header[2:] == [f"{i.label} ({i.unit})" for i in plan.indicators]
    labels = [r.cells[1].text for r in table.rows[1:]]
    expected: list[str] = []
    for group in plan.groups:
        expected += [u.name for u in plan.units if u.group == group] + [f"Cộng: {group}"]
    assert labels == [*expected, "Tổng cộng"]


def test_totals_match_a_hand_sum_and_missing_units_show_dashes(compiled: tuple[Path, Path]) -> None:
    plan = read_plan(EXAMPLE / "plan.yaml")
    reported = _reported()
    rows = {r.cells[1].text: [c.text for c in r.cells[2:]] for r in _appendix(compiled[0]).rows[1:]}
    keys = [i.key for i in plan.indicators]
    for index, key in enumerate(keys):
        indicator = plan.indicators[index]
        if indicator.type != "integer":
            continue
        values = [f[key] for f in reported.values() if key in f]
        assert rows["Tổng cộng"][index] == format_vn(Decimal(sum(values)))
    for unit in plan.units:
        if unit.id not in reported:
            assert rows[unit.name] == ["—"] * len(keys), unit.name
    ba_dinh = reported["ba-dinh"]
    assert rows["Quận ủy Ba Đình"][keys.index("attendees")] == format_vn(Decimal(ba_dinh["attendees"]))


def test_wide_table_is_on_a_landscape_page(compiled: tuple[Path, Path]) -> None:
    sections = docx.Document(str(compiled[0])).sections
    # the body, the wide figures table, the recommendations table back in portrait, then
    # the list of proposals for commendation (five columns of text) in landscape
    assert [s.orientation for s in sections] == [
        WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE
    ]
    assert sections[1].page_width > sections[1].page_height


def test_narrow_table_stays_portrait_and_totals_reach_the_text(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"a.yaml": VALID_UNIT, "b.yaml": VALID_UNIT.replace("ba-dinh", "hoan-kiem").replace("conferences: 45", "conferences: 1200")})
    out = tmp_path / "r.docx"
    assert runner.invoke(app, ["compile", str(units), "-o", str(out)]).exit_code == 0
    document = docx.Document(str(out))
    assert {s.orientation for s in document.sections} == {WD_ORIENT.PORTRAIT}
    text = "\n".join(p.text for p in document.paragraphs)
    assert "số hội nghị 1.245 hội nghị" in text
    rows = {r.cells[1].text: [c.text for c in r.cells[2:]] for r in _appendix(out).rows[1:]}
    assert rows["Huyện ủy Sóc Sơn"] == ["—"] * 5
    assert rows["Cộng: Các quận ủy"][0] == "1.245"
    assert rows["Tổng cộng"][:2] == ["1.245", "—"]  # nobody reported the rate


def test_custom_template_can_use_totals_in_a_sentence(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"a.yaml": VALID_UNIT})
    template = tmp_path / "mau.xml.j2"
    template.write_text(
        '<document><style name="body"/><p style="body">Toàn Đảng bộ đã tổ chức {{ totals.conferences }} hội nghị.</p></document>',
        encoding="utf-8",
    )
    out = tmp_path / "r.docx"
    result = runner.invoke(app, ["compile", str(units), "-o", str(out), "--template", str(template)])
    assert result.exit_code == 0, result.output
    assert [p.text for p in docx.Document(str(out)).paragraphs] == ["Toàn Đảng bộ đã tổ chức 45 hội nghị."]


def test_workbook_agrees_with_the_appendix(compiled: tuple[Path, Path]) -> None:
    from openpyxl import load_workbook

    docx_rows = {r.cells[1].text: [c.text for c in r.cells[2:]] for r in _appendix(compiled[0]).rows[1:]}
    sheet = load_workbook(compiled[1], data_only=True).active  # totals: the cached values
    assert sheet.freeze_panes == "C5"
    book_rows = {r[1]: r[2:] for r in sheet.iter_rows(min_row=5, values_only=True)}
    assert list(book_rows) == list(docx_rows)
    for label, cells in docx_rows.items():
        as_text = [
            "—" if v == "—" else "" if v is None else format_vn(Decimal(str(v)))
            for v in book_rows[label]
        ]
        assert as_text == cells, label
    assert all(isinstance(v, int) for v in book_rows["Tổng cộng"][:2])


def test_xlsx_without_indicators_is_a_usage_error(tmp_path: Path) -> None:
    plan = PLAN[: PLAN.index("indicators:")] + PLAN[PLAN.index("units:") :]
    units = write_review(tmp_path, {"a.yaml": VALID_UNIT.split("indicators:")[0]}, plan=plan)
    result = runner.invoke(app, ["compile", str(units), "-o", str(tmp_path / "r.docx"), "--xlsx", str(tmp_path / "s.xlsx")])
    assert result.exit_code == 2
    assert "không có chỉ tiêu" in result.stderr
    assert not (tmp_path / "r.docx").exists()
