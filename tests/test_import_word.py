"""sokket import: a Word report becomes a unit file; every paragraph's fate is asserted."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import PLAN, write_review
from typer.testing import CliRunner
from word_reports import WordReport

from sokket_cli.check.plan import read_plan
from sokket_cli.cli import app
from sokket_cli.intake.word import package
from sokket_cli.intake.word.convert import import_report

runner = CliRunner()
TODAY = date(2026, 11, 29)


def run(*args: str | Path):  # type: ignore[no-untyped-def]
    return runner.invoke(app, [str(a) for a in args])


def typical_report() -> WordReport:
    """Headings typed by hand, a Word list, a heading style, a .VnTime paragraph, figures."""
    report = WordReport()
    report.header()
    report.para("Thực hiện Kế hoạch số 30-KH/TU của Ban Thường vụ Thành ủy, Quận ủy báo cáo như sau:")
    report.para("I. KẾT QUẢ ĐẠT ĐƯỢC", bold=True)
    report.para("1. Công tác tuyên truyền", bold=True)
    report.para("Đã tổ chức 45 hội nghị quán triệt.")
    report.para("- Cấp quận: 5 hội nghị;")
    report.para("+ Có 1.250 lượt tham dự.")
    report.para("Ưu điểm", level=0)  # Word numbering shows 'II.'
    report.para("Công tác kiểm tra được tăng cường.", level=2)  # Word bullet '-'
    report.para("Hạn chế, khuyết điểm", style="Heading 1")
    report.para("Một số cấp ủy chưa sâu sát.", font=".VnTime")
    report.para("III. NGUYÊN NHÂN CỦA HẠN CHẾ")
    report.para("* Nguyên nhân khách quan")
    report.para("- Dịch Covid-19 kéo dài.")
    report.para("* Nguyên nhân chủ quan")
    report.para("- Nhận thức chưa đầy đủ.")
    report.table([
        ["STT", "Chỉ tiêu", "Đơn vị tính", "Số lượng"],
        ["1", "Số hội nghị", "hội nghị", "1.250"],
        ["2", "Tỷ lệ tham gia", "%", "96,5%"],
        ["3", "Số xe ô tô", "xe", "3"],
    ])
    report.para("IV. PHƯƠNG HƯỚNG NHIỆM VỤ")
    report.para("Tiếp tục quán triệt.")
    report.closing()
    return report


def convert(tmp_path: Path, report: WordReport, name: str = "bao-cao-ba-dinh.docx",
            plan: str = PLAN, unit: str | None = None) -> tuple[dict[str, Any], str, Any]:
    write_review(tmp_path, {}, plan)
    source = report.save(tmp_path / name)
    imported = import_report(source, read_plan(tmp_path / "plan.yaml"), unit, TODAY)
    return yaml.safe_load(imported.text), imported.text, imported


def test_every_paragraph_of_a_typical_report_lands_where_it_belongs(tmp_path: Path) -> None:
    data, text, imported = convert(tmp_path, typical_report())
    assert data["unit"] == "ba-dinh"  # from the file name
    assert data["submitted"] == date(2021, 6, 30)  # 'Ba Đình, ngày 30 tháng 6 năm 2021'
    assert data["achievements"] == [
        {"text": "Công tác tuyên truyền", "items": [
            "Đã tổ chức 45 hội nghị quán triệt.",
            {"text": "Cấp quận: 5 hội nghị;", "items": ["Có 1.250 lượt tham dự."]},
        ]},
        "Công tác kiểm tra được tăng cường.",
    ]
    assert data["shortcomings"] == ["Một số cấp ủy chưa sâu sát."]  # .VnTime converted
    assert data["causes"] == {
        "objective": ["Dịch Covid-19 kéo dài."],
        "subjective": ["Nhận thức chưa đầy đủ."],
    }
    assert data["lessons"] == []
    assert data["indicators"] == {"conferences": "1250", "rate": "96,5"}
    assert data["unplaced"] == [
        "Thực hiện Kế hoạch số 30-KH/TU của Ban Thường vụ Thành ủy, Quận ủy báo cáo như sau:",
        "3 | Số xe ô tô | xe | 3",
        {"text": "PHƯƠNG HƯỚNG NHIỆM VỤ", "items": ["Tiếp tục quán triệt."]},
    ]
    assert "  # Đoạn 4 của tệp Word, trước tiêu đề đầu tiên." in text
    assert "  # Bảng 2, dòng 4 (sau đoạn 18), dưới tiêu đề '* Nguyên nhân chủ quan'; không khớp" in text
    assert "  # Đoạn 19 của tệp Word, dưới tiêu đề '* Nguyên nhân chủ quan'." in text
    assert text.startswith("# Nhập từ tệp Word 'bao-cao-ba-dinh.docx' ngày 29/11/2026")
    for absent in ("BÁO CÁO", "QUẬN ỦY BA ĐÌNH", "Nơi nhận", "BÍ THƯ", "Nguyễn Văn A"):
        assert absent not in text.split("unit:")[1]
    summary = imported.summary
    assert (summary.in_sections, summary.headings, summary.unplaced) == (8, 6, 3)
    assert (summary.header, summary.closing, summary.figures, summary.rows_unplaced) == (4, 1, 2, 1)


def test_import_then_validate_gives_only_unplaced_errors(tmp_path: Path) -> None:
    write_review(tmp_path, {})
    source = typical_report().save(tmp_path / "bao-cao-ba-dinh.docx")
    result = run("import", source)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "units" / "ba-dinh.yaml").is_file()  # default: units/ beside the plan
    assert "22 đoạn văn: 8 đoạn vào các mục (và 6 tiêu đề mục), 3 đoạn chưa xếp được" in result.stderr
    assert "'.VnTime' đã được chuyển sang Unicode" in result.stderr
    assert "số liệu chưa khớp chỉ tiêu" in result.stderr and "Số xe ô tô" in result.stderr
    checked = run("validate", tmp_path / "units", "--format", "json")
    problems = [p for f in __import__("json").loads(checked.stdout)["files"] for p in f["problems"]]
    assert [p["code"] for p in problems] == ["unplaced"] * 3
    assert "Hãy chuyển ý này vào đúng mục" in problems[0]["message"]


def test_word_list_levels_and_heading_styles_nest(tmp_path: Path) -> None:
    report = WordReport()
    report.header()
    report.para("Kết quả đạt được", level=0)
    report.para("Công tác học tập", level=1)  # '1.' from numbering: a sub-heading
    report.para("Quán triệt đến 100% chi bộ.", level=2)
    report.para("Có 45 hội nghị.", level=3)
    report.para("Đạt yêu cầu.", level=2)
    report.para("Bài học kinh nghiệm", style="Heading 1")
    report.para("Phải sâu sát cơ sở.", style="List Bullet")
    data, _, _ = convert(tmp_path, report)
    assert data["achievements"] == [{"text": "Công tác học tập", "items": [
        {"text": "Quán triệt đến 100% chi bộ.", "items": ["Có 45 hội nghị."]},
        "Đạt yêu cầu.",
    ]}]
    assert data["lessons"] == ["Phải sâu sát cơ sở."]
    assert "unplaced" not in data or data["unplaced"] == []


def test_variants_aliases_and_a_combined_heading(tmp_path: Path) -> None:
    plan = PLAN.replace(
        '  - {key: lessons, title: "Bài học kinh nghiệm", required: false}',
        '  - {key: lessons, title: "Bài học kinh nghiệm", required: false, aliases: ["Những điều rút ra"]}',
    )
    report = WordReport()
    report.header()
    report.para("ƯU ĐIỂM")  # capitals, no number: a heading that holds no numbered one
    report.para("Làm tốt công tác tổ chức.")
    report.para("II. HẠN CHẾ, YẾU KÉM VÀ NGUYÊN NHÂN")
    report.para("Còn hình thức.")
    report.para("1. Nguyên nhân khách quan:")
    report.para("Địa bàn rộng.")
    report.para("2. Chủ quan")
    report.para("Cán bộ thiếu.")
    report.para("III. NHỮNG ĐIỀU RÚT RA")
    report.para("Đoàn kết.")
    data, _, _ = convert(tmp_path, report, plan=plan)
    assert data["shortcomings"] == ["Còn hình thức."]
    assert data["causes"] == {"objective": ["Địa bàn rộng."], "subjective": ["Cán bộ thiếu."]}
    assert data["lessons"] == ["Đoàn kết."]
    assert data["achievements"] == ["Làm tốt công tác tổ chức."]
    assert "unplaced" not in data


def test_an_ambiguous_heading_is_not_guessed(tmp_path: Path) -> None:
    plan = PLAN.replace(
        '  - {key: lessons, title: "Bài học kinh nghiệm", required: false}',
        '  - {key: lessons, title: "Bài học kinh nghiệm", required: false, aliases: ["Tồn tại"]}\n'
        '  - {key: others, title: "Tồn tại", required: false}',
    )
    report = WordReport()
    report.para("I. TỒN TẠI")
    report.para("Chưa kịp thời.")
    data, _, _ = convert(tmp_path, report, plan=plan)
    assert data["unplaced"] == [{"text": "TỒN TẠI", "items": ["Chưa kịp thời."]}]
    assert data["lessons"] == [] and data["others"] == []


def test_text_is_kept_exactly_without_line_breaks_or_soft_hyphens(tmp_path: Path) -> None:
    report = WordReport()
    report.header()
    report.para("I. KẾT QUẢ ĐẠT ĐƯỢC")
    paragraph = report.doc.add_paragraph()
    paragraph.add_run("Triển khai “Học tập và làm theo” Nghị quy")
    paragraph.add_run("\u00adết; ")  # a soft hyphen: only where the line may wrap
    paragraph.add_run("ti\u0301nh").add_break()  # NFD 'tính', then a manual line break
    paragraph.add_run("thần 'đổi mới'.")
    data, _, _ = convert(tmp_path, report)
    assert data["achievements"] == ["Triển khai “Học tập và làm theo” Nghị quyết; tính thần 'đổi mới'."]


def test_legacy_fonts_are_converted_by_font_name(tmp_path: Path) -> None:
    report = WordReport()
    report.para("I. KẾT QUẢ ĐẠT ĐƯỢC", font=".VnTimeH")  # stored 'i. kÕt qu¶ ®¹t ®­îc'
    report.para("Đã tổ chức hội nghị quán triệt.", font=".VnTime")
    report.para("Cấp ủy sâu sát cơ sở.", font="VNI-Times")
    data, text, imported = convert(tmp_path, report)
    assert data["achievements"] == ["Đã tổ chức hội nghị quán triệt.", "Cấp ủy sâu sát cơ sở."]
    assert any("'.VnTime'" in w for w in imported.warnings)
    assert any("'VNI-Times'" in w for w in imported.warnings)
    assert "phông chữ cũ (.VnTimeH, .VnTime, VNI-Times)" in text


def test_figures_by_column_and_unclear_numbers_listed_not_guessed(tmp_path: Path) -> None:
    report = WordReport()
    report.para("I. KẾT QUẢ ĐẠT ĐƯỢC")
    report.para("Tốt.")
    report.table([
        ["Đơn vị", "Số hội nghị", "Tỷ lệ tham gia (%)", "Tổng số đảng viên bị kỷ luật"],
        ["Quận ủy Ba Đình", "1.250", "97,25", "3"],
    ])
    report.table([
        ["Chỉ tiêu", "Số liệu"],
        ["Khiển trách", "1,250"],  # a comma in an integer: one and a quarter, or 1250?
        ["Cảnh cáo", "1"],
    ])
    data, _, imported = convert(tmp_path, report)
    assert data["indicators"] == {"conferences": "1250", "rate": "97,25", "disciplined": "3",
                                  "warned": "1"}
    assert data["unplaced"] == ["Quận ủy Ba Đình", "Khiển trách | 1,250"]
    assert any("'1,250' không đọc được thành số" in row for row in imported.unmatched_figures)


def test_unit_recognised_from_the_header_when_the_file_name_says_nothing(tmp_path: Path) -> None:
    report = WordReport()
    report.header(organ="HUYỆN ỦY SÓC SƠN", place="Sóc Sơn")
    report.para("I. KẾT QUẢ ĐẠT ĐƯỢC")
    report.para("Tốt.")
    data, _, _ = convert(tmp_path, report, name="bao-cao.docx")
    assert data["unit"] == "soc-son"


def test_a_folder_imports_each_file_and_explains_the_one_it_cannot(tmp_path: Path) -> None:
    write_review(tmp_path, {})
    folder = tmp_path / "word"
    folder.mkdir()
    for name, organ in (("bao-cao-hoan-kiem.docx", "QUẬN ỦY HOÀN KIẾM"), ("bc.docx", "CHI BỘ 5")):
        report = WordReport()
        report.header(organ=organ, place="Hà Nội")
        report.para("I. KẾT QUẢ ĐẠT ĐƯỢC")
        report.para("Tốt.")
        report.save(folder / name)
    (folder / "cu.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    result = run("import", folder, "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert (tmp_path / "out" / "hoan-kiem.yaml").is_file()
    assert "bc.docx: Không nhận ra đây là báo cáo của đơn vị nào" in result.stderr
    assert "--don-vi ba-dinh" in result.stderr
    assert "cu.doc: Đây là tệp Word cũ (.doc, Word 97-2003)" in result.stderr
    assert "Đã nhập 1/3 tệp Word." in result.stderr


def test_never_overwrites_without_force_and_never_over_an_input(tmp_path: Path) -> None:
    write_review(tmp_path, {})
    source = typical_report().save(tmp_path / "bao-cao-ba-dinh.docx")
    target = tmp_path / "ba-dinh.yaml"
    target.write_text("cũ", encoding="utf-8")
    result = run("import", source, "-o", target)
    assert result.exit_code == 2
    assert "Tệp đã có nên không ghi đè" in result.stderr and "--force" in result.stderr
    assert target.read_text(encoding="utf-8") == "cũ"
    assert run("import", source, "-o", target, "--force").exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("# Nhập từ tệp Word")
    over_plan = run("import", source, "-o", tmp_path / "plan.yaml", "--force")
    assert over_plan.exit_code == 2 and "trùng với một tệp đầu vào" in over_plan.stderr
    assert (tmp_path / "plan.yaml").read_text(encoding="utf-8") == PLAN


def test_unit_option_is_checked_against_the_plan(tmp_path: Path) -> None:
    write_review(tmp_path, {})
    source = typical_report().save(tmp_path / "x.docx")
    result = run("import", source, "--don-vi", "ba-dinhh")
    assert result.exit_code == 2 and "Có phải là 'ba-dinh'?" in result.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100 + "EncryptionInfo".encode("utf-16-le"),
         "được đặt mật khẩu"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "tệp Word cũ (.doc"),
        (b"%PDF-1.7\n...", "Đây là tệp PDF"),
        (b"PK\x03\x04 broken", "Tệp Word bị hỏng"),
        (b"just text", "Tệp Word bị hỏng"),
    ],
)
def test_files_that_are_not_docx_get_a_message_and_exit_2(
    tmp_path: Path, content: bytes, message: str
) -> None:
    write_review(tmp_path, {})
    (tmp_path / "bao-cao.docx").write_bytes(content)
    result = run("import", tmp_path / "bao-cao.docx", "--don-vi", "ba-dinh")
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_a_zip_that_is_not_word_and_a_part_too_big_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_review(tmp_path, {})
    other = tmp_path / "bang.docx"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("xl/workbook.xml", "<x/>")
    result = run("import", other, "--don-vi", "ba-dinh")
    assert result.exit_code == 2 and "không phải tệp Word (.docx)" in result.stderr
    bomb = tmp_path / "bom.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(package.DOCUMENT_PART, b"<a>" + b" " * 5000 + b"</a>")
    monkeypatch.setattr(package, "MAX_DOCUMENT_BYTES", 1000)
    result = run("import", bomb, "--don-vi", "ba-dinh")
    assert result.exit_code == 2 and "quá lớn" in result.stderr


def test_import_has_vietnamese_help_and_is_in_the_readme() -> None:
    result = run("import", "--help")
    assert result.exit_code == 0
    assert "--don-vi" in result.output and "Chuyển báo cáo Word" in result.output
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    assert "sokket import bao-cao-ba-dinh.docx --don-vi ba-dinh" in readme


def test_causes_split_by_labels_inside_the_paragraphs(tmp_path: Path) -> None:
    report = WordReport()
    report.para("3. Nguyên nhân của hạn chế", bold=True)
    report.para("- Nguyên nhân khách quan: dịch bệnh kéo dài.")
    report.para("+ Thiên tai.")
    report.para("- Chủ quan:")
    report.para("+ Nhận thức chưa đầy đủ.")
    report.para("Một đoạn chung cho cả hai.")
    data, _, _ = convert(tmp_path, report)
    assert data["causes"] == {
        "objective": ["dịch bệnh kéo dài.", "Thiên tai."],
        "subjective": ["Nhận thức chưa đầy đủ.", "Một đoạn chung cho cả hai."],
    }


def test_signature_as_paragraphs_and_an_appendix_after_it(tmp_path: Path) -> None:
    report = WordReport()
    report.header()
    report.para("I. KẾT QUẢ ĐẠT ĐƯỢC")
    report.para("Tốt.")
    report.para("T/M BAN THƯỜNG VỤ", bold=True, centered=True)
    report.para("PHÓ BÍ THƯ", bold=True, centered=True)
    report.para("Trần Văn B", bold=True, centered=True)
    report.para("PHỤ LỤC SỐ LIỆU", bold=True, centered=True)
    report.table([["Chỉ tiêu", "Số lượng"], ["Số hội nghị", "12"], ["Ghi chú khác", "x"]])
    data, _, imported = convert(tmp_path, report)
    assert data["achievements"] == ["Tốt."]
    assert data["indicators"] == {"conferences": "12"}
    assert data["unplaced"] == ["PHỤ LỤC SỐ LIỆU", "Ghi chú khác | x"]
    assert imported.summary.closing == 3


def test_text_boxes_tracked_changes_and_links_are_read_as_shown(tmp_path: Path) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    report = WordReport()
    report.para("I. KẾT QUẢ ĐẠT ĐƯỢC")
    paragraph = report.para("Đã ")
    paragraph._p.append(parse_xml(
        f'<w:ins {nsdecls("w")} w:id="1" w:author="A"><w:r><w:t>thêm </w:t></w:r></w:ins>'))
    paragraph._p.append(parse_xml(
        f'<w:del {nsdecls("w")} w:id="2" w:author="A"><w:r><w:delText>bỏ </w:delText></w:r></w:del>'))
    paragraph._p.append(parse_xml(
        f'<w:hyperlink {nsdecls("w")}><w:r><w:t>liên kết</w:t></w:r></w:hyperlink>'))
    paragraph._p.append(parse_xml(
        f'<w:r {nsdecls("w")}><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml">'
        '<v:textbox><w:txbxContent><w:p><w:r><w:t>Trong hộp chữ.</w:t></w:r></w:p>'
        '</w:txbxContent></v:textbox></v:shape></w:pict></w:r>'))
    data, _, _ = convert(tmp_path, report)
    assert data["achievements"] == ["Đã thêm liên kết", "Trong hộp chữ."]


def test_a_crafted_numbering_start_does_not_expand(tmp_path: Path) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    report = WordReport()
    numbering = report.doc.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="91"><w:lvl w:ilvl="0">'
        '<w:start w:val="999999999999"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/>'
        '</w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(
        f'<w:num {nsdecls("w")} w:numId="91"><w:abstractNumId w:val="91"/></w:num>'))
    paragraph = report.para("Kết quả đạt được")
    paragraph._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="91"/></w:numPr>'))
    report.para("Tốt.")
    data, _, _ = convert(tmp_path, report)
    assert data["achievements"] == ["Tốt."]


def test_a_table_first_is_body_unless_it_reads_like_a_header(tmp_path: Path) -> None:
    report = WordReport()
    report.table([["Nội dung", "Kết quả"], ["Học tập nghị quyết", "Đạt"]])
    report.para("I. KẾT QUẢ ĐẠT ĐƯỢC")
    report.para("Tốt.")
    data, _, imported = convert(tmp_path, report)
    assert data["unplaced"] == ["Nội dung | Kết quả", "Học tập nghị quyết | Đạt"]
    assert imported.summary.header == 0


def test_two_reports_of_one_unit_in_one_run_are_not_both_written(tmp_path: Path) -> None:
    write_review(tmp_path, {})
    folder = tmp_path / "word"
    folder.mkdir()
    for name in ("ba-dinh-1.docx", "ba-dinh-2.docx"):
        report = WordReport()
        report.para("I. KẾT QUẢ ĐẠT ĐƯỢC")
        report.para(f"Từ tệp {name}.")
        report.save(folder / name)
    result = run("import", folder, "--plan", tmp_path / "plan.yaml", "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert "Đây cũng là báo cáo của đơn vị 'ba-dinh', đã nhập từ tệp" in result.stderr
    written = (tmp_path / "out" / "ba-dinh.yaml").read_text(encoding="utf-8")
    assert "Từ tệp ba-dinh-1.docx." in written


def test_an_encrypted_zip_entry_or_broken_deflate_data_exit_2(tmp_path: Path) -> None:
    write_review(tmp_path, {})
    source = typical_report().save(tmp_path / "bao-cao.docx")
    data = bytearray(source.read_bytes())
    central = data.find(b"PK\x01\x02")
    while data[central + 46:central + 46 + len(package.DOCUMENT_PART)] != package.DOCUMENT_PART.encode():
        central = data.find(b"PK\x01\x02", central + 4)
    data[central + 8] |= 1  # the 'encrypted' flag of the document part
    (tmp_path / "mat-khau.docx").write_bytes(bytes(data))
    result = run("import", tmp_path / "mat-khau.docx", "--don-vi", "ba-dinh")
    assert result.exit_code == 2 and "được đặt mật khẩu" in result.stderr
    data = bytearray(source.read_bytes())
    with zipfile.ZipFile(source) as archive:
        entry = archive.getinfo(package.DOCUMENT_PART)
    start = entry.header_offset + 30 + len(entry.filename) + len(entry.extra)
    data[start:start + 40] = b"\xff" * 40  # the compressed text itself is damaged
    (tmp_path / "hong.docx").write_bytes(bytes(data))
    result = run("import", tmp_path / "hong.docx", "--don-vi", "ba-dinh")
    assert result.exit_code == 2 and "Tệp Word bị hỏng" in result.stderr


def test_the_receiver_named_in_the_header_is_not_taken_for_the_writer(tmp_path: Path) -> None:
    report = WordReport()
    report.para("HUYỆN ỦY SÓC SƠN", centered=True)
    report.para("Kính gửi: Ban Tổ chức Thành ủy", centered=True)
    report.para("BÁO CÁO", bold=True, centered=True)
    report.para("I. KẾT QUẢ ĐẠT ĐƯỢC")
    report.para("Tốt.")
    plan = PLAN.replace(
        '  - {id: soc-son, name: "Huyện ủy Sóc Sơn", group: "Các huyện ủy"}',
        '  - {id: soc-son, name: "Huyện ủy Sóc Sơn", group: "Các huyện ủy"}\n'
        '  - {id: ban-to-chuc, name: "Ban Tổ chức Thành ủy", group: "Các ban"}',
    )
    data, _, _ = convert(tmp_path, report, name="bc.docx", plan=plan)
    assert data["unit"] == "soc-son"


def test_without_a_header_block_short_first_lines_stay_in_the_body(tmp_path: Path) -> None:
    report = WordReport()
    report.para("Công tác tuyên truyền")
    report.para("TÌNH HÌNH CHUNG")
    report.para("I. KẾT QUẢ ĐẠT ĐƯỢC")
    report.para("Tốt.")
    data, _, imported = convert(tmp_path, report)
    assert data["unplaced"] == ["Công tác tuyên truyền", "TÌNH HÌNH CHUNG"]
    assert imported.summary.header == 0


def test_numbered_sub_headings_stay_inside_styled_and_capital_headings(tmp_path: Path) -> None:
    report = WordReport()
    report.para("Kết quả đạt được", style="Heading 2")
    report.para("Công tác một", style="List Number")  # Word shows '1.'
    report.para("Chi tiết một.", style="List Bullet")
    report.para("Công tác hai", style="List Number")  # '2.'
    report.para("HẠN CHẾ, YẾU KÉM")  # capitals, no number
    report.para("1. Về học tập")
    report.para("Còn hình thức.")
    data, _, _ = convert(tmp_path, report)
    assert data["achievements"] == [
        {"text": "Công tác một", "items": ["Chi tiết một."]},
        "Công tác hai",
    ]
    assert data["shortcomings"] == [{"text": "Về học tập", "items": ["Còn hình thức."]}]
    assert "unplaced" not in data


def test_a_legacy_font_set_once_in_the_normal_style_is_converted(tmp_path: Path) -> None:
    from sokket_cli.intake.legacy import from_unicode

    report = WordReport()
    report.doc.styles["Normal"].font.name = ".VnTime"
    report.para(from_unicode("I. KẾT QUẢ ĐẠT ĐƯỢC", "tcvn3"))
    report.para(from_unicode("Đã tổ chức hội nghị quán triệt.", "tcvn3"))
    data, _, imported = convert(tmp_path, report)
    assert data["achievements"] == ["Đã tổ chức hội nghị quán triệt."]
    assert imported.warnings and "'.VnTime'" in imported.warnings[0]
