"""Proposals for commendation in what compile writes (issue 13): the compiled list, the .docx
appendix and count line read back with python-docx, the Excel sheet with openpyxl, the JSON,
and the shared proposals compile prints."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from pathlib import Path

import docx
import openpyxl
import pytest
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.table import Table
from docx.text.paragraph import Paragraph
from helpers import BANG_KHEN, COMMENDATIONS_PLAN, GIAY_KHEN, PLAN, VALID_UNIT, write_review
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from sokket_cli.check.commendations import Proposal, ProposalList
from sokket_cli.check.plan import Plan, read_plan
from sokket_cli.check.unitformat import COLLECTIVE, INDIVIDUAL
from sokket_cli.cli import app
from sokket_cli.merge.commendations import compile_commendations, proposer_label
from sokket_cli.merge.outline import merge
from sokket_cli.render.context import PLAIN_TYPES, template_context
from sokket_cli.render.report import write_report

runner = CliRunner()
NAME_HEADER = "Tên tập thể / Họ và tên"


def person(name: str, form: str = GIAY_KHEN, year: int | None = None) -> str:
    born = f"    birth_year: {year}\n    gender: nữ\n" if year else ""
    return (
        f'  - kind: ca-nhan\n    name: "{name}"\n    position: "Bí thư chi bộ"\n{born}'
        f'    form: "{form}"\n    achievement: "Hoàn thành xuất sắc nhiệm vụ."\n'
    )


def collective(name: str, form: str = GIAY_KHEN) -> str:
    return (
        f'  - kind: tap-the\n    name: "{name}"\n    form: "{form}"\n'
        '    achievement: "5 năm liền trong sạch, vững mạnh."\n'
    )


def unit(unit_id: str, entries: str) -> str:
    return VALID_UNIT.replace("unit: ba-dinh", f"unit: {unit_id}") + "commendations:\n" + entries


# Sóc Sơn is last in the plan but its file sorts first: the list must follow the plan.
UNITS = {
    "a-soc-son.yaml": unit("soc-son", person("Lê Văn Sóc", BANG_KHEN) + collective("Xã Minh Trí", BANG_KHEN)),
    "b-ba-dinh.yaml": unit(
        "ba-dinh",
        person("Trần Thị Mai", year=1980) + collective("Phường Kim Mã") + collective("Phường Ngọc Hà", BANG_KHEN),
    ),
    "c-hoan-kiem.yaml": unit("hoan-kiem", person("Trần Thị Mai", year=1980) + person("Ngô Văn Hải")),
}


def body_blocks(document: Document) -> Iterator[Paragraph | Table]:
    for child in document.element.body.iterchildren():
        if child.tag.endswith("}p"):
            yield Paragraph(child, document)
        elif child.tag.endswith("}tbl"):
            yield Table(child, document)


def proposal_tables(document: Document) -> list[tuple[str, Table]]:
    """Each appendix table with the heading above it."""
    found, heading = [], ""
    for block in body_blocks(document):
        if isinstance(block, Paragraph):
            heading = block.text or heading
        elif len(block.columns) == 5 and block.rows[0].cells[1].text == NAME_HEADER:
            found.append((heading, block))
    return found


def table_rows(table: Table) -> list[tuple[str, list[str]]]:
    """(the unit sub-heading above, the row's cells) for each proposal row."""
    rows, current = [], ""
    for row in table.rows[1:]:
        cells = [cell.text for cell in row.cells]
        if len(set(cells)) == 1:  # one cell spanning the row: a unit's name
            current = cells[0]
        else:
            rows.append((current, cells))
    return rows


def compile_docx(tmp_path: Path, units: dict[str, str], plan: str = COMMENDATIONS_PLAN, *args: str) -> Path:
    folder = write_review(tmp_path, units, plan)
    out = tmp_path / "r.docx"
    result = runner.invoke(app, ["compile", str(folder), "-o", str(out), *args])
    assert result.exit_code == 0, result.output
    return out


def fresh(folder: Path) -> Path:
    folder.mkdir()
    return folder


def the_plan(tmp_path: Path, text: str = COMMENDATIONS_PLAN) -> Plan:
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return read_plan(path)


# -- the compiled list ---------------------------------------------------------------------------


def make(kind: str, name: str, form: str, line: int) -> Proposal:
    return Proposal(kind, name, form, "Thành tích.", "Chức vụ" if kind == INDIVIDUAL else "", line=line)


def test_list_is_by_form_then_unit_in_plan_order_collectives_first(tmp_path: Path) -> None:
    plan = the_plan(tmp_path)
    lists = {
        "soc-son": ProposalList((make(INDIVIDUAL, "Sóc", GIAY_KHEN, 1),)),
        "ba-dinh": ProposalList((
            make(INDIVIDUAL, "Mai", GIAY_KHEN, 1),
            make(COLLECTIVE, "Kim Mã", GIAY_KHEN, 2),
            make(COLLECTIVE, "Ngọc Hà", BANG_KHEN, 3),
        )),
    }
    compiled = compile_commendations(plan, lists)
    assert compiled is not None
    assert [t.form for t in compiled.forms] == [BANG_KHEN, GIAY_KHEN]  # the plan's order
    giay = compiled.forms[1]
    assert [g.unit.id for g in giay.units] == ["ba-dinh", "soc-son"]
    assert [(r.number, r.proposal.name) for g in giay.units for r in g.rows] == [
        (1, "Kim Mã"), (2, "Mai"), (3, "Sóc")
    ]
    assert [(r.number, r.proposal.name) for g in compiled.forms[0].units for r in g.rows] == [(1, "Ngọc Hà")]
    assert (giay.counts.collectives, giay.counts.individuals) == (1, 2)
    assert (compiled.counts.collectives, compiled.counts.individuals, compiled.units) == (2, 2, 2)
    assert compiled.counts.text() == "2 tập thể, 2 cá nhân"
    assert compiled.forms[0].counts.text() == "1 tập thể"


def test_no_block_no_list_and_the_label_is_the_unit(tmp_path: Path) -> None:
    assert compile_commendations(the_plan(tmp_path, PLAN), {}) is None
    assert proposer_label("Quận ủy Ba Đình", make(COLLECTIVE, "X", GIAY_KHEN, 1)) == "Quận ủy Ba Đình"


def test_context_carries_the_list_as_plain_data(tmp_path: Path) -> None:
    plan = the_plan(tmp_path)
    lists = {"ba-dinh": ProposalList((make(INDIVIDUAL, "Mai", GIAY_KHEN, 1), make(INDIVIDUAL, "Mai", GIAY_KHEN, 2)))}
    data = template_context(merge(plan, []), None, commendations=compile_commendations(plan, lists))

    def walk(value: object) -> None:
        assert type(value) in PLAIN_TYPES, type(value)
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, (list, tuple)):
            for item in value:
                walk(item)

    walk(data)
    assert data["commendations"]["text"] == "2 cá nhân"
    assert template_context(merge(the_plan(tmp_path, PLAN), []), None)["commendations"] is None


