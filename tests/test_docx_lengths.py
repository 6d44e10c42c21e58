"""Numbers and lengths in a template's markup: anything Word cannot take is refused with the
markup line (exit 2, in Vietnamese), never an internal error and never a file Word "repairs"."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from helpers import VALID_UNIT, write_review
from typer.testing import CliRunner

from sokket_cli.cli import app
from sokket_cli.render.docx import MarkupError, write_docx

runner = CliRunner()


def compile_with(tmp_path: Path, body: str, document: str = "") -> tuple[int, str, Path]:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT})
    template = tmp_path / "mau.xml.j2"
    template.write_text(f"<document{document}>\n<p>Mở đầu</p>\n{body}\n</document>\n", encoding="utf-8")
    out = tmp_path / "du-thao.docx"
    result = runner.invoke(app, ["compile", str(units), "-o", str(out), "--template", str(template)])
    return result.exit_code, result.output, out


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ('<p line-spacing="inf">x</p>', "line-spacing"),
        ('<p line-spacing="nan">x</p>', "line-spacing"),
        ('<p line-spacing="1e400">x</p>', "line-spacing"),
        ('<p line-spacing="-1">x</p>', "line-spacing"),
        ('<p line-spacing="1_5">x</p>', "line-spacing"),
        ('<p line-spacing="0">x</p>', "line-spacing"),
        ('<table widths="inf%"><row><cell>x</cell></row></table>', "Độ rộng cột"),
        ('<table widths="nan%"><row><cell>x</cell></row></table>', "Độ rộng cột"),
        ('<table widths="-0%"><row><cell>x</cell></row></table>', "Độ rộng cột"),
        ('<table widths="1e308%"><row><cell>x</cell></row></table>', "Độ rộng cột"),
        ('<table widths="99999999999999999999%"><row><cell>x</cell></row></table>', "Độ rộng cột"),
        (f'<table widths="{"9" * 400}mm"><row><cell>x</cell></row></table>', "widths"),
        ('<table widths="-0mm"><row><cell>x</cell></row></table>', "Độ rộng cột"),
        ('<table widths="100%"><row><cell colspan="²">x</cell></row></table>', "colspan"),
        (f'<p space-after="{"9" * 400}pt">x</p>', "space-after"),
        ('<p space-before="99999999999mm">x</p>', "space-before"),
        ('<p size="1_4">x</p>', "size"),
    ],
)
def test_hostile_numbers_in_a_template_exit_2_with_the_markup_line(
    tmp_path: Path, body: str, fragment: str
) -> None:
    code, output, out = compile_with(tmp_path, body)
    assert code == 2, output
    assert fragment in output
    assert "Dòng 3 của kết quả dựng" in output  # the line of the offending element
    assert "mau.xml.j2" in output
    assert not out.exists()


def test_a_value_thousands_of_digits_long_is_cut_in_the_message(tmp_path: Path) -> None:
    code, output, _ = compile_with(tmp_path, f'<p space-after="{"9" * 5000}pt">x</p>')
    assert code == 2, output
    assert "'space-after=\"999999999999999999999999…999999pt\"' quá lớn" in output
    assert len(output) < 800


@pytest.mark.parametrize(
    "attribute",
    ["first-line-indent", "hanging-indent", "space-before", "space-after", "line-spacing", "border"],
)
def test_negative_paragraph_lengths_are_refused(tmp_path: Path, attribute: str) -> None:
    code, output, out = compile_with(tmp_path, f'<p {attribute}="-6pt">x</p>')
    assert code == 2, output
    assert f"'{attribute}=\"-6pt\"'" in output
    assert "không được âm" in output
    assert not out.exists()


def test_a_negative_first_line_indent_points_to_hanging_indent(tmp_path: Path) -> None:
    _, output, _ = compile_with(tmp_path, '<p first-line-indent="-10mm">x</p>')
    assert 'hanging-indent="10mm"' in output


@pytest.mark.parametrize("attribute", ["margin-left", "margin-right", "header-distance", "footer-distance"])
def test_negative_page_lengths_are_refused(tmp_path: Path, attribute: str) -> None:
    code, output, _ = compile_with(tmp_path, "", f' {attribute}="-10mm"')
    assert code == 2, output
    assert f"'{attribute}=\"-10mm\"'" in output
    assert "không được âm" in output


def test_negative_column_width_is_refused(tmp_path: Path) -> None:
    code, output, _ = compile_with(tmp_path, '<table widths="-30mm,100mm"><row><cell>a</cell><cell>b</cell></row></table>')
    assert code == 2, output
    assert "Độ rộng cột '-30mm'" in output


def test_margins_wider_than_the_page_are_refused(tmp_path: Path) -> None:
    code, output, _ = compile_with(tmp_path, "", ' margin-left="150mm" margin-right="80mm"')
    assert code == 2, output
    assert "không còn chỗ cho chữ" in output


def test_a_section_with_margins_wider_than_the_page_is_refused(tmp_path: Path) -> None:
    code, output, _ = compile_with(tmp_path, '<section margin-left="300mm"><p>x</p></section>')
    assert code == 2, output
    assert "không còn chỗ cho chữ" in output
    assert "Dòng 3 của kết quả dựng" in output


def test_lengths_the_standard_allows_negative_still_work(tmp_path: Path) -> None:
    out = tmp_path / "o.docx"
    write_docx(
        '<document margin-top="-20mm"><p left-indent="-5mm" right-indent="-5mm">x</p></document>', out
    )
    document = docx.Document(str(out))
    paragraph = document.paragraphs[0].paragraph_format
    assert round(paragraph.left_indent.mm) == -5
    assert round(paragraph.right_indent.mm) == -5
    assert round(document.sections[0].top_margin.mm) == -20


def test_every_refusal_is_a_markup_error_with_its_line(tmp_path: Path) -> None:
    with pytest.raises(MarkupError) as caught:
        write_docx('<document>\n<p>a</p>\n<p line-spacing="inf">b</p>\n</document>', tmp_path / "o.docx")
    assert caught.value.line == 3
    assert "1.15" in caught.value.message  # says what to type instead
