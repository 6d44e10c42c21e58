"""Every problem code of SPEC.md, at its line and column, from the core directly."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from helpers import PLAN, VALID_UNIT, dedent

from sokket_cli.check.plan import read_plan
from sokket_cli.check.unit import Item, UnitFile, check_unit


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("plan") / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return read_plan(path)


def check(plan, text: str | bytes) -> UnitFile:  # type: ignore[no-untyped-def]
    data = text if isinstance(text, bytes) else dedent(text).encode("utf-8")
    return check_unit(Path("u.yaml"), data, plan)


def found(unit: UnitFile) -> list[tuple[int, int, str]]:
    return [(p.line, p.column, p.code) for p in unit.report.problems]


def test_valid_unit_has_no_problems_and_keeps_everything(plan) -> None:  # type: ignore[no-untyped-def]
    unit = check(plan, VALID_UNIT)
    assert found(unit) == []
    assert unit.unit_id == "ba-dinh"
    assert unit.content["achievements"] == (
        Item("Đã tổ chức 45 hội nghị quán triệt."),
        Item("Công tác kiểm tra được tăng cường:", (Item("Kiểm tra 12 tổ chức đảng."),)),
    )
    assert unit.content["causes.subjective"] == (Item("Nhận thức của một bộ phận cán bộ chưa đầy đủ."),)
    assert unit.indicators == {"conferences": 45, "disciplined": 3, "reprimanded": 2, "warned": 1}


def test_text_is_taken_as_written_never_retyped(plan) -> None:  # type: ignore[no-untyped-def]
    unit = check(plan, VALID_UNIT.replace('  - "Một số cấp ủy chưa sâu sát."', "  - Không\n  - 2021\n  - 1.000\n  - no\n  - 0123\n  - null\n  - 2021-06-30"))
    assert [i.text for i in unit.content["shortcomings"]] == ["Không", "2021", "1.000", "no", "0123", "null", "2021-06-30"]
    assert unit.valid


@pytest.mark.parametrize(
    ("replace", "by", "expected"),
    [
        ("unit: ba-dinh\n", "", (1, 1, "missing-unit")),
        ("unit: ba-dinh", "unit: ba-dinhh", (1, 7, "unknown-unit")),
        ("shortcomings:\n  - \"Một số cấp ủy chưa sâu sát.\"\n", "", (1, 1, "missing-section")),
        ("  - \"Một số cấp ủy chưa sâu sát.\"", "  - \"   \"", (9, 5, "empty-item")),
        ("shortcomings:\n  - \"Một số cấp ủy chưa sâu sát.\"", "shortcomings: []", (8, 15, "empty-section")),
        ("shortcomings:\n  - \"Một số cấp ủy chưa sâu sát.\"", "shortcomings:", (8, 1, "empty-section")),
        ("shortcomings:\n  - \"Một số cấp ủy chưa sâu sát.\"", "shortcomings: \"Chưa sâu sát.\"", (8, 15, "wrong-type")),
        ("  subjective:\n    - \"Nhận thức của một bộ phận cán bộ chưa đầy đủ.\"\n", "", (11, 3, "missing-section")),
        ("submitted: 2021-06-30", "submitted: 30/13/2021", (2, 12, "bad-date")),
        ("submitted: 2021-06-30", "submitted: 2021-07-05", (2, 12, "late")),
        ("  conferences: 45", "  conferences: 1.000", (16, 16, "bad-number")),
        ("  conferences: 45", "  conferences: 1,5", (16, 16, "bad-number")),
        ("  conferences: 45", "  conferences: -3", (16, 16, "bad-number")),
        ("  conferences: 45", "  conferences: \"12 người\"", (16, 16, "bad-number")),
        ("  disciplined: 3", "  disciplined: 4", (17, 16, "indicator-sum")),
        ("  conferences: 45", "  confrences: 45", (16, 3, "unknown-indicator")),
        ("unit: ba-dinh\n", "unit: ba-dinh\nnguoi_lap: A\n", (2, 1, "unknown-key")),
        ("  - \"Một số cấp ủy chưa sâu sát.\"", "  - \"Một số\\x0b cấp ủy.\"", (9, 5, "control-char")),
        ("  - \"Một số cấp ủy chưa sâu sát.\"", "  - \"B¸o c¸o tæng kÕt c«ng t¸c\"", (9, 5, "legacy-encoding")),
        ("  - \"Một số cấp ủy chưa sâu sát.\"", "  - Kết quả: đạt 100%", (9, 5, "wrong-type")),
        ("shortcomings:", "shortcomings:\nshortcomings:", (9, 1, "duplicate-key")),
    ],
)
def test_each_problem_code_at_its_place(plan, replace: str, by: str, expected: tuple[int, int, str]) -> None:  # type: ignore[no-untyped-def]
    assert replace in VALID_UNIT
    unit = check(plan, VALID_UNIT.replace(replace, by, 1))
    assert expected in found(unit), found(unit)


def test_missing_section_names_the_misspelt_key(plan) -> None:  # type: ignore[no-untyped-def]
    unit = check(plan, VALID_UNIT.replace("achievements:", "achievments:"))
    messages = {p.code: p.message for p in unit.report.problems}
    assert "'achievements'" in messages["missing-section"]
    assert "achievments" in messages["missing-section"]
    assert "unknown-key" not in messages  # one cause, one error: the one with the fix


@pytest.mark.parametrize("text", ["", "   \n", "# chỉ có ghi chú\n"])
def test_empty_file_is_not_a_mapping(plan, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [p.code for p in check(plan, text).report.problems] == ["not-a-mapping"]


@pytest.mark.parametrize("text", ["- a\n- b\n", "chỉ một câu\n"])
def test_list_or_text_document_is_not_a_mapping(plan, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [p.code for p in check(plan, text).report.problems] == ["not-a-mapping"]


def test_all_problems_reported_in_file_order(plan) -> None:  # type: ignore[no-untyped-def]
    text = VALID_UNIT.replace("unit: ba-dinh", "unit: khong-co").replace("  conferences: 45", "  conferences: 1.000").replace("submitted: 2021-06-30", "submitted: hôm qua")
    unit = check(plan, text)
    assert found(unit) == [(1, 7, "unknown-unit"), (2, 12, "bad-date"), (16, 16, "bad-number")]


def test_yaml_syntax_error_has_position_and_hint(plan) -> None:  # type: ignore[no-untyped-def]
    unit = check(plan, 'unit: ba-dinh\nachievements:\n  - "chưa đóng ngoặc\n')
    (problem,) = unit.report.problems
    assert problem.code == "yaml-syntax"
    assert problem.line >= 3
    assert "ngoặc kép" in problem.message


def test_tab_indentation_is_explained(plan) -> None:  # type: ignore[no-untyped-def]
    unit = check(plan, "unit: ba-dinh\nachievements:\n\t- \"a\"\n")
    (problem,) = unit.report.problems
    assert (problem.line, problem.code) == (3, "yaml-syntax")
    assert "Tab" in problem.message


@pytest.mark.parametrize(
    "tagged",
    [
        "!!python/object/apply:os.system ['echo hacked']",
        "!!python/name:os.system",
        "!custom 'x'",
        "!!binary aGVsbG8=",
    ],
)
def test_unsafe_and_unknown_tags_are_refused(plan, tagged: str) -> None:  # type: ignore[no-untyped-def]
    unit = check(plan, VALID_UNIT.replace('"Một số cấp ủy chưa sâu sát."', tagged))
    assert (9, 5, "yaml-syntax") in found(unit)
    assert not unit.valid


def test_alias_bomb_is_refused_quickly_without_expansion(plan) -> None:  # type: ignore[no-untyped-def]
    import time

    lines = ["unit: ba-dinh", 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    lines += ["achievements: *a9"]
    start = time.perf_counter()
    unit = check(plan, "\n".join(lines) + "\n")
    assert time.perf_counter() - start < 1.0
    codes = {p.code for p in unit.report.problems}
    assert "yaml-syntax" in codes
    assert not unit.valid


def test_duplicate_key_points_at_second_occurrence(plan) -> None:  # type: ignore[no-untyped-def]
    unit = check(plan, VALID_UNIT + "indicators:\n  conferences: 1\n")
    dup = [p for p in unit.report.problems if p.code == "duplicate-key"]
    assert [(p.line, p.column) for p in dup] == [(20, 1)]
    assert "dòng 15" in dup[0].message


def test_nfd_text_is_normalised_with_a_warning(plan) -> None:  # type: ignore[no-untyped-def]
    import unicodedata

    text = dedent(VALID_UNIT)
    unit = check(plan, unicodedata.normalize("NFD", text).encode())
    assert [p.code for p in unit.report.problems] == ["not-nfc"]
    assert unit.valid
    assert unit.content["achievements"][0].text == "Đã tổ chức 45 hội nghị quán triệt."


def test_eth_for_dj_is_a_warning(plan) -> None:  # type: ignore[no-untyped-def]
    unit = check(plan, VALID_UNIT.replace("Một số cấp ủy", "Ðảng ủy"))
    assert (9, 5, "lookalike-char") in found(unit)
    assert unit.valid


def test_unquoted_hash_is_a_comment_warning(plan) -> None:  # type: ignore[no-untyped-def]
    unit = check(plan, VALID_UNIT.replace('  - "Một số cấp ủy chưa sâu sát."', "  - Kiểm tra chi bộ #5 và #6"))
    assert (9, 5, "comment-in-text") in found(unit)


def test_raw_control_character_reported_and_parsing_goes_on(plan) -> None:  # type: ignore[no-untyped-def]
    unit = check(plan, VALID_UNIT.replace("chưa sâu sát", "chưa\x0bsâu sát").replace("unit: ba-dinh", "unit: x"))
    assert (9, 24, "control-char") in found(unit)
    assert (1, 7, "unknown-unit") in found(unit)


def test_decimal_and_percent_values(plan) -> None:  # type: ignore[no-untyped-def]
    unit = check(plan, VALID_UNIT + '  rate: "96,5"\n')
    assert unit.valid
    assert unit.indicators["rate"] == Decimal("96.5")


def test_blank_indicator_is_not_reported_rather_than_zero(plan) -> None:  # type: ignore[no-untyped-def]
    unit = check(plan, VALID_UNIT.replace("  conferences: 45", "  conferences:"))
    assert unit.valid
    assert "conferences" not in unit.indicators


def test_nested_list_without_text_is_wrong_type(plan) -> None:  # type: ignore[no-untyped-def]
    unit = check(plan, VALID_UNIT.replace('  - "Một số cấp ủy chưa sâu sát."', "  - - a\n    - b"))
    assert (9, 5, "wrong-type") in found(unit)


def test_item_with_text_and_typo_key(plan) -> None:  # type: ignore[no-untyped-def]
    unit = check(plan, VALID_UNIT.replace('      - "Kiểm tra 12 tổ chức đảng."', '      - txt: "Kiểm tra 12 tổ chức đảng."'))
    assert found(unit) == [(7, 9, "unknown-key")]  # not also empty-item: one cause, one error


def test_lone_surrogates_count_as_control_characters() -> None:
    """PyYAML's pure-Python loader (where libyaml is missing) turns "\\ud800" into a lone
    surrogate, which cannot be written to the .docx: it must be a control-char error."""
    from sokket_cli.intake.text import CONTROL_CHARS

    assert CONTROL_CHARS.search("Một số \ud800 cấp ủy")
    assert not CONTROL_CHARS.search("Một số cấp ủy \U0001f600 \u200b \u00ad\t\n")


@pytest.mark.parametrize(
    ("line", "position", "says"),
    [
        ('  - "Kết quả" đạt tốt', (9, 15), "cụm trong ngoặc kép rồi còn chữ"),
        ("  - *quan trọng* việc", (9, 5), "dấu '*'"),
        ("\t- tab", (9, 1), "Tab"),
    ],
)
def test_common_syntax_mistakes_get_a_specific_hint(plan, line: str, position: tuple[int, int], says: str) -> None:  # type: ignore[no-untyped-def]
    unit = check(plan, VALID_UNIT.replace('  - "Một số cấp ủy chưa sâu sát."', line))
    (problem,) = unit.report.problems
    assert (problem.line, problem.column, problem.code) == (*position, "yaml-syntax")
    assert says in problem.message


def test_dash_without_space_is_explained(plan) -> None:  # type: ignore[no-untyped-def]
    unit = check(plan, VALID_UNIT.replace('  - "Một số cấp ủy chưa sâu sát."', '  -"Thiếu dấu cách"'))
    (problem,) = unit.report.problems
    assert (problem.line, problem.column, problem.code) == (9, 3, "wrong-type")
    assert "sau dấu '-' đầu dòng phải có một dấu cách" in problem.message
    after_item = check(plan, VALID_UNIT.replace('  - "Một số cấp ủy chưa sâu sát."', '  - "Một ý."\n  -"Thiếu dấu cách"'))
    assert any("Sau dấu '-' đầu dòng phải có một dấu cách" in p.message for p in after_item.report.problems)


@pytest.mark.parametrize(
    ("quoted", "warned"),
    [('"C:\\new folder"', True), ('"dấu \\ gạch"', True), ('"ngoặc \\"kép\\" và \\\\ gạch"', False)],
)
def test_backslash_escapes_that_change_text_are_warned(plan, quoted: str, warned: bool) -> None:  # type: ignore[no-untyped-def]
    unit = check(plan, VALID_UNIT.replace('"Một số cấp ủy chưa sâu sát."', quoted))
    assert [p.code for p in unit.report.problems] == (["escape-in-text"] if warned else [])
    assert unit.valid
