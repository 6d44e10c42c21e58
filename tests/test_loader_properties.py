"""Property tests: no bytes make the loader raise, and text comes back exactly as written."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from helpers import PLAN
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sokket_cli.check.plan import Plan, read_plan
from sokket_cli.check.unit import check_unit
from sokket_cli.errors import PlanError
from sokket_cli.intake.text import CONTROL_CHARS


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory) -> Plan:
    path = tmp_path_factory.mktemp("p") / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return read_plan(path)


yaml_ish = st.text(
    alphabet=st.sampled_from(list("unit:achievements-[]{}&*!|>'\"#%@ \n\t\\,?~0123456789.aăâđươĐ\x0b\ufeff")),
    max_size=300,
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=400) | yaml_ish.map(lambda s: s.encode("utf-8")))
def test_no_input_makes_unit_loading_raise(plan: Plan, data: bytes) -> None:
    unit = check_unit(Path("u.yaml"), data, plan)
    for problem in unit.report.problems:
        assert problem.line >= 1 and problem.column >= 1
        assert problem.message


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300) | yaml_ish.map(lambda s: s.encode("utf-8")))
def test_no_input_makes_plan_loading_raise_anything_but_plan_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes(data)
    try:
        read_plan(path)
    except PlanError as exc:
        assert exc.problems


printable = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\x85\u2028\u2029"),
    min_size=1,
    max_size=80,
).filter(lambda s: s.strip() and not CONTROL_CHARS.search(s))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(printable, min_size=1, max_size=5))
def test_item_text_comes_back_exactly(plan: Plan, texts: list[str]) -> None:
    items = "\n".join(f"  - {json.dumps(t, ensure_ascii=False)}" for t in texts)
    source = f"unit: ba-dinh\nachievements:\n{items}\n"
    unit = check_unit(Path("u.yaml"), source.encode("utf-8"), plan)
    assert [i.text for i in unit.content["achievements"]] == [unicodedata.normalize("NFC", t) for t in texts]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=st.text(
        alphabet=st.one_of(
            st.sampled_from("\x00\x07\x0b\x1f\x7f\x85\x9f\ufffe\uffff\\\"aăĐ "),
            st.characters(blacklist_categories=("Cs",)),  # a surrogate cannot be saved as UTF-8
        ),
        min_size=1,
        max_size=40,
    ),
    style=st.sampled_from(["json", "single", "plain"]),
)
def test_a_control_character_is_found_however_it_is_written(plan: Plan, text: str, style: str) -> None:
    if style == "json":
        written = json.dumps(text, ensure_ascii=False)  # escapes: \u000b, \n, \"...
    elif style == "single":
        written = "'" + text.replace("'", "''") + "'"
    else:
        written = "x " + text.replace("\n", " ")
    source = f"unit: ba-dinh\nachievements:\n  - {written}\n"
    unit = check_unit(Path("u.yaml"), source.encode("utf-8"), plan)
    codes = {p.code for p in unit.report.problems}
    assert ("control-char" in codes) == bool(CONTROL_CHARS.search(text)), (written, codes)
