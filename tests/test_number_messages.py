"""Indicator figures: too big to be figures is a clear bad-number, never an internal error
(issue 8); a refusal names the separator actually written (issue 9)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import VALID_UNIT, write_review
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from sokket_cli.check import numbers
from sokket_cli.cli import app

runner = CliRunner()


@pytest.mark.parametrize(
    ("text", "kind"),
    [("9" * 5000, numbers.INTEGER), ("1" * 16, numbers.INTEGER), ("1" + "0" * 27, numbers.PERCENT), ("1" * 20 + ",5", numbers.DECIMAL), ("0," + "1" * 20, numbers.DECIMAL)],
)
def test_figures_beyond_fifteen_digits_are_refused_with_a_message(text: str, kind: str) -> None:
    value, problem = numbers.parse(text, kind)
    assert value is None and problem is not None
    assert "15 chữ số" in problem
    assert len(problem) < 400  # the message quotes the start of the figure, not 5,000 digits


def test_largest_accepted_figure_formats() -> None:
    value, problem = numbers.parse("9" * 15, numbers.INTEGER)
    assert problem is None and value is not None
    assert numbers.format_vn(value) == "999.999.999.999.999"


@pytest.mark.parametrize("text", ["1e999999999", "1E5", "Infinity", "NaN", "-0"])
def test_exponents_and_specials_are_not_numbers(text: str) -> None:
    value, problem = numbers.parse(text, numbers.DECIMAL)
    assert (value, problem is None) != (None, True)
    if text != "-0":
        assert value is None


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789.,- %eE", max_size=40), st.sampled_from(numbers.TYPES))
def test_parse_never_raises_and_accepted_values_format(text: str, kind: str) -> None:
    value, problem = numbers.parse(text, kind)
    assert (value is None) != (problem is None)
    if value is not None:
        numbers.format_vn(value)
        numbers.format_vn(value, 2)


@pytest.mark.parametrize(
    ("line", "value"),
    [("conferences", "9" * 5000), ("rate", '"1' + "0" * 27 + '"'), ("conferences", "1" + "0" * 20)],
)
def test_huge_figures_are_exit_1_not_3(tmp_path: Path, line: str, value: str) -> None:
    unit = VALID_UNIT.replace("  conferences: 45\n", f"  {line}: {value}\n")
    units = write_review(tmp_path, {"ba-dinh.yaml": unit, "hoan-kiem.yaml": unit.replace("ba-dinh", "hoan-kiem")})
    validated = runner.invoke(app, ["validate", str(units)])
    assert validated.exit_code == 1, validated.output
    assert "error[bad-number]" in validated.stdout
    compiled = runner.invoke(app, ["compile", str(units), "-o", str(tmp_path / "out.docx"), "--xlsx", str(tmp_path / "out.xlsx")])
    assert compiled.exit_code == 1, compiled.output


@pytest.mark.parametrize(
    ("written", "kind", "words", "absent"),
    [
        ("9,850", numbers.INTEGER, "dấu phẩy", "dấu chấm"),
        ("9 850", numbers.INTEGER, "dấu cách", "dấu chấm"),
        ("9.850", numbers.INTEGER, "dấu chấm", "dấu phẩy ("),
        ("9.850", numbers.DECIMAL, "'9.850'", "'1.000'"),
    ],
)
def test_bad_number_names_the_separator_used(written: str, kind: str, words: str, absent: str) -> None:
    value, problem = numbers.parse(written, kind)
    assert value is None and problem is not None
    assert words in problem
    assert absent not in problem
    if kind == numbers.INTEGER:
        assert "9850" in problem
