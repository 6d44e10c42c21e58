"""The .docx package around the body: its properties say who made it and when, and a
template's first ``<section>`` starts the document, with no blank page before it."""

from __future__ import annotations

import zipfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from lxml import etree  # type: ignore[import-untyped]

from sokket_cli.render.docx import write_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
EXTENDED = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"


def write(tmp_path: Path, markup: str) -> Path:
    out = tmp_path / "o.docx"
    write_docx(markup, out)
    return out


def test_created_and_modified_are_the_time_of_writing(tmp_path: Path) -> None:
    before = datetime.now(timezone.utc).replace(microsecond=0)
    out = write(tmp_path, "<document><p>x</p></document>")
    after = datetime.now(timezone.utc)
    props = docx.Document(str(out)).core_properties
    for stamp in (props.created, props.modified):
        assert before <= stamp.replace(tzinfo=timezone.utc) <= after + timedelta(seconds=1)


def test_app_properties_name_sokket_not_word(tmp_path: Path) -> None:
    out = write(tmp_path, "<document><p>x</p></document>")
    with zipfile.ZipFile(out) as package:
        app = package.read("docProps/app.xml")
        content_types = package.read("[Content_Types].xml").decode()
    assert b"Microsoft" not in app
    root = etree.fromstring(app)
    assert root.tag == f"{EXTENDED}Properties"
    assert root.findtext(f"{EXTENDED}Application").startswith("sokket")
    assert "/docProps/app.xml" in content_types  # still declared, so Word reads it


def test_a_long_title_is_cut_at_a_word_boundary(tmp_path: Path) -> None:
    words = "Dự thảo báo cáo sơ kết năm năm thực hiện Nghị quyết Trung ương bốn khóa mười hai"
    title = " ".join([words] * 5)  # about 420 characters
    out = write(tmp_path, f'<document title="{title}"><p>x</p></document>')
    stored = docx.Document(str(out)).core_properties.title
    assert len(stored) <= 255
    assert stored.endswith("…")
    kept = stored[:-1]
    assert title.startswith(kept)
    assert title[len(kept)] == " "  # the cut falls between two words


def test_a_short_title_is_kept_whole(tmp_path: Path) -> None:
    out = write(tmp_path, '<document title="Dự thảo báo cáo"><p>x</p></document>')
    assert docx.Document(str(out)).core_properties.title == "Dự thảo báo cáo"


def test_a_body_that_starts_with_a_section_has_no_blank_first_page(tmp_path: Path) -> None:
    out = write(
        tmp_path,
        '<document page-numbers="from-2"><section orientation="landscape"><p>Phụ lục</p></section></document>',
    )
    document = docx.Document(str(out))
    assert [p.text for p in document.paragraphs] == ["Phụ lục"]
    assert len(document.sections) == 1
    assert document.sections[0].orientation == WD_ORIENT.LANDSCAPE
    assert document.sections[0].different_first_page_header_footer  # page 1 still unnumbered


def test_a_leading_section_followed_by_text_makes_two_sections(tmp_path: Path) -> None:
    out = write(
        tmp_path,
        '<document page-numbers="from-2"><section orientation="landscape"><p>Bảng</p></section>'
        "<p>Tiếp theo</p></document>",
    )
    document = docx.Document(str(out))
    assert document.element.body[0].tag == f"{W}p"
    assert document.paragraphs[0].text == "Bảng"  # no empty paragraph, so no blank page, first
    assert [s.orientation for s in document.sections] == [WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT]
    assert document.sections[0].different_first_page_header_footer
    assert not document.sections[1].different_first_page_header_footer


def test_text_before_a_section_still_gets_its_own_section(tmp_path: Path) -> None:
    out = write(tmp_path, '<document><p>Đầu</p><section orientation="landscape"><p>Bảng</p></section></document>')
    document = docx.Document(str(out))
    assert [s.orientation for s in document.sections] == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE]
    assert [p.text for p in document.paragraphs if p.text] == ["Đầu", "Bảng"]
