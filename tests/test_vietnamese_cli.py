"""No English reaches a clerk: help, usage lines, argument errors and system errors, whether
the app runs as the console script or straight through CliRunner."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import VALID_UNIT, write_review
from typer.testing import CliRunner

from sokket_cli.cli import app, app_commands

runner = CliRunner()
ENGLISH = re.compile(
    r"\b(Usage|Options|Arguments|Commands|Show this message|PATHS?|FILE|TEXT|INTEGER|DIRECTORY|"
    r"OPTIONS|COMMAND|ARGS|UNITS_DIR|required|default|Error|Try|Missing|No such|does not exist|"
    r"is a directory|units_dir|paths)\b"
)


@pytest.mark.parametrize("command", [None, *app_commands()])
def test_help_has_no_english(command: str | None) -> None:
    args = ["--help"] if command is None else [command, "--help"]
    result = runner.invoke(app, args, env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "Cách dùng: sokket" in result.output
    assert not ENGLISH.findall(result.output), result.output


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["validate"], "Lỗi: Thiếu đối số TỆP_HOẶC_THƯ_MỤC (tệp hoặc thư mục cần xử lý)."),
        (["status", "--bogus"], "Lỗi: Không có tùy chọn '--bogus'."),
        (["status", "x", "--format", "xml"], "Giá trị không hợp lệ cho '--format': 'xml' không phải là một trong"),
        (["nope"], "Lỗi: Không có lệnh 'nope'."),
        (["valdate", "x"], "Các lệnh: init, forms, schema, validate, status, compile, import, fix. Có phải là 'validate'?"),
        (["status", "a", "b"], "Lỗi: Thừa đối số (b)"),
        (["status", "x", "--today"], "Lỗi: Tùy chọn '--today' cần một giá trị đi kèm."),
    ],
)
def test_usage_errors_are_vietnamese_through_cli_runner(args: list[str], expected: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert expected in result.stderr
    assert "Xem hướng dẫn: sokket" in result.stderr
    assert not ENGLISH.findall(result.stderr), result.stderr


def test_a_folder_given_as_a_file_is_said_in_vietnamese(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT})
    result = runner.invoke(app, ["status", str(units), "-o", str(tmp_path)])
    assert result.exit_code == 2
    assert f"'{tmp_path}' là một thư mục; ở đây cần một tệp." in result.stderr
    assert not ENGLISH.findall(result.stderr)


def test_system_errors_are_vietnamese(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT})
    result = runner.invoke(app, ["status", str(units), "-o", str(tmp_path / "khong-co" / "a.csv")])
    assert result.exit_code == 2
    assert "(không có tệp hay thư mục này)" in result.stderr
    assert "No such file" not in result.stderr
    result = runner.invoke(app, ["validate", str(units), "--plan", str(tmp_path / "khong-co.yaml")])
    assert result.exit_code == 2
    assert "không có tệp hay thư mục này" in result.stderr
