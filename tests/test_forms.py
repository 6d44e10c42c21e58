"""``sokket forms``: a form per unit that validates to clear errors untouched and clean filled."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from helpers import PLAN, write_review
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from sokket_cli.check.plan import Plan, read_plan
from sokket_cli.check.unit import check_unit
from sokket_cli.check.unitformat import SCHEMA_NAME
from sokket_cli.cli import app
from sokket_cli.intake.legacy import guess_legacy
from sokket_cli.render.form_yaml import form_template
from sokket_cli.write.unitfile import quote

runner = CliRunner()
EXAMPLE = Path(__file__).parent.parent / "examples" / "so-ket-nq4"


def _form(plan: Plan, unit_id: str) -> str:
    return form_template(plan).render(unit_id)


def fill(form: str, plan: Plan, texts: list[str] | None = None) -> str:
    """What a clerk does: uncomment each example line (or write ``texts`` there), date it,
    and put a figure on each indicator line."""
    lines = []
    proposals = False  # the commendations example: each proposal's lines are uncommented whole
    for line in form.splitlines():
        proposals = proposals or line == "commendations:"
        if proposals and (match := re.fullmatch(r"  # (- |  )(.*)", line)):
            lines.append("  " + "".join(match.groups()))
        elif match := re.fullmatch(r"( +)# (- .*)", line):
            pad, example = match.groups()
            lines.extend(f"{pad}- {quote(t)}" for t in texts) if texts else lines.append(pad + example)
        elif line.startswith("submitted:"):
            lines.append("submitted: 30/6/2021")
        elif match := re.fullmatch(r"  (\w+): +# .*", line):
            figure = plan.unit_format.field(f"indicators.{match.group(1)}")
            value = figure.example if figure.number_type != "integer" else "0"
            lines.append(f"  {match.group(1)}: {value}")
        else:
            lines.append(line)
    return "\n".join(lines) + "\n"


def test_forms_for_every_unit_beside_the_schema(tmp_path: Path) -> None:
    out = tmp_path / "bieu-mau"
    result = runner.invoke(app, ["forms", str(EXAMPLE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    plan = read_plan(EXAMPLE / "plan.yaml")
    assert sorted(p.stem for p in out.glob("*.yaml")) == sorted(plan.unit_ids)
    assert (out / SCHEMA_NAME).is_file()
    assert f"Đã ghi {len(plan.units)} biểu mẫu" in result.stdout
    text = (out / "ba-dinh.yaml").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == f"# yaml-language-server: $schema={SCHEMA_NAME}"
    assert "# BÁO CÁO CỦA: Quận ủy Ba Đình" in lines
    assert "Kế hoạch số 30-KH/TU" in text and "hạn gửi 02/07/2021" in text
    assert 'unit: "ba-dinh"' in lines and "submitted:" in text
    keys = [line.split(":")[0].strip() for line in lines if re.match(r"^ *\w+:", line)]
    assert keys[:8] == ["unit", "submitted", "achievements", "shortcomings", "causes", "objective", "subjective", "lessons"]
    for section in plan.sections:
        assert section.title.upper() in text and section.guidance[:40] in " ".join(text.split())
    for indicator in plan.indicators:
        line = next(line for line in lines if line.startswith(f"  {indicator.key}:"))
        assert indicator.label in line and indicator.unit in line
    assert "số nguyên, ví dụ 45" in text and 'tỷ lệ %, ví dụ "96,5"' in text


def test_untouched_form_gives_only_clear_errors_and_filled_validates_clean(tmp_path: Path) -> None:
    runner.invoke(app, ["forms", str(EXAMPLE), "-o", str(tmp_path), "--don-vi", "ba-dinh"])
    form = tmp_path / "ba-dinh.yaml"
    result = runner.invoke(app, ["validate", str(form), "--plan", str(EXAMPLE / "plan.yaml")])
    assert result.exit_code == 1
    codes = re.findall(r"error\[([a-z-]+)\]", result.output)
    assert set(codes) == {"empty-section", "bad-date"}, result.output
    assert codes.count("empty-section") == 6
    assert "Ngày nộp 'submitted' đang để trống" in result.output
    assert "warning" not in result.output

    plan = read_plan(EXAMPLE / "plan.yaml")
    form.write_text(fill(form.read_text(encoding="utf-8"), plan), encoding="utf-8")
    result = runner.invoke(app, ["validate", str(form), "--plan", str(EXAMPLE / "plan.yaml")])
    assert result.exit_code == 0, result.output
    assert "Tệp hợp lệ, có thể gửi." in result.output


def test_untouched_form_holds_no_text(tmp_path: Path) -> None:
    plan = read_plan(EXAMPLE / "plan.yaml")
    unit = check_unit(tmp_path / "x.yaml", _form(plan, "mttq").encode("utf-8"), plan)
    assert unit.unit_id == "mttq"
    assert all(items == () for items in unit.content.values()) and unit.indicators == {}


_ALPHABET = "aăâđêôơưĐẠỨ 0123456789:#-*\"\\'{}[]%&!|>@`,?~/😀"


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(
    st.text(alphabet=_ALPHABET, min_size=1).filter(lambda t: bool(t.strip()) and guess_legacy(t) is None),  # not TCVN3
    min_size=1, max_size=3,
))
def test_any_text_written_into_a_form_reads_back_exactly(tmp_path: Path, texts: list[str]) -> None:
    texts = [unicodedata.normalize("NFC", t) for t in texts]
    plan = read_plan(EXAMPLE / "plan.yaml")
    filled = fill(_form(plan, "ba-dinh"), plan, texts)
    unit = check_unit(tmp_path / "x.yaml", filled.encode("utf-8"), plan)
    assert unit.report.errors == 0, unit.report.problems
    assert [item.text for item in unit.content["achievements"]] == texts
    assert [item.text for item in unit.content["causes.subjective"]] == texts


def test_optional_sections_and_a_plan_without_indicators(tmp_path: Path) -> None:
    plan_text = PLAN.split("indicators:")[0] + "units:" + PLAN.split("units:")[1]
    write_review(tmp_path, {}, plan_text)
    plan = read_plan(tmp_path / "plan.yaml")
    form = _form(plan, "soc-son")
    assert "BÀI HỌC KINH NGHIỆM (không bắt buộc)" in form and "indicators" not in form
    unit = check_unit(tmp_path / "x.yaml", fill(form, plan).encode("utf-8"), plan)
    assert unit.report.errors == 0, unit.report.problems


def test_one_unit_and_an_unknown_unit(tmp_path: Path) -> None:
    result = runner.invoke(app, ["forms", str(EXAMPLE / "plan.yaml"), "-o", str(tmp_path), "--don-vi", "ba-dinh"])
    assert result.exit_code == 0 and sorted(p.name for p in tmp_path.iterdir()) == ["ba-dinh.yaml", SCHEMA_NAME]
    result = runner.invoke(app, ["forms", str(EXAMPLE), "-o", str(tmp_path / "b"), "--don-vi", "ba-dinhh"])
    assert result.exit_code == 2 and "không có đơn vị mã 'ba-dinhh'. Có phải là 'ba-dinh'?" in result.stderr
    assert not (tmp_path / "b").exists()


def test_existing_forms_are_kept_unless_forced(tmp_path: Path) -> None:
    (tmp_path / "ba-dinh.yaml").write_text("unit: ba-dinh  # đã điền\n", encoding="utf-8")
    result = runner.invoke(app, ["forms", str(EXAMPLE), "-o", str(tmp_path)])
    assert result.exit_code == 2
    assert "Đã có 1 tệp sẽ bị ghi đè (ba-dinh.yaml); không ghi gì cả" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ba-dinh.yaml"]
    assert runner.invoke(app, ["forms", str(EXAMPLE), "-o", str(tmp_path), "--force"]).exit_code == 0
    assert (tmp_path / "ba-dinh.yaml").read_text(encoding="utf-8").startswith("# yaml-language-server")


def test_a_form_never_replaces_the_plan(tmp_path: Path) -> None:
    write_review(tmp_path, {}, PLAN.replace("id: soc-son", "id: plan"))
    result = runner.invoke(app, ["forms", str(tmp_path), "-o", str(tmp_path), "--force"])
    assert result.exit_code == 2 and "là một tệp đầu vào" in result.stderr
    assert (tmp_path / "plan.yaml").read_text(encoding="utf-8").startswith("plan:")


@pytest.mark.parametrize("where", ["file", "under-file"])
def test_unwritable_output_is_exit_2(tmp_path: Path, where: str) -> None:
    blocker = tmp_path / "tep"
    blocker.write_text("", encoding="utf-8")
    target = blocker if where == "file" else blocker / "bieu-mau"
    result = runner.invoke(app, ["forms", str(EXAMPLE), "-o", str(target)])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("Lỗi: ")


def test_default_folder_is_beside_the_plan(tmp_path: Path) -> None:
    write_review(tmp_path, {})
    assert runner.invoke(app, ["forms", str(tmp_path)]).exit_code == 0
    assert (tmp_path / "bieu-mau" / "hoan-kiem.yaml").is_file()


def test_keys_that_are_not_plain_words_are_quoted(tmp_path: Path) -> None:
    weird = (PLAN.replace("key: shortcomings", 'key: "hạn chế: #1"')
             .replace("key: objective", 'key: "- khách quan"')
             .replace("key: conferences", 'key: "số hội nghị [a]"'))
    write_review(tmp_path, {}, weird)
    plan = read_plan(tmp_path / "plan.yaml")
    form = _form(plan, "ba-dinh")
    untouched = check_unit(tmp_path / "x.yaml", form.encode("utf-8"), plan)
    assert {p.code for p in untouched.report.problems} == {"empty-section", "bad-date"}
    filled = re.sub(r'("số hội nghị \[a\]":) +#', r"\1 5  #", fill(form, plan))
    unit = check_unit(tmp_path / "x.yaml", filled.encode("utf-8"), plan)
    assert unit.report.errors == 0, unit.report.problems
    assert unit.content["hạn chế: #1"] and unit.content["causes.- khách quan"]
    assert unit.indicators["số hội nghị [a]"] == 5


def test_forms_html_writes_one_page_for_every_unit(tmp_path: Path) -> None:
    """``forms --html``: one self-contained page naming every unit; never over an existing one."""
    review = tmp_path / "dot"
    assert CliRunner().invoke(app, ["init", str(review)]).exit_code == 0
    page = review / "bieu-mau.html"
    result = CliRunner().invoke(app, ["forms", str(review), "--html"])
    assert result.exit_code == 0, result.output
    assert "Đã ghi trang biểu mẫu" in result.output
    text = page.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and 'id="save"' in text
    plan = read_plan(review / "plan.yaml")
    assert all(unit.name in text for unit in plan.units)
    again = CliRunner().invoke(app, ["forms", str(review), "--html"])
    assert again.exit_code == 2 and "--force" in again.output
    wrong = CliRunner().invoke(app, ["forms", str(review), "--html", "-o", str(tmp_path / "x.pdf")])
    assert wrong.exit_code == 2 and ".html" in wrong.output
