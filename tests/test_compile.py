"""``sokket compile``: exit codes, messages, and the merged draft read back from the .docx."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from helpers import PLAN, VALID_UNIT, write_review
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from sokket_cli.check.collect import collect
from sokket_cli.check.plan import read_plan
from sokket_cli.check.unit import Item, UnitFile
from sokket_cli.cli import app
from sokket_cli.intake.discovery import gather
from sokket_cli.merge.outline import Entry, merge
from sokket_cli.problems import FileReport
from sokket_cli.render.filters import ends_sentence, letter, long_date, roman, short_date
from sokket_cli.render.report import write_report
from sokket_cli.render.sandbox import builtin_templates

runner = CliRunner()
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "so-ket-nq4"

HOAN_KIEM = VALID_UNIT.replace("unit: ba-dinh", "unit: hoan-kiem").replace(
    '- "Đã tổ chức 45 hội nghị quán triệt."', '- "Tổ chức 3 hội nghị chuyên đề."'
)


def run(*args: str | Path):  # type: ignore[no-untyped-def]
    return runner.invoke(app, [str(a) for a in args])


def body_texts(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs]


def entry_lines(path: Path) -> list[str]:
    return [t for t in body_texts(path) if t.startswith(("- ", "+ "))]


def digest(folder: Path) -> dict[str, str]:
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


# --- success -----------------------------------------------------------------------------------


def test_compile_writes_the_draft_and_says_where_and_how_many(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT, "hoan-kiem.yaml": HOAN_KIEM})
    before = digest(tmp_path)
    out = tmp_path / "bao-cao.docx"
    result = run("compile", units, "-o", out)
    assert result.exit_code == 0, result.output
    assert "bao-cao.docx" in result.stdout
    assert "tổng hợp 2/3 đơn vị, 1 chưa gửi, 0 bị bỏ qua" in result.stdout
    lines = entry_lines(out)
    assert lines == [  # by point: shared by more units first; the count before the names
        "- Công tác kiểm tra được tăng cường (2 đơn vị: Quận ủy Ba Đình, Quận ủy Hoàn Kiếm):",
        "+ Kiểm tra 12 tổ chức đảng.",
        "- Đã tổ chức 45 hội nghị quán triệt. (Quận ủy Ba Đình)",
        "- Tổ chức 3 hội nghị chuyên đề. (Quận ủy Hoàn Kiếm)",
        "- Một số cấp ủy chưa sâu sát. (2 đơn vị: Quận ủy Ba Đình, Quận ủy Hoàn Kiếm)",
        "- Dịch Covid-19 kéo dài. (2 đơn vị: Quận ủy Ba Đình, Quận ủy Hoàn Kiếm)",
        "- Nhận thức của một bộ phận cán bộ chưa đầy đủ. (2 đơn vị: Quận ủy Ba Đình, Quận ủy Hoàn Kiếm)",
    ]
    texts = body_texts(out)
    assert "Còn 1 đơn vị chưa gửi báo cáo: Huyện ủy Sóc Sơn." in texts
    assert "Chưa có đơn vị nào báo cáo nội dung này." in texts  # the optional 'lessons' section
    headings = [t for t in texts if t[:3] in ("I. ", "II.", "III", "IV.") or t[:2] in ("1.", "2.")]
    assert headings == [
        "I. KẾT QUẢ ĐẠT ĐƯỢC", "II. HẠN CHẾ, YẾU KÉM", "III. NGUYÊN NHÂN",
        "1. Nguyên nhân khách quan", "2. Nguyên nhân chủ quan", "IV. BÀI HỌC KINH NGHIỆM",
    ]
    assert digest(tmp_path) == {**before, str(out): digest(tmp_path)[str(out)]}  # inputs untouched


def test_default_output_is_in_the_current_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "review").mkdir()
    units = write_review(tmp_path / "review", {"ba-dinh.yaml": VALID_UNIT})
    monkeypatch.chdir(tmp_path)
    assert run("compile", units).exit_code == 0
    assert (tmp_path / "bao-cao-tong-hop.docx").is_file()


def test_sub_items_are_indented_one_level_per_depth(tmp_path: Path) -> None:
    deep = VALID_UNIT.replace(
        '      - "Kiểm tra 12 tổ chức đảng."',
        '      - text: "Kiểm tra 12 tổ chức đảng:"\n        items:\n          - "Trong đó 3 chi bộ."',
    )
    units = write_review(tmp_path, {"ba-dinh.yaml": deep})
    out = tmp_path / "o.docx"
    assert run("compile", units, "-o", out).exit_code == 0
    paragraphs = {p.text: p for p in docx.Document(str(out)).paragraphs}
    indents = [
        paragraphs[t].paragraph_format.left_indent
        for t in ("+ Kiểm tra 12 tổ chức đảng:", "+ Trong đó 3 chi bộ.")
    ]
    assert [round(i.mm) for i in indents] == [10, 20]
    assert paragraphs["+ Kiểm tra 12 tổ chức đảng:"].style.name == "Báo cáo - Gạch đầu dòng"


# --- refusals ------------------------------------------------------------------------------------


def test_invalid_file_refuses_and_leaves_the_old_output_byte_for_byte(tmp_path: Path) -> None:
    broken = HOAN_KIEM.replace("conferences: 45", "conferences: 1.000")
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT, "hoan-kiem.yaml": broken})
    out = tmp_path / "bao-cao.docx"
    out.write_bytes(b"the draft from yesterday")
    result = run("compile", units, "-o", out)
    assert result.exit_code == 1
    assert "hoan-kiem.yaml:16:16: error[bad-number]" in result.output
    assert "không có tệp nào được ghi" in result.output and "--skip-invalid" in result.output
    assert out.read_bytes() == b"the draft from yesterday"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bao-cao.docx", "plan.yaml", "units"]


def test_duplicate_unit_files_refuse(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"a.yaml": VALID_UNIT, "b.yaml": VALID_UNIT})
    result = run("compile", units, "-o", tmp_path / "o.docx")
    assert result.exit_code == 1
    assert result.output.count("error[duplicate-unit]") == 2
    assert not (tmp_path / "o.docx").exists()


def test_skip_invalid_names_the_skipped_unit_in_the_draft_and_terminal(tmp_path: Path) -> None:
    broken = HOAN_KIEM.replace("conferences: 45", "conferences: 1.000")
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT, "hoan-kiem.yaml": broken})
    out = tmp_path / "o.docx"
    result = run("compile", units, "-o", out, "--skip-invalid")
    assert result.exit_code == 0, result.output
    assert "tổng hợp 1/3 đơn vị, 1 chưa gửi, 1 bị bỏ qua" in result.stdout
    assert "Bỏ qua units/hoan-kiem.yaml" in result.output or "hoan-kiem.yaml: 1 lỗi" in result.output
    texts = body_texts(out)
    assert any("còn lỗi nên chưa được tổng hợp: Quận ủy Hoàn Kiếm." in t for t in texts)
    assert not any("Tổ chức 3 hội nghị chuyên đề." in t for t in texts)
    assert "- Công tác kiểm tra được tăng cường (Quận ủy Ba Đình):" in texts


def test_require_all_refuses_when_units_are_missing(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT})
    result = run("compile", units, "-o", tmp_path / "o.docx", "--require-all")
    assert result.exit_code == 1
    assert "Còn 2 đơn vị chưa gửi báo cáo: Quận ủy Hoàn Kiếm, Huyện ủy Sóc Sơn." in result.output
    assert not (tmp_path / "o.docx").exists()


def test_require_all_passes_when_everyone_reported(tmp_path: Path) -> None:
    soc_son = VALID_UNIT.replace("unit: ba-dinh", "unit: soc-son")
    units = write_review(tmp_path, {"a.yaml": VALID_UNIT, "b.yaml": HOAN_KIEM, "c.yaml": soc_son})
    out = tmp_path / "o.docx"
    assert run("compile", units, "-o", out, "--require-all").exit_code == 0
    assert any(t.startswith("Tất cả 3/3 đơn vị đã gửi báo cáo") for t in body_texts(out))


def test_unwritable_output_exits_2_with_a_vietnamese_message(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT})
    result = run("compile", units, "-o", tmp_path / "khong-co" / "o.docx")
    assert result.exit_code == 2
    assert "Không ghi được tệp kết quả" in result.output
    assert "Traceback" not in result.output


def test_output_may_not_overwrite_an_input(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT})
    before = (units / "ba-dinh.yaml").read_bytes()
    result = run("compile", units, "-o", units / "ba-dinh.yaml")
    assert result.exit_code == 2
    assert (units / "ba-dinh.yaml").read_bytes() == before


# --- templates ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("{{ report.title }}", "{{ report.title "), "dang.xml.j2:"),
        (("{{ report.title }}", "{{ report.tittle }}"), "tittle"),
        (('<p align="center" bold="true" size="13" space-before="12pt">DỰ THẢO</p>', "<para>DỰ THẢO</para>"), "<para>"),
        (('size="13" space-before="12pt">DỰ THẢO', 'size="13" colour="red">DỰ THẢO'), "colour"),
    ],
)
def test_broken_template_exits_2_naming_the_template(
    tmp_path: Path, change: tuple[str, str], expected: str
) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT})
    template = tmp_path / "dang.xml.j2"
    source = (builtin_templates() / "dang.xml.j2").read_text(encoding="utf-8")
    assert change[0] in source
    template.write_text(source.replace(change[0], change[1], 1), encoding="utf-8")
    out = tmp_path / "o.docx"
    out.write_bytes(b"old")
    result = run("compile", units, "-o", out, "--template", template)
    assert result.exit_code == 2, result.output
    assert expected in result.output
    assert "dang.xml.j2" in result.output
    assert out.read_bytes() == b"old"


def test_undefined_name_points_at_the_template_line(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT})
    template = tmp_path / "mau.xml.j2"
    template.write_text('<document>\n<p>x</p>\n<p>{{ nothing.here }}</p>\n</document>\n', encoding="utf-8")
    result = run("compile", units, "-o", tmp_path / "o.docx", "--template", template)
    assert result.exit_code == 2
    assert "mau.xml.j2:3:" in result.output and "nothing" in result.output


def test_a_copied_template_changes_wording_and_margins_without_python(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT})
    source = (builtin_templates() / "dang.xml.j2").read_text(encoding="utf-8")
    template = tmp_path / "mau" / "cua-toi.xml.j2"
    template.parent.mkdir()
    template.write_text(
        source.replace(">DỰ THẢO<", ">BẢN LẤY Ý KIẾN<").replace('margin-left="30mm"', 'margin-left="35mm"'),
        encoding="utf-8",
    )
    out = tmp_path / "o.docx"
    assert run("compile", units, "-o", out, "--template", template).exit_code == 0
    document = docx.Document(str(out))
    assert "BẢN LẤY Ý KIẾN" in [p.text for p in document.paragraphs]
    assert round(document.sections[0].left_margin.mm) == 35


def test_missing_template_file_exits_2(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT})
    result = run("compile", units, "-o", tmp_path / "o.docx", "--template", tmp_path / "khong.xml.j2")
    assert result.exit_code == 2
    assert "Không tìm thấy tệp mẫu" in result.output


# --- dates --------------------------------------------------------------------------------------


def _date_line(path: Path) -> str:
    table = docx.Document(str(path)).tables[0]
    return table.rows[0].cells[1].paragraphs[1].text


@pytest.mark.parametrize(
    ("given_date", "expected"),
    [
        (None, "Hà Nội, ngày   tháng   năm 2021"),
        ("2021-07-02", "Hà Nội, ngày 02 tháng 7 năm 2021"),
        ("2/7/2021", "Hà Nội, ngày 02 tháng 7 năm 2021"),
        ("15/12/2021", "Hà Nội, ngày 15 tháng 12 năm 2021"),
        ("2022-02-05", "Hà Nội, ngày 05 tháng 02 năm 2022"),
    ],
)
def test_date_on_the_report(tmp_path: Path, given_date: str | None, expected: str) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT})
    out = tmp_path / "o.docx"
    args = ["compile", units, "-o", out] + (["--date", given_date] if given_date else [])
    assert run(*args).exit_code == 0
    assert _date_line(out) == expected


@pytest.mark.parametrize("bad", ["31/2/2021", "hôm nay", "2021/07/02"])
def test_bad_date_is_a_usage_error(tmp_path: Path, bad: str) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT})
    result = run("compile", units, "-o", tmp_path / "o.docx", "--date", bad)
    assert result.exit_code == 2
    assert "--date" in result.output


def test_date_helpers() -> None:
    assert short_date(date(2021, 6, 8)) == "08/6/2021"
    assert short_date(date(2021, 2, 28)) == "28/02/2021"
    assert long_date(None, 2021) == "ngày   tháng   năm 2021"
    assert [roman(n) for n in (1, 4, 9, 14, 40)] == ["I", "IV", "IX", "XIV", "XL"]
    assert [letter(n) for n in (1, 4, 5, 6, 7, 23, 24)] == ["a", "d", "đ", "e", "g", "y", "aa"]


# --- special characters -------------------------------------------------------------------------


def test_special_characters_and_template_syntax_in_unit_text_come_out_literally(tmp_path: Path) -> None:
    tricky = 'Chi phí < 5 triệu & tăng 10% so với "năm trước", \'đạt\' {{ x }} {% if %} <b>đậm</b>'
    unit = VALID_UNIT.replace('"Đã tổ chức 45 hội nghị quán triệt."', "'" + tricky.replace("'", "''") + "'")
    units = write_review(tmp_path, {"ba-dinh.yaml": unit})
    out = tmp_path / "o.docx"
    assert run("compile", units, "-o", out).exit_code == 0, "compile failed"
    assert f"- {tricky} (Quận ủy Ba Đình)." in body_texts(out)


_TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from("<&>\"'{}%#\\ \u00a0ắẶđĐơƯ"),
        st.characters(categories=("L", "M", "N", "P", "S", "Zs")),
    ),
    min_size=1,
    max_size=60,
).filter(lambda s: s.strip() != "")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_TEXT, child=_TEXT)
def test_any_item_text_survives_into_the_document(tmp_path: Path, text: str, child: str) -> None:
    plan_path = tmp_path / "plan.yaml"
    plan_path.write_text(PLAN, encoding="utf-8")
    plan = read_plan(plan_path)
    unit = UnitFile(Path("x.yaml"), FileReport(Path("x.yaml")), "soc-son")
    unit.content["achievements"] = (Item(text, (Item(child),)),)
    out = tmp_path / "p.docx"
    write_report(merge(plan, [unit]), out)
    lines = entry_lines(out)
    head = text.rstrip()
    if head.endswith(":"):  # the attribution stands before the colon that leads to sub-items
        assert lines[0] == f"- {head[:-1].rstrip()} (Huyện ủy Sóc Sơn):"
    else:
        assert lines[0] in (f"- {text} (Huyện ủy Sóc Sơn)", f"- {text} (Huyện ủy Sóc Sơn).")
    assert lines[1] == f"+ {child}"


# --- the example review folder ------------------------------------------------------------------


def _walk(items: tuple[Item, ...] | tuple[Entry, ...], depth: int = 1) -> Iterator[tuple[str, int]]:
    for item in items:
        yield item.text, depth
        yield from _walk(item.items, depth + 1)


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The example compiled once, from a copy so concurrent edits cannot race the test."""
    root = tmp_path_factory.mktemp("example")
    shutil.copytree(EXAMPLE, root / "so-ket-nq4", ignore=shutil.ignore_patterns("mau-co-loi"))
    out = root / "bao-cao.docx"
    result = run("compile", root / "so-ket-nq4" / "units", "-o", out, "--skip-invalid")
    assert result.exit_code == 0, result.output
    return root / "so-ket-nq4", out


