"""``sokket init``: a review folder that every command works on at once, never over a plan."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from typer.testing import CliRunner

from sokket_cli.check.plan import Plan, read_plan
from sokket_cli.cli import app
from sokket_cli.intake.unitlist import ListedUnit
from sokket_cli.starters import STARTERS
from sokket_cli.write.planfile import EXAMPLE_MARK, plan_yaml
from sokket_cli.write.review import backup_name, build_review

runner = CliRunner()
EXAMPLE = Path(__file__).parent.parent / "examples" / "so-ket-nq4"


def _same(left: Plan, right: Plan) -> bool:
    return dataclasses.replace(left, path=Path("plan.yaml")) == dataclasses.replace(right, path=Path("plan.yaml"))


@pytest.mark.parametrize("name", list(STARTERS))
def test_every_starter_reads_back_as_itself(tmp_path: Path, name: str) -> None:
    starter = STARTERS[name]
    plan = starter.build(date(2026, 1, 5))
    path = tmp_path / "plan.yaml"
    path.write_text(plan_yaml(plan, example_units=starter.example_units), encoding="utf-8")
    assert _same(read_plan(path), plan)
    assert all(s.guidance for s in plan.sections)  # the đề cương comes with the starter
    assert all(p.guidance for s in plan.sections for p in s.parts)


def test_default_starter_makes_a_folder_every_command_works_on(tmp_path: Path) -> None:
    review = tmp_path / "dot-so-ket"
    result = runner.invoke(app, ["init", str(review)])
    assert result.exit_code == 0, result.output
    assert "sokket forms" in result.stdout and "sokket status" in result.stdout
    assert "sokket compile" in result.stdout
    plan = read_plan(review / "plan.yaml")
    assert list((review / "units").iterdir()) == []
    groups = plan.groups
    assert groups[0] == "Các đảng ủy xã, phường, đặc khu" and len(groups) == 3
    assert all("(ví dụ)" in unit.name for unit in plan.units)
    assert (review / "plan.yaml").read_text(encoding="utf-8").count(EXAMPLE_MARK) == len(plan.units)

    status = runner.invoke(app, ["status", str(review / "units"), "--format", "json"])
    assert status.exit_code == 0, status.output
    assert f"0/{len(plan.units)} đơn vị đã nộp" in runner.invoke(app, ["status", str(review / "units")]).stdout
    assert status.stdout.count('"state": "missing"') == len(plan.units)

    compiled = runner.invoke(app, ["compile", str(review / "units"), "-o", str(tmp_path / "x.docx")])
    assert compiled.exit_code == 2
    assert "không có tệp báo cáo .yaml nào để tổng hợp" in compiled.stderr
    assert "sokket import" in compiled.stderr and "sokket status" in compiled.stderr  # what next
    assert not (tmp_path / "x.docx").exists()


def test_every_plan_field_is_explained_in_a_comment(tmp_path: Path) -> None:
    runner.invoke(app, ["init", str(tmp_path)])
    lines = (tmp_path / "plan.yaml").read_text(encoding="utf-8").splitlines()
    comments = " ".join(line for line in lines if line.lstrip().startswith("#"))
    for field in ("code", "date", "issuer", "subject", "deadline", "format", "parent_organ",
                  "organ", "number", "place", "title", "summary", "signer", "recipients",
                  "key", "guidance", "required", "parts", "aliases", "label", "unit",
                  "type", "aggregate", "sum_of", "id", "name", "group"):
        at = next((i for i, line in enumerate(lines) if line.lstrip().startswith(f"{field}:")), None)
        explained_above = at is not None and lines[at - 1].lstrip().startswith("#")
        assert explained_above or f"{field}:" in comments, field
    assert "ví dụ" in comments and "báo cáo tổng hợp" in comments


def test_ha_noi_starter_recreates_the_example_plan(tmp_path: Path) -> None:
    result = runner.invoke(app, ["init", str(tmp_path), "--mau", "ha-noi-2021"])
    assert result.exit_code == 0, result.output
    assert _same(read_plan(tmp_path / "plan.yaml"), read_plan(EXAMPLE / "plan.yaml"))
    assert "ví dụ" not in result.stdout.split("\n")[1]  # a real list: no "replace the examples"


def test_existing_plan_is_never_overwritten_without_force(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text("# kế hoạch của tôi\n", encoding="utf-8")
    result = runner.invoke(app, ["init", str(tmp_path)])
    assert result.exit_code == 2
    assert "Thư mục đã có kế hoạch; không ghi gì cả" in result.stderr and "--force" in result.stderr
    assert (tmp_path / "plan.yaml").read_text(encoding="utf-8") == "# kế hoạch của tôi\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.yaml"]


def test_force_keeps_every_older_plan_as_a_backup(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text("# bản 1\n", encoding="utf-8")
    assert runner.invoke(app, ["init", str(tmp_path), "--force"]).exit_code == 0
    assert (tmp_path / "plan.yaml.bak").read_text(encoding="utf-8") == "# bản 1\n"
    second = (tmp_path / "plan.yaml").read_text(encoding="utf-8")
    result = runner.invoke(app, ["init", str(tmp_path), "--force", "--mau", "ha-noi-2021"])
    assert result.exit_code == 0 and "được giữ lại" in result.stdout
    dated = [p for p in tmp_path.iterdir() if p.name not in ("plan.yaml", "plan.yaml.bak", "units")]
    assert len(dated) == 1 and dated[0].read_text(encoding="utf-8") == second
    assert (tmp_path / "plan.yaml.bak").read_text(encoding="utf-8") == "# bản 1\n"


def test_backup_name_is_dated_when_bak_is_taken(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    assert backup_name(plan, datetime(2026, 1, 2, 3, 4, 5)).name == "plan.yaml.bak"
    (tmp_path / "plan.yaml.bak").write_text("x", encoding="utf-8")
    assert backup_name(plan, datetime(2026, 1, 2, 3, 4, 5)).name == "plan.yaml.20260102-030405.bak"


def test_unit_list_becomes_the_plan_units_in_order(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    for row in (["STT", "Tên đơn vị", "Khối"], [1, "Đảng ủy phường Ba Đình", "Phường"],
                [2, "Đảng ủy xã Ba Đình", "Xã"], [3, "Đảng uỷ Phường Ba Đình mới", None],
                [4, "Ba Đình", "Khác"], [5, "Đảng ủy Ba Đình", None]):
        sheet.append(row)
    book.save(tmp_path / "ds.xlsx")
    review = tmp_path / "rv"
    result = runner.invoke(app, ["init", str(review), "--don-vi", str(tmp_path / "ds.xlsx")])
    assert result.exit_code == 0, result.output
    plan = read_plan(review / "plan.yaml")
    assert [(u.id, u.group) for u in plan.units] == [
        ("phuong-ba-dinh", "Phường"), ("xa-ba-dinh", "Xã"), ("phuong-ba-dinh-moi", "Xã"),
        ("ba-dinh", "Khác"), ("ba-dinh-2", "Khác"),
    ]
    assert "Dòng 6: 'Đảng ủy Ba Đình' nhận mã 'ba-dinh-2'" in result.stderr
    assert EXAMPLE_MARK not in (review / "plan.yaml").read_text(encoding="utf-8")


def test_bad_list_rows_stop_init_before_anything_is_written(tmp_path: Path) -> None:
    (tmp_path / "ds.csv").write_text("Tên đơn vị;Nhóm\nQuận ủy Ba Đình;A\n;A\nQuận ủy Ba Đình;B\n", encoding="utf-8")
    review = tmp_path / "rv"
    result = runner.invoke(app, ["init", str(review), "--don-vi", str(tmp_path / "ds.csv")])
    assert result.exit_code == 2
    assert "ds.csv:3:1: error[missing-field] Dòng 3 không có tên đơn vị" in result.stderr
    assert "ds.csv:4:1: error[duplicate-unit] Dòng 4: đơn vị 'Quận ủy Ba Đình' trùng với dòng 2" in result.stderr
    assert "chưa ghi tệp nào" in result.stderr
    assert not review.exists()


def test_unwritable_folder_is_exit_2(tmp_path: Path) -> None:
    blocker = tmp_path / "tep"
    blocker.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["init", str(blocker)])
    assert result.exit_code == 2 and "không phải thư mục" in result.stderr
    result = runner.invoke(app, ["init", str(blocker / "con")])
    assert result.exit_code == 2 and "Không ghi được" in result.stderr


@pytest.mark.parametrize("command", ["init", "forms", "schema"])
def test_intake_commands_have_vietnamese_help_and_a_readme_section(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0 and ("Tạo thư mục" in result.output or "Ghi " in result.output)
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    assert f"## `sokket {command}`" in readme
    quick = readme.split("## Bắt đầu nhanh")[1].split("```sh\n")[1]
    assert quick.startswith("sokket init") and "sokket forms" in quick.splitlines()[2]


def test_printed_commands_quote_a_folder_with_spaces(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["init", "Sơ kết 2026"])
    assert result.exit_code == 0, result.output
    assert 'sokket status "Sơ kết 2026/units"' in result.stdout
    assert 'sokket forms "Sơ kết 2026" -o "Sơ kết 2026/bieu-mau"' in result.stdout


_NAME = st.text(
    alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặĐƯƠ 0123456789:#-*\"\\'{}[]%&!|>@`,?~=+/()😀",
    min_size=1, max_size=40,
).filter(lambda t: bool(t.strip()))


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(_NAME, _NAME), min_size=1, max_size=8, unique_by=lambda u: u[0].casefold()))
def test_any_unit_list_gives_a_plan_that_reads_back_as_itself(tmp_path: Path, listed: list[tuple[str, str]]) -> None:
    units = [ListedUnit(row, name, group) for row, (name, group) in enumerate(listed, start=2)]
    review = build_review("ha-noi-2021", date(2026, 1, 5), units)
    path = tmp_path / "plan.yaml"
    path.write_text(review.text, encoding="utf-8")
    assert _same(read_plan(path), review.plan)
    assert [u.name for u in review.plan.units] == [name for name, _ in listed]
