"""Hostile unit files end fast: alias bombs are refused before anything walks the node graph,
and positions of control characters are found in linear time."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from helpers import PLAN, VALID_UNIT, write_review
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from sokket_cli.check.plan import Plan, read_plan
from sokket_cli.check.unit import check_unit
from sokket_cli.cli import app
from sokket_cli.intake.legacy_file import fix_legacy
from sokket_cli.intake.text import strip_control_chars

runner = CliRunner()


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory) -> Plan:
    path = tmp_path_factory.mktemp("p") / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return read_plan(path)

# Eight levels of items with nine sub-items each: 43 million items once expanded, < 1 KB.
BOMB = "unit: ba-dinh\nl0: &a0 {text: x}\n" + "".join(
    f"l{i}: &a{i} {{text: x, items: [{', '.join([f'*a{i - 1}'] * 9)}]}}\n" for i in range(1, 8)
) + "achievements: [*a7]\nshortcomings: [*a7]\ncauses: {objective: [*a7], subjective: [*a7]}\n"


@pytest.mark.parametrize("command", ["validate", "status", "compile"])
def test_an_alias_bomb_is_refused_in_well_under_a_second(tmp_path: Path, command: str) -> None:
    assert len(BOMB) < 1024
    units = write_review(tmp_path, {"ba-dinh.yaml": BOMB, "hoan-kiem.yaml": VALID_UNIT.replace("ba-dinh", "hoan-kiem")})
    args = [command, str(units)]
    if command == "compile":
        args += ["-o", str(tmp_path / "du-thao.docx")]
    started = time.perf_counter()
    result = runner.invoke(app, args)
    elapsed = time.perf_counter() - started
    assert elapsed < 1.0, elapsed
    assert result.exit_code in (1, 0) if command == "status" else result.exit_code == 1, result.output
    if command == "validate":
        assert "ba-dinh.yaml:3:27: error[yaml-syntax]" in result.stdout
        assert "Không dùng bí danh YAML (*a0) trong báo cáo (còn 66 bí danh khác" in result.stdout
        assert "1/2 tệp chưa hợp lệ: 1 lỗi" in result.stdout


def test_a_megabyte_line_of_control_characters_is_linear() -> None:
    text = "unit: x\nachievements:\n  - \"" + "\x01" * 1_000_000 + "\"\n" + "  - \"\x02\"\n" * 20_000
    started = time.perf_counter()
    cleaned, problems = strip_control_chars(text)
    assert time.perf_counter() - started < 10.0  # ~0.6 s; it took 4 minutes when quadratic
    assert len(problems) == 20_001
    assert (problems[0].line, problems[0].column) == (3, 6)
    assert (problems[-1].line, problems[-1].column) == (20_003, 6)
    assert "\x01" not in cleaned and len(cleaned) == len(text)


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="ab\n\x01\x0b\x7f ", max_size=60))
def test_control_character_positions_are_those_of_the_first_on_each_line(text: str) -> None:
    expected = []
    for number, line in enumerate(text.split("\n"), start=1):
        column = next((i for i, ch in enumerate(line) if ch in "\x01\x0b\x7f"), None)
        if column is not None:
            expected.append((number, column + 1))
    _, problems = strip_control_chars(text)
    assert [(p.line, p.column) for p in problems] == expected


@st.composite
def hostile_documents(draw: st.DrawFn) -> str:
    """YAML built from anchors, aliases, tags, deep nesting and long scalars."""
    anchors: list[str] = []

    def node(depth: int) -> str:
        kind = draw(st.sampled_from(["scalar", "alias", "seq", "map", "tagged", "long"] if depth < 6 else ["scalar", "alias"]))
        if kind == "alias" and anchors:
            return f"*{draw(st.sampled_from(anchors))}"
        if kind == "seq":
            body = "[" + ", ".join(node(depth + 1) for _ in range(draw(st.integers(0, 4)))) + "]"
        elif kind == "map":
            body = "{" + ", ".join(f"k{i}: {node(depth + 1)}" for i in range(draw(st.integers(0, 4)))) + "}"
        elif kind == "tagged":
            body = draw(st.sampled_from(["!!python/object:os.system x", "!!binary aGk=", "!x y", "!!str 1"]))
        elif kind == "long":
            body = '"' + "B¸o c¸o " * draw(st.integers(1, 2000)) + '"'
        else:
            body = draw(st.sampled_from(["x", "'y'", '"z"', "1.000", "~", "", "no"]))
        if draw(st.booleans()):
            name = f"a{len(anchors)}"
            anchors.append(name)
            return f"&{name} {body}"
        return body

    nesting = draw(st.integers(0, 3000))
    deep = "[" * nesting + "x" + "]" * nesting if draw(st.booleans()) else "x"
    return f"unit: ba-dinh\nachievements: [{node(0)}, {node(0)}]\nshortcomings: {node(0)}\nlessons: {deep}\n"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=hostile_documents())
def test_hostile_documents_end_fast_and_never_raise(plan: Plan, text: str) -> None:
    started = time.perf_counter()
    unit = check_unit(Path("u.yaml"), text.encode("utf-8"), plan)
    fixed = fix_legacy(text.encode("utf-8"))
    assert time.perf_counter() - started < 5.0  # ~0.1 s at worst; an expansion takes minutes
    assert all(p.line >= 1 and p.column >= 1 for p in unit.report.problems + fixed.problems)
    if "*" in text and "&" in text and unit.report.problems and unit.report.problems[0].code == "yaml-syntax":
        assert not unit.content  # refused before anything read the graph
