"""A compile run writes all its outputs or none."""

from __future__ import annotations

from pathlib import Path

from helpers import VALID_UNIT, write_review
from typer.testing import CliRunner

from sokket_cli.cli import app

runner = CliRunner()


def test_xlsx_failing_leaves_no_docx_and_the_old_ones_untouched(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT})
    out = tmp_path / "o.docx"
    result = runner.invoke(
        app, ["compile", str(units), "-o", str(out), "--xlsx", str(tmp_path / "khong-co" / "so-lieu.xlsx")]
    )
    assert result.exit_code == 2, result.output
    assert "Không ghi được tệp kết quả" in result.output
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.yaml", "units"]

    out.write_bytes(b"yesterday")
    result = runner.invoke(
        app, ["compile", str(units), "-o", str(out), "--xlsx", str(tmp_path / "khong-co" / "so-lieu.xlsx")]
    )
    assert result.exit_code == 2
    assert out.read_bytes() == b"yesterday"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["o.docx", "plan.yaml", "units"]


def test_both_outputs_are_written_when_all_goes_well(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT})
    result = runner.invoke(
        app, ["compile", str(units), "-o", str(tmp_path / "o.docx"), "--xlsx", str(tmp_path / "s.xlsx")]
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["o.docx", "plan.yaml", "s.xlsx", "units"]