def test_example_header_block(example: tuple[Path, Path]) -> None:
    folder, out = example
    plan = read_plan(folder / "plan.yaml")
    document = docx.Document(str(out))
    left, right = document.tables[0].rows[0].cells
    assert [p.text for p in left.paragraphs] == [plan.report.parent_organ, plan.report.organ, "*", "Số    -BC/TU"]
    assert left.paragraphs[1].runs[0].bold and not left.paragraphs[0].runs[0].bold
    title = right.paragraphs[0]
    assert title.text == "ĐẢNG CỘNG SẢN VIỆT NAM" and title.runs[0].bold and title.runs[0].font.size.pt == 15
    assert title._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom")).get(qn("w:val")) == "single"
    assert right.paragraphs[1].text == "Hà Nội, ngày   tháng   năm 2021" and right.paragraphs[1].runs[0].italic
    borders = document.tables[0]._tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} == {"nil"}
    texts = [p.text for p in document.paragraphs]
    assert texts[:3] == ["DỰ THẢO", "BÁO CÁO", plan.report.summary]
    opening = texts[4]
    assert opening.startswith("Thực hiện Kế hoạch số 30-KH/TU ngày 08/6/2021 của Ban Thường vụ Thành ủy về sơ kết")


def test_example_has_every_item_of_every_unit_once_per_entry(example: tuple[Path, Path]) -> None:
    folder, out = example
    plan = read_plan(folder / "plan.yaml")
    collection = collect(plan, gather([folder / "units"]).units)
    valid = [f for f in collection.by_unit.values() if f.valid]
    assert len(valid) >= 14
    merged = merge(plan, valid)
    expected: list[str] = []
    for section in merged.sections:
        for points in [section.points, *(p.points for p in section.parts)]:
            for point in points:
                names = ", ".join(u.name for u in point.units)
                count = f"{len(point.units)} đơn vị: " if len(point.units) > 1 else ""
                first = point.variants[0]
                head = first.text.rstrip()
                if head.endswith(":"):
                    expected.append(f"- {head[:-1].rstrip()} ({count}{names}):")
                else:
                    expected.append(f"- {first.text} ({count}{names}){'' if ends_sentence(first.text) else '.'}")
                for variant in point.variants:  # each wording's sub-items, under it
                    expected.extend(f"+ {text}" for text, _ in _walk(variant.items, 2))
    lines = entry_lines(out)
    assert lines == expected
    missing = next(t for t in body_texts(out) if t.startswith("Còn "))
    assert missing == f"Còn {len(merged.missing)} đơn vị chưa gửi báo cáo: {', '.join(u.name for u in merged.missing)}."
    # independently of merge(): every item a unit wrote is in the document, as a point's
    # wording or as another wording under it
    joined = "\n".join(body_texts(out))
    for unit_file in valid:
        for items in unit_file.content.values():
            for text, depth in _walk(items):
                head = text.rstrip().removesuffix(":").rstrip()
                assert (head if depth == 1 else f"+ {text}") in joined, text


