"""The plan refuses what cannot hold (issue 8) and carries bounds for figures (issue 9)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml
from helpers import PLAN, VALID_UNIT, write_review
from typer.testing import CliRunner

from sokket_cli.check.plan import read_plan
from sokket_cli.cli import app
from sokket_cli.errors import PlanError
from sokket_cli.problems import Severity

runner = CliRunner()


def load_plan(tmp_path: Path, text: str = PLAN):  # type: ignore[no-untyped-def]
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return read_plan(path)


def plan_problems(tmp_path: Path, text: str) -> list[tuple[int, int, str]]:
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PlanError) as caught:
        read_plan(path)
    return [(p.line, p.column, p.code) for p in caught.value.problems if p.severity is Severity.ERROR]


def test_section_key_with_a_dot_is_refused(tmp_path: Path) -> None:
    found = plan_problems(tmp_path, PLAN.replace("{key: shortcomings,", '{key: "causes.objective",'))
    assert found == [(18, 11, "bad-value")]


def test_sum_of_referring_to_itself_is_refused(tmp_path: Path) -> None:
    text = PLAN.replace("sum_of: [reprimanded, warned]", "sum_of: [disciplined, warned]")
    line = text.splitlines()[27]
    assert plan_problems(tmp_path, text) == [(28, line.index("[disciplined") + 2, "bad-value")]


def test_sum_of_repeating_a_key_is_refused(tmp_path: Path) -> None:
    text = PLAN.replace("sum_of: [reprimanded, warned]", "sum_of: [reprimanded, warned, reprimanded]")
    line = text.splitlines()[27]
    assert plan_problems(tmp_path, text) == [(28, line.rindex("reprimanded") + 1, "duplicate-id")]


@pytest.mark.parametrize("length", [2, 3, 50])
def test_sum_of_cycles_are_refused_once_with_their_line(tmp_path: Path, length: int) -> None:
    lines = [
        f"  - {{key: k{i}, label: \"Chỉ tiêu {i}\", sum_of: [k{(i + 1) % length}]}}" for i in range(length)
    ]
    start = PLAN.index("indicators:\n") + len("indicators:\n")
    end = PLAN.index("units:\n")
    text = PLAN[:start] + "\n".join(lines) + "\n" + PLAN[end:]
    found = plan_problems(tmp_path, text)
    assert len(found) == 1 and found[0][2] == "bad-value"
    assert found[0][0] == 26 + length - 1  # the reference that closes the cycle


def test_sum_of_cycles_are_found_in_linear_time() -> None:
    """A chain of 100,000 indicators, each also summing the first one: 100,000 cycles, each
    through a long path; naming each cycle must not copy the path (that was quadratic)."""
    from sokket_cli.check.plan import _PlanReader

    mark = yaml.Mark("plan.yaml", 0, 0, 0, None, None)
    count = 100_000

    def ref(name: str) -> tuple[yaml.Node, str]:
        return yaml.ScalarNode("tag:yaml.org,2002:str", name, mark, mark), name

    refs = {f"k{i}": [ref(f"k{i + 1}"), ref("k0")] if i else [ref("k1")] for i in range(count)}
    reader = _PlanReader()
    began = time.perf_counter()
    reader._sum_cycles(refs)
    assert time.perf_counter() - began < 10
    assert len(reader.problems) == count - 1
    assert "k0 → k1 → k2 → k3 → ... → k0" in reader.problems[0].message
    assert "k0 → k1 → k0" in reader.problems[-1].message


def test_parts_empty_list_is_refused(tmp_path: Path) -> None:
    text = PLAN.replace("  - {key: lessons, title: \"Bài học kinh nghiệm\", required: false}", "  - {key: lessons, title: \"Bài học\", parts: []}")
    line = text.splitlines()[23]
    assert plan_problems(tmp_path, text) == [(24, line.index("[]") + 1, "missing-field")]


def test_plan_cycle_is_exit_2_on_the_command_line(tmp_path: Path) -> None:
    plan_text = PLAN.replace("{key: warned, label: \"Cảnh cáo\"}", "{key: warned, label: \"Cảnh cáo\", sum_of: [disciplined]}")
    units = write_review(tmp_path, {"a.yaml": VALID_UNIT}, plan=plan_text)
    result = runner.invoke(app, ["validate", str(units)])
    assert result.exit_code == 2, result.output
    assert "plan.yaml:30:" in result.stderr and "[bad-value]" in result.stderr and "vòng" in result.stderr


BOUNDED = PLAN.replace(
    "type: percent, aggregate: mean}", "type: percent, aggregate: mean, min: 0, max: 100}"
).replace('{key: conferences, label: "Số hội nghị", unit: "hội nghị"}', '{key: conferences, label: "Số hội nghị", unit: "hội nghị", min: 1, max: "1000"}')


def test_plan_bounds_are_read_and_described_for_the_forms(tmp_path: Path) -> None:
    bounded = load_plan(tmp_path, BOUNDED)
    rate = bounded.unit_format.field("indicators.rate")
    assert (rate.minimum, rate.maximum) == (0, 100)
    data = bounded.unit_format.to_data()
    figures = next(f for f in data["fields"] if f["key"] == "indicators")["children"]
    assert figures[0]["minimum"] == "1" and figures[0]["maximum"] == "1000"


def test_bad_plan_bounds_are_refused(tmp_path: Path) -> None:
    with pytest.raises(PlanError) as caught:
        load_plan(tmp_path, BOUNDED.replace("min: 1, max: \"1000\"", "min: 10, max: 5").replace("min: 0, max: 100", "min: 0, max: 1.000"))
    codes = sorted(p.code for p in caught.value.problems)
    assert codes == ["bad-number", "bad-value"]


def test_an_unknown_format_or_layout_is_refused_at_its_value(tmp_path: Path) -> None:
    text = PLAN.replace("  format: dang\n", "  format: word\n  layout: theo-nhom\n")
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PlanError) as caught:
        read_plan(path)
    said = {p.message.split(" không có")[0]: (p.line, p.code) for p in caught.value.problems}
    assert said == {"Thể thức 'word'": (8, "bad-value"), "Cách trình bày 'theo-nhom'": (9, "bad-value")}
