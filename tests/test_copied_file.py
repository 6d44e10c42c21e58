"""The copied file: ``ba-dinh.yaml`` copied to ``hoan-kiem.yaml`` with ``unit: ba-dinh`` left
in. Ba Đình's own file keeps the unit; the copy alone gets ``duplicate-unit``."""

from __future__ import annotations

import json
from pathlib import Path

import docx
from helpers import VALID_UNIT, write_review
from typer.testing import CliRunner

from sokket_cli.cli import app

runner = CliRunner()


def run(*args: str | Path):  # type: ignore[no-untyped-def]
    return runner.invoke(app, [str(a) for a in args])


def test_slug_drops_diacritics() -> None:
    from sokket_cli.check.collect import slug  # here: the rest of the file runs on older code

    assert slug("Quận ủy Ba Đình") == "quan-uy-ba-dinh"
    assert slug("Ba_Đình ") == "ba-dinh"


def test_the_file_named_after_the_unit_keeps_it(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT, "hoan-kiem.yaml": VALID_UNIT})

    doc = json.loads(run("status", units, "--format", "json", "--today", "2021-07-01").stdout)
    rows = {u["id"]: u for u in doc["units"]}
    assert rows["ba-dinh"]["state"] == "valid"
    assert rows["ba-dinh"]["file"].endswith("ba-dinh.yaml")
    assert rows["hoan-kiem"]["state"] == "missing"
    assert [(Path(e["file"]).name, e["state"], e["unit"]) for e in doc["extra_files"]] == [
        ("hoan-kiem.yaml", "duplicate", "ba-dinh")
    ]

    result = run("validate", units)  # validate alone cannot know; status and compile can
    assert result.exit_code == 0

    missing = run("status", units, "--missing").stdout
    assert "Ba Đình" not in missing
    assert "Quận ủy Hoàn Kiếm" in missing

    result = run("status", units)
    copy_line = next(line for line in result.stdout.splitlines() if line.startswith("- hoan-kiem.yaml"))
    assert "hoan-kiem.yaml (trùng đơn vị 'ba-dinh')" in copy_line
    assert "Tên tệp cho thấy đây là báo cáo của Quận ủy Hoàn Kiếm" in copy_line
    assert "Hãy sửa thành 'unit: hoan-kiem'." in copy_line

    target = tmp_path / "a.docx"
    result = run("compile", units, "-o", target, "--skip-invalid")
    assert result.exit_code == 0, result.output
    assert "tổng hợp 1/3 đơn vị, 2 chưa gửi, 0 bị bỏ qua" in result.stdout
    assert any("Ba Đình" in p.text for p in docx.Document(str(target)).paragraphs)


def test_a_file_named_after_the_unit_name_keeps_it(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"Quận ủy Ba Đình.yml.txt": VALID_UNIT, "ban-sao.yaml": VALID_UNIT})
    doc = json.loads(run("status", units, "--format", "json").stdout)
    rows = {u["id"]: u for u in doc["units"]}
    assert rows["ba-dinh"]["file"].endswith("Quận ủy Ba Đình.yml.txt")
    assert rows["ba-dinh"]["state"] in {"valid", "late"}
    text = run("status", units).stdout
    assert "Tên tệp cho thấy đây là báo cáo của một đơn vị khác" in text


def test_no_file_named_after_the_unit_keeps_the_old_rule(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"ban-1.yaml": VALID_UNIT, "ban-2.yaml": VALID_UNIT})
    doc = json.loads(run("status", units, "--format", "json").stdout)
    rows = {u["id"]: u for u in doc["units"]}
    assert rows["ba-dinh"]["state"] == "invalid"
    assert [e["state"] for e in doc["extra_files"]] == ["duplicate", "duplicate"]
    assert "Quận ủy Ba Đình (Các quận ủy): báo cáo có lỗi" in run("status", units, "--missing").stdout


def test_two_files_named_after_the_unit_keep_the_old_rule(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT, "ba-dinh.yaml.txt": VALID_UNIT})
    doc = json.loads(run("status", units, "--format", "json").stdout)
    assert {u["id"]: u["state"] for u in doc["units"]}["ba-dinh"] == "invalid"
    assert len(doc["extra_files"]) == 2
