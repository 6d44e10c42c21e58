"""The report markup writer: what a template can ask for comes out in Word as asked."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from sokket_cli.errors import OutputError
from sokket_cli.render.docx import MarkupError, write_docx
from sokket_cli.write.atomic import write_atomic

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

DOC = """<document page="A4" margin-top="20mm" margin-bottom="20mm" margin-left="30mm" margin-right="15mm" font="Times New Roman" size="14" page-numbers="from-2">
  <style name="body" label="Nội dung" align="justify" first-line-indent="10mm" space-after="6pt" line-spacing="1.15"/>
  {body}
</document>"""


def build(tmp_path: Path, body: str, document: str = DOC) -> docx.document.Document:
    out = tmp_path / "out.docx"
    write_docx(document.replace("{body}", body), out)
    return docx.Document(str(out))


def part(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(name).decode("utf-8")


def test_page_is_a4_with_the_template_margins(tmp_path: Path) -> None:
    section = build(tmp_path, "<p>x</p>").sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert [round(m.mm) for m in (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)] == [20, 20, 30, 15]


def test_styles_are_real_word_styles_with_every_font_slot_and_no_theme_font(tmp_path: Path) -> None:
    document = build(tmp_path, '<p style="body">Nội dung</p>')
    paragraph = document.paragraphs[0]
    assert paragraph.style.name == "Nội dung"
    ppr = paragraph.style.element.pPr
    assert ppr.find(qn("w:jc")).get(qn("w:val")) == "both"
    assert ppr.find(qn("w:ind")).get(qn("w:firstLine")) == str(round(10 * 1440 / 25.4))
    styles = part(tmp_path / "out.docx", "word/styles.xml")
    assert "Theme" not in styles and "cstheme" not in styles
    root = document.styles.element
    fonts = list(root.iter(qn("w:rFonts")))
    assert fonts, "styles.xml names no font at all"
    for rfonts in fonts:
        assert [rfonts.get(qn(f"w:{slot}")) for slot in ("ascii", "hAnsi", "eastAsia", "cs")] == ["Times New Roman"] * 4
    defaults = root.find(qn("w:docDefaults"))
    assert defaults.find(f".//{W}lang").get(qn("w:val")) == "vi-VN"
    assert defaults.find(f".//{W}sz").get(qn("w:val")) == "28"


def test_page_number_field_is_in_the_header_from_page_two(tmp_path: Path) -> None:
    section = build(tmp_path, "<p>x</p>").sections[0]
    assert section.different_first_page_header_footer
    header = section.header._element
    instr = [e.text for e in header.iter(qn("w:instrText"))]
    assert instr == [" PAGE "]
    assert header.find(f".//{W}jc").get(qn("w:val")) == "center"
    assert not list(section.first_page_header._element.iter(qn("w:instrText")))


def test_special_characters_tabs_and_line_breaks_come_out_exactly(tmp_path: Path) -> None:
    text = "A &lt; B &amp; C &gt; D \"x\" 'y' {{ z }} {% if %} 100%"
    document = build(tmp_path, f"<p>{text}</p><p>dòng 1\ndòng 2\tcột</p><p>  hai  cách  </p>")
    assert document.paragraphs[0].text == "A < B & C > D \"x\" 'y' {{ z }} {% if %} 100%"
    assert document.paragraphs[1].text == "dòng 1\ndòng 2\tcột"
    assert document.paragraphs[2].text == "  hai  cách  "


def test_inline_formatting_nests(tmp_path: Path) -> None:
    runs = build(tmp_path, '<p>a<b>b<i>c</i></b><span size="12" underline="true">d</span></p>').paragraphs[0].runs
    assert [(r.text, r.bold, r.italic, r.underline) for r in runs] == [
        ("a", None, None, None), ("b", True, None, None), ("c", True, True, None), ("d", None, None, True),
    ]
    assert runs[3].font.size.pt == 12


def test_table_widths_header_rows_spans_alignment_and_bold_rows(tmp_path: Path) -> None:
    body = """<table widths="10%,60%,30%" borders="all">
      <row header="true" bold="true"><cell align="center">TT</cell><cell>Đơn vị</cell><cell>Số</cell></row>
      <row><cell>1</cell><cell><p>Quận ủy</p><p italic="true">Ba Đình</p></cell><cell align="right">25.104</cell></row>
      <row bold="true"><cell colspan="2" align="center">Tổng cộng</cell><cell align="right">25.104</cell></row>
    </table>"""
    table = build(tmp_path, body).tables[0]
    rows = table._tbl.tr_lst
    assert rows[0].find(f".//{W}tblHeader") is not None
    assert [c.text for c in table.rows[1].cells] == ["1", "Quận ủy\nBa Đình", "25.104"]
    grid = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.iter(qn("w:gridCol"))]
    text_width = round(210 * 1440 / 25.4) - round(30 * 1440 / 25.4) - round(15 * 1440 / 25.4)
    assert abs(sum(grid) - text_width) <= 3 and grid[1] == pytest.approx(text_width * 0.6, abs=2)
    total = rows[2].tc_lst
    assert total[0].tcPr.find(qn("w:gridSpan")).get(qn("w:val")) == "2"
    total_run = table.rows[2].cells[0].paragraphs[0].runs[0]
    assert total_run.bold and table.rows[2].cells[0].paragraphs[0].alignment == 1  # centre
    assert table.rows[1].cells[2].paragraphs[0].alignment == 2  # right


def test_borderless_table(tmp_path: Path) -> None:
    table = build(tmp_path, '<table widths="50%,50%"><row><cell>a</cell><cell>b</cell></row></table>').tables[0]
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} == {"nil"}


def test_landscape_section_between_portrait_ones(tmp_path: Path) -> None:
    body = '<p>trước</p><section orientation="landscape"><p>phụ lục</p></section><p>sau</p>'
    document = build(tmp_path, body)
    sizes = [(round(s.page_width.mm), round(s.page_height.mm)) for s in document.sections]
    assert sizes == [(210, 297), (297, 210), (210, 297)]
    assert document.sections[1].orientation == 1
    texts = [p.text for p in document.paragraphs if p.text]
    assert texts == ["trước", "phụ lục", "sau"]


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ("<para>x</para>", "<para>"),
        ('<p colour="red">x</p>', "colour"),
        ('<p first-line-indent="1 thước">x</p>', "1 thước"),
        ('<p style="heading">x</p>', "heading"),
        ('<p align="middle">x</p>', "middle"),
        ("<p>x<img/></p>", "<img>"),
        ('<table widths="50%"><row><cell>a</cell><cell>b</cell></row></table>', "cột"),
    ],
)
def test_markup_mistakes_are_named_with_their_line(tmp_path: Path, body: str, fragment: str) -> None:
    with pytest.raises(MarkupError) as caught:
        build(tmp_path, "\n" + body)
    assert fragment in caught.value.message
    assert caught.value.line == 4
    assert not (tmp_path / "out.docx").exists()


def test_ill_formed_markup(tmp_path: Path) -> None:
    with pytest.raises(MarkupError) as caught:
        build(tmp_path, "<p>a & b</p>")
    assert caught.value.line == 3


def test_failed_write_leaves_the_existing_output_and_no_temp_file(tmp_path: Path) -> None:
    out = tmp_path / "out.docx"
    out.write_bytes(b"old report")

    def explode(stream: object) -> None:
        raise RuntimeError(f"boom while writing {stream}")

    with pytest.raises(RuntimeError):
        write_atomic(out, explode)
    assert out.read_bytes() == b"old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.docx"]


def test_missing_output_folder_is_an_output_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError) as caught:
        write_docx(DOC.replace("{body}", "<p>x</p>"), tmp_path / "khong-co" / "out.docx")
    assert "Không ghi được" in caught.value.message


def test_output_that_is_a_folder_is_an_output_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError):
        write_docx(DOC.replace("{body}", "<p>x</p>"), tmp_path)


def test_margins_follow_a_section(tmp_path: Path) -> None:
    document = build(tmp_path, '<section orientation="landscape" margin-left="20mm"><p>x</p></section><p>y</p>')
    assert round(document.sections[0].left_margin.mm) == 20
    assert round(document.sections[-1].left_margin.mm) == 30


def test_markup_streamed_in_pieces_gives_the_same_document(tmp_path: Path) -> None:
    body = (
        '<p>trước <b>đậm</b></p><!-- ghi chú --><section orientation="landscape"><p>phụ lục</p>'
        '<table widths="50%,50%"><row><cell>a</cell><cell>b</cell></row></table></section><p>sau</p>'
    )
    markup = DOC.replace("{body}", body * 50)
    whole, pieces = tmp_path / "whole.docx", tmp_path / "pieces.docx"
    write_docx(markup, whole)
    write_docx((markup[i : i + 7] for i in range(0, len(markup), 7)), pieces)
    assert part(whole, "word/document.xml") == part(pieces, "word/document.xml")
    assert len(docx.Document(str(pieces)).sections) == 101


def test_a_style_declared_after_the_content_is_a_mistake(tmp_path: Path) -> None:
    with pytest.raises(MarkupError) as caught:
        build(tmp_path, '<p>x</p>\n<style name="late" bold="true"/>')
    assert "<style>" in caught.value.message and caught.value.line == 4
    assert not (tmp_path / "out.docx").exists()


def test_heading_styles_carry_an_outline_level_for_words_navigation_pane(tmp_path: Path) -> None:
    out = tmp_path / "o.docx"
    write_docx(
        '<document><style name="h1" label="Đề mục" outline-level="1" bold="true"/>'
        '<p style="h1">I. KẾT QUẢ</p></document>',
        out,
    )
    style = docx.Document(str(out)).styles["Đề mục"]
    levels = style.element.findall(".//" + qn("w:outlineLvl"))
    assert [e.get(qn("w:val")) for e in levels] == ["0"]


def test_outline_level_out_of_range_is_a_markup_error(tmp_path: Path) -> None:
    with pytest.raises(MarkupError, match="outline-level"):
        write_docx('<document><p outline-level="12">x</p></document>', tmp_path / "o.docx")
