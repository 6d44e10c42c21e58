"""A units folder as clerks leave it: links that loop, files that cannot be read, Notepad
names, Word files, odd file names, the same folder named twice, the plan one folder up."""

from __future__ import annotations

import csv
import io
import json
import os
import time
from pathlib import Path

import docx
import pytest
from helpers import VALID_UNIT, write_review
from typer.testing import CliRunner

from sokket_cli.check.collect import collect
from sokket_cli.check.plan import read_plan
from sokket_cli.cli import app
from sokket_cli.intake.discovery import gather

runner = CliRunner()
HOAN_KIEM = VALID_UNIT.replace("unit: ba-dinh", "unit: hoan-kiem")
POSIX = pytest.mark.skipif(os.name == "nt", reason="POSIX file system features")


def run(*args: str | Path):  # type: ignore[no-untyped-def]
    return runner.invoke(app, [str(a) for a in args])


# -- one bad file does not stop the run ------------------------------------------------------


@POSIX
def test_a_symlink_loop_is_marked_and_the_rest_goes_on(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT, "hoan-kiem.yaml": HOAN_KIEM})
    (units / "vong.yaml").symlink_to("vong.yaml")

    result = run("validate", units)
    assert result.exit_code == 1
    assert "vong.yaml:1:1: error[unreadable] Không đọc được tệp: liên kết (symlink) trỏ vòng lặp." in result.stdout
    assert "1/3 tệp chưa hợp lệ" in result.stdout

    result = run("status", units, "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert {u["id"]: u["state"] for u in doc["units"]}["ba-dinh"] == "valid"
    assert {"file": str(units / "vong.yaml"), "state": "unreadable", "unit": None} in doc["extra_files"]
    text = run("status", units).stdout
    assert "- vong.yaml (không đọc được): Không đọc được tệp: liên kết (symlink) trỏ vòng lặp." in text

    result = run("compile", units, "-o", tmp_path / "a.docx")
    assert result.exit_code == 1
    assert "error[unreadable]" in result.stderr
    result = run("compile", units, "-o", tmp_path / "a.docx", "--skip-invalid")
    assert result.exit_code == 0, result.output
    assert "tổng hợp 2/3 đơn vị" in result.stdout


@POSIX
def test_a_fifo_among_the_units_is_refused_without_waiting(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT})
    os.mkfifo(units / "ong.yaml")
    result = run("validate", units)
    assert result.exit_code == 1
    assert "ong.yaml:1:1: error[unreadable] Không đọc được tệp: đây không phải là tệp thông thường (mà là thiết bị hoặc ống dẫn)." in result.stdout


@POSIX
@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_plan_at_a_fifo_or_a_device_is_refused(tmp_path: Path, kind: str) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT})
    if kind == "fifo":
        plan = tmp_path / "ke-hoach.yaml"
        os.mkfifo(plan)
    else:
        plan = Path("/dev/zero")
    for command in ("validate", "status", "compile"):
        result = run(command, units, "--plan", plan)
        assert result.exit_code == 2, (command, result.output)
        assert "Không đọc được tệp kế hoạch: đây không phải là tệp thông thường (mà là thiết bị hoặc ống dẫn)." in result.stderr


def test_a_plan_too_big_is_refused_before_reading(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT})
    big = tmp_path / "to.yaml"
    with big.open("wb") as stream:
        stream.truncate(64 * 1024 * 1024)  # sparse: no disk used
    result = run("status", units, "--plan", big)
    assert result.exit_code == 2
    assert "tệp lớn 64 MB, quá giới hạn 16 MB" in result.stderr


# -- file names ------------------------------------------------------------------------------


@POSIX
def test_a_file_name_that_is_not_utf8_is_shown_escaped(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"hoan-kiem.yaml": HOAN_KIEM})
    name = os.fsencode(units) + b"/ba-dinh-\xff.yaml"
    with open(name, "wb") as stream:  # noqa: PTH123 - a bytes path
        stream.write(VALID_UNIT.encode())
    for output_format in ("text", "csv"):
        result = run("status", units, "--format", output_format)
        assert result.exit_code == 0, (output_format, result.output)
        assert "ba-dinh-\\xff.yaml" in result.stdout_bytes.decode("utf-8")
    result = run("status", units, "--format", "json")
    assert result.exit_code == 0
    rows = {u["id"]: u for u in json.loads(result.stdout_bytes.decode("utf-8"))["units"]}
    assert rows["ba-dinh"]["file"] == str(units / "ba-dinh-\\xff.yaml")
    result = run("validate", units)
    assert result.exit_code == 0


@POSIX
def test_terminal_escapes_in_a_file_name_are_shown_escaped(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"x\x1b[2J\x1b[31m.yaml": VALID_UNIT.replace("unit: ba-dinh", "unit: nowhere")})
    for args in (("validate", units), ("status", units), ("compile", units, "-o", tmp_path / "a.docx")):
        result = run(*args)
        assert "\x1b" not in result.output
        assert "x\\x1b[2J\\x1b[31m.yaml" in result.output, args


