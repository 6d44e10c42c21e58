"""Issue 9 in the checks: content that would spoil the draft, and messages that say the cause."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from helpers import PLAN, VALID_UNIT, dedent, write_review
from test_plan_checks import BOUNDED
from typer.testing import CliRunner

from sokket_cli.check.plan import read_plan
from sokket_cli.check.unit import UnitFile, check_unit
from sokket_cli.cli import app

runner = CliRunner()
TODAY = date(2021, 7, 5)


def load_plan(tmp_path: Path, text: str = PLAN):  # type: ignore[no-untyped-def]
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return read_plan(path)


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return load_plan(tmp_path_factory.mktemp("plan"))


def check(plan, text: str, today: date = TODAY) -> UnitFile:  # type: ignore[no-untyped-def]
    return check_unit(Path("u.yaml"), dedent(text).encode("utf-8"), plan, today=today)


def problems(unit: UnitFile) -> list[tuple[int, int, str, str]]:
    return [(p.line, p.column, p.severity.value, p.code) for p in unit.report.problems]


ONE_ITEM = '  - "Một số cấp ủy chưa sâu sát."'


# --- items that would print wrong --------------------------------------------------------


@pytest.mark.parametrize("item", ['  - "“Một số cấp ủy chưa sâu sát.”"', "  - “Một số cấp ủy chưa sâu sát.”"])
def test_item_in_curly_quotes_is_a_warning_with_the_fix(plan, item: str) -> None:  # type: ignore[no-untyped-def]
    unit = check(plan, VALID_UNIT.replace(ONE_ITEM, item))
    assert problems(unit) == [(9, 5, "warning", "curly-quotes")]
    message = unit.report.problems[0].message
    assert '- "Một số cấp ủy chưa sâu sát."' in message
    assert unit.valid


def test_quoted_words_inside_a_sentence_are_fine(plan) -> None:  # type: ignore[no-untyped-def]
    unit = check(plan, VALID_UNIT.replace(ONE_ITEM, '  - "Phong trào “Dân vận khéo” được đẩy mạnh, nhất là “Dân vận khéo”"'))
    assert problems(unit) == []


@pytest.mark.parametrize("item", ["  - 3", '  - "-"', '  - "..."', "  - 2021"])
def test_item_without_a_letter_is_a_warning(plan, item: str) -> None:  # type: ignore[no-untyped-def]
    unit = check(plan, VALID_UNIT.replace(ONE_ITEM, item))
    assert problems(unit) == [(9, 5, "warning", "no-letter")]
    assert "không có chữ" in unit.report.problems[0].message


@pytest.mark.parametrize(
    ("item", "rewrite"),
    [
        ('  - "4. Một số cấp ủy chưa sâu sát."', '- "Một số cấp ủy chưa sâu sát."'),
        ('  - "a) Một số cấp ủy chưa sâu sát."', '- "Một số cấp ủy chưa sâu sát."'),
        ("  - 1) Một số cấp ủy chưa sâu sát.", '- "Một số cấp ủy chưa sâu sát."'),
        ('  - "II. Một số cấp ủy chưa sâu sát."', '- "Một số cấp ủy chưa sâu sát."'),
    ],
)
def test_hand_numbering_is_a_warning_with_the_rewrite(plan, item: str, rewrite: str) -> None:  # type: ignore[no-untyped-def]
    unit = check(plan, VALID_UNIT.replace(ONE_ITEM, item))
    assert problems(unit) == [(9, 5, "warning", "hand-numbering")]
    assert rewrite in unit.report.problems[0].message


def test_hand_numbering_in_a_text_key_is_a_warning(plan) -> None:  # type: ignore[no-untyped-def]
    unit = check(plan, VALID_UNIT.replace('text: "Công tác', 'text: "2. Công tác'))
    assert problems(unit) == [(5, 11, "warning", "hand-numbering")]


@pytest.mark.parametrize("item", ['  - "1.000 đảng viên được bồi dưỡng."', '  - "3 chi bộ chưa sinh hoạt đều."', '  - "TP. Hà Nội: 12 hội nghị."'])
def test_sentences_that_start_with_figures_are_not_numbering(plan, item: str) -> None:  # type: ignore[no-untyped-def]
    assert problems(check(plan, VALID_UNIT.replace(ONE_ITEM, item))) == []


# --- figures beyond what the plan allows ---------------------------------------------------

@pytest.mark.parametrize(
    ("figure", "words"),
    [("rate: \"100,5\"", "tối đa 100"), ("conferences: 0", "ít nhất 1"), ("conferences: 1001", "tối đa 1.000")],
)
def test_figure_outside_plan_bounds_is_an_error(tmp_path: Path, figure: str, words: str) -> None:
    bounded = load_plan(tmp_path, BOUNDED)
    unit = check(bounded, VALID_UNIT.replace("  conferences: 45", f"  conferences: 45\n  {figure}" if "rate" in figure else f"  {figure}"))
    assert [p[2:] for p in problems(unit)] == [("error", "bad-number")]
    assert words in unit.report.problems[0].message


def test_percent_over_100_without_a_plan_bound_is_a_warning(plan) -> None:  # type: ignore[no-untyped-def]
    unit = check(plan, VALID_UNIT.replace("  conferences: 45", '  conferences: 45\n  rate: "965"'))
    assert problems(unit) == [(17, 9, "warning", "percent-over-100")]
    assert "96,5" in unit.report.problems[0].message
    assert unit.valid


# --- the submitted date ---------------------------------------------------------------------


@pytest.mark.parametrize(("written", "words"), [("2020-06-30", "trước ngày kế hoạch"), ("2021-07-30", "sau hôm nay")])
def test_unlikely_submitted_date_is_a_warning(plan, written: str, words: str) -> None:  # type: ignore[no-untyped-def]
    unit = check(plan, VALID_UNIT.replace("2021-06-30", written), today=date(2021, 7, 10))
    assert problems(unit)[0] == (2, 12, "warning", "unlikely-date")
    assert words in unit.report.problems[0].message


def test_submitted_today_is_fine(plan) -> None:  # type: ignore[no-untyped-def]
    assert problems(check(plan, VALID_UNIT, today=date(2021, 6, 30))) == []


# --- messages that say the cause ----------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "words"),
    [
        ("31/6/2021", "tháng 6 chỉ có 30 ngày"),
        ("29/2/2021", "năm 2021 không phải năm nhuận"),
        ("2021-02-30", "tháng 2 năm 2021 chỉ có 28 ngày"),
        ("30/13/2021", "không có tháng 13"),
        ("0/6/2021", "không có ngày 0"),
        ("32/1/2021", "tháng 1 chỉ có 31 ngày"),
    ],
)
def test_impossible_dates_say_why(plan, written: str, words: str) -> None:  # type: ignore[no-untyped-def]
    unit = check(plan, VALID_UNIT.replace("2021-06-30", written))
    assert problems(unit) == [(2, 12, "error", "bad-date")]
    assert words in unit.report.problems[0].message


def test_key_value_rewrite_keeps_the_text_after_the_hash(plan) -> None:  # type: ignore[no-untyped-def]
    unit = check(plan, VALID_UNIT.replace(ONE_ITEM, '  - Kết quả: đạt 100% # so với "kế hoạch"\n  - "Ý khác."'))
    assert problems(unit) == [(9, 5, "error", "wrong-type")]
    assert '- "Kết quả: đạt 100% # so với \\"kế hoạch\\""' in unit.report.problems[0].message


def test_indicator_sum_names_indicators_by_their_labels(plan) -> None:  # type: ignore[no-untyped-def]
    unit = check(plan, VALID_UNIT.replace("disciplined: 3", "disciplined: 4"))
    assert [p[3] for p in problems(unit)] == ["indicator-sum"]
    message = unit.report.problems[0].message
    assert "Khiển trách" in message and "Cảnh cáo" in message


def test_an_unquoted_only_item_gives_one_error_not_two(plan) -> None:  # type: ignore[no-untyped-def]
    unit = check(plan, VALID_UNIT.replace(ONE_ITEM, "  - Kết quả: đạt 100%"))
    assert problems(unit) == [(9, 5, "error", "wrong-type")]


def test_a_blank_only_item_still_says_the_section_is_empty(plan) -> None:  # type: ignore[no-untyped-def]
    unit = check(plan, VALID_UNIT.replace(ONE_ITEM, '  - "  "'))
    assert [p[3] for p in problems(unit)] == ["empty-section", "empty-item"]


def test_strict_with_only_warnings_does_not_speak_of_errors(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT.replace("2021-06-30", "2021-07-03")})
    result = runner.invoke(app, ["validate", "--strict", str(units / "ba-dinh.yaml")])
    assert result.exit_code == 1, result.output
    summary = result.stdout.splitlines()[-1]
    assert "sửa các lỗi" not in summary and "0 lỗi" not in summary
    assert "cảnh báo" in summary and "--strict" in summary
