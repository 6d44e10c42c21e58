"""``sokket schema``: the JSON Schema accepts every valid example and rejects wrong shapes."""

from __future__ import annotations

import copy
import datetime
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from sokket_cli.check.plan import read_plan
from sokket_cli.cli import app
from sokket_cli.render.jsonschema import unit_schema

runner = CliRunner()
EXAMPLE = Path(__file__).parent.parent / "examples" / "so-ket-nq4"


def as_editor_reads(path: Path) -> Any:
    """The file as VS Code's YAML extension hands it to the schema (YAML 1.2: a date is text)."""

    def convert(value: Any) -> Any:
        if isinstance(value, datetime.date):
            return value.isoformat()
        if isinstance(value, dict):
            return {key: convert(item) for key, item in value.items()}
        if isinstance(value, list):
            return [convert(item) for item in value]
        return value

    return convert(yaml.safe_load(path.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = unit_schema(read_plan(EXAMPLE / "plan.yaml"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


@pytest.fixture
def good() -> dict[str, Any]:
    data: dict[str, Any] = as_editor_reads(EXAMPLE / "units" / "ba-dinh.yaml")
    return data


@pytest.mark.parametrize("path", sorted((EXAMPLE / "units").glob("*.yaml")), ids=lambda p: p.stem)
def test_every_example_unit_file_is_accepted(validator: Draft202012Validator, path: Path) -> None:
    errors = [e.message for e in validator.iter_errors(as_editor_reads(path))]
    assert errors == []


def _break(data: dict[str, Any], how: str) -> dict[str, Any]:
    data = copy.deepcopy(data)
    if how == "section-as-text":
        data["lessons"] = "Một câu thay vì danh sách."
    elif how == "item-without-text":
        data["achievements"].append({"items": ["Ý nhỏ."]})
    elif how == "item-with-unknown-key":
        data["achievements"].append({"txt": "Ý lớn"})
    elif how == "unknown-top-level-key":
        data["achievments"] = ["Sai chính tả."]
    elif how == "unit-not-in-plan":
        data["unit"] = "ba-dinh-moi"
    elif how == "missing-required-section":
        del data["shortcomings"]
    elif how == "empty-required-part":
        data["causes"]["subjective"] = None
    elif how == "unknown-part":
        data["causes"]["other"] = ["x"]
    elif how == "figure-with-words":
        data["indicators"]["conferences"] = "12 hội nghị"
    elif how == "negative-count":
        data["indicators"]["conferences"] = -3
    elif how == "unknown-indicator":
        data["indicators"]["conference"] = 3
    elif how == "bad-date":
        data["submitted"] = "hôm qua"
    elif how == "blank-item":
        data["lessons"].append("   ")
    return data


@pytest.mark.parametrize("how", [
    "section-as-text", "item-without-text", "item-with-unknown-key", "unknown-top-level-key",
    "unit-not-in-plan", "missing-required-section", "empty-required-part", "unknown-part",
    "figure-with-words", "negative-count", "unknown-indicator", "bad-date", "blank-item",
])
def test_structurally_wrong_files_are_rejected(validator: Draft202012Validator, good: dict[str, Any], how: str) -> None:
    assert validator.is_valid(good)
    assert not validator.is_valid(_break(good, how))


def test_figures_written_the_vietnamese_way_are_accepted(validator: Draft202012Validator, good: dict[str, Any]) -> None:
    good["indicators"].update(conferences="48", attendance_rate="96,5", documents=None)
    assert validator.is_valid(good)
    good["indicators"]["attendance_rate"] = 97.8
    assert validator.is_valid(good)


def test_the_error_example_is_rejected(validator: Draft202012Validator) -> None:
    assert not validator.is_valid(as_editor_reads(EXAMPLE / "mau-co-loi" / "dong-da.yaml"))


def test_titles_and_descriptions_are_the_plan_s(validator: Draft202012Validator) -> None:
    schema = validator.schema
    plan = read_plan(EXAMPLE / "plan.yaml")
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["properties"]["unit"]["enum"] == list(plan.unit_ids)
    assert schema["properties"]["causes"]["properties"]["subjective"]["title"] == "Nguyên nhân chủ quan"
    assert schema["properties"]["achievements"]["description"].startswith("Bắt buộc. Kết quả lãnh đạo")
    assert "đơn vị tính: hội nghị" in schema["properties"]["indicators"]["properties"]["conferences"]["description"]


def test_schema_command_writes_and_refuses_to_overwrite(tmp_path: Path) -> None:
    out = tmp_path / "unit.schema.json"
    result = runner.invoke(app, ["schema", str(EXAMPLE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8"))["title"] == "Báo cáo của đơn vị theo Kế hoạch số 30-KH/TU"
    result = runner.invoke(app, ["schema", str(EXAMPLE), "-o", str(out)])
    assert result.exit_code == 2 and "--force" in result.stderr
    assert runner.invoke(app, ["schema", str(EXAMPLE), "-o", str(out), "--force"]).exit_code == 0
    result = runner.invoke(app, ["schema", str(EXAMPLE), "-o", str(EXAMPLE / "plan.yaml"), "--force"])
    assert result.exit_code == 2 and "là một tệp đầu vào" in result.stderr


def test_a_filled_form_is_accepted_and_an_untouched_one_is_not(validator: Draft202012Validator, tmp_path: Path) -> None:
    from test_forms import fill

    runner.invoke(app, ["forms", str(EXAMPLE), "-o", str(tmp_path), "--don-vi", "son-tay"])
    form = tmp_path / "son-tay.yaml"
    untouched = as_editor_reads(form)
    assert {e.path[0] for e in validator.iter_errors(untouched) if e.path} == {
        "submitted", "achievements", "shortcomings", "causes", "lessons", "recommendations"
    }
    form.write_text(fill(form.read_text(encoding="utf-8"), read_plan(EXAMPLE / "plan.yaml")), encoding="utf-8")
    assert validator.is_valid(as_editor_reads(form))
