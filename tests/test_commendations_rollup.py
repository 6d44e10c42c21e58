"""Proposals for commendation in the roll-up (issue 13): a district forwards every commune's
proposals to the city, each naming the commune that first proposed it (``proposed_by``)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import yaml
from helpers import BANG_KHEN, GIAY_KHEN, PLAN, VALID_UNIT, dedent
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from test_unitformat import _TEXT as _UNIT_TEXT
from typer.testing import CliRunner

from sokket_cli.check.commendations import Proposal
from sokket_cli.check.plan import Plan, read_plan
from sokket_cli.check.unit import Item, UnitFile, check_unit, read_unit
from sokket_cli.cli import app
from sokket_cli.merge.outline import merge
from sokket_cli.merge.rollup import forward_proposals
from sokket_cli.write.unitfile import unit_yaml

runner = CliRunner()
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


# -- the roll-up, from the command line -----------------------------------------------------


def commune_text(uid: str, proposals: str) -> str:
    return dedent(VALID_UNIT).replace("unit: ba-dinh", f"unit: {uid}") + "commendations:\n" + proposals


def proposals_of(uid: str) -> str:
    """One collective and two people, named after the commune so every one is told apart."""
    return (
        f'  - kind: tap-the\n    name: "Chi bộ thôn Đông, {uid}"\n    form: "{GIAY_KHEN}"\n'
        f'    achievement: "Chi bộ trong sạch, vững mạnh 5 năm liền."\n'
        + "".join(
            f'  - kind: ca-nhan\n    name: "Nguyễn Văn {n} {uid}"\n    position: "Bí thư chi bộ"\n'
            f'    birth_year: 197{n}\n    form: "{BANG_KHEN if n == 1 else GIAY_KHEN}"\n'
            f'    achievement: "Hoàn thành xuất sắc nhiệm vụ {n} năm liền."\n'
            for n in (1, 2)
        )
    )


def district(root: Path, communes: list[str], extra: dict[str, str] | None = None, block_text: str = BLOCK) -> Path:
    """A district's review folder: its plan and one valid file a commune; returns the units."""
    write_plan(root, communes, block_text)
    for uid in communes:
        text = commune_text(uid, proposals_of(uid) + (extra or {}).get(uid, ""))
        (root / "units" / f"{uid}.yaml").write_text(text, encoding="utf-8")
    return root / "units"


def roll_up(units: Path, uid: str, parent: Path | None, target: Path):  # type: ignore[no-untyped-def]
    above = ["--plan-cha", parent] if parent is not None else []
    return run("compile", units, "--as-unit", uid, *above, "-o", target, "--date", "2021-07-05")


def entries(path: Path, plan: Path) -> list[Proposal]:
    unit = read_unit(path, read_plan(plan))
    assert unit.valid, unit.report.problems
    assert unit.commendations is not None
    return list(unit.commendations.entries)


def test_chain_every_commune_proposal_reaches_the_city_file(tmp_path: Path) -> None:
    """communes → districts → city → province: the city's file names each commune."""
    wide = block(collectives=5, individuals=10)
    city = write_plan(tmp_path / "city", ["quan-a", "quan-b"], wide)
    province = write_plan(tmp_path / "province", ["ha-noi"], block(collectives=10, individuals=20))
    layout = {"quan-a": ["xa-1", "xa-2", "xa-3"], "quan-b": ["xa-4", "xa-5"]}
    for uid, communes in layout.items():
        target = tmp_path / "city" / "units" / f"{uid}.yaml"
        result = roll_up(district(tmp_path / uid, communes), uid, city, target)
        assert result.exit_code == 0, result.output
        assert "Cảnh báo" not in result.output
        assert [p.proposed_by for p in entries(target, city)] == [
            f"Đảng ủy {c}" for c in communes for _ in range(3)
        ]  # plan order of the communes, each commune's list in its own order
    checked = run("validate", tmp_path / "city" / "units", "--plan", city)
    assert checked.exit_code == 0, checked.output  # within the city's quota for a district

    top = tmp_path / "province" / "units" / "ha-noi.yaml"
    result = roll_up(tmp_path / "city" / "units", "ha-noi", province, top)
    assert result.exit_code == 0, result.output
    reached = entries(top, province)
    communes = [c for listed in layout.values() for c in listed]
    assert [p.proposed_by for p in reached] == [f"Đảng ủy {c}" for c in communes for _ in range(3)]
    assert [p.name for p in reached] == [
        name for c in communes for name in (f"Chi bộ thôn Đông, {c}", f"Nguyễn Văn 1 {c}", f"Nguyễn Văn 2 {c}")
    ]
    assert (sum(p.kind == "tap-the" for p in reached), sum(p.kind == "ca-nhan" for p in reached)) == (5, 10)
    assert [p.birth_year for p in reached if p.kind == "ca-nhan"] == [1971, 1972] * 5
    assert "# Đề nghị khen thưởng chuyển lên: 5 tập thể, 10 cá nhân" in top.read_text(encoding="utf-8")