# -- the same files named twice --------------------------------------------------------------


def test_the_same_folder_named_twice_is_read_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT, "hoan-kiem.yaml": HOAN_KIEM})
    monkeypatch.chdir(tmp_path)
    result = run("compile", "units", tmp_path / "units", "-o", "a.docx")
    assert result.exit_code == 0, result.output
    assert "duplicate-unit" not in result.output
    result = run("validate", "units", tmp_path / "units", "units/ba-dinh.yaml")
    assert result.exit_code == 0
    assert "Cả 2 tệp đều hợp lệ." in result.stdout


# -- Notepad names and other files -----------------------------------------------------------


def test_notepad_names_are_unit_files_and_other_files_are_listed(tmp_path: Path) -> None:
    units = write_review(
        tmp_path,
        {
            "ba-dinh.yaml.txt": VALID_UNIT,
            "hoan-kiem.yml.txt": HOAN_KIEM,
            "soc-son.docx": b"PK\x03\x04",
            "ghi-chu.pdf": b"%PDF-1.4",
            "~$soc-son.docx": b"",  # Word's lock file: never listed
        },
    )
    result = run("validate", units)
    assert result.exit_code == 0 and "Cả 2 tệp đều hợp lệ." in result.stdout

    result = run("status", units)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert "hợp lệ" in next(line for line in lines if line.startswith("Quận ủy Ba Đình"))
    assert "- soc-son.docx (không đọc): tệp Word: hãy chuyển sang .yaml bằng sokket import" in lines
    assert "- ghi-chu.pdf (không đọc): tệp PDF: hãy đề nghị đơn vị gửi tệp báo cáo .yaml" in lines
    assert "~$" not in result.stdout

    doc = json.loads(run("status", units, "--format", "json").stdout)
    assert {"file": str(units / "soc-son.docx"), "state": "skipped", "unit": None} in doc["extra_files"]
    rows = list(csv.reader(io.StringIO(run("status", units, "--format", "csv").stdout[1:]), delimiter=";"))
    assert ["", "", "", "không đọc", str(units / "ghi-chu.pdf"), "", "", "", "tệp PDF: hãy đề nghị đơn vị gửi tệp báo cáo .yaml"] in rows

    result = run("compile", units, "-o", tmp_path / "a.docx")
    assert result.exit_code == 0, result.output
    assert "tổng hợp 2/3 đơn vị" in result.stdout
    assert f"Không đọc {units / 'soc-son.docx'}: tệp Word: hãy chuyển sang .yaml bằng sokket import." in result.stderr


# -- the plan, one folder up -----------------------------------------------------------------


def test_plan_is_found_from_inside_the_units_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT})
    monkeypatch.chdir(units)
    result = run("validate", "ba-dinh.yaml")
    assert result.exit_code == 0, result.output
    assert run("status", ".").exit_code == 0


# -- many files claiming one unit ------------------------------------------------------------


def test_many_copies_of_one_unit_are_linear(tmp_path: Path) -> None:
    """2,000 copies: with every message naming every other file (and resolving each path),
    this took minutes; now each message names three and counts the rest."""
    units = write_review(tmp_path, {})
    for index in range(2000):
        (units / f"ban-sao-{index:04}.yaml").write_text(VALID_UNIT, encoding="utf-8")
    plan = read_plan(tmp_path / "plan.yaml")
    paths = gather([units]).units
    started = time.perf_counter()
    collection = collect(plan, paths)
    assert time.perf_counter() - started < 20
    assert len(collection.duplicates["ba-dinh"]) == 2000
    message = next(p for p in collection.files[0].report.problems if p.code == "duplicate-unit").message
    assert "ban-sao-0003.yaml và 1996 tệp khác." in message
    assert len(message) < 600


def test_a_thousand_copies_through_status_take_seconds(tmp_path: Path) -> None:
    units = write_review(tmp_path, {})
    for index in range(1000):
        (units / f"ban-sao-{index:04}.yaml").write_text(VALID_UNIT, encoding="utf-8")
    started = time.perf_counter()
    result = run("status", units)
    assert result.exit_code == 0
    assert time.perf_counter() - started < 20


# -- sanity: compile reads a Notepad-named file's content --------------------------------------


def test_a_yaml_txt_file_reaches_the_draft(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml.txt": VALID_UNIT})
    target = tmp_path / "a.docx"
    assert run("compile", units, "-o", target).exit_code == 0
    texts = [p.text for p in docx.Document(str(target)).paragraphs]
    assert any("Đã tổ chức 45 hội nghị quán triệt" in t for t in texts)


def test_validate_of_a_folder_with_only_word_files_says_what_to_do(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"ba-dinh.docx": b"PK\x03\x04"})
    result = run("validate", units)
    assert result.exit_code == 2
    assert "không có tệp báo cáo .yaml nào. ba-dinh.docx: tệp Word: hãy chuyển sang .yaml bằng sokket import." in result.stderr
