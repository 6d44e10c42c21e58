"""Proposals for commendation (issue 13): the plan's block, each unit's list checked by
validate, the same person or collective proposed by two units, the counts in status."""

from __future__ import annotations

import csv
import io
import json
import time
from pathlib import Path

import pytest
from helpers import (
    COMMENDATIONS_BLOCK,
    COMMENDATIONS_PLAN,
    GIAY_KHEN,
    PLAN,
    VALID_UNIT,
    write_review,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from sokket_cli.check.commendations import Quota
from sokket_cli.check.plan import read_plan
from sokket_cli.check.unit import check_unit
from sokket_cli.cli import app
from sokket_cli.errors import PlanError
from sokket_cli.problems import Severity

runner = CliRunner()
PERSON = f"""\
  - kind: ca-nhan
    name: "Nguyễn Văn A"
    position: "Bí thư Chi bộ khu dân cư số 5"
    birth_year: 1975
    gender: nam
    form: "{GIAY_KHEN}"
    achievement: "Lãnh đạo chi bộ đạt trong sạch, vững mạnh tiêu biểu 5 năm liền."
"""
COLLECTIVE = f"""\
  - kind: tap-the
    name: "Đảng bộ phường Kim Mã"
    form: "{GIAY_KHEN}"
    achievement: "Hoàn thành xuất sắc nhiệm vụ 5 năm liền."
"""


def unit_with(entries: str, unit: str = VALID_UNIT) -> str:
    return unit + "commendations:\n" + entries


def check(tmp_path: Path, text: str, plan_text: str = COMMENDATIONS_PLAN):  # type: ignore[no-untyped-def]
    path = tmp_path / "plan.yaml"
    path.write_text(plan_text, encoding="utf-8")
    return check_unit(tmp_path / "u.yaml", text.encode("utf-8"), read_plan(path))


def problems(tmp_path: Path, text: str, plan_text: str = COMMENDATIONS_PLAN) -> list[tuple[int, int, str, str]]:
    unit = check(tmp_path, text, plan_text)
    return [(p.line, p.column, p.code, p.message) for p in unit.report.problems]


def plan_errors(tmp_path: Path, block: str) -> list[tuple[int, int, str, str]]:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN + block, encoding="utf-8")
    with pytest.raises(PlanError) as caught:
        read_plan(path)
    return [(p.line, p.column, p.code, p.message) for p in caught.value.problems if p.severity is Severity.ERROR]


# -- the plan ---------------------------------------------------------------------------------


