"""The status sheet as Vietnamese Excel opens it, and the text table written to a file."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from helpers import PLAN, VALID_UNIT, write_review
from typer.testing import CliRunner

from sokket_cli.cli import app

runner = CliRunner()


def rows_of(raw: bytes, separator: str) -> list[list[str]]:
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=separator))


def test_semicolon_by_default_and_comma_on_request(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT})
    raw = runner.invoke(app, ["status", str(units), "--format", "csv"]).stdout_bytes
    assert raw.decode("utf-8-sig").splitlines()[0].startswith("Nhóm;Mã đơn vị;Tên đơn vị;")
    assert rows_of(raw, ";")[1][1:4] == ["ba-dinh", "Quận ủy Ba Đình", "hợp lệ"]
    raw = runner.invoke(app, ["status", str(units), "--format", "csv", "--sep", ","]).stdout_bytes
    assert rows_of(raw, ",")[1][1:4] == ["ba-dinh", "Quận ủy Ba Đình", "hợp lệ"]
    result = runner.invoke(app, ["status", str(units), "--format", "csv", "--sep", "|"])
    assert result.exit_code == 2
    assert "--sep '|' không dùng được" in result.stderr


def test_cells_excel_would_run_as_formulas_are_quoted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = PLAN.replace('name: "Quận ủy Hoàn Kiếm"', 'name: "=HYPERLINK(\\"http://x\\",\\"bấm\\")"').replace(
        'group: "Các huyện ủy"', 'group: "@SUM(1+1)"'
    )
    units = write_review(
        tmp_path,
        {"ba-dinh.yaml": VALID_UNIT, "+lạ.yaml": VALID_UNIT.replace("unit: ba-dinh", "unit: -2+3")},
        plan=plan,
    )
    monkeypatch.chdir(units)  # file names shown bare, so '+lạ.yaml' starts a cell
    rows = rows_of(runner.invoke(app, ["status", ".", "--format", "csv"]).stdout_bytes, ";")
    cells = [cell for row in rows for cell in row]
    assert "'=HYPERLINK(\"http://x\",\"bấm\")" in cells
    assert "'@SUM(1+1)" in cells
    assert "'-2+3" in cells
    assert "'+lạ.yaml" in cells
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)


def test_text_table_in_a_file_is_not_cut_to_80_columns(tmp_path: Path) -> None:
    long_name = "Đảng ủy Khối các cơ quan Thành phố Hà Nội và các đơn vị sự nghiệp trực thuộc Thành ủy"
    plan = PLAN.replace('name: "Quận ủy Ba Đình"', f'name: "{long_name}"')
    long_file = "bao-cao-so-ket-dang-uy-khoi-cac-co-quan-thanh-pho-ban-chinh-thuc.yaml"
    units = write_review(tmp_path, {long_file: VALID_UNIT}, plan=plan)
    target = tmp_path / "tinh-hinh.txt"
    result = runner.invoke(app, ["status", str(units), "-o", str(target)], env={"COLUMNS": "80"})
    assert result.exit_code == 0
    row = next(line for line in target.read_text(encoding="utf-8").splitlines() if line.startswith("Đảng ủy"))
    assert long_name in row and long_file in row and "30/06/2021" in row
    piped = runner.invoke(app, ["status", str(units)], env={"COLUMNS": "80"}).stdout
    assert any(long_name in line and long_file in line for line in piped.splitlines())


def test_readme_status_sample_is_what_an_80_column_terminal_shows(monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import date

    from sokket_cli.check.collect import collect
    from sokket_cli.check.plan import read_plan
    from sokket_cli.check.status import build_status, missing_lines
    from sokket_cli.intake.discovery import gather
    from sokket_cli.render.status_table import plain, table_lines

    root = Path(__file__).resolve().parent.parent
    readme = (root / "README.md").read_text(encoding="utf-8")
    block = readme.split("$ sokket status examples/so-ket-nq4/units --today 2021-07-05\n", 1)[1].split("```", 1)[0]
    review = root / "examples" / "so-ket-nq4"
    monkeypatch.chdir(review)
    plan = read_plan(Path("plan.yaml"))
    listing = gather([Path("units")], Path("plan.yaml"))
    report = build_status(plan, collect(plan, listing.units), date(2021, 7, 5), skipped=listing.skipped)
    shown = plain(table_lines(report, 80)).splitlines() + missing_lines(report)
    for line in block.splitlines():
        if line and line != "..." and not line.startswith("$ "):
            assert line in shown, line
