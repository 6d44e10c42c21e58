"""The plan's min/max on a figure: validate, the JSON Schema and the HTML form all judge it,
from the one description of the unit file, in validate's words."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import yaml
from helpers import PLAN, VALID_UNIT
from test_htmlform import form_for, needs_browser

from sokket_cli.check.plan import Plan, read_plan
from sokket_cli.check.unit import check_unit
from sokket_cli.check.unitformat import VALUE_SLOT
from sokket_cli.render.jsonschema import unit_schema

BOUNDED = PLAN.replace(
    '{key: conferences, label: "Số hội nghị", unit: "hội nghị"}',
    '{key: conferences, label: "Số hội nghị", unit: "hội nghị", min: 1, max: 200}',
).replace("type: percent, aggregate: mean}", "type: percent, aggregate: mean, min: 50}")


def bounded_plan(folder: Path) -> Plan:
    (folder / "plan.yaml").write_text(BOUNDED, encoding="utf-8")
    return read_plan(folder / "plan.yaml")


def validate_says(plan: Plan, conferences: str) -> list[str]:
    text = VALID_UNIT.replace("conferences: 45", f"conferences: {conferences}")
    unit = check_unit(plan.path.parent / "ba-dinh.yaml", text.encode("utf-8"), plan)
    return [p.message for p in unit.report.problems if p.code != "late"]


def test_validate_fills_the_templates_the_form_gets(tmp_path: Path) -> None:
    plan = bounded_plan(tmp_path)
    field = plan.unit_format.field("indicators.conferences")
    below, above = field.bounds_templates()
    assert below is not None and above is not None and VALUE_SLOT in above
    assert validate_says(plan, "250") == [above.replace(VALUE_SLOT, "250")]
    assert validate_says(plan, "0") == [below.replace(VALUE_SLOT, "0")]
    assert "tối đa 200 (từ 1 đến 200)" in above
    assert plan.unit_format.field("indicators.rate").bounds_templates()[1] is None  # no max
    assert validate_says(plan, "120") == []


def test_the_json_schema_carries_the_bounds(tmp_path: Path) -> None:
    plan = bounded_plan(tmp_path)
    schema = unit_schema(plan)
    validator = jsonschema.Draft202012Validator(schema)
    unit = yaml.safe_load(VALID_UNIT)
    unit["submitted"] = str(unit["submitted"])
    assert not list(validator.iter_errors(unit))
    for figure, bound in ((250, "maximum"), (0, "minimum")):
        unit["indicators"]["conferences"] = figure
        errors = list(validator.iter_errors(unit))
        assert errors and any(bound in str(error.schema) for e in errors for error in [e, *e.context])
    text = json.dumps(schema)
    assert '"minimum": 50' in text  # the percent's plan bound above the default 0


@needs_browser
def test_the_html_form_flags_a_figure_out_of_bounds_in_validates_words(tmp_path: Path) -> None:
    plan = bounded_plan(tmp_path)
    with form_for(plan, tmp_path) as form:
        form.choose_unit("ba-dinh")
        form.set("indicators.conferences", "250")
        (expected,) = validate_says(plan, "250")
        assert expected in form.text("problems")
        assert expected in form.text("indicators")  # next to its field
        form.set("indicators.conferences", "150")
        assert "Số hội nghị" not in form.text("problems")
        assert not form.errors()
