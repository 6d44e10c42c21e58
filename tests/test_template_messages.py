"""What a template author reads when a template goes wrong: Vietnamese, with the name at
fault, never Jinja's English or a memory address."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import VALID_UNIT, write_review
from typer.testing import CliRunner

from sokket_cli.cli import app

runner = CliRunner()

CASES = [
    ("{{ report.__class__ }}", "gọi tới '.__class__' của một mục dữ liệu: đó là phần bên trong"),
    ("{{ report.recipients.append('x') }}", "dùng '.append' nhưng dữ liệu ở đó không có mục 'append'"),
    ("{{ report.title.__len__() }}", "gọi tới '.__len__' của một chuỗi chữ"),
    ("{{ tong_so_don_vi }}", "dùng tên 'tong_so_don_vi' nhưng không có tên này"),
    ("{{ report.nguoi_ky }}", "dùng '.nguoi_ky' nhưng dữ liệu ở đó không có mục 'nguoi_ky'"),
    ("{{ long_date }}", "in ra 'long_date', nhưng 'long_date' là một hàm, cần được gọi"),
    ("{{ report.items }}", "in ra 'items', nhưng 'items' là một hàm"),
    ("{% for i in range(10**8) %}{{ i }}{% endfor %}", "gọi range() với quá nhiều số (tối đa 100.000 số, vì an toàn)"),
]
ENGLISH = ("is unsafe", "is undefined", "has no attribute", "object at 0x", "function", "built-in")


@pytest.mark.parametrize(("expression", "said"), CASES)
def test_template_mistakes_are_said_in_vietnamese_at_their_line(tmp_path: Path, expression: str, said: str) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT})
    template = tmp_path / "r.xml.j2"
    template.write_text(f"<document>\n<p>{expression}</p></document>", encoding="utf-8")
    out = tmp_path / "o.docx"
    result = runner.invoke(app, ["compile", str(units), "--template", str(template), "-o", str(out)])
    assert result.exit_code == 2, result.output
    assert f"{template}:2: Mẫu báo cáo {said}" in " ".join(result.output.split())
    assert not any(english in result.output for english in ENGLISH), result.output
    assert not out.exists()


def test_a_function_called_properly_still_prints_its_result(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT})
    template = tmp_path / "r.xml.j2"
    template.write_text("<document><p>{{ 4|roman }} {{ long_date(none, 2026) }}</p></document>", encoding="utf-8")
    out = tmp_path / "o.docx"
    result = runner.invoke(app, ["compile", str(units), "--template", str(template), "-o", str(out)])
    assert result.exit_code == 0, result.output
    from docx import Document

    assert Document(str(out)).paragraphs[0].text.startswith("IV ngày")


SYNTAX = [
    ("{{ x }", "gặp '}' ở chỗ không đúng"),
    ("{% for x in report.recipients %}", "mẫu hết mà khối 'for' chưa được đóng (cần một trong các thẻ 'endfor' hoặc 'else')"),
    ("{% if x %}{% endfor %}", "gặp thẻ 'endfor' trong khi khối 'if' đang mở chưa được đóng"),
    ("{% endif %}", "không có thẻ 'endif'"),
    ("{{ x | }}", "cần một tên nhưng gặp dấu đóng }}"),
    ("{{ 'abc }}", "gặp ký tự \"'\" không đúng chỗ (một chuỗi chưa đóng dấu nháy?)"),
]


@pytest.mark.parametrize(("markup", "said"), SYNTAX)
def test_template_syntax_errors_are_said_in_vietnamese(tmp_path: Path, markup: str, said: str) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT})
    template = tmp_path / "r.xml.j2"
    template.write_text(f"<document>\n<p>{markup}</p></document>", encoding="utf-8")
    result = runner.invoke(app, ["compile", str(units), "--template", str(template), "-o", str(tmp_path / "o.docx")])
    assert result.exit_code == 2, result.output
    assert f"{template}:2: Mẫu báo cáo viết sai cú pháp: {said}" in " ".join(result.output.split())
    assert not any(word in result.output for word in ("unexpected", "Encountered", "expected token", "Jinja was"))
