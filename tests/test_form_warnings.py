"""validate's warnings on an item's text (check/item_text.py) and on a rate over 100%, as the
HTML form is given them: the page's model carries the rules, and the rules, applied the way
the page's script applies them, say what validate says (tests/test_form_warnings_browser.py
runs the script itself)."""

from __future__ import annotations

import re
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from helpers import PLAN, VALID_UNIT, dedent
from hypothesis import given, settings
from hypothesis import strategies as st
from test_htmlform import big_plan, embedded, make_plan

from sokket_cli.check import item_text
from sokket_cli.check.unit import check_unit
from sokket_cli.check.unitformat import GUESS_SLOT, VALUE_SLOT
from sokket_cli.intake.text import ETH_LOOKALIKES, eth_message
from sokket_cli.render.htmlform import html_form

ONE_ITEM = '  - "Một số cấp ủy chưa sâu sát."'
PREFIXES = ["4. ", "12) ", "1.2. ", "(3) ", "a) ", "đ. ", "II. ", "iv) ", "IVXX. ", "x.", "123. ", "A. ", "(a ", "1.2.3) "]
PIECES = [*PREFIXES, "“", "”", '"', "\\", " ", "\u00a0", "\u3000", "\x1c", "\u2028", "\ufeff", "\t",
          "Một", "số", "đ", "x", "I", "V", "7", "45", "2021", "-", ".", ")", "(", "…", "½", "²", "٣", "_", "🎉", "𝐀"]
# What validate says of these, each a case the page must show word for word
BAD_ITEMS = {
    "“Một số cấp ủy chưa sâu sát.”": "curly-quotes",
    "“ Trích \"dẫn\" C:\\ ”": "curly-quotes",
    "2021": "no-letter",
    "- " + "9" * 70: "no-letter",
    "4. Một số cấp ủy chưa sâu sát.": "hand-numbering",
    "a) Ý có \"ngoặc\"": "hand-numbering",
    "II.\u3000Tồn tại": "hand-numbering",
    "(3) Ba": "hand-numbering",
}
GOOD_ITEMS = ["Một số cấp ủy chưa sâu sát.", "1.000 đảng viên được bồi dưỡng.", "TP. Hà Nội: 12 hội nghị.",
              "Phong trào “Dân vận khéo” và “Dân vận khéo”", "3 chi bộ", "4.Sát", "½ số chi bộ", "x)"]


def page_problem(rules: dict[str, Any], text: str) -> tuple[str, str] | None:
    """form.js's itemProblem in Python: the rule data applied as the page applies it."""
    patterns, messages = rules["patterns"], rules["messages"]
    text = text.strip()
    if match := re.fullmatch(patterns["curly_quotes"], text):
        return "curly-quotes", fill(messages["curly-quotes"], fix=item_text.quoted(match.group(1).strip()))
    if not re.search(patterns["letter"], text):
        shown = text if len(text) <= rules["shown"] else text[: rules["shown"]] + "…"
        return "no-letter", fill(messages["no-letter"], shown=shown)
    if match := re.match(patterns["hand_number"], text):
        number, rest = match.group().strip(), text[match.end() :]
        return "hand-numbering", fill(messages["hand-numbering"], number=number, fix=item_text.quoted(rest))
    return None


def fill(template: str, **values: str) -> str:
    """form.js's fill(): {name} slots in one pass."""
    return re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), m.group()), template)


def warnings_of(plan: Any, item: str) -> list[tuple[str, str]]:
    """validate's warnings for a unit file whose one item is ``item``."""
    text = VALID_UNIT.replace(ONE_ITEM, "  - " + '"' + item_text.quoted(item) + '"')
    unit = check_unit(Path("u.yaml"), dedent(text).encode("utf-8"), plan)
    return [(p.code, p.message) for p in unit.report.problems]


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return make_plan(tmp_path_factory.mktemp("plan"), PLAN)


def test_page_model_carries_the_item_rules_and_the_rate_warning(plan: Any) -> None:
    data = embedded(html_form(plan))
    assert data["item_text"] == item_text.rules()
    assert set(data["item_text"]["messages"]) == {"curly-quotes", "no-letter", "hand-numbering"}
    assert data["item_text"]["lookalikes"] == {char: eth_message(char) for char in ETH_LOOKALIKES}
    rate = next(f for f in data["format"]["fields"][-1]["children"] if f["key"] == "rate")
    assert rate["over_100_message"] == plan.unit_format.field("indicators.rate").over_100_template()
    assert VALUE_SLOT in rate["over_100_message"] and GUESS_SLOT in rate["over_100_message"]
    conferences = next(f for f in data["format"]["fields"][-1]["children"] if f["key"] == "conferences")
    assert conferences["over_100_message"] is None  # not a rate


