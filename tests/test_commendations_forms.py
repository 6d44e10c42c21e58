"""Proposals for commendation in the units' forms (issue 13): the YAML form's section, the
unit-file writer, and what the HTML form is given to check them (``to_data``, ``rules``)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from pathlib import Path

from helpers import BANG_KHEN, COMMENDATIONS_BLOCK, GIAY_KHEN, PLAN
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from sokket_cli.check import commendations
from sokket_cli.check.commendations import Proposal
from sokket_cli.check.plan import Plan, read_plan
from sokket_cli.check.unit import check_unit
from sokket_cli.cli import app
from sokket_cli.intake.legacy import guess_legacy
from sokket_cli.render.form_yaml import form_template
from sokket_cli.write.unitfile import unit_yaml

runner = CliRunner()
REQUIRED = COMMENDATIONS_BLOCK + "  required: true\n"


def review(folder: Path, block: str = REQUIRED) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "plan.yaml").write_text(PLAN + block, encoding="utf-8")
    return folder / "plan.yaml"


def validate(form: Path, plan: Path) -> tuple[int, str]:
    result = runner.invoke(app, ["validate", str(form), "--plan", str(plan)])
    return result.exit_code, result.output


def errors(output: str) -> list[tuple[str, str]]:
    """(code, message) of each error validate printed, without the file:line:col."""
    return re.findall(r"error\[([a-z-]+)\] (.*)", output)


def fill(form: str) -> str:
    """What a clerk does, as the comments say: every example line uncommented (in the
    commendations section, every line of each example proposal), a date and the figures."""
    lines = []
    proposals = False
    for line in form.splitlines():
        proposals = proposals or line == "commendations:"
        if proposals and (match := re.fullmatch(r"  # (- |  )(.*)", line)):
            lines.append("  " + "".join(match.groups()))
        elif match := re.fullmatch(r"( +)# (- .*)", line):
            lines.append("".join(match.groups()))
        elif line.startswith("submitted:"):
            lines.append("submitted: 30/6/2021")
        elif match := re.fullmatch(r"  (\w+): +# .*", line):
            lines.append(f"  {match.group(1)}: 0")
        else:
            lines.append(line)
    return "\n".join(lines) + "\n"


def make_forms(folder: Path, plan: Path, unit: str) -> Path:
    result = runner.invoke(app, ["forms", str(plan), "-o", str(folder), "--don-vi", unit])
    assert result.exit_code == 0, result.output
    return folder / f"{unit}.yaml"


# ---- the YAML form ----------------------------------------------------------------------------


def test_untouched_form_gives_todays_errors_and_one_commendations_error(tmp_path: Path) -> None:
    bare = review(tmp_path / "bare", "")
    _, before = validate(make_forms(tmp_path / "bare" / "bm", bare, "ba-dinh"), bare)
    asked = review(tmp_path / "asked")
    code, after = validate(make_forms(tmp_path / "asked" / "bm", asked, "ba-dinh"), asked)
    assert code == 1
    new = errors(after)
    extra = [e for e in new if e not in errors(before)]
    assert sorted(errors(before)) == sorted(e for e in new if e not in extra)
    assert extra == [(
        "empty-section",
        ("Mục 'commendations' (Đề nghị khen thưởng) đang để trống: kế hoạch yêu cầu các đơn vị "
         "gửi đề nghị khen thưởng. Hãy ghi mỗi đề nghị một mục '- kind: ...' bên dưới dòng "
         "'commendations:'; nếu đơn vị không đề nghị, ghi 'commendations: []'."),
    )]
    assert "warning" not in after
    # Not required: an untouched form gives exactly today's errors.
    optional = review(tmp_path / "optional", COMMENDATIONS_BLOCK)
    _, output = validate(make_forms(tmp_path / "optional" / "bm", optional, "ba-dinh"), optional)
    assert sorted(errors(output)) == sorted(errors(before))


def test_form_filled_as_its_comments_say_validates(tmp_path: Path) -> None:
    plan_path = review(tmp_path)
    form = make_forms(tmp_path / "bm", plan_path, "ba-dinh")
    form.write_text(fill(form.read_text(encoding="utf-8")), encoding="utf-8")
    code, output = validate(form, plan_path)
    assert code == 0, output
    assert "Tệp hợp lệ, có thể gửi." in output
    unit = check_unit(form, form.read_bytes(), read_plan(plan_path))
    assert unit.commendations is not None
    assert [(p.kind, p.form) for p in unit.commendations.entries] == [
        ("tap-the", BANG_KHEN), ("ca-nhan", BANG_KHEN)
    ]
    person = unit.commendations.entries[1]
    assert person.position and person.birth_year == 1975 and person.gender == "nam"


def test_form_names_the_plans_forms_kinds_and_each_units_quota(tmp_path: Path) -> None:
    plan = read_plan(review(tmp_path))
    template = form_template(plan)
    city, district = template.render("ba-dinh"), template.render("soc-son")
    section = city[city.index("# 5. ĐỀ NGHỊ KHEN THƯỞNG (bắt buộc)"):]
    lines = section.splitlines()
    assert f'#   "{BANG_KHEN}"' in lines and f'#   "{GIAY_KHEN}"' in lines  # to copy verbatim
    assert "'tap-the' (tập thể) hoặc 'ca-nhan' (cá nhân)" in section
    assert "# Chỉ tiêu của đơn vị: tối đa 2 tập thể, tối đa 3 cá nhân." in lines
    assert "# Chỉ tiêu của đơn vị: tối đa 3 tập thể, tối đa 3 cá nhân." in district.splitlines()
    assert lines[-12:-11] == ["commendations:"]
    assert [line for line in lines if line.startswith("  # - ")] == ["  # - kind: tap-the", "  # - kind: ca-nhan"]
    assert city.replace("tối đa 2 tập thể", "tối đa 3 tập thể") == district.replace("soc-son", "ba-dinh").replace(
        "Huyện ủy Sóc Sơn", "Quận ủy Ba Đình"
    )


def test_a_kind_with_no_quota_has_no_example_and_the_form_still_validates(tmp_path: Path) -> None:
    block = COMMENDATIONS_BLOCK.replace("{collectives: 2, individuals: 3}", "{collectives: 0}")
    plan_path = review(tmp_path, block)
    text = form_template(read_plan(plan_path)).render("ba-dinh")
    assert "không đề nghị tập thể, không giới hạn số cá nhân." in text
    assert "kind: tap-the\n" not in text and "  # - kind: ca-nhan" in text
    form = tmp_path / "ba-dinh.yaml"
    form.write_text(fill(text), encoding="utf-8")
    assert validate(form, plan_path)[0] == 0


def test_a_unit_proposing_nobody_writes_an_empty_list(tmp_path: Path) -> None:
    plan_path = review(tmp_path)
    text = fill(form_template(read_plan(plan_path)).render("ba-dinh"))
    text = text[: text.index("\ncommendations:\n")] + "\ncommendations: []\n"
    form = tmp_path / "ba-dinh.yaml"
    form.write_text(text, encoding="utf-8")
    assert validate(form, plan_path)[0] == 0


def test_a_plan_without_commendations_has_no_section(tmp_path: Path) -> None:
    plan = read_plan(review(tmp_path, ""))
    assert "commendations" not in form_template(plan).render("ba-dinh")


# ---- the unit-file writer -------------------------------------------------------------------

_ALPHABET = "aăâđêôơưĐẠỨ 0123456789:#-*\"\\'{}[]%&!|>@`,?~/😀\t"
_TEXT = st.text(alphabet=_ALPHABET, min_size=1).map(lambda t: unicodedata.normalize("NFC", t)).filter(
    lambda t: bool(t.strip()) and t == t.strip() and guess_legacy(t) is None  # TCVN3-looking: refused
)
_PROPOSAL = st.one_of(
    st.builds(Proposal, st.just("tap-the"), _TEXT, st.sampled_from([BANG_KHEN, GIAY_KHEN]), _TEXT),
    st.builds(
        Proposal, st.just("ca-nhan"), _TEXT, st.just(GIAY_KHEN), _TEXT, _TEXT,
        st.one_of(st.none(), st.integers(1930, 2000)), st.sampled_from(["", "nam", "nữ"]),
    ),
)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_PROPOSAL, max_size=3))
def test_proposals_written_read_back_exactly(tmp_path: Path, proposals: list[Proposal]) -> None:
    """unit_yaml (comm-rollup's writer) and validate: any text of a proposal comes back."""
    plan = read_plan(review(tmp_path, COMMENDATIONS_BLOCK))
    text = unit_yaml(plan.unit_format, "soc-son", proposals=[("", p) for p in proposals])
    unit = check_unit(tmp_path / "soc-son.yaml", text.encode("utf-8"), plan)
    assert [p for p in unit.report.problems if p.is_error and p.code != "empty-section"] == []  # no sections
    assert unit.commendations is not None
    assert [replace(p, line=1, column=1) for p in unit.commendations.entries] == proposals


def _plan(tmp_path: Path, block: str = COMMENDATIONS_BLOCK) -> Plan:
    return read_plan(review(tmp_path, block))


# ---- what the HTML form is given ------------------------------------------------------------


def test_to_data_carries_each_units_quota_kinds_forms_and_person_keys(tmp_path: Path) -> None:
    data = _plan(tmp_path).unit_format.to_data()
    field = next(f for f in data["fields"] if f["key"] == "commendations")
    assert field["kind"] == "proposals" and field["title"] == "Đề nghị khen thưởng" and field["required"] is False
    assert field["quotas"] == [{"tap-the": 2, "ca-nhan": 3}, {"tap-the": 3, "ca-nhan": 3}]
    assert [(u["id"], u["quota"]) for u in data["units"]] == [("ba-dinh", 0), ("hoan-kiem", 0), ("soc-son", 1)]
    assert field["kinds"] == [
        {"key": "tap-the", "title": "tập thể", "name_title": "Tên tập thể"},
        {"key": "ca-nhan", "title": "cá nhân", "name_title": "Họ và tên"},
    ]
    assert field["person_kind"] == "ca-nhan" and field["person_required"] == ["position"]
    assert field["form_keys"] == ["kind", "name", "position", "birth_year", "gender", "form", "achievement"]
    assert field["person_keys"] == ["position", "birth_year", "gender"]
    children = {c["key"]: c for c in field["children"]}
    assert children["form"]["choices"] == [BANG_KHEN, GIAY_KHEN]
    assert [k for k, c in children.items() if c["required"]] == ["kind", "name", "form", "achievement"]
    bare = _plan(tmp_path / "bare", "").unit_format.to_data()
    assert all("quota" not in u for u in bare["units"])
    assert all(f["key"] != "commendations" for f in bare["fields"])


def test_rules_carry_validates_own_wording(tmp_path: Path) -> None:
    """The page fills the same templates validate fills: an over-quota file, word for word."""
    rules = commendations.rules()
    plan = _plan(tmp_path)
    entries = "".join(
        f'  - {{kind: tap-the, name: "Chi bộ {i}", form: "{GIAY_KHEN}", achievement: "Tốt"}}\n' for i in range(3)
    )
    text = f'unit: ba-dinh\ncommendations:\n{entries}  - {{kind: ca-nhan, name: "A", position: "", form: "X", achievement: "Tốt", birth_year: "19"}}\n'
    unit = check_unit(tmp_path / "u.yaml", text.encode("utf-8"), plan)
    said = {p.message for p in unit.report.problems}
    messages: dict[str, str] = rules["messages"]  # type: ignore[assignment]
    what: dict[str, str] = rules["what"]  # type: ignore[assignment]
    assert messages["quota"].format(sent=3, title="tập thể", limit=2, over=1) in said
    assert messages["empty_field"].format(key="position", what=what["position"]) in said
    assert any(m.startswith(messages["unknown_form"].format(text="X")) for m in said)
    year = __import__("datetime").date.today().year
    low, high = year - int(str(rules["oldest"])), year - int(str(rules["youngest"]))
    assert messages["birth_year"].format(text="19", low=low, high=high) in said
    missing = check_unit(tmp_path / "u.yaml", b"unit: ba-dinh\n", _plan(tmp_path / "r", REQUIRED))
    assert any(
        p.message.startswith(messages["required"].format(title="Đề nghị khen thưởng")) for p in missing.report.problems
    )


def test_page_with_commendations_stays_under_the_size_budget(tmp_path: Path) -> None:
    """Issue 10's budget: 200 units and 20 indicators under 300 KB, now with proposals."""
    from test_htmlform import big_plan

    from sokket_cli.render.htmlform import html_form

    block = COMMENDATIONS_BLOCK.replace("Các huyện ủy", "Các đảng ủy xã, phường, đặc khu") + "  required: true\n"
    (tmp_path / "plan.yaml").write_text(big_plan(200, 20) + block, encoding="utf-8")
    page = html_form(read_plan(tmp_path / "plan.yaml"))
    assert '"kind":"proposals"' in page and '"quota":1' in page
    assert len(page.encode("utf-8")) < 300_000, len(page.encode("utf-8"))


def test_page_embeds_validates_proposal_rules_only_when_asked(tmp_path: Path) -> None:
    import json

    from sokket_cli.render.htmlform import html_form

    def model(plan: Plan) -> dict[str, object]:
        found = re.search(r'id="sokket-data">(.*?)</script>', html_form(plan), re.DOTALL)
        assert found is not None
        return dict(json.loads(found.group(1)))

    asked = _plan(tmp_path)
    assert model(asked)["commendations"] == commendations.rules()
    assert model(asked)["format"] == asked.unit_format.to_data()
    assert "commendations" not in model(_plan(tmp_path / "bare", ""))
