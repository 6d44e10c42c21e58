"""validate's warnings on the offline HTML form, in a real browser: an item in curly quotes,
with no letter, with hand-typed numbering or a look-alike Đ, and a rate over 100%, each shown
under its field with validate's words for what is wrong (the fix names the page's button),
gone once fixed, and never changing the saved file.

Like tests/test_htmlform.py, these skip where chromium, chromedriver or selenium is missing.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import test_htmlform
from helpers import COMMENDATIONS_BLOCK
from test_form_warnings import BAD_ITEMS, GOOD_ITEMS, PIECES
from test_htmlform import (
    EXPECTED,
    FIGURES,
    HEADER,
    PLAN_WITH_GUIDANCE,
    Form,
    fill,
    form_for,
    make_plan,
    needs_browser,
    validated,
)

from sokket_cli.check import item_text
from sokket_cli.check.plan import Plan
from sokket_cli.check.unit import Item, content_key
from sokket_cli.intake.text import eth_message
from sokket_cli.write.unitfile import unit_yaml

review = test_htmlform.review
open_form = test_htmlform.open_form
WARNED = {"curly-quotes", "no-letter", "hand-numbering", "lookalike-char", "percent-over-100"}


def box_warnings(form: Form, name: str) -> list[str]:
    """The warnings shown under a box, as 'line: message'."""
    return list(form.js(
        "var box = arguments[0].parentNode.querySelector('.warnings');"
        "return Array.from(box.querySelectorAll('.warning')).filter(function () { return !box.hidden; })"
        ".map(function (p) { return p.querySelector('.where').textContent + p.querySelector('.message').textContent; });",
        form.field(name),
    ))


def figure_warning(form: Form, key: str) -> str:
    return str(form.js(
        "var p = arguments[0].parentNode.querySelector('.warning'); return p.hidden ? '' : p.textContent;",
        form.field(f"indicators.{key}"),
    ))


def warnings_said(plan: Plan, yaml: str) -> list[tuple[str, str]]:
    unit = validated(plan, yaml)
    assert [p.code for p in unit.report.problems if p.code not in WARNED] == []
    return [(p.code, p.message) for p in unit.report.problems]


@needs_browser
def test_each_bad_item_is_warned_with_validates_words_and_clears_when_fixed(
    review: tuple[Plan, Path], open_form: Callable[[], Form]
) -> None:
    plan = review[0]
    form = open_form()
    fill(form)
    for text, code in BAD_ITEMS.items():
        form.set("lessons", "Bài học đầu tiên.\n+ " + text)
        said = warnings_said(plan, form.output())
        assert [c for c, _ in said] == [code], text
        page = item_text.problem(text, item_text.FORM_MESSAGES)
        assert page is not None and page[0] == code
        assert box_warnings(form, "lessons") == [f"Dòng 2: {page[1]}"], text
        form.set("lessons", "Bài học đầu tiên.\n+ Bài học thứ hai.")
        assert box_warnings(form, "lessons") == [], text
        assert warnings_said(plan, form.output()) == []
    for text in GOOD_ITEMS:
        form.set("lessons", text)
        assert box_warnings(form, "lessons") == [] and warnings_said(plan, form.output()) == []
    assert form.errors() == []


@needs_browser
def test_lookalike_letter_and_rate_over_100_are_warned(
    review: tuple[Plan, Path], open_form: Callable[[], Form]
) -> None:
    plan = review[0]
    form = open_form()
    fill(form)
    form.set("lessons", "Ðảng ủy ðã họp.\n4. Ðồng chí")
    form.set("indicators.rate", "965")
    said = warnings_said(plan, form.output())
    assert [c for c, _ in said] == ["lookalike-char", "lookalike-char", "lookalike-char", "hand-numbering", "percent-over-100"]
    shown = box_warnings(form, "lessons")
    numbered = item_text.problem("4. Ðồng chí", item_text.FORM_MESSAGES)
    assert numbered is not None
    assert shown == [f"Dòng {n}: {m}" for n, (_, m) in zip([1, 1, 2], said[:3], strict=True)] + [f"Dòng 2: {numbered[1]}"]
    assert figure_warning(form, "rate") == said[4][1]
    assert '"96,5"' in said[4][1]
    assert "Có 5 lưu ý" in form.text("problems")
    assert "Cần sửa" not in form.text("problems")  # warnings are not problems
    form.set("lessons", "Đảng ủy đã họp.")
    form.set("indicators.rate", "96,5")
    assert box_warnings(form, "lessons") == [] and figure_warning(form, "rate") == ""
    assert "lưu ý" not in form.text("problems")
    assert warnings_said(plan, form.output()) == []


@needs_browser
def test_the_line_being_typed_is_judged_once_the_clerk_moves_on(open_form: Callable[[], Form]) -> None:
    form = open_form()
    box = form.field("lessons")
    box.send_keys("4")
    assert box_warnings(form, "lessons") == []  # not "no letter" while the line is typed
    box.send_keys(". Bài học")
    assert box_warnings(form, "lessons") == []
    box.send_keys("\nBài học thứ hai")
    assert [w[:26] for w in box_warnings(form, "lessons")] == ["Dòng 1: Ý này bắt đầu bằng"]
    box.send_keys("\n2021")
    assert len(box_warnings(form, "lessons")) == 1
    form.field("indicators.rate").click()  # leaving the box judges its last line
    assert [w[:8] for w in box_warnings(form, "lessons")] == ["Dòng 1: ", "Dòng 3: "]
    assert form.errors() == []


@needs_browser
def test_lookalike_letter_in_a_proposal_is_warned_beside_it(tmp_path: Path) -> None:
    plan = make_plan(tmp_path, PLAN_WITH_GUIDANCE + COMMENDATIONS_BLOCK)
    with form_for(plan, tmp_path) as form:
        fill(form)
        form.driver.find_element("id", "add-tap-the").click()
        from selenium.webdriver.support.ui import Select

        Select(form.field("commendations.0.form")).select_by_index(1)
        form.set("commendations.0.name", "Chi bộ Ðình Bảng")
        form.set("commendations.0.achievement", "Hoàn thành xuất sắc nhiệm vụ.")
        said = warnings_said(plan, form.output())
        assert said == [("lookalike-char", eth_message("Ð"))]
        beside = form.field("commendations.0.name").find_element("xpath", "..").find_element("css selector", ".warning")
        assert beside.get_property("textContent") == said[0][1]
        form.set("commendations.0.name", "Chi bộ Đình Bảng")
        assert not beside.is_displayed() and warnings_said(plan, form.output()) == []
        assert form.errors() == []


@needs_browser
def test_fix_button_puts_in_the_suggested_text(review: tuple[Plan, Path], open_form: Callable[[], Form]) -> None:
    plan = review[0]
    form = open_form()
    fill(form)
    form.set("lessons", "4. Bài học \"một\"\n++   “ Trích dẫn ”  \n2021")
    buttons = form.field("lessons").find_element("xpath", "..").find_elements("css selector", ".warnings button.fix")
    assert len(buttons) == 2  # 'no-letter' suggests no text of its own
    buttons[0].click()
    assert form.value("lessons") == "Bài học \"một\"\n++   “ Trích dẫn ”  \n2021"
    form.field("lessons").find_element("xpath", "..").find_element("css selector", ".warnings button.fix").click()
    assert form.value("lessons") == "Bài học \"một\"\n++   Trích dẫn\n2021"
    assert [c for c, _ in warnings_said(plan, form.output())] == ["no-letter"]
    assert len(box_warnings(form, "lessons")) == 1
    assert form.errors() == []


@needs_browser
def test_warnings_do_not_change_the_saved_file(
    review: tuple[Plan, Path], open_form: Callable[[], Form], tmp_path: Path
) -> None:
    plan = review[0]
    form = open_form()
    fill(form)
    bad = list(BAD_ITEMS)
    form.set("lessons", "\n".join(bad))
    form.set("indicators.rate", "965")
    written = form.output()
    content = {content_key(*k.split(".")): v for k, v in EXPECTED.items()}
    content["lessons"] = tuple(Item(text.strip()) for text in bad)
    figures = {k: stored for k, (_, stored) in FIGURES.items()} | {"rate": "965"}
    assert written == unit_yaml(plan.unit_format, "ba-dinh", submitted=date(2021, 6, 30), content=content,
                                indicators=figures, header=[line.format(name="Quận ủy Ba Đình") for line in HEADER])
    form.driver.find_element("id", "save").click()
    saved = tmp_path / "downloads" / "ba-dinh.yaml"
    for _ in range(50):
        if saved.exists():
            break
        time.sleep(0.1)
    assert saved.read_bytes() == written.encode("utf-8")
    assert "Đã lưu tệp ba-dinh.yaml" in form.text("status") and "chỗ cần sửa" not in form.text("status")


@needs_browser
def test_page_judges_items_as_item_text_does(open_form: Callable[[], Form]) -> None:
    rng = random.Random(11)
    texts = [*BAD_ITEMS, *GOOD_ITEMS, "“”", "“ ”", "\ufeff4. x", "4.\x1cx", "4.\ufeffx", "𝐀", "Ⅷ", "五"]
    texts += ["".join(rng.choices(PIECES, k=rng.randint(1, 8))) for _ in range(3000)]
    texts = [t for t in texts if t.strip()]
    form = open_form()
    got = form.js(
        "return arguments[0].map(function (t) { var p = window.sokketForm.itemProblem(t);"
        " return p ? [p.code, p.message] : null; });",
        texts,
    )
    for text, result in zip(texts, got, strict=True):
        expected = item_text.problem(text, item_text.FORM_MESSAGES)
        assert (tuple(result) if result else None) == expected, text


@needs_browser
def test_screenshot_of_a_warning(open_form: Callable[[], Form]) -> None:
    """Kept at /tmp/sokket-form-warning.png for a person to look at."""
    form = open_form()
    fill(form)
    form.set("lessons", "Bài học đầu tiên.\n4. Bài học thứ hai\n“Bài học thứ ba”")
    form.set("indicators.rate", "965")
    element = form.field("lessons").find_element("xpath", "..")
    form.js("arguments[0].scrollIntoView()", element)
    png = element.screenshot_as_png
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    Path("/tmp/sokket-form-warning.png").write_bytes(png)
    form.js("arguments[0].scrollIntoView()", form.field("indicators.rate"))
    Path("/tmp/sokket-form-warning-rate.png").write_bytes(form.driver.get_screenshot_as_png())

