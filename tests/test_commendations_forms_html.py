"""Proposals for commendation on the offline HTML form (issue 13), in a real browser: rows
added and removed, the file written byte for byte as ``unit_yaml`` writes it, validate's
wording on the page, the quota of the chosen unit, and rows kept and reopened.

Like tests/test_htmlform.py, these skip where chromium, chromedriver or selenium is missing.
"""

from __future__ import annotations

import time
import unicodedata
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
import test_htmlform
from helpers import BANG_KHEN, COMMENDATIONS_BLOCK, GIAY_KHEN
from test_htmlform import (
    EXAMPLE,
    EXPECTED,
    FIGURES,
    HEADER,
    PLAN_WITH_GUIDANCE,
    Form,
    fill,
    form_for,
    make_plan,
    needs_browser,
    write_page,
)
from typer.testing import CliRunner

from sokket_cli.check.commendations import (
    REQUIRED_STATEMENT,
    UNKNOWN_FORM_MESSAGE,
    Proposal,
    quota_message,
)
from sokket_cli.check.plan import Plan
from sokket_cli.check.unit import check_unit, content_key
from sokket_cli.cli import app
from sokket_cli.write.unitfile import unit_yaml

runner = CliRunner()
COLLECTIVE = {
    "kind": "tap-the",
    "name": 'Chi bộ "Khu dân cư số 5": phường Kim Mã # 1',
    "form": BANG_KHEN,
    "achievement": "Hoàn thành xuất sắc nhiệm vụ 5 năm liền (2020-2024); 100% đảng viên đạt chuẩn.",
}
PERSON = {
    "kind": "ca-nhan",
    "name": "Nguyễn Thị Bích Ngọc",
    "position": "- Bí thư Chi bộ, C:\\đơn vị\\ 🎉",
    "birth_year": "1975",
    "gender": "nữ",
    "form": GIAY_KHEN,
    "achievement": "Lãnh đạo chi bộ đạt \"trong sạch, vững mạnh\" tiêu biểu.",
}


@pytest.fixture
def review(tmp_path: Path) -> tuple[Plan, Path]:
    plan = make_plan(tmp_path, PLAN_WITH_GUIDANCE + COMMENDATIONS_BLOCK + "  required: true\n")
    return plan, write_page(plan, tmp_path)


open_form = test_htmlform.open_form  # the fixture, opening this module's review


def add_rows(form: Form, *proposals: dict[str, str]) -> None:
    """Each proposal typed into a new row, as a clerk would (text with odd spacing and NFD)."""
    start = len(form.driver.find_elements("css selector", ".proposal"))
    for i, proposal in enumerate(proposals, start):
        form.driver.find_element("id", f"add-{proposal['kind']}").click()
        for key, value in proposal.items():
            name = f"commendations.{i}.{key}"
            if key in ("kind", "form", "gender"):
                form.choose(name, value)
            else:
                form.set(name, "  " + unicodedata.normalize("NFD", value) + " ")


def expected_file(plan: Plan, unit_id: str, name: str, commendations: list[dict[str, str]] | None) -> str:
    return unit_yaml(
        plan.unit_format, unit_id, submitted=date(2021, 6, 30),
        content={content_key(*k.split(".")): v for k, v in EXPECTED.items()},
        indicators={k: stored for k, (_, stored) in FIGURES.items()},
        header=[line.format(name=name) for line in HEADER],
        proposals=None if commendations is None else [("", as_proposal(p)) for p in commendations],
    )


def as_proposal(typed: dict[str, str]) -> Proposal:
    """What validate reads from a row: the same data for unit_yaml."""
    year = typed.get("birth_year")
    return Proposal(typed["kind"], typed["name"], typed["form"], typed["achievement"], typed.get("position", ""),
                    int(year) if year else None, typed.get("gender", ""), typed.get("proposed_by", ""))


def saved_file(form: Form, folder: Path, unit_id: str) -> bytes:
    form.driver.find_element("id", "save").click()
    saved = folder / "downloads" / f"{unit_id}.yaml"
    for _ in range(50):
        if saved.exists():
            break
        time.sleep(0.1)
    return saved.read_bytes()


def validate(path: Path, plan: Plan) -> tuple[int, str]:
    result = runner.invoke(app, ["validate", str(path), "--plan", str(plan.path)])
    return result.exit_code, result.output