def test_example_attributes_a_shared_item_to_all_its_units(example: tuple[Path, Path]) -> None:
    _, out = example
    shared = [line for line in entry_lines(out) if line.count("Quận ủy") + line.count("Huyện ủy") + line.count("Đảng ủy") >= 2 and line.endswith(")")]
    assert any(line.endswith(", Huyện ủy Đông Anh, Huyện ủy Thanh Trì)") for line in shared)


def test_example_styles_fonts_and_page(example: tuple[Path, Path]) -> None:
    _, out = example
    document = docx.Document(str(out))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert [round(m.mm) for m in (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)] == [20, 20, 30, 15]
    assert section.different_first_page_header_footer
    assert [e.text for e in section.header._element.iter(qn("w:instrText"))] == [" PAGE "]
    for rfonts in document.styles.element.iter(qn("w:rFonts")):
        assert {rfonts.get(qn(f"w:{s}")) for s in ("ascii", "hAnsi", "eastAsia", "cs")} == {"Times New Roman"}
        assert not [a for a in rfonts.attrib if "heme" in a]
    body = next(p for p in document.paragraphs if p.text.startswith("Thực hiện Kế hoạch"))
    assert body.style.name == "Báo cáo - Nội dung"
    assert body.style.paragraph_format.alignment == 3  # justify
    assert round(body.style.paragraph_format.first_line_indent.mm) == 10
    assert document.styles["Normal"].font.size.pt == 14


