"""Issue 8 in the checks: no text lost from a file called valid, no plan that cannot hold,
and no internal error where a number is merely too big."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import PLAN, VALID_UNIT, dedent, write_review
from typer.testing import CliRunner

from sokket_cli.check.plan import read_plan
from sokket_cli.check.unit import UnitFile, check_unit
from sokket_cli.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("plan") / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return read_plan(path)


def check(plan, text: str) -> UnitFile:  # type: ignore[no-untyped-def]
    return check_unit(Path("u.yaml"), dedent(text).encode("utf-8"), plan)


def problems(unit: UnitFile) -> list[tuple[int, int, str, str]]:
    return [(p.line, p.column, p.severity.value, p.code) for p in unit.report.problems]


# --- unknown keys that hold text are errors ------------------------------------------------

SUB_ITEMS = """\
  - text: "Công tác kiểm tra được tăng cường:"
    items:
      - "Kiểm tra 12 tổ chức đảng."
"""


@pytest.mark.parametrize(("typo", "guess"), [("item", "items"), ("txt", "text"), ("texts", "text"), ("ghi_chu", None)])
def test_unknown_key_inside_an_item_is_an_error_with_the_nearest_key(plan, typo: str, guess: str | None) -> None:  # type: ignore[no-untyped-def]
    unit = check(plan, VALID_UNIT.replace("    items:\n", f"    {typo}:\n"))
    assert problems(unit) == [(6, 5, "error", "unknown-key")]
    message = unit.report.problems[0].message
    assert f"'{typo}:'" in message and "mất" in message
    assert (f"Có phải là '{guess}'?" in message) if guess else "'text:'" in message
    assert not unit.valid


def test_misspelt_text_key_alone_gives_one_error_not_two(plan) -> None:  # type: ignore[no-untyped-def]
    unit = check(plan, VALID_UNIT.replace('  - "Một số cấp ủy chưa sâu sát."', '  - txt: "Một số cấp ủy chưa sâu sát."'))
    assert problems(unit) == [(9, 5, "error", "unknown-key")]
    assert "Có phải là 'text'?" in unit.report.problems[0].message


def test_misspelt_part_is_one_error_naming_the_part(plan) -> None:  # type: ignore[no-untyped-def]
    unit = check(plan, VALID_UNIT.replace("  subjective:", "  subjectve:"))
    assert problems(unit) == [(13, 3, "error", "missing-section")]
    assert "Hãy sửa 'subjectve:' thành 'subjective:'" in unit.report.problems[0].message


def test_extra_part_holding_items_is_an_error(plan) -> None:  # type: ignore[no-untyped-def]
    unit = check(plan, VALID_UNIT.replace("  subjective:", "  khac:\n    - \"Lý do khác.\"\n  subjective:"))
    assert problems(unit) == [(13, 3, "error", "unknown-key")]
    assert "sẽ bị mất" in unit.report.problems[0].message


@pytest.mark.parametrize(
    "extra",
    [
        'ghi_chu:\n  - "Ý này sẽ mất."\n',
        'ghi_chu:\n  a: "Ý này sẽ mất."\n',
    ],
)
def test_extra_top_level_key_holding_items_is_an_error(plan, extra: str) -> None:  # type: ignore[no-untyped-def]
    unit = check(plan, VALID_UNIT + extra)
    assert problems(unit) == [(20, 1, "error", "unknown-key")]
    assert not unit.valid


def test_misspelt_optional_section_is_an_error_with_its_title(plan) -> None:  # type: ignore[no-untyped-def]
    unit = check(plan, VALID_UNIT + 'lesons:\n  - "Bài học."\n')
    assert problems(unit) == [(20, 1, "error", "unknown-key")]
    assert "Có phải là 'lessons' (Bài học kinh nghiệm)?" in unit.report.problems[0].message


def test_misspelt_required_section_is_one_error(plan) -> None:  # type: ignore[no-untyped-def]
    unit = check(plan, VALID_UNIT.replace("shortcomings:", "shortcomngs:"))
    assert problems(unit) == [(8, 1, "error", "missing-section")]


def test_unknown_scalar_key_stays_a_warning(plan) -> None:  # type: ignore[no-untyped-def]
    unit = check(plan, VALID_UNIT + "nguoi_lap: Nguyễn Văn A\n")
    assert problems(unit) == [(20, 1, "warning", "unknown-key")]
    assert unit.valid


def test_validate_and_compile_refuse_a_file_that_would_lose_sub_items(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT.replace("    items:\n", "    item:\n")})
    validated = runner.invoke(app, ["validate", str(units)])
    assert validated.exit_code == 1, validated.output
    assert "error[unknown-key]" in validated.stdout and "có thể gửi" not in validated.stdout
    compiled = runner.invoke(app, ["compile", str(units), "-o", str(tmp_path / "out.docx")])
    assert compiled.exit_code == 1, compiled.output
    assert not (tmp_path / "out.docx").exists()