@needs_browser
def test_two_proposals_saved_as_unit_yaml_writes_them_and_validate_accepts(
    review: tuple[Plan, Path], open_form: Callable[[], Form], tmp_path: Path
) -> None:
    plan = review[0]
    form = open_form()
    fill(form)
    add_rows(form, COLLECTIVE, PERSON)
    # A collective has no position, birth year or gender: not shown, not written.
    assert not form.field("commendations.0.position").is_displayed()
    assert not form.field("commendations.0.birth_year").is_displayed()
    assert form.field("commendations.1.position").is_displayed()
    assert form.text("problems") == "Biểu mẫu đã điền đủ, có thể lưu tệp và gửi đi."
    written = saved_file(form, tmp_path, "ba-dinh")
    assert written == expected_file(plan, "ba-dinh", "Quận ủy Ba Đình", [COLLECTIVE, PERSON]).encode("utf-8")
    path = tmp_path / "ba-dinh.yaml"
    path.write_bytes(written)
    code, output = validate(path, plan)
    assert code == 0, output
    unit = check_unit(path, written, plan)
    assert unit.commendations is not None
    assert [(p.kind, p.name, p.position, p.birth_year, p.gender, p.form) for p in unit.commendations.entries] == [
        ("tap-the", COLLECTIVE["name"], "", None, "", BANG_KHEN),
        ("ca-nhan", PERSON["name"], PERSON["position"], 1975, "nữ", GIAY_KHEN),
    ]
    # Removing a row renumbers the rest; an empty row goes without asking.
    form.driver.find_element("id", "add-ca-nhan").click()
    form.driver.find_elements("css selector", ".proposal .remove")[2].click()
    assert form.output() == written.decode("utf-8")
    assert form.errors() == []


@needs_browser
def test_over_quota_shows_validates_quota_message(review: tuple[Plan, Path], open_form: Callable[[], Form]) -> None:
    plan = review[0]
    form = open_form()
    fill(form)
    form.choose_unit("soc-son")  # Các huyện ủy: 3 collectives
    add_rows(form, *[dict(COLLECTIVE, name=f"Chi bộ {i}") for i in range(4)])
    assert "Chỉ tiêu của đơn vị: tối đa 3 tập thể, tối đa 3 cá nhân. Đã ghi: 4 tập thể, 0 cá nhân." in form.text(
        "commendations"
    )
    message = quota_message("tap-the", 4, 3)
    assert message in form.text("problems") and message in form.text("commendations-problem")
    assert message in {p.message for p in check_unit(Path("x.yaml"), form.output().encode(), plan).report.problems}
    form.choose_unit("ba-dinh")  # Các quận ủy: 2
    assert quota_message("tap-the", 4, 2) in form.text("commendations-problem")
    for _ in range(2):
        form.driver.find_elements("css selector", ".proposal .remove")[0].click()
        form.driver.switch_to.alert.accept()  # the row has text: the page asks first
    assert form.text("commendations-problem") == ""
    assert form.text("problems") == "Biểu mẫu đã điền đủ, có thể lưu tệp và gửi đi."


@needs_browser
def test_required_and_no_row_is_flagged_until_the_unit_says_none(
    review: tuple[Plan, Path], open_form: Callable[[], Form], tmp_path: Path
) -> None:
    plan = review[0]
    form = open_form()
    fill(form)
    statement = REQUIRED_STATEMENT.format(title="Đề nghị khen thưởng")
    written = saved_file(form, tmp_path, "ba-dinh")  # saved, as with an empty required section,
    assert "Tệp còn 1 chỗ cần sửa" in form.text("status")  # and the clerk is told what is missing
    assert statement in form.text("problems") and statement in form.text("commendations-problem")
    assert written == expected_file(plan, "ba-dinh", "Quận ủy Ba Đình", None).encode("utf-8")
    said = check_unit(Path("x.yaml"), written, plan).report.problems
    assert [(p.code, p.message.startswith(statement)) for p in said] == [("missing-section", True)]

    form.field("commendations.none").click()
    assert form.output() == expected_file(plan, "ba-dinh", "Quận ủy Ba Đình", [])
    assert form.text("problems") == "Biểu mẫu đã điền đủ, có thể lưu tệp và gửi đi."
    assert check_unit(Path("x.yaml"), form.output().encode(), plan).report.problems == []
    # An empty row: every missing field in validate's words, beside the field.
    form.driver.find_element("id", "add-ca-nhan").click()
    form.driver.find_element("id", "save").click()
    said = {p.message for p in check_unit(Path("x.yaml"), form.output().encode(), plan).report.problems}
    shown = form.text("problems")
    assert len(said) == 4 and all(message in shown for message in said)
    assert all(message in form.text("commendations") for message in said)


