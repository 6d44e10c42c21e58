"""compile says how many warnings the files it compiled carry, and lists them with --verbose."""

from __future__ import annotations

from pathlib import Path

from helpers import VALID_UNIT, write_review
from typer.testing import CliRunner

from sokket_cli.cli import app

runner = CliRunner()
LATE = VALID_UNIT.replace("unit: ba-dinh", "unit: hoan-kiem").replace("submitted: 2021-06-30", "submitted: 2021-07-09")


def test_compile_counts_the_warnings_of_the_files_it_compiles(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT, "hoan-kiem.yaml": LATE})
    result = runner.invoke(app, ["compile", str(units), "-o", str(tmp_path / "o.docx")])
    assert result.exit_code == 0, result.output
    assert "Có 1 cảnh báo trong 1 tệp đã tổng hợp; thêm --verbose để xem." in result.output
    assert "warning[late]" not in result.output


def test_compile_verbose_prints_each_warning_with_its_place(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT, "hoan-kiem.yaml": LATE})
    result = runner.invoke(app, ["compile", str(units), "-o", str(tmp_path / "o.docx"), "--verbose"])
    assert result.exit_code == 0, result.output
    assert "hoan-kiem.yaml:2:" in result.output and "warning[late]" in result.output
    assert "Có 1 cảnh báo trong 1 tệp đã tổng hợp." in result.output


def test_compile_without_warnings_says_nothing_about_them(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT})
    result = runner.invoke(app, ["compile", str(units), "-o", str(tmp_path / "o.docx")])
    assert result.exit_code == 0, result.output
    assert "cảnh báo" not in result.output
