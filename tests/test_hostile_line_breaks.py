"""Line breaks other than LF in a unit file (U+2028 pasted from a web page or PDF, a lone CR
from an old Mac editor): YAML counts them as lines, so the checks that look at the source
line of a node must count them too, or they read the wrong line, or none at all (exit 3)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import VALID_UNIT, write_review
from typer.testing import CliRunner

from sokket_cli.cli import app

runner = CliRunner()
ESCAPE_WARNING = "warning[escape-in-text] Trong ngoặc kép, '\\t' không được giữ nguyên"


@pytest.mark.parametrize("line_break", ["\u2028", "\u2029", "\r"])
@pytest.mark.parametrize("end", ["\n", ""])  # without a last newline, the line was past the end: exit 3
def test_an_escape_after_another_line_break_is_found_on_its_own_line(
    tmp_path: Path, line_break: str, end: str
) -> None:
    unit = VALID_UNIT + f'lessons:\n  - "Một{line_break}hai."\n  - "Cuối\\tcùng."{end}'
    units = write_review(tmp_path, {"ba-dinh.yaml": unit.encode()})
    result = runner.invoke(app, ["validate", str(units / "ba-dinh.yaml")])
    assert result.exit_code == 0, result.output
    last = len(VALID_UNIT.splitlines()) + 4  # YAML's count, the break inside the item included
    assert f"ba-dinh.yaml:{last}:5: {ESCAPE_WARNING}" in result.stdout


def test_a_comment_after_another_line_break_is_read_from_its_own_line(tmp_path: Path) -> None:
    unit = VALID_UNIT + 'lessons:\n  - "Một\u2028hai."\n  - Đạt 100% # ghi chú\n  - "Ba # bốn"\n'
    units = write_review(tmp_path, {"ba-dinh.yaml": unit.encode()})
    result = runner.invoke(app, ["validate", str(units / "ba-dinh.yaml")])
    assert result.exit_code == 0, result.output
    assert result.stdout.count("warning[comment-in-text]") == 1, result.stdout
    last = len(VALID_UNIT.splitlines()) + 4
    assert f"ba-dinh.yaml:{last}:5: warning[comment-in-text]" in result.stdout
