"""Proposals for commendation in the roll-up (issue 13): a district forwards every commune's
proposals to the city, each naming the commune that first proposed it (``proposed_by``)."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from helpers import PLAN, VALID_UNIT, dedent
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from sokket_cli.check.plan import read_plan
from sokket_cli.check.unit import read_unit
from sokket_cli.cli import app

runner = CliRunner()
BANG_KHEN = "Bằng khen của Ban Thường vụ Thành ủy"
GIAY_KHEN = "Giấy khen của Ban Thường vụ Thành ủy"
SECTIONS_END = PLAN.index("units:\n")


def block(forms: tuple[str, ...] = (BANG_KHEN, GIAY_KHEN), collectives: int = 2, individuals: int = 3) -> str:
    listed = ", ".join(f'"{form}"' for form in forms)
    return (
        f'commendations:\n  title: "Đề nghị khen thưởng"\n  forms: [{listed}]\n'
        f"  quota: {{collectives: {collectives}, individuals: {individuals}}}\n"
    )


BLOCK = block()
FORWARDED = """\
  - kind: ca-nhan
    name: "Nguyễn Văn A"
    position: "Bí thư Chi bộ thôn Đông"
    form: "Giấy khen của Ban Thường vụ Thành ủy"
    achievement: "Chi bộ trong sạch, vững mạnh tiêu biểu."
    proposed_by: "Đảng ủy xã Phù Linh"
"""


def run(*args: str | Path):  # type: ignore[no-untyped-def]
    return runner.invoke(app, [str(a) for a in args])


def plan_text(units: list[str], block: str = BLOCK) -> str:
    listed = "".join(f'  - {{id: {uid}, name: "Đảng ủy {uid}", group: "Nhóm"}}\n' for uid in units)
    return PLAN[:SECTIONS_END] + "units:\n" + listed + block


def write_plan(folder: Path, units: list[str], block: str = BLOCK) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "units").mkdir(exist_ok=True)
    path = folder / "plan.yaml"
    path.write_text(plan_text(units, block), encoding="utf-8")
    return path


# -- the format ------------------------------------------------------------------------------


def test_proposed_by_is_part_of_the_format_schema_and_validate(tmp_path: Path) -> None:
    plan_path = write_plan(tmp_path, ["ba-dinh"])
    unit_text = dedent(VALID_UNIT) + "commendations:\n" + FORWARDED
    unit_path = tmp_path / "units" / "ba-dinh.yaml"
    unit_path.write_text(unit_text, encoding="utf-8")
    result = run("validate", unit_path, "--plan", plan_path)
    assert result.exit_code == 0, result.output
    unit = read_unit(unit_path, read_plan(plan_path))
    assert unit.commendations is not None
    assert unit.commendations.entries[0].proposed_by == "Đảng ủy xã Phù Linh"

    schema_path = tmp_path / "unit.schema.json"
    assert run("schema", tmp_path, "-o", schema_path).exit_code == 0
    validator = Draft202012Validator(json.loads(schema_path.read_text(encoding="utf-8")))
    data = yaml.safe_load(unit_text)
    data["submitted"] = data["submitted"].isoformat()  # the editor reads YAML 1.2: a date is text
    assert [e.message for e in validator.iter_errors(data)] == []
    entry = validator.schema["properties"]["commendations"]["items"]["properties"]["proposed_by"]
    assert entry["title"] == "Đơn vị đề nghị ban đầu"

    data["commendations"][0]["proposed_from"] = data["commendations"][0].pop("proposed_by")
    assert any("proposed_from" in e.message for e in validator.iter_errors(data))
    unit_path.write_text(unit_text.replace("proposed_by:", "proposed_from:"), encoding="utf-8")
    result = run("validate", unit_path, "--plan", plan_path)
    assert result.exit_code == 1
    assert "không có mục 'proposed_from'" in result.output and "Có phải là 'proposed_by'?" in result.output
