"""`sokket forms` with a mistyped folder, and a unit that has its form but not the plan."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import VALID_UNIT, write_review
from typer.testing import CliRunner

from sokket_cli.cli import app

runner = CliRunner()


def test_a_folder_that_does_not_exist_is_refused_not_replaced_by_the_plans(tmp_path: Path) -> None:
    """`sokket forms out --plan p/plan.yaml` read 'out' as the review folder and, since it
    was missing, wrote 49 forms next to the plan instead of refusing."""
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT})
    plan = units.parent / "plan.yaml"
    before = sorted(p.name for p in plan.parent.iterdir())
    result = runner.invoke(app, ["forms", str(tmp_path / "out"), "--plan", str(plan)])
    assert result.exit_code == 2, result.output
    assert "Không có thư mục hay tệp" in result.output and "chỉ bằng -o" in result.output
    assert sorted(p.name for p in plan.parent.iterdir()) == before


def test_forms_say_to_send_the_plan_and_validate_says_where_it_comes_from(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT})
    sent = runner.invoke(app, ["forms", str(units.parent)])
    assert sent.exit_code == 0, sent.output
    assert "kèm tệp kế hoạch" in sent.output
    alone = tmp_path / "hop-thu" / "don-vi"  # the plan is neither here nor one folder up
    alone.mkdir(parents=True)
    (alone / "ba-dinh.yaml").write_text(VALID_UNIT, encoding="utf-8")
    monkeypatch.chdir(alone)
    result = runner.invoke(app, ["validate", "ba-dinh.yaml"])
    assert result.exit_code == 2, result.output
    assert "do cơ quan tổng hợp gửi kèm biểu mẫu" in " ".join(result.output.split())