# -- the .docx -----------------------------------------------------------------------------------


@pytest.mark.parametrize("form", ["dang", "nha-nuoc"])
def test_appendix_lists_every_proposal_in_its_form_table_grouped_by_unit(tmp_path: Path, form: str) -> None:
    out = compile_docx(tmp_path, UNITS, COMMENDATIONS_PLAN.replace("format: dang", f"format: {form}"))
    document = docx.Document(str(out))
    tables = proposal_tables(document)
    assert [heading for heading, _ in tables] == [
        f"I. {BANG_KHEN.upper()} (2 tập thể, 1 cá nhân)",
        f"II. {GIAY_KHEN.upper()} (1 tập thể, 3 cá nhân)",
    ]
    bang, giay = (table_rows(table) for _, table in tables)
    assert [(u, c[0], c[1], c[4]) for u, c in bang] == [
        ("Quận ủy Ba Đình (1 đề nghị)", "1", "Phường Ngọc Hà", "Quận ủy Ba Đình"),
        ("Huyện ủy Sóc Sơn (2 đề nghị)", "2", "Xã Minh Trí", "Huyện ủy Sóc Sơn"),
        ("Huyện ủy Sóc Sơn (2 đề nghị)", "3", "Lê Văn Sóc", "Huyện ủy Sóc Sơn"),
    ]
    assert [(u.split(" (")[0], c[0], c[1].split("\n")[0]) for u, c in giay] == [
        ("Quận ủy Ba Đình", "1", "Phường Kim Mã"),
        ("Quận ủy Ba Đình", "2", "Trần Thị Mai"),
        ("Quận ủy Hoàn Kiếm", "3", "Trần Thị Mai"),
        ("Quận ủy Hoàn Kiếm", "4", "Ngô Văn Hải"),
    ]
    mai = giay[1][1]
    assert "Nữ, sinh năm 1980" in mai[1] and "Trùng với đề nghị của Quận ủy Hoàn Kiếm" in mai[1]
    assert mai[2] == "Bí thư chi bộ" and mai[3] == "Hoàn thành xuất sắc nhiệm vụ."
    assert giay[0][1][2] == "Tập thể"  # a collective has no position of its own
    header = tables[0][1].rows[0]
    assert [c.text for c in header.cells] == ["STT", NAME_HEADER, "Chức vụ, đơn vị", "Thành tích", "Đơn vị đề nghị"]
    assert header._tr.trPr.xpath("./w:tblHeader")  # repeated on every page the table runs to
    assert document.sections[-1].orientation == WD_ORIENT.LANDSCAPE


