"""Exit codes are decided in one place: every failure kind maps to its code, never a traceback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from helpers import PLAN, VALID_UNIT, write_review
from typer.testing import CliRunner

from sokket_cli.cli import app
from sokket_cli.commands import common

runner = CliRunner()


def test_a_bug_is_exit_3_with_a_plain_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    units = write_review(tmp_path, {"a.yaml": VALID_UNIT})

    def broken(*_: object) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr("sokket_cli.commands.validate.read_or_mark", broken)
    result = runner.invoke(app, ["validate", str(units)])
    assert result.exit_code == 3
    assert "Lỗi nội bộ của sokket (ZeroDivisionError" in result.stderr
    assert "--debug" in result.stderr
    assert "Traceback" not in result.output


def test_debug_lets_the_traceback_through(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    units = write_review(tmp_path, {"a.yaml": VALID_UNIT})

    def broken(*_: object) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr("sokket_cli.commands.validate.read_or_mark", broken)
    try:
        result = runner.invoke(app, ["--debug", "validate", str(units)])
    finally:
        common.Settings.debug = False
    assert isinstance(result.exception, ZeroDivisionError)


def test_ctrl_c_is_exit_130(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    units = write_review(tmp_path, {"a.yaml": VALID_UNIT})

    def interrupted(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("sokket_cli.commands.validate.read_or_mark", interrupted)
    result = runner.invoke(app, ["validate", str(units)])
    assert result.exit_code == 130
    assert "Đã dừng" in result.stderr


def test_unreadable_unit_file_is_marked_not_fatal(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"a.yaml": VALID_UNIT})
    (units / "b.yaml").mkdir()  # a folder named like a unit file is skipped, not read
    target = units / "a.yaml"
    target.chmod(0)
    try:
        if os.name == "nt" or os.geteuid() == 0:
            pytest.skip("root reads any file; Windows has no such mode")
        result = runner.invoke(app, ["validate", str(units)])
    finally:
        target.chmod(0o644)
    assert result.exit_code == 1
    assert "error[unreadable] Không đọc được tệp: không có quyền truy cập." in result.stdout


@pytest.mark.parametrize(
    ("plan_text", "code"),
    [
        (PLAN.replace("sections:", "sectons:"), "unknown-key"),
        (PLAN.replace("  - {key: lessons, title: \"Bài học kinh nghiệm\", required: false}", "  - {key: lessons, title: \"Bài học\", required: có lẽ}"), "wrong-type"),
        (PLAN.replace("  format: dang", "  format: word"), "bad-value"),
        (PLAN.replace("type: percent", "type: phần trăm"), "bad-value"),
        (PLAN.replace("aggregate: mean", "aggregate: median"), "bad-value"),
        (PLAN.replace("  - {key: shortcomings,", "  - {key: achievements,"), "duplicate-id"),
        (PLAN.replace("  - {key: shortcomings,", "  - {key: unit,"), "bad-value"),
        ("", "not-a-mapping"),
    ],
)
def test_plan_problems_are_exit_2_with_their_code(tmp_path: Path, plan_text: str, code: str) -> None:
    units = write_review(tmp_path, {"a.yaml": VALID_UNIT}, plan=plan_text)
    result = runner.invoke(app, ["status", str(units)])
    assert result.exit_code == 2, result.output
    assert f"[{code}]" in result.stderr