def test_a_rate_the_plan_bounds_has_no_over_100_warning(tmp_path: Path) -> None:
    bounded = make_plan(tmp_path, PLAN.replace("type: percent,", "type: percent, max: 100,"))
    field = bounded.unit_format.field("indicators.rate")
    assert field.over_100_template() is None and field.over_100_message(Decimal(965)) is None


@pytest.mark.parametrize(
    ("value", "shown", "guess"),
    [("965", "965", "96,5"), ("1000", "1.000", "100"), ("100.5", "100,5", "10,05"), ("12345.60", "12.345,6", "12,3456")],
)
def test_over_100_message_fills_its_template(plan: Any, value: str, shown: str, guess: str) -> None:
    field = plan.unit_format.field("indicators.rate")
    said = field.over_100_message(Decimal(value))
    assert said == fill(field.over_100_template(), value=shown, guess=guess)
    assert f"ghi {shown}%, trên 100%" in said and f'hãy viết "{guess}"' in said


@pytest.mark.parametrize(("text", "code"), BAD_ITEMS.items())
def test_validate_warns_with_the_words_the_rules_give(plan: Any, text: str, code: str) -> None:
    said = warnings_of(plan, text)
    assert said == [(code, item_text.problem(text)[1])]  # type: ignore[index]
    page = page_problem(item_text.rules(), text)
    assert page == item_text.problem(text, item_text.FORM_MESSAGES)
    assert page is not None and page[0] == code
    assert said[0][1].split(". Hãy")[0] == page[1].split(". Hãy")[0]  # what is wrong: one wording


@pytest.mark.parametrize("text", GOOD_ITEMS)
def test_sentences_have_no_warning_either_way(plan: Any, text: str) -> None:
    assert warnings_of(plan, text) == []
    assert item_text.problem(text) is None and page_problem(item_text.rules(), text) is None


def test_the_page_says_how_to_fix_without_yaml() -> None:
    """The page writes the YAML itself: its advice names the button, not a line to type."""
    for code, template in item_text.FORM_MESSAGES.items():
        assert '- "' not in template and "'indicators'" not in template, code
    assert "nút Sửa" in item_text.FORM_MESSAGES["hand-numbering"]


def test_the_suggested_fixes_read_back_as_the_bare_text() -> None:
    said = item_text.problem('4. Ý có "ngoặc" và C:\\ ')
    assert said is not None and said[1].endswith('- "Ý có \\"ngoặc\\" và C:\\\\"')


def test_patterns_read_every_code_point_as_python_does() -> None:
    """The page's letter class and whitespace are listed code points, not \\w or \\s (whose
    meaning differs between Python and JavaScript): the same characters, every one of them."""
    letter = re.compile(item_text.letter_class())
    hand = re.compile(item_text.HAND_NUMBER_PATTERN)
    old_hand = re.compile(r"\(?(?:[0-9]{1,2}(?:\.[0-9]{1,2})*|[a-zđ]|[IVX]{1,4}|[ivx]{2,4})[.)]\s+(?=\S)")
    for code in range(sys.maxunicode + 1):
        assert bool(letter.match(chr(code))) == bool(re.match(r"[^\W\d_]", chr(code))), hex(code)
    for code in range(0x3001):  # every whitespace character lies below U+3001
        for text in (f"4.{chr(code)}x", f"4. {chr(code)}", f"4.{chr(code)}"):
            new, old = hand.match(text), old_hand.match(text)
            assert (new and new.span()) == (old and old.span()), hex(code)


def test_no_item_is_spared_by_the_sentence_shortcut() -> None:
    """unit.py skips items that open like a sentence: none of those has a warning."""
    for code in range(0x41, 0x2000):
        char = chr(code)
        if item_text.opens_sentence(char):
            assert item_text.problem(char + ". x") is None and item_text.problem(char) is None


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=8).map("".join))
def test_the_rule_data_and_the_python_check_agree(text: str) -> None:
    if not text.strip():
        return  # a blank item is 'empty-item', never checked here
    assert page_problem(item_text.rules(), text) == item_text.problem(text, item_text.FORM_MESSAGES)


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=12))
def test_any_text_is_judged_alike(text: str) -> None:
    if text.strip():
        assert page_problem(item_text.rules(), text) == item_text.problem(text, item_text.FORM_MESSAGES)


def test_page_size_for_a_province_stays_small(tmp_path: Path) -> None:
    plan = make_plan(tmp_path, big_plan(200, 20))
    size = len(html_form(plan).encode("utf-8"))
    rules = len(embedded(html_form(plan))["item_text"]["patterns"]["letter"].encode("utf-8"))
    assert size < 250_000, size
    assert rules < 6_000, rules