def test_plan_block_is_read_with_group_quota(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(COMMENDATIONS_PLAN + "  required: true\n", encoding="utf-8")
    block = read_plan(path).commendations
    assert block is not None
    assert block.title == "Đề nghị khen thưởng"
    assert block.forms == ("Bằng khen của Ban Thường vụ Thành ủy", GIAY_KHEN)
    assert block.required is True
    assert block.quota_for("Các quận ủy") == Quota(2, 3)
    assert block.quota_for("Các huyện ủy") == Quota(3, 3)  # the group overrides collectives only


def test_plan_without_block_has_none_and_unit_format_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    plan = read_plan(path)
    assert plan.commendations is None
    assert "commendations" not in plan.unit_format.keys


def test_unit_format_describes_the_list(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(COMMENDATIONS_PLAN, encoding="utf-8")
    data = read_plan(path).unit_format.to_data()
    field = next(f for f in data["fields"] if f["key"] == "commendations")
    assert field["kind"] == "proposals" and field["title"] == "Đề nghị khen thưởng"
    children = {c["key"]: c for c in field["children"]}
    assert list(children) == ["kind", "name", "position", "birth_year", "gender", "form", "achievement", "proposed_by"]
    assert children["form"]["choices"] == ["Bằng khen của Ban Thường vụ Thành ủy", GIAY_KHEN]
    assert children["kind"]["choices"] == ["tap-the", "ca-nhan"]


@pytest.mark.parametrize(
    ("block", "where", "fragment"),
    [
        (COMMENDATIONS_BLOCK.replace("collectives: 2", "collectives: -1"), (38, 24), "Chỉ tiêu 'collectives' ghi '-1'; hãy ghi một số nguyên không âm"),
        (COMMENDATIONS_BLOCK.replace('forms: ["Bằng khen của Ban Thường vụ Thành ủy", "Giấy khen của Ban Thường vụ Thành ủy"]', "forms: []"),
         (37, 10), "chưa có hình thức khen thưởng nào"),
        (COMMENDATIONS_BLOCK + "  quotas: 3\n", (40, 3), "Mục 'quotas' không có"),
        (COMMENDATIONS_BLOCK.replace('"Các huyện ủy"', '"Các huyen uy"'), (39, 20), "Có phải là 'Các huyện ủy'?"),
        (COMMENDATIONS_BLOCK.replace("{collectives: 2, individuals: 3}", "{collectives: 2, persons: 3}"), (38, 27), "Mục 'persons' không có"),
    ],
    ids=["negative-quota", "empty-forms", "unknown-key", "unknown-group", "unknown-quota-key"],
)
def test_bad_plan_block_is_refused_at_its_place(tmp_path: Path, block: str, where: tuple[int, int], fragment: str) -> None:
    found = plan_errors(tmp_path, block)
    assert [(line, column) for line, column, _, message in found if fragment in message] == [where], found


# -- a unit's list ----------------------------------------------------------------------------


def test_complete_entries_are_kept_as_plain_data(tmp_path: Path) -> None:
    unit = check(tmp_path, unit_with(PERSON + COLLECTIVE))
    assert unit.valid, unit.report.problems
    assert unit.commendations is not None
    person, collective = unit.commendations.entries
    assert (person.kind, person.name, person.birth_year, person.gender, person.form) == (
        "ca-nhan", "Nguyễn Văn A", 1975, "nam", GIAY_KHEN,
    )
    assert person.position == "Bí thư Chi bộ khu dân cư số 5"
    assert (collective.kind, collective.name, collective.position) == ("tap-the", "Đảng bộ phường Kim Mã", "")
    assert (unit.commendations.collectives, unit.commendations.individuals) == (1, 1)


def test_kinds_and_forms_typed_by_hand_are_accepted(tmp_path: Path) -> None:
    text = unit_with(
        PERSON.replace("kind: ca-nhan", 'kind: "Cá  Nhân"').replace(f'form: "{GIAY_KHEN}"', 'form: "giấy khen của  ban thường vụ thành ủy"')
        + COLLECTIVE.replace("kind: tap-the", "kind: TẬP THỂ ")
    )
    unit = check(tmp_path, text)
    assert unit.valid, unit.report.problems
    assert unit.commendations is not None
    assert [p.kind for p in unit.commendations.entries] == ["ca-nhan", "tap-the"]
    assert unit.commendations.entries[0].form == GIAY_KHEN  # the plan's spelling


@pytest.mark.parametrize(
    ("old", "new", "where", "code", "fragment"),
    [
        ("    name: \"Nguyễn Văn A\"\n", "", (21, 5), "missing-field", "thiếu mục 'name'"),
        ("    position: \"Bí thư Chi bộ khu dân cư số 5\"\n", "", (21, 5), "missing-field", "thiếu mục 'position' (chức vụ, đơn vị công tác)"),
        ("    achievement: \"Lãnh đạo chi bộ đạt trong sạch, vững mạnh tiêu biểu 5 năm liền.\"\n", "", (21, 5), "missing-field", "thiếu mục 'achievement'"),
        (f"    form: \"{GIAY_KHEN}\"\n", "", (21, 5), "missing-field", "thiếu mục 'form'"),
        ("  - kind: ca-nhan\n    name", "  - name", (21, 5), "missing-field", "thiếu mục 'kind'"),
        ("kind: ca-nhan", "kind: doan-the", (21, 11), "bad-value", "Hãy ghi 'kind: tap-the' (tập thể) hoặc 'kind: ca-nhan' (cá nhân)."),
        ("kind: ca-nhan", "kind: Ca nhân", (21, 11), "bad-value", "Loại 'Ca nhân' không có. Có phải là 'kind: ca-nhan' (cá nhân)?"),
        ("birth_year: 1975", "birth_year: 75", (24, 17), "bad-value", "Năm sinh '75' không hợp lệ; hãy ghi năm có 4 chữ số, từ 1926 đến 2010"),
        ("birth_year: 1975", "birth_year: 2020", (24, 17), "bad-value", "từ 1926 đến 2010"),
        ("gender: nam", "gender: x", (25, 13), "bad-value", "hãy ghi 'gender: nam' hoặc 'gender: nữ'"),
        (GIAY_KHEN, "Giay khen cua Ban Thuong vu Thanh uy", (26, 11), "unknown-form", f'Có phải là "{GIAY_KHEN}"?'),
        (GIAY_KHEN, "Huân chương Lao động", (26, 11), "unknown-form", "Các hình thức của kế hoạch: \"Bằng khen"),
        ("    gender: nam\n", "    gender: nam\n    note: \"Đảng viên 30 năm\"\n", (26, 5), "unknown-key", "không có mục 'note' nên nội dung ghi ở đó sẽ bị mất"),
        ('name: "Nguyễn Văn A"', 'name: ""', (22, 11), "missing-field", "Mục 'name' (tên tập thể hoặc họ và tên) của đề nghị khen thưởng đang để trống."),
    ],
    ids=["name", "position", "achievement", "form", "kind", "bad-kind", "half-accented-kind", "short-year", "young", "gender",
         "form-typo", "form-not-in-plan", "unknown-key", "empty-name"],
)
def test_each_wrong_field_is_an_error_saying_what_to_type(
    tmp_path: Path, old: str, new: str, where: tuple[int, int], code: str, fragment: str
) -> None:
    assert old in PERSON
    found = problems(tmp_path, unit_with(PERSON.replace(old, new)), COMMENDATIONS_PLAN)
    hits = [(line, column, c) for line, column, c, message in found if fragment.casefold() in message.casefold()]
    assert hits == [(*where, code)], found
    unit = check(tmp_path, unit_with(PERSON.replace(old, new)))
    assert not unit.valid and unit.commendations is not None and unit.commendations.entries == ()


def test_year_and_gender_of_a_collective_would_be_lost(tmp_path: Path) -> None:
    found = problems(tmp_path, unit_with(COLLECTIVE + "    birth_year: 1990\n"))
    assert [(line, code) for line, _, code, _ in found] == [(25, "bad-value")]
    assert "chỉ ghi cho cá nhân" in found[0][3]


def test_entry_that_is_not_a_mapping(tmp_path: Path) -> None:
    found = problems(tmp_path, unit_with('  - "Nguyễn Văn A, Bí thư"\n'))
    assert [(line, column, code) for line, column, code, _ in found] == [(21, 5, "wrong-type")]
    assert "kind: ca-nhan" in found[0][3]


def test_over_quota_names_the_quota(tmp_path: Path) -> None:
    entries = COLLECTIVE * 3 + PERSON * 2
    found = problems(tmp_path, unit_with(entries))
    assert [(line, column, code, message) for line, column, code, message in found] == [
        (21, 3, "over-quota", (
            "Đơn vị đề nghị 3 tập thể, vượt chỉ tiêu 2 tập thể của kế hoạch. "
            "Hãy bớt 1 tập thể khỏi mục 'commendations'."
        )),
    ]


def test_group_quota_applies_to_units_of_that_group(tmp_path: Path) -> None:
    text = unit_with(COLLECTIVE * 3, VALID_UNIT.replace("unit: ba-dinh", "unit: soc-son"))
    assert check(tmp_path, text).valid
    assert not check(tmp_path, unit_with(COLLECTIVE * 4, VALID_UNIT.replace("unit: ba-dinh", "unit: soc-son"))).valid


def test_list_is_refused_when_the_plan_asks_for_none(tmp_path: Path) -> None:
    found = problems(tmp_path, unit_with(PERSON), PLAN)
    assert [(line, column, code) for line, column, code, _ in found] == [(20, 1, "commendations-not-asked")]
    assert "Kế hoạch không yêu cầu đề nghị khen thưởng" in found[0][3]


def test_required_list_must_be_present_and_may_be_empty(tmp_path: Path) -> None:
    plan = COMMENDATIONS_PLAN + "  required: true\n"
    found = problems(tmp_path, VALID_UNIT, plan)
    assert [code for _, _, code, _ in found] == ["missing-section"]
    assert "nếu đơn vị không đề nghị, ghi 'commendations: []'" in found[0][3]
    assert problems(tmp_path, VALID_UNIT + "commendations: []\n", plan) == []
    assert problems(tmp_path, VALID_UNIT, COMMENDATIONS_PLAN) == []  # not required: absent is fine


def test_validate_cli_exit_code_and_message(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": unit_with(PERSON.replace("gender: nam", "gender: x"))}, COMMENDATIONS_PLAN)
    result = runner.invoke(app, ["validate", str(units / "ba-dinh.yaml")])
    assert result.exit_code == 1
    assert "ba-dinh.yaml:25:13: error[bad-value] Giới tính 'x' không hợp lệ" in result.stdout


# -- across units -----------------------------------------------------------------------------


SOC_SON = VALID_UNIT.replace("unit: ba-dinh", "unit: soc-son")
HOAN_KIEM = VALID_UNIT.replace("unit: ba-dinh", "unit: hoan-kiem")


def test_same_person_from_two_units_is_flagged_on_both(tmp_path: Path) -> None:
    other = PERSON.replace('"Nguyễn Văn A"', '" nguyễn  VĂN a"').replace("    birth_year: 1975\n", "")
    units = write_review(tmp_path, {"ba-dinh.yaml": unit_with(PERSON), "soc-son.yaml": unit_with(other, SOC_SON)}, COMMENDATIONS_PLAN)
    result = runner.invoke(app, ["validate", str(units)])
    assert result.exit_code == 0, result.stdout
    lines = [line for line in result.stdout.splitlines() if "duplicate-commendation" in line]
    assert len(lines) == 2
    assert "ba-dinh.yaml:22:11: warning[duplicate-commendation] Cá nhân 'Nguyễn Văn A' (sinh năm 1975) cũng được Huyện ủy Sóc Sơn (soc-son) đề nghị khen thưởng." in lines[0]
    assert "soc-son.yaml:22:11: warning[duplicate-commendation] Cá nhân 'nguyễn  VĂN a' cũng được Quận ủy Ba Đình (ba-dinh)" in lines[1]


def test_people_with_different_birth_years_are_not_flagged(tmp_path: Path) -> None:
    other = PERSON.replace("1975", "1980")
    units = write_review(tmp_path, {"ba-dinh.yaml": unit_with(PERSON), "soc-son.yaml": unit_with(other, SOC_SON)}, COMMENDATIONS_PLAN)
    result = runner.invoke(app, ["validate", str(units)])
    assert "duplicate-commendation" not in result.stdout


def test_collective_and_person_of_one_name_are_not_the_same(tmp_path: Path) -> None:
    other = COLLECTIVE.replace("Đảng bộ phường Kim Mã", "Nguyễn Văn A")
    units = write_review(tmp_path, {"ba-dinh.yaml": unit_with(PERSON), "soc-son.yaml": unit_with(other, SOC_SON)}, COMMENDATIONS_PLAN)
    assert "duplicate-commendation" not in runner.invoke(app, ["validate", str(units)]).stdout


def test_many_units_named_few_counted(tmp_path: Path) -> None:
    from sokket_cli.check.shared_proposals import flag_shared_proposals

    ids = [f"u{i}" for i in range(6)]
    plan_text = PLAN.split("units:\n")[0] + "units:\n" + "".join(f'  - {{id: {u}, name: "Đơn vị {u}"}}\n' for u in ids) + COMMENDATIONS_BLOCK.split("  quota_by_group")[0]
    path = tmp_path / "plan.yaml"
    path.write_text(plan_text, encoding="utf-8")
    plan = read_plan(path)
    files = [check_unit(tmp_path / f"{u}.yaml", unit_with(PERSON, VALID_UNIT.replace("ba-dinh", u)).encode(), plan) for u in ids]
    flagged = flag_shared_proposals(plan, [(f.unit_id, f.commendations, f.report) for f in files])
    assert len(flagged) == 6
    assert flagged[0].others == ("u1", "u2", "u3") and flagged[0].more == 2
    message = next(p.message for p in files[0].report.problems if p.code == "duplicate-commendation")
    assert "Đơn vị u1 (u1), Đơn vị u2 (u2), Đơn vị u3 (u3) và 2 đơn vị khác" in message


# -- status -----------------------------------------------------------------------------------


def status_review(tmp_path: Path) -> Path:
    over = unit_with(COLLECTIVE * 3 + PERSON)  # 3 collectives: over the quota of 2
    other = unit_with(PERSON, SOC_SON)
    return write_review(tmp_path, {"ba-dinh.yaml": over, "soc-son.yaml": other}, COMMENDATIONS_PLAN)


def test_status_text_shows_counts_against_quota_and_duplicates(tmp_path: Path) -> None:
    result = runner.invoke(app, ["status", str(status_review(tmp_path)), "--today", "2021-07-01"])
    out = result.stdout
    assert "Khen thưởng" in out.splitlines()[2]
    ba_dinh = next(line for line in out.splitlines() if line.startswith("Quận ủy Ba Đình"))
    soc_son = next(line for line in out.splitlines() if line.startswith("Huyện ủy Sóc Sơn"))
    assert ba_dinh.endswith("3/2 TT, 1/3 CN")
    assert soc_son.endswith("0/3 TT, 1/3 CN")
    assert "Đề nghị khen thưởng trùng giữa các đơn vị:" in out
    assert "- Quận ủy Ba Đình: Cá nhân 'Nguyễn Văn A' (sinh năm 1975) cũng được Huyện ủy Sóc Sơn (soc-son) đề nghị khen thưởng." in out
    assert "Đề nghị khen thưởng: 3 tập thể, 2 cá nhân; 1 đơn vị vượt chỉ tiêu." in out


def test_status_json_adds_fields_and_keeps_keys(tmp_path: Path) -> None:
    result = runner.invoke(app, ["status", str(status_review(tmp_path)), "--format", "json", "--today", "2021-07-01"])
    document = json.loads(result.stdout)
    first, missing, last = document["units"]
    assert set(first) >= {"id", "name", "group", "state", "file", "submitted", "errors", "warnings"}
    assert first["commendations"] == {
        "collectives": 3, "individuals": 1, "quota": {"collectives": 2, "individuals": 3}, "over_quota": True,
    }
    assert missing["commendations"] is None
    assert last["commendations"]["quota"] == {"collectives": 3, "individuals": 3}
    duplicates = document["commendations"]["duplicates"]
    assert [(d["unit"], d["name"], d["birth_year"], d["other_units"]) for d in duplicates] == [
        ("ba-dinh", "Nguyễn Văn A", 1975, ["soc-son"]), ("soc-son", "Nguyễn Văn A", 1975, ["ba-dinh"]),
    ]


def test_status_csv_appends_columns(tmp_path: Path) -> None:
    raw = runner.invoke(app, ["status", str(status_review(tmp_path)), "--format", "csv"]).stdout_bytes
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows[0][8:] == ["Ghi chú", "Tập thể đề nghị", "Chỉ tiêu tập thể", "Cá nhân đề nghị", "Chỉ tiêu cá nhân"]
    assert rows[1][1] == "ba-dinh" and rows[1][9:] == ["3", "2", "1", "3"]
    assert rows[2][1] == "hoan-kiem" and rows[2][9:] == ["", "", "", ""]
    assert rows[3][9:] == ["0", "3", "1", "3"]


def test_status_without_block_is_unchanged(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT})
    text = runner.invoke(app, ["status", str(units)]).stdout
    assert "Khen thưởng" not in text
    document = json.loads(runner.invoke(app, ["status", str(units), "--format", "json"]).stdout)
    assert "commendations" not in document and "commendations" not in document["units"][0]
    raw = runner.invoke(app, ["status", str(units), "--format", "csv"]).stdout_bytes
    assert raw.decode("utf-8-sig").splitlines()[0].endswith("Số cảnh báo;Ghi chú")


def test_shared_proposals_are_found_in_linear_time(tmp_path: Path) -> None:
    """Thousands of units proposing one name (with and without years): no pairwise comparing."""
    from sokket_cli.check.commendations import Proposal, ProposalList
    from sokket_cli.check.shared_proposals import flag_shared_proposals
    from sokket_cli.problems import FileReport

    count = 4000
    ids = [f"u{i}" for i in range(count)]
    plan_text = PLAN.split("units:\n")[0] + "units:\n" + "".join(f'  - {{id: {u}, name: "Đơn vị {u}"}}\n' for u in ids) + COMMENDATIONS_BLOCK.split("  quota_by_group")[0]
    path = tmp_path / "plan.yaml"
    path.write_text(plan_text, encoding="utf-8")
    plan = read_plan(path)
    proposers = [
        (u, ProposalList((Proposal("ca-nhan", "Nguyễn Văn A", GIAY_KHEN, "x", "y", 1970 + i % 2 if i % 3 else None),)), FileReport(tmp_path / u))
        for i, u in enumerate(ids)
    ]
    started = time.perf_counter()
    flagged = flag_shared_proposals(plan, proposers)
    assert time.perf_counter() - started < 2
    assert len(flagged) == count
    no_year = sum(1 for i in range(count) if not i % 3)
    even_year = sum(1 for i in range(count) if i % 3 and i % 2 == 0)
    first_with_even_year = next(s for s in flagged if s.proposal.birth_year == 1970)
    assert len(first_with_even_year.others) + first_with_even_year.more == even_year + no_year - 1
    assert flagged[0].proposal.birth_year is None and flagged[0].more + len(flagged[0].others) == count - 1


def test_status_with_no_unit_sent_yet(tmp_path: Path) -> None:
    """The column is there (the plan asks for proposals) but no row has a count: no crash."""
    stray = VALID_UNIT.replace("unit: ba-dinh", "unit: tay-ho")
    units = write_review(tmp_path, {"tay-ho.yaml": stray}, COMMENDATIONS_PLAN)
    result = runner.invoke(app, ["status", str(units), "--today", "2021-07-01"])
    assert result.exit_code == 0, result.stdout
    assert "Khen thưởng" in result.stdout
    assert "Đề nghị khen thưởng: 0 tập thể, 0 cá nhân." in result.stdout


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    word=st.sampled_from(["tập thể", "tap-the", "cá nhân", "ca-nhan"]),
    upper=st.lists(st.booleans(), min_size=8, max_size=8),
    pad=st.sampled_from(["", " ", "  "]),
    inner=st.sampled_from([" ", "  ", "\u00a0"]),
)
def test_kind_typed_with_any_case_and_spacing_is_accepted(
    tmp_path: Path, word: str, upper: list[bool], pad: str, inner: str
) -> None:
    typed = "".join(c.upper() if flag else c for c, flag in zip(word, upper * 2, strict=False))
    typed = pad + typed.replace(" ", inner) + pad
    person = word in ("cá nhân", "ca-nhan")
    entry = PERSON if person else COLLECTIVE
    entry = entry.replace("kind: ca-nhan" if person else "kind: tap-the", f'kind: "{typed}"')
    unit = check(tmp_path, unit_with(entry))
    assert unit.valid, unit.report.problems


def test_json_schema_accepts_what_validate_accepts(tmp_path: Path) -> None:
    """The editor's schema (derived from the unit format) takes the list validate takes, hand
    typed kinds and forms included, and underlines an entry without a name or with a stray key."""
    import yaml
    from jsonschema import Draft202012Validator

    from sokket_cli.render.jsonschema import unit_schema

    path = tmp_path / "plan.yaml"
    path.write_text(COMMENDATIONS_PLAN, encoding="utf-8")
    validator = Draft202012Validator(unit_schema(read_plan(path)))
    hand = PERSON.replace("kind: ca-nhan", 'kind: "Cá nhân"').replace(GIAY_KHEN, GIAY_KHEN.lower())
    good = unit_with(PERSON + COLLECTIVE + hand)
    assert check(tmp_path, good).valid

    def errors(text: str) -> list[str]:
        data = yaml.safe_load(text.replace("submitted: 2021-06-30\n", ""))  # YAML 1.1 dates
        return [error.message for error in validator.iter_errors(data)]

    assert errors(good) == []
    for bad in (PERSON.replace('    name: "Nguyễn Văn A"\n', ""), PERSON + "    note: x\n"):
        assert not check(tmp_path, unit_with(bad)).valid
        assert errors(unit_with(bad)) != []