def test_example_signature_block(example: tuple[Path, Path]) -> None:
    folder, out = example
    plan = read_plan(folder / "plan.yaml")
    signature = next(t for t in docx.Document(str(out)).tables if t.rows[0].cells[0].text.startswith("Nơi nhận:"))
    left, right = signature.rows[0].cells
    assert left.paragraphs[0].text == "Nơi nhận:" and left.paragraphs[0].runs[0].underline
    assert [p.text for p in left.paragraphs[1:]] == [f"- {r}" for r in plan.report.recipients]
    assert [p.text for p in right.paragraphs if p.text] == ["T/M BAN THƯỜNG VỤ", "BÍ THƯ"]
    assert right.paragraphs[0].runs[0].bold


def test_nha_nuoc_format(tmp_path: Path) -> None:
    plan = PLAN.replace("format: dang", "format: nha-nuoc").replace('number: "-BC/TU"', 'number: "/BC-UBND"')
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT}, plan=plan)
    out = tmp_path / "o.docx"
    assert run("compile", units, "-o", out).exit_code == 0
    document = docx.Document(str(out))
    left, right = document.tables[0].rows[0].cells
    assert [p.text for p in right.paragraphs][:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert left.paragraphs[-1].text == "Số:    /BC-UBND"
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" not in [p.text for p in right.paragraphs]
    assert "- Đã tổ chức 45 hội nghị quán triệt. (Quận ủy Ba Đình)" in body_texts(out)


def test_template_saved_by_notepad_with_a_bom_and_crlf_works(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT})
    source = (builtin_templates() / "dang.xml.j2").read_text(encoding="utf-8")
    template = tmp_path / "mau.xml.j2"
    template.write_bytes(b"\xef\xbb\xbf" + source.replace("\n", "\r\n").encode("utf-8"))
    out = tmp_path / "o.docx"
    result = run("compile", units, "-o", out, "--template", template)
    assert result.exit_code == 0, result.output
    assert "- Đã tổ chức 45 hội nghị quán triệt. (Quận ủy Ba Đình)" in body_texts(out)


def test_the_sandbox_refuses_python_internals_in_a_template(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT})
    template = tmp_path / "mau.xml.j2"
    template.write_text("<document><p>{{ plan.__class__.__init__.__globals__ }}</p></document>", encoding="utf-8")
    result = run("compile", units, "-o", tmp_path / "o.docx", "--template", template)
    assert result.exit_code == 2
    assert "mau.xml.j2" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "o.docx").exists()