def test_count_line_closes_the_body_before_the_signature(tmp_path: Path) -> None:
    document = docx.Document(str(compile_docx(tmp_path, UNITS)))
    texts = [p.text for p in document.paragraphs]
    heading = texts.index("V. ĐỀ NGHỊ KHEN THƯỞNG")  # after the plan's four sections
    assert texts[heading + 1] == (
        "Các đơn vị đề nghị khen thưởng 3 tập thể, 4 cá nhân (3 đơn vị có đề nghị), trong đó: "
        f"{BANG_KHEN}: 2 tập thể, 1 cá nhân; {GIAY_KHEN}: 1 tập thể, 3 cá nhân (danh sách tại Phụ lục)."
    )
    blocks = [b.text if isinstance(b, Paragraph) else b.rows[0].cells[0].text for b in body_blocks(document)]
    signature = next(i for i, text in enumerate(blocks) if text.startswith("Nơi nhận:"))
    appendix = blocks.index("DANH SÁCH TẬP THỂ, CÁ NHÂN ĐỀ NGHỊ KHEN THƯỞNG")
    assert blocks.index("V. ĐỀ NGHỊ KHEN THƯỞNG") < signature < appendix


def test_no_block_means_no_count_line_and_no_appendix(tmp_path: Path) -> None:
    document = docx.Document(str(compile_docx(tmp_path, {"a.yaml": VALID_UNIT}, PLAN)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "khen thưởng" not in text.lower()
    assert proposal_tables(document) == []


def test_block_without_proposals_says_so_and_has_no_appendix(tmp_path: Path) -> None:
    document = docx.Document(str(compile_docx(tmp_path, {"a.yaml": VALID_UNIT})))
    texts = [p.text for p in document.paragraphs]
    assert texts[texts.index("V. ĐỀ NGHỊ KHEN THƯỞNG") + 1] == "Chưa có đơn vị nào đề nghị khen thưởng."
    assert proposal_tables(document) == []
    assert "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐỀ NGHỊ KHEN THƯỞNG" not in texts


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.dictionaries(
        st.sampled_from(["ba-dinh", "hoan-kiem", "soc-son"]),
        st.lists(
            st.tuples(st.sampled_from([COLLECTIVE, INDIVIDUAL]), st.sampled_from([BANG_KHEN, GIAY_KHEN]),
                      st.sampled_from(["Nguyễn Văn A", "Phường Kim Mã", "Lê Thị B", "Xã Minh Trí"])),
            max_size=6,
        ),
    )
)
def test_every_kept_proposal_appears_exactly_once(sent: dict[str, list[tuple[str, str, str]]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        plan = the_plan(root)
        lists = {
            unit_id: ProposalList(tuple(
                make(kind, f"{name} {unit_id} {line}", form, line) for line, (kind, form, name) in enumerate(entries)
            ))
            for unit_id, entries in sent.items()
        }
        out = root / "r.docx"
        write_report(merge(plan, []), out, commendations=compile_commendations(plan, lists))
        document = docx.Document(str(out))
    names = {u.id: u.name for u in plan.units}
    seen = [
        (heading.split(". ", 1)[1].split(" (")[0], unit_name.split(" (")[0], cells[1], cells[4])
        for heading, table in proposal_tables(document)
        for unit_name, cells in table_rows(table)
    ]
    expected = [
        (p.form.upper(), names[unit_id], p.name, names[unit_id])
        for unit_id, proposals in lists.items()
        for p in proposals.entries
    ]
    assert sorted(seen) == sorted(expected)
    for heading, table in proposal_tables(document):  # units in plan order, numbers 1, 2, 3...
        rows = table_rows(table)
        order = [u.id for u in plan.units]
        ids = [next(i for i, n in names.items() if unit_name.startswith(n + " (")) for unit_name, _ in rows]
        assert ids == sorted(ids, key=order.index), heading
        assert [cells[0] for _, cells in rows] == [str(n) for n in range(1, len(rows) + 1)]


# -- the workbook, the JSON, the warnings --------------------------------------------------------


def test_sheet_lists_every_proposal_with_its_form(tmp_path: Path) -> None:
    folder = write_review(tmp_path, UNITS, COMMENDATIONS_PLAN)
    out, book = tmp_path / "r.docx", tmp_path / "s.xlsx"
    result = runner.invoke(app, ["compile", str(folder), "-o", str(out), "--xlsx", str(book)])
    assert result.exit_code == 0, result.output
    assert "Đã ghi bảng số liệu và danh sách đề nghị khen thưởng vào" in result.stdout
    workbook = openpyxl.load_workbook(book)
    assert workbook.sheetnames == ["Tổng hợp số liệu", "Khen thưởng"]
    sheet = workbook["Khen thưởng"]
    rows = list(sheet.iter_rows(min_row=4, values_only=True))
    assert rows[0][:4] == ("STT", "Hình thức khen thưởng", "Loại", NAME_HEADER)
    assert [(r[0], r[1], r[2], r[3], r[8]) for r in rows[1:]] == [
        (1, BANG_KHEN, "Tập thể", "Phường Ngọc Hà", "Quận ủy Ba Đình"),
        (2, BANG_KHEN, "Tập thể", "Xã Minh Trí", "Huyện ủy Sóc Sơn"),
        (3, BANG_KHEN, "Cá nhân", "Lê Văn Sóc", "Huyện ủy Sóc Sơn"),
        (4, GIAY_KHEN, "Tập thể", "Phường Kim Mã", "Quận ủy Ba Đình"),
        (5, GIAY_KHEN, "Cá nhân", "Trần Thị Mai", "Quận ủy Ba Đình"),
        (6, GIAY_KHEN, "Cá nhân", "Trần Thị Mai", "Quận ủy Hoàn Kiếm"),
        (7, GIAY_KHEN, "Cá nhân", "Ngô Văn Hải", "Quận ủy Hoàn Kiếm"),
    ]
    assert rows[5][4:7] == (1980, "nữ", "Bí thư chi bộ") and rows[5][9] == "Trùng với đề nghị của Quận ủy Hoàn Kiếm"
    assert rows[1][4] is None and rows[1][9] is None
    assert "3 tập thể, 4 cá nhân" in sheet["A2"].value
    assert sheet.auto_filter.ref == "A4:J11" and sheet.freeze_panes == "A5"


def test_workbook_of_a_plan_with_proposals_but_no_indicators(tmp_path: Path) -> None:
    plan = COMMENDATIONS_PLAN.split("indicators:")[0] + "indicators: []\nunits:" + COMMENDATIONS_PLAN.split("\nunits:")[1]
    units = {"a.yaml": unit("ba-dinh", collective("Phường Kim Mã")).split("indicators:")[0] + "commendations:\n" + collective("Phường Kim Mã")}
    folder = write_review(tmp_path, units, plan)
    book = tmp_path / "s.xlsx"
    result = runner.invoke(app, ["compile", str(folder), "-o", str(tmp_path / "r.docx"), "--xlsx", str(book)])
    assert result.exit_code == 0, result.output
    assert "Đã ghi danh sách đề nghị khen thưởng vào" in result.stdout
    assert openpyxl.load_workbook(book).sheetnames == ["Khen thưởng"]
    neither = write_review(fresh(tmp_path / "x"), {"a.yaml": units["a.yaml"].split("commendations:")[0]}, plan.split("commendations:")[0])
    refused = runner.invoke(app, ["compile", str(neither), "-o", str(tmp_path / "x.docx"), "--xlsx", str(book)])
    assert refused.exit_code == 2 and "không có đề nghị khen thưởng (commendations)" in refused.stderr


def test_json_has_counts_proposals_by_form_and_unit_and_duplicates(tmp_path: Path) -> None:
    folder = write_review(tmp_path, UNITS, COMMENDATIONS_PLAN)
    out = tmp_path / "r.json"
    assert runner.invoke(app, ["compile", str(folder), "--format", "json", "-o", str(out)]).exit_code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    block = data["commendations"]
    assert {k: block[k] for k in ("title", "collectives", "individuals", "total", "units")} == {
        "title": "Đề nghị khen thưởng", "collectives": 3, "individuals": 4, "total": 7, "units": 3,
    }
    assert [(f["form"], f["total"], [u["id"] for u in f["units"]]) for f in block["forms"]] == [
        (BANG_KHEN, 3, ["ba-dinh", "soc-son"]), (GIAY_KHEN, 4, ["ba-dinh", "hoan-kiem"])
    ]
    mai = block["forms"][1]["units"][0]["proposals"][1]
    assert mai == {
        "number": 2, "kind": "ca-nhan", "name": "Trần Thị Mai", "position": "Bí thư chi bộ",
        "birth_year": 1980, "gender": "nữ", "achievement": "Hoàn thành xuất sắc nhiệm vụ.",
        "proposed_by": "", "proposer": "Quận ủy Ba Đình",
    }
    assert [(d["unit"]["id"], d["name"], [o["id"] for o in d["other_units"]]) for d in block["duplicates"]] == [
        ("ba-dinh", "Trần Thị Mai", ["hoan-kiem"]), ("hoan-kiem", "Trần Thị Mai", ["ba-dinh"])
    ]
    assert list(data)[:9] == ["format_version", "plan", "sections", "compiled", "missing", "skipped", "late", "totals", "commendations"]
    plain = fresh(tmp_path / "p")
    folder = write_review(plain, {"a.yaml": VALID_UNIT}, PLAN)
    assert runner.invoke(app, ["compile", str(folder), "--format", "json", "-o", str(plain / "r.json")]).exit_code == 0
    assert "commendations" not in json.loads((plain / "r.json").read_text(encoding="utf-8"))


def test_compile_prints_shared_proposals_naming_both_units(tmp_path: Path) -> None:
    folder = write_review(tmp_path, UNITS, COMMENDATIONS_PLAN)
    result = runner.invoke(app, ["compile", str(folder), "-o", str(tmp_path / "r.docx")])
    assert result.exit_code == 0
    lines = result.stderr.splitlines()
    at = lines.index("Đề nghị khen thưởng trùng giữa các đơn vị (hãy thống nhất trước khi trình):")
    assert lines[at + 1 : at + 3] == [
        "- Quận ủy Ba Đình: Cá nhân 'Trần Thị Mai' (sinh năm 1980) cũng được Quận ủy Hoàn Kiếm (hoan-kiem) đề nghị khen thưởng.",
        "- Quận ủy Hoàn Kiếm: Cá nhân 'Trần Thị Mai' (sinh năm 1980) cũng được Quận ủy Ba Đình (ba-dinh) đề nghị khen thưởng.",
    ]
    quiet = runner.invoke(app, ["compile", str(write_review(fresh(tmp_path / "q"), {"a.yaml": VALID_UNIT})), "-o", str(tmp_path / "q.docx")])
    assert quiet.exit_code == 0 and "trùng" not in quiet.stderr


def test_verbose_compile_says_each_shared_proposal_once(tmp_path: Path) -> None:
    """The shared proposals are printed as one block; --verbose must not list them again
    among the files' warnings, nor count them as other warnings."""
    folder = write_review(tmp_path, UNITS, COMMENDATIONS_PLAN)
    result = runner.invoke(app, ["compile", str(folder), "-o", str(tmp_path / "r.docx"), "--verbose"])
    assert result.exit_code == 0, result.output
    assert result.stderr.count("'Trần Thị Mai'") == 2  # once per unit, in the block
    assert "warning[duplicate-commendation]" not in result.stderr
    assert "cảnh báo khác" not in result.stderr  # the two files have no other warning


def test_shared_with_a_unit_left_out_is_not_named_in_the_draft(tmp_path: Path) -> None:
    units = dict(UNITS)
    units["c-hoan-kiem.yaml"] = units["c-hoan-kiem.yaml"].replace("submitted: 2021-06-30", "submitted: hôm qua")
    folder = write_review(tmp_path, units, COMMENDATIONS_PLAN)
    out = tmp_path / "r.docx"
    result = runner.invoke(app, ["compile", str(folder), "-o", str(out), "--skip-invalid"])
    assert result.exit_code == 0, result.output
    assert "Đề nghị khen thưởng trùng" not in result.stderr
    cells = [c for _, t in proposal_tables(docx.Document(str(out))) for _, c in table_rows(t)]
    assert all("Trùng với" not in c[1] for c in cells) and len(cells) == 5


def test_a_very_long_proposal_may_break_across_pages(tmp_path: Path) -> None:
    """Word clips a row that may not split and is taller than a page: a long one may split."""
    long_text = "Thành tích rất dài. " * 80
    entries = collective("Phường Kim Mã").replace("5 năm liền trong sạch, vững mạnh.", long_text.strip()) + person("Ngô Văn Hải")
    document = docx.Document(str(compile_docx(tmp_path, {"a.yaml": unit("ba-dinh", entries)})))
    (_, table), = proposal_tables(document)
    splittable = {row.cells[1].text.split("\n")[0]: not row._tr.xpath("./w:trPr/w:cantSplit") for row in table.rows[2:]}
    assert splittable == {"Phường Kim Mã": True, "Ngô Văn Hải": False}


def test_a_forwarded_proposal_names_the_unit_that_first_made_it(tmp_path: Path) -> None:
    """A district's roll-up file carries its communes' proposals with ``proposed_by``; the
    city's appendix says who proposed each, and through whom."""
    forwarded = person("Đỗ Thị Lan").replace(
        '    form:', '    proposed_by: "Đảng ủy xã Phù Linh"\n    form:'
    )
    out = compile_docx(tmp_path, {"soc-son.yaml": unit("soc-son", forwarded + person("Lê Văn Sóc"))})
    (_, table), = proposal_tables(docx.Document(str(out)))
    assert [(cells[1], cells[4]) for _, cells in table_rows(table)] == [
        ("Đỗ Thị Lan", "Đảng ủy xã Phù Linh (qua Huyện ủy Sóc Sơn)"),
        ("Lê Văn Sóc", "Huyện ủy Sóc Sơn"),
    ]