def test_over_the_parent_quota_everything_is_written_and_the_clerk_told(tmp_path: Path) -> None:
    city = write_plan(tmp_path / "city", ["quan-a"])  # 2 collectives, 3 individuals a unit
    target = tmp_path / "city" / "units" / "quan-a.yaml"
    result = roll_up(district(tmp_path / "quan-a", ["xa-1", "xa-2", "xa-3"]), "quan-a", city, target)
    assert result.exit_code == 0, result.output
    assert (
        "Cảnh báo: Tệp gửi cấp trên có 3 tập thể, 6 cá nhân đề nghị khen thưởng (của 3 đơn vị), "
        "vượt chỉ tiêu của kế hoạch cấp trên (2 tập thể, 3 cá nhân)."
    ) in result.output
    assert "hãy chọn và xóa bớt 1 tập thể và 3 cá nhân trong mục 'commendations'" in result.output
    text = target.read_text(encoding="utf-8")
    assert "# Vượt chỉ tiêu khen thưởng của kế hoạch cấp trên: hãy bớt 1 tập thể và 3 cá nhân." in text
    unit = read_unit(target, read_plan(city))
    assert unit.commendations is not None and len(unit.commendations.entries) == 9  # none dropped
    assert [p.code for p in unit.report.problems if p.is_error] == ["over-quota", "over-quota"]
    checked = run("validate", target, "--plan", city)
    assert checked.exit_code == 1 and "vượt chỉ tiêu 3 cá nhân" in checked.output


def test_a_form_the_parent_does_not_list_refuses_the_roll_up(tmp_path: Path) -> None:
    city = write_plan(tmp_path / "city", ["quan-a"], block(forms=(BANG_KHEN,), individuals=10))
    target = tmp_path / "city" / "units" / "quan-a.yaml"
    result = roll_up(district(tmp_path / "quan-a", ["xa-1", "xa-2"]), "quan-a", city, target)
    assert result.exit_code == 1
    assert (
        f"Hình thức '{GIAY_KHEN}' (4 đề nghị của Đảng ủy xa-1, Đảng ủy xa-2) không có trong kế "
        f'hoạch cấp trên, kế hoạch đó chỉ có: "{BANG_KHEN}".'
    ) in result.output
    assert "Chưa ghi" in result.output and not target.exists()
    # without --plan-cha the file is written with the district's forms, for the clerk to edit
    assert roll_up(tmp_path / "quan-a" / "units", "quan-a", None, target).exit_code == 0
    assert target.read_text(encoding="utf-8").count(f'form: "{GIAY_KHEN}"') == 4


def test_a_form_written_otherwise_by_the_parent_takes_the_parent_s_spelling(tmp_path: Path) -> None:
    city = write_plan(tmp_path / "city", ["quan-a"], block(forms=(BANG_KHEN, GIAY_KHEN.lower()), individuals=10))
    target = tmp_path / "city" / "units" / "quan-a.yaml"
    result = roll_up(district(tmp_path / "quan-a", ["xa-1"]), "quan-a", city, target)
    assert result.exit_code == 0, result.output
    assert f'form: "{GIAY_KHEN.lower()}"' in target.read_text(encoding="utf-8")


def test_the_same_person_from_two_communes_stays_twice_with_a_note(tmp_path: Path) -> None:
    same = (
        '  - kind: ca-nhan\n    name: "Trần Thị B"\n    position: "Chủ tịch Hội Phụ nữ"\n'
        f'    form: "{GIAY_KHEN}"\n    achievement: "Vận động 200 hộ hiến đất làm đường."\n'
    )
    city = write_plan(tmp_path / "city", ["quan-a"], block(individuals=10))
    target = tmp_path / "city" / "units" / "quan-a.yaml"
    units = district(tmp_path / "quan-a", ["xa-1", "xa-2"], {"xa-1": same, "xa-2": same.replace("Trần Thị B", "trần  thị b")})
    result = roll_up(units, "quan-a", city, target)
    assert result.exit_code == 0, result.output
    assert "Cảnh báo: 2 đề nghị khen thưởng trong tệp gửi cấp trên trùng với đề nghị của đơn vị khác" in result.output
    text = target.read_text(encoding="utf-8")
    assert "  # Trùng: Cá nhân 'Trần Thị B' cũng được Đảng ủy xa-2 (xa-2) đề nghị khen thưởng.\n" in text
    assert "  # Trùng: Cá nhân 'trần thị b' cũng được Đảng ủy xa-1 (xa-1) đề nghị khen thưởng.\n" in text
    names = [(p.name, p.proposed_by) for p in entries(target, city) if p.position == "Chủ tịch Hội Phụ nữ"]
    assert names == [("Trần Thị B", "Đảng ủy xa-1"), ("trần  thị b", "Đảng ủy xa-2")]


