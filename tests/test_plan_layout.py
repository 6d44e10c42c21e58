"""The plan chooses the draft's layout and which sections are tabled in the appendix."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import PLAN

from sokket_cli.check.plan import read_plan
from sokket_cli.errors import PlanError


def plan_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_by_point_and_recommendations_tabled(tmp_path: Path) -> None:
    text = PLAN.replace(
        '  - {key: lessons, title: "Bài học kinh nghiệm", required: false}\n',
        '  - {key: lessons, title: "Bài học kinh nghiệm", required: false, summary_table: yes}\n'
        '  - {key: recommendations, title: "Kiến nghị, đề xuất"}\n',
    )
    plan = read_plan(plan_file(tmp_path, text))
    assert plan.report.layout == "theo-y"
    assert {s.key for s in plan.sections if s.tabled} == {"lessons", "recommendations"}


def test_layout_by_unit_and_a_wrong_one(tmp_path: Path) -> None:
    by_unit = PLAN.replace("  format: dang\n", "  format: dang\n  layout: theo-don-vi\n")
    assert read_plan(plan_file(tmp_path, by_unit)).report.layout == "theo-don-vi"
    wrong = PLAN.replace("  format: dang\n", "  format: dang\n  layout: theo-nhom\n")
    with pytest.raises(PlanError) as caught:
        read_plan(plan_file(tmp_path, wrong))
    assert any("'theo-nhom' không có" in p.message for p in caught.value.problems)
