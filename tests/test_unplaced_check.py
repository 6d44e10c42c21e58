"""validate refuses text left under 'unplaced:' (by sokket import) until a person moves it."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import PLAN, VALID_UNIT, write_review

from sokket_cli.check.plan import read_plan
from sokket_cli.check.unit import read_unit
from sokket_cli.errors import PlanError

UNPLACED = VALID_UNIT + """\
unplaced:
  # Đoạn 4 của tệp Word, trước tiêu đề đầu tiên.
  - "Thực hiện Kế hoạch số 30-KH/TU."
  - text: "PHƯƠNG HƯỚNG"
    items:
      - "Tiếp tục quán triệt."
"""


def test_each_unplaced_item_is_an_error_saying_to_move_it(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": UNPLACED})
    unit = read_unit(units / "ba-dinh.yaml", read_plan(tmp_path / "plan.yaml"))
    found = [(p.line, p.column, p.code) for p in unit.report.problems]
    assert found == [(22, 5, "unplaced"), (23, 5, "unplaced")]
    message = unit.report.problems[0].message
    assert "Hãy chuyển ý này vào đúng mục của báo cáo (ví dụ dưới 'achievements:')" in message
    assert not unit.valid


def test_an_emptied_unplaced_list_is_no_longer_an_error(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT + "unplaced: []\n"})
    unit = read_unit(units / "ba-dinh.yaml", read_plan(tmp_path / "plan.yaml"))
    assert unit.report.problems == []


def test_no_plan_section_may_be_called_unplaced(tmp_path: Path) -> None:
    plan = PLAN.replace("  - {key: lessons,", "  - {key: unplaced, title: \"X\"}\n  - {key: lessons,")
    write_review(tmp_path, {}, plan)
    with pytest.raises(PlanError) as caught:
        read_plan(tmp_path / "plan.yaml")
    assert any("'unplaced'" in p.message for p in caught.value.problems)
