"""A unit id names a file (the form <id>.yaml, the roll-up's default <id>.yaml): an id with a
path in it must be refused, or a plan or an argument writes outside the folder asked for."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import PLAN, VALID_UNIT, write_review
from typer.testing import CliRunner

from sokket_cli.cli import app

runner = CliRunner()
ESCAPING = ["../ngoai", "..", "con/chau", "a\\b"]


@pytest.mark.parametrize("uid", ESCAPING)
def test_a_plan_unit_id_with_a_path_is_an_error_and_no_form_is_written(tmp_path: Path, uid: str) -> None:
    plan = PLAN.replace("{id: soc-son,", "{id: " + repr(uid).replace("'", '"') + ",")
    assert uid in plan.replace("\\\\", "\\")
    (tmp_path / "dot").mkdir()
    write_review(tmp_path / "dot", {}, plan=plan)
    result = runner.invoke(app, ["forms", str(tmp_path / "dot"), "-o", str(tmp_path / "dot" / "forms")])
    assert result.exit_code == 2, result.output
    assert "error[bad-unit-id]" in result.output
    assert "không được có dấu '/' hoặc '\\'" in result.output
    written = {p.name for p in tmp_path.rglob("*.yaml")}
    assert written == {"plan.yaml"}, written


@pytest.mark.parametrize("uid", ESCAPING)
def test_as_unit_with_a_path_is_refused(tmp_path: Path, uid: str, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "dot").mkdir()
    units = write_review(tmp_path / "dot", {"ba-dinh.yaml": VALID_UNIT})
    (tmp_path / "dot" / "out" / "in").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "dot" / "out" / "in")
    result = runner.invoke(app, ["compile", str(units), "--as-unit", uid])
    assert result.exit_code == 2, result.output
    assert f"Mã đơn vị '{uid}' không dùng được" in result.output
    written = {p.name for p in tmp_path.rglob("*.yaml")} - {"plan.yaml", "ba-dinh.yaml"}
    assert written == set(), written
    assert list((tmp_path / "dot" / "out" / "in").iterdir()) == []