def test_a_parent_plan_without_the_block_gets_no_list_and_the_clerk_the_count(tmp_path: Path) -> None:
    city = write_plan(tmp_path / "city", ["quan-a"], "")
    target = tmp_path / "city" / "units" / "quan-a.yaml"
    result = roll_up(district(tmp_path / "quan-a", ["xa-1", "xa-2"]), "quan-a", city, target)
    assert result.exit_code == 0, result.output
    assert (
        "Cảnh báo: 6 đề nghị khen thưởng (2 tập thể, 4 cá nhân) của 2 đơn vị không được ghi vào "
        "tệp gửi cấp trên vì kế hoạch cấp trên không có mục 'commendations'."
    ) in result.output
    assert "commendations" not in target.read_text(encoding="utf-8")
    assert run("validate", target, "--plan", city).exit_code == 0


def test_a_plan_without_the_block_compiles_no_proposal_silently(tmp_path: Path) -> None:
    """Units of such a plan cannot send proposals: validate refuses the list, so compile stops
    (or, with --skip-invalid, names the unit left out) instead of losing it."""
    city = write_plan(tmp_path / "city", ["quan-a"])
    units = district(tmp_path / "quan-a", ["xa-1", "xa-2"], block_text="")
    target = tmp_path / "city" / "units" / "quan-a.yaml"
    result = roll_up(units, "quan-a", city, target)
    assert result.exit_code == 1 and "Kế hoạch không yêu cầu đề nghị khen thưởng" in result.output
    assert not target.exists()
    (units / "xa-2.yaml").write_text(dedent(VALID_UNIT).replace("ba-dinh", "xa-2"), encoding="utf-8")
    result = run("compile", units, "--as-unit", "quan-a", "--plan-cha", city, "-o", target, "--skip-invalid")
    assert result.exit_code == 0, result.output
    assert "Báo cáo còn lỗi, chưa tổng hợp: Đảng ủy xa-1." in target.read_text(encoding="utf-8")
    assert "Kế hoạch 30-KH/TU không thu đề nghị khen thưởng" in result.output


# -- every proposal exactly once, every text byte for byte ------------------------------------

# the unit-file writer's strategy, less what validate trims from a proposal's texts
_TEXT = _UNIT_TEXT.filter(lambda t: t == t.strip())
_PROPOSAL = st.builds(
    lambda person, name, position, year, gender, achievement, by: Proposal(
        "ca-nhan" if person else "tap-the", name, GIAY_KHEN, achievement,
        position if person else "", year if person else None, gender if person else "", by,
    ),
    st.booleans(), _TEXT, _TEXT, st.none() | st.integers(1921, 2005),
    st.sampled_from(["", "nam", "nữ"]), _TEXT, st.sampled_from(["", "Đảng ủy xã Phù Linh"]) | _TEXT,
)


@pytest.fixture(scope="module")
def plans(tmp_path_factory: pytest.TempPathFactory) -> tuple[Plan, Plan]:
    folder = tmp_path_factory.mktemp("plans")
    district_plan = write_plan(folder / "quan-a", ["xa-1", "xa-2"], block(collectives=99, individuals=99))
    city = write_plan(folder / "city", ["quan-a"], block(collectives=99, individuals=99))
    return read_plan(district_plan), read_plan(city)


def _file(plan: Plan, uid: str, proposals: list[Proposal]) -> UnitFile:
    content = {key: (Item("Đã tổ chức 45 hội nghị."),) for key in ("achievements", "shortcomings", "causes.objective", "causes.subjective")}
    text = unit_yaml(plan.unit_format, uid, content=content, proposals=[("", p) for p in proposals])
    return check_unit(Path(f"{uid}.yaml"), text.encode("utf-8"), plan, today=date(2021, 7, 1))


def _fields(proposal: Proposal) -> tuple[object, ...]:
    return (proposal.kind, proposal.name, proposal.position, proposal.birth_year, proposal.gender,
            proposal.form, proposal.achievement, proposal.proposed_by)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=st.lists(_PROPOSAL, max_size=4), second=st.lists(_PROPOSAL, max_size=4))
def test_roll_up_keeps_every_proposal_once_byte_for_byte(plans: tuple[Plan, Plan], first: list[Proposal], second: list[Proposal]) -> None:
    district_plan, city = plans
    files = [_file(district_plan, "xa-1", first), _file(district_plan, "xa-2", second)]
    assert all(f.valid for f in files), [f.report.problems for f in files]
    forwarded = forward_proposals(merge(district_plan, files, group=False), files, (), city, "quan-a")
    assert forwarded.refusals == () and forwarded.proposals is not None
    written = _file(city, "quan-a", [p for _, p in forwarded.proposals])
    assert written.valid, written.report.problems
    assert written.commendations is not None
    expected = [
        (*_fields(p)[:-1], p.proposed_by or name)
        for name, sent in (("Đảng ủy xa-1", first), ("Đảng ủy xa-2", second)) for p in sent
    ]
    assert [_fields(p) for p in written.commendations.entries] == expected