@needs_browser
def test_rows_survive_the_browser_and_a_saved_file_opens_back(
    review: tuple[Plan, Path], open_form: Callable[[], Form], tmp_path: Path
) -> None:
    plan = review[0]
    form = open_form()
    fill(form)
    add_rows(form, PERSON, COLLECTIVE)
    before = form.output()
    form.quit()
    again = open_form()  # a new browser on the same profile
    assert again.output() == before
    assert again.value("commendations.0.gender") == "nữ" and not again.field("commendations.1.gender").is_displayed()

    by_hand = tmp_path / "hoan-kiem.yaml"
    hand = dict(PERSON, kind="Cá nhân", gender="Nữ", form=GIAY_KHEN.upper())  # as validate accepts them
    text = expected_file(plan, "hoan-kiem", "x", [hand, COLLECTIVE])
    by_hand.write_text(text, encoding="utf-8")
    again.driver.find_element("id", "open-file").send_keys(str(by_hand))
    for _ in range(50):
        if "Đã mở tệp" in again.text("status"):
            break
        time.sleep(0.1)
    assert again.output() == expected_file(plan, "hoan-kiem", "Quận ủy Hoàn Kiếm", [PERSON, COLLECTIVE])
    empty = tmp_path / "soc-son.yaml"
    empty.write_text(expected_file(plan, "soc-son", "x", []), encoding="utf-8")
    again.driver.find_element("id", "open-file").send_keys(str(empty))
    for _ in range(50):
        if "soc-son.yaml" in again.text("status"):
            break
        time.sleep(0.1)
    assert again.output() == expected_file(plan, "soc-son", "Huyện ủy Sóc Sơn", [])
    assert again.field("commendations.none").is_selected()
    # A form the plan does not have is kept as written, and flagged as validate flags it.
    other = tmp_path / "ba-dinh.yaml"
    other.write_text(expected_file(plan, "ba-dinh", "x", [dict(COLLECTIVE, form="Giấy khen khác")]), encoding="utf-8")
    again.driver.find_element("id", "open-file").send_keys(str(other))
    for _ in range(50):
        if "ba-dinh.yaml" in again.text("status"):
            break
        time.sleep(0.1)
    assert again.output() == expected_file(plan, "ba-dinh", "Quận ủy Ba Đình", [dict(COLLECTIVE, form="Giấy khen khác")])
    shown = UNKNOWN_FORM_MESSAGE.format(text="Giấy khen khác")
    assert shown in again.text("problems") and shown in again.text("commendations")
    said = check_unit(Path("x.yaml"), again.output().encode(), plan).report.problems
    assert [p.message.startswith(shown) for p in said] == [True]
    assert again.errors() == []


@needs_browser
def test_what_the_page_does_not_show_is_kept_from_an_opened_file(
    review: tuple[Plan, Path], open_form: Callable[[], Form], tmp_path: Path
) -> None:
    """A roll-up file's proposed_by, and a position written for a collective, have no box on
    the page; opened and saved again, they were dropped while the file stayed valid."""
    plan = review[0]
    forwarded = dict(PERSON, proposed_by="Đảng ủy xã Phù Linh")
    placed = dict(COLLECTIVE, position="Chi bộ trực thuộc Đảng ủy phường")
    opened = tmp_path / "soc-son.yaml"
    opened.write_text(expected_file(plan, "soc-son", "x", [forwarded, placed]), encoding="utf-8")
    form = open_form()
    form.driver.find_element("id", "open-file").send_keys(str(opened))
    for _ in range(50):
        if "soc-son.yaml" in form.text("status"):
            break
        time.sleep(0.1)
    expected = expected_file(plan, "soc-son", "Huyện ủy Sóc Sơn", [forwarded, placed])
    assert form.output() == expected
    assert check_unit(Path("x.yaml"), form.output().encode(), plan).valid
    form.quit()
    assert open_form().output() == expected  # and through the browser's storage


@needs_browser
def test_the_example_units_proposals_survive_the_form(tmp_path: Path) -> None:
    """The example review's units propose commendations by hand; through the page, the same."""
    from dataclasses import replace

    from sokket_cli.check.plan import read_plan

    plan = read_plan(EXAMPLE / "plan.yaml")
    with form_for(plan, tmp_path) as form:
        proposing = 0
        for path in sorted((EXAMPLE / "units").glob("*.yaml")):
            original = check_unit(path, path.read_bytes(), plan).commendations
            again = check_unit(path, form.reopened(path.read_text(encoding="utf-8")).encode(), plan).commendations
            if original is None or not original.entries:
                assert again is None or not again.entries, path.name
                continue
            proposing += 1
            assert again is not None
            assert [replace(p, line=1, column=1) for p in again.entries] == [
                replace(p, line=1, column=1) for p in original.entries
            ], path.name
        assert proposing >= 3
        assert form.errors() == []
