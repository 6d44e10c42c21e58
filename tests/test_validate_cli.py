"""The validate command's contract: exit codes, text lines, JSON, plan problems, encodings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import PLAN, VALID_UNIT, write_review
from typer.testing import CliRunner

from sokket_cli.cli import app

runner = CliRunner()


def run(*args: str | Path):  # type: ignore[no-untyped-def]
    return runner.invoke(app, [str(a) for a in args])


def test_valid_file_exits_0_and_says_it_can_be_sent(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT})
    result = run("validate", units / "ba-dinh.yaml")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "Tệp hợp lệ, có thể gửi."


def test_errors_exit_1_with_path_line_col_lines(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT.replace("conferences: 45", "conferences: 1.000")})
    result = run("validate", units / "ba-dinh.yaml")
    assert result.exit_code == 1
    first = result.stdout.splitlines()[0]
    assert first.endswith("ba-dinh.yaml:16:16: error[bad-number] " + first.split("error[bad-number] ")[1])
    assert "1.000" in first
    assert result.stdout.splitlines()[-1].startswith("Tệp chưa hợp lệ: 1 lỗi, 0 cảnh báo.")


def test_warnings_pass_unless_strict(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT.replace("2021-06-30", "2021-07-05")})
    assert run("validate", units).exit_code == 0
    strict = run("validate", "--strict", units)
    assert strict.exit_code == 1
    assert "warning[late]" in strict.stdout


def test_several_files_and_folders_at_once(tmp_path: Path) -> None:
    units = write_review(
        tmp_path,
        {
            "ba-dinh.yaml": VALID_UNIT,
            "hoan-kiem.yaml": VALID_UNIT.replace("ba-dinh", "hoan-kiem").replace("2021-06-30", "sáng mai"),
        },
    )
    other = tmp_path / "khac.yaml"
    other.write_text(VALID_UNIT.replace("ba-dinh", "soc-son"), encoding="utf-8")
    result = run("validate", units, other)
    assert result.exit_code == 1
    assert "hoan-kiem.yaml:2:12: error[bad-date]" in result.stdout
    assert result.stdout.splitlines()[-1].startswith("1/3 tệp chưa hợp lệ")


def test_json_output_is_the_spec_document(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT.replace("unit: ba-dinh", "unit: ba-dinhh")})
    result = run("validate", "--format", "json", units)
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert list(document) == ["files"]
    (entry,) = document["files"]
    assert set(entry) == {"path", "unit", "problems"}
    assert entry["path"].endswith("ba-dinh.yaml")
    assert entry["unit"] == "ba-dinhh"
    (problem,) = entry["problems"]
    assert problem == {
        "line": 1,
        "column": 7,
        "severity": "error",
        "code": "unknown-unit",
        "message": problem["message"],
    }
    assert "'ba-dinh'" in problem["message"]


def test_json_keeps_vietnamese_unescaped(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT.replace("shortcomings:", "shortcomngs:")})
    result = run("validate", "--format", "json", units)
    assert "Thiếu mục 'shortcomings' (Hạn chế, yếu kém)" in result.stdout


def test_no_plan_found_exits_2_saying_where_it_looked(tmp_path: Path) -> None:
    lone = tmp_path / "a" / "u.yaml"
    lone.parent.mkdir()
    lone.write_text(VALID_UNIT, encoding="utf-8")
    result = run("validate", lone)
    assert result.exit_code == 2
    assert "Không tìm thấy tệp kế hoạch" in result.stderr
    assert str(tmp_path / "a" / "plan.yaml") in result.stderr
    assert "Traceback" not in result.output


def test_explicit_plan_option(tmp_path: Path) -> None:
    plan = tmp_path / "kh.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    unit = tmp_path / "x" / "u.yaml"
    unit.parent.mkdir()
    unit.write_text(VALID_UNIT, encoding="utf-8")
    assert run("validate", "--plan", plan, unit).exit_code == 0


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    write_review(tmp_path, {})
    result = run("validate", tmp_path / "units" / "khong-co.yaml")
    assert result.exit_code == 2
    assert "khong-co.yaml" in result.stderr


@pytest.mark.parametrize(
    ("plan_text", "expected"),
    [
        (PLAN.replace("  deadline: 2021-07-02", "  deadline: 31/6/2021"), ":6:13: error[bad-date]"),
        (PLAN.replace("  - {key: warned,", "  - {key: wraned,"), "error[unknown-indicator]"),
        (PLAN.replace('  - {id: soc-son, name: "Huyện ủy Sóc Sơn"', '  - {id: ba-dinh, name: "Huyện ủy Sóc Sơn"'), "error[duplicate-unit]"),
        (PLAN.replace("  place:", "  palce:"), "error[unknown-key]"),
        (PLAN.replace("  format: dang", "  format: dang\n  format: nha-nuoc"), "error[duplicate-key]"),
    ],
)
def test_bad_plan_exits_2_with_its_own_positions(tmp_path: Path, plan_text: str, expected: str) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT}, plan=plan_text)
    result = run("validate", units)
    assert result.exit_code == 2, result.output
    assert "plan.yaml" in result.stderr
    assert expected in result.stderr
    assert "Kế hoạch có" in result.stderr
    assert result.stdout == ""


def test_utf8_bom_and_utf16_are_accepted(tmp_path: Path) -> None:
    text = VALID_UNIT
    units = write_review(
        tmp_path,
        {
            "bom.yaml": b"\xef\xbb\xbf" + text.encode("utf-8"),
            "u16.yaml": text.replace("ba-dinh", "hoan-kiem").encode("utf-16"),
            "u16be.yaml": b"\xfe\xff" + text.replace("ba-dinh", "soc-son").encode("utf-16-be"),
        },
    )
    result = run("validate", units)
    assert result.exit_code == 0, result.output


def test_cp1258_file_gets_encoding_error_with_offset(tmp_path: Path) -> None:
    raw = b"unit: ba-dinh\nachievements:\n  - \"H\xf4\xf2i nghi\xf2\"\n"
    units = write_review(tmp_path, {"u.yaml": raw})
    result = run("validate", units)
    assert result.exit_code == 1
    line = result.stdout.splitlines()[0]
    assert ":3:7: error[encoding]" in line
    assert "0xF4" in line and "vị trí 34" in line
    assert "UTF-8" in line


def test_legacy_font_text_is_explained(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"u.yaml": VALID_UNIT.replace("Đã tổ chức 45 hội nghị quán triệt.", "§· tæ chøc 45 héi nghÞ qu¸n triÖt.")})
    result = run("validate", units)
    assert result.exit_code == 1
    assert "error[legacy-encoding]" in result.stdout
    assert "Unikey" in result.stdout


def test_output_survives_a_console_that_cannot_encode_vietnamese(tmp_path: Path) -> None:
    import subprocess
    import sys

    units = write_review(tmp_path, {"u.yaml": VALID_UNIT.replace("shortcomings:", "shortcomngs:")})
    env = {"PYTHONIOENCODING": "cp1258", "PATH": "", "NO_COLOR": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "sokket_cli", "validate", str(units)],
        capture_output=True,
        env=env,
        check=False,
    )
    assert done.returncode == 1
    assert "Tệp chưa hợp lệ".encode() in done.stdout
    assert b"Traceback" not in done.stderr


def test_no_traceback_for_a_folder_without_unit_files(tmp_path: Path) -> None:
    units = write_review(tmp_path, {})
    result = run("validate", units)
    assert result.exit_code == 2
    assert "không có tệp báo cáo" in result.stderr


def test_review_folder_means_its_units_folder(tmp_path: Path) -> None:
    write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT})
    result = run("validate", tmp_path)
    assert result.exit_code == 0
    assert result.stdout.strip() == "Tệp hợp lệ, có thể gửi."


def _main(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    import sys

    from sokket_cli.cli import main

    old = sys.argv
    sys.argv = ["sokket", *argv]
    try:
        with pytest.raises(SystemExit) as stop:
            main()
    finally:
        sys.argv = old
    return int(stop.value.code or 0), capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["validate"], "Lỗi: Thiếu đối số TỆP_HOẶC_THƯ_MỤC"),
        (["valdate", "x"], "Lỗi: Không có lệnh 'valdate'. Các lệnh: init, forms, schema, validate, status, compile, import, fix."),
        (["validate", "--fromat", "json", "x"], "Lỗi: Không có tùy chọn '--fromat'. Có phải là --format?"),
        (["validate", "--format", "xml", "x"], "phải là một trong 'text', 'json'"),
    ],
)
def test_usage_errors_are_in_vietnamese_with_exit_2(argv: list[str], says: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, stderr = _main(argv, capsys)
    assert code == 2
    assert says in stderr
    assert "Xem hướng dẫn: sokket" in stderr
    assert "Traceback" not in stderr


def test_main_passes_exit_codes_through(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    units = write_review(tmp_path, {"a.yaml": VALID_UNIT.replace("ba-dinh", "khong-co")})
    assert _main(["validate", str(units)], capsys)[0] == 1
    assert _main(["validate", str(tmp_path / "khong-co")], capsys)[0] == 2
    assert _main(["--version"], capsys)[0] == 0
