"""YAML syntax messages point at the line that caused the mistake and say how to write it."""

from __future__ import annotations

from pathlib import Path

from helpers import write_review
from typer.testing import CliRunner

from sokket_cli.cli import app

runner = CliRunner()

HEAD = "unit: ba-dinh\nachievements:\n"
TAIL = "shortcomings:\n  - Một số cấp ủy.\ncauses:\n  objective: [Dịch bệnh.]\n  subjective: [Chủ quan.]\n"


def validate(tmp_path: Path, body: str) -> list[str]:
    units = write_review(tmp_path, {"ba-dinh.yaml": HEAD + body + TAIL})
    result = runner.invoke(app, ["validate", str(units / "ba-dinh.yaml")])
    assert result.exit_code == 1, result.output
    listing = result.stdout.rstrip("\n").rsplit("\n", 1)[0]  # without the summary line
    return [line.split("ba-dinh.yaml:", 1)[1] for line in listing.split("\n/")]


def test_unclosed_quote_points_at_the_opening_quote_and_names_where_the_scan_ended(tmp_path: Path) -> None:
    (problem,) = validate(tmp_path, '  - "Đã tổ chức 45 hội nghị.\n  - Kiểm tra 12 tổ chức.\n')
    assert problem.startswith("3:5: error[yaml-syntax]")
    assert 'Câu ở dòng 3 mở dấu ngoặc kép (") nhưng không đóng lại' in problem
    assert "YAML đọc tới cuối tệp (dòng 10) mà không thấy dấu đóng" in problem


def test_quote_closed_by_the_next_lines_quote_points_at_the_unclosed_line(tmp_path: Path) -> None:
    (problem,) = validate(tmp_path, '  - "Đã tổ chức 45 hội nghị.\n  - "Kiểm tra 12 tổ chức."\n')
    assert problem.startswith("3:5: error[yaml-syntax]")
    assert "YAML đọc tiếp tới dòng 4 thì dừng" in problem


def test_straight_quote_closed_by_a_curly_one_is_named(tmp_path: Path) -> None:
    (problem,) = validate(tmp_path, '  - "Đã tổ chức 45 hội nghị.”\n  - "Kiểm tra."\n')
    assert problem.startswith("3:5: error[yaml-syntax]")
    assert 'mở bằng ngoặc kép thẳng (") nhưng đóng bằng ngoặc kép cong (”)' in problem


def test_indented_dash_sub_items_get_their_text_items_rewrite(tmp_path: Path) -> None:
    body = '  - "Công tác kiểm tra được tăng cường:"\n      - "Kiểm tra 12 tổ chức đảng."\n      - Giám sát "30" đảng viên.\n  - "Khác."\n'
    (problem,) = validate(tmp_path, body)
    assert problem.startswith("4:7: error[yaml-syntax]")
    assert "Ý ở dòng 3 có ý nhỏ (các dòng 4-5) viết lùi vào" in problem
    assert problem.endswith(
        "Hãy viết lại các dòng 3-5 như sau:\n"
        '      - text: "Công tác kiểm tra được tăng cường:"\n'
        "        items:\n"
        '          - "Kiểm tra 12 tổ chức đảng."\n'
        '          - "Giám sát \\"30\\" đảng viên."'
    )


def test_plus_sub_items_get_their_rewrite(tmp_path: Path) -> None:
    body = "  - Công tác kiểm tra được tăng cường:\n    + Kiểm tra 12 tổ chức đảng.\n"
    (problem,) = validate(tmp_path, body)
    assert problem.startswith("4:5: error[yaml-syntax]")
    assert '      - text: "Công tác kiểm tra được tăng cường:"\n        items:\n          - "Kiểm tra 12 tổ chức đảng."' in problem


def test_tab_after_dash_gets_the_tab_message(tmp_path: Path) -> None:
    (problem,) = validate(tmp_path, '  -\t"Đã tổ chức 45 hội nghị."\n')
    assert problem.startswith("3:4: error[yaml-syntax]")
    assert "Sau dấu '-' đầu dòng này có phím Tab" in problem
    assert "ký tự đặc biệt" not in problem


def test_every_tab_indented_line_is_reported_in_one_run(tmp_path: Path) -> None:
    problems = validate(tmp_path, '\t- "Đã tổ chức 45 hội nghị."\n\t- "Kiểm tra."\n  - "Đúng."\n\t- "Giám sát."\n')
    assert [p.split(":", 2)[0] for p in problems] == ["3", "4", "6"]
    assert all("thụt lề bằng phím Tab" in p for p in problems)


def test_a_pasted_bullet_is_reported_on_its_own_line(tmp_path: Path) -> None:
    (problem,) = validate(tmp_path, '  - "Đã tổ chức 45 hội nghị."\n  • Kiểm tra 12 tổ chức đảng.\n  - "Khác."\n')
    assert problem.startswith("4:3: error[yaml-syntax]")
    assert "Dòng này bắt đầu bằng dấu '•' (thường do dán từ Word)" in problem


def test_a_message_with_a_hint_carries_no_english_from_the_parser() -> None:
    """Found trying it as a new user: '(YAML báo: while parsing a block collection ...)'."""
    from sokket_cli.intake.yamlnodes import load

    text = 'unit: ba-dinh\nachievements:\n  - "Tổ chức hội nghị\n  - "Kiểm tra 12 tổ chức đảng"\n'
    (problem,) = load(text.encode("utf-8")).problems
    assert (problem.line, problem.code) == (3, "yaml-syntax")
    assert "dòng 3" in problem.message
    assert "while" not in problem.message and "expected" not in problem.message
