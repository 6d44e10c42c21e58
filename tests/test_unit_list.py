"""Unit ids derived from names, and the office's list of units read from .csv and .xlsx."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook

from sokket_cli.check.unitids import ID_PATTERN, base_id, derive_ids
from sokket_cli.errors import InputError, PlanError, UsageError
from sokket_cli.intake.unitlist import read_unit_list


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Đảng ủy phường Ba Đình", "phuong-ba-dinh"),
        ("Đảng uỷ xã Sơn Đồng", "xa-son-dong"),  # the other placement of the tone mark
        ("Quận ủy Ba Đình", "ba-dinh"),
        ("Huyện ủy Ứng Hòa", "ung-hoa"),
        ("Đảng ủy đặc khu Phú Quốc", "dac-khu-phu-quoc"),
        ("Ban Tổ chức Tỉnh ủy", "ban-to-chuc-tinh-uy"),
        ("Đảng ủy", "dang-uy"),  # nothing would be left: the organ word stays
        ("ÐẢNG ỦY XÃ ĐÔNG ANH", "xa-dong-anh"),  # Icelandic Ð typed for Đ
    ],
)
def test_ids_read_like_the_name(name: str, expected: str) -> None:
    assert base_id(name) == expected


def test_collisions_get_a_suffix_and_are_reported() -> None:
    ids = derive_ids(["Quận ủy Ba Đình", "Đảng ủy Ba Đình", "Ba Dinh", "中文", "Con"])
    assert [d.id for d in ids] == ["ba-dinh", "ba-dinh-2", "ba-dinh-3", "don-vi-4", "don-vi-con"]
    assert [d.renamed for d in ids] == [False, True, True, False, False]


_NAMES = st.lists(
    st.text(alphabet="aăâđêôơưĐẠẢẤỨ bcdhkmnqtxyz0123456789-.,()中😀", max_size=30),
    max_size=40,
)


@given(_NAMES)
def test_ids_are_unique_ascii_stable_and_valid_plan_ids(names: list[str]) -> None:
    ids = [d.id for d in derive_ids(names)]
    assert len(set(ids)) == len(ids)
    assert all(uid.isascii() and ID_PATTERN.fullmatch(uid) and len(uid) <= 80 for uid in ids)
    assert ids == [d.id for d in derive_ids(names)]


def test_many_names_wanting_one_id_get_the_suffixes_in_order() -> None:
    ids = [d.id for d in derive_ids(["Ba Đình", "Ba Dinh", "BA ĐÌNH", "ba đình"] * 2500)]
    assert ids == ["ba-dinh", *(f"ba-dinh-{n}" for n in range(2, 10001))]


def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_xlsx_with_header_stt_and_group_written_once(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "ds.xlsx", [
        ["STT", "Tên đơn vị", "Nhóm"],
        [1, "Đảng ủy phường Ba Đình", "Các đảng ủy phường"],
        [2, "Đảng ủy phường Hoàn Kiếm", None],
        [None, None, None],
        [3, "Đảng ủy Công an Thành phố", "Các đảng ủy trực thuộc"],
    ])
    units = read_unit_list(path)
    assert [(u.row, u.name, u.group) for u in units] == [
        (2, "Đảng ủy phường Ba Đình", "Các đảng ủy phường"),
        (3, "Đảng ủy phường Hoàn Kiếm", "Các đảng ủy phường"),
        (5, "Đảng ủy Công an Thành phố", "Các đảng ủy trực thuộc"),
    ]


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
@pytest.mark.parametrize("sep", [",", ";"])
def test_csv_utf8_with_or_without_bom_either_separator(tmp_path: Path, bom: bytes, sep: str) -> None:
    text = f"Đơn vị{sep}Khối\nQuận ủy Ba Đình{sep}Quận\n\"Ban Tổ chức, Thành ủy\"{sep}Ban\n"
    path = tmp_path / "ds.csv"
    path.write_bytes(bom + text.encode("utf-8"))
    units = read_unit_list(path)
    assert [(u.name, u.group) for u in units] == [("Quận ủy Ba Đình", "Quận"), ("Ban Tổ chức, Thành ủy", "Ban")]


def test_csv_without_header_skips_the_numbering_column(tmp_path: Path) -> None:
    path = tmp_path / "ds.csv"
    path.write_text("1;Quận ủy Ba Đình\n2;Huyện ủy Sóc Sơn\n", encoding="utf-8")
    assert [u.name for u in read_unit_list(path)] == ["Quận ủy Ba Đình", "Huyện ủy Sóc Sơn"]


def test_bad_rows_are_all_reported_with_their_row(tmp_path: Path) -> None:
    path = tmp_path / "ds.csv"
    path.write_text("STT,Tên đơn vị\n1,Quận ủy Ba Đình\n2,\n3,quận ủy ba đình\n", encoding="utf-8")
    with pytest.raises(PlanError) as caught:
        read_unit_list(path)
    problems = [(p.line, p.code, p.message) for p in caught.value.problems]
    assert problems[0][:2] == (3, "missing-field")
    assert "Dòng 3 không có tên đơn vị" in problems[0][2]
    assert problems[1][:2] == (4, "duplicate-unit")
    assert "trùng với dòng 2" in problems[1][2]


def test_old_xls_is_refused_with_how_to_save(tmp_path: Path) -> None:
    path = tmp_path / "ds.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(UsageError, match=r"lưu lại dạng \.xlsx"):
        read_unit_list(path)


def test_title_rows_above_the_header_are_skipped(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "ds.xlsx", [
        ["DANH SÁCH CÁC ĐƠN VỊ BÁO CÁO", None],
        ["(kèm theo Kế hoạch số 01-KH/TU)", None],
        ["TT", "Đơn vị"],
        ["1", "Đảng ủy xã An Phú"],
    ])
    assert [(u.row, u.name) for u in read_unit_list(path)] == [(4, "Đảng ủy xã An Phú")]


def test_csv_saved_in_a_windows_code_page_says_how_to_save_utf8(tmp_path: Path) -> None:
    path = tmp_path / "ds.csv"
    path.write_bytes("Tên đơn vi\nĐảng ủy Ba Dinh\n".encode("cp1258", errors="ignore"))
    with pytest.raises(InputError, match="UTF-8") as caught:
        read_unit_list(path)
    assert "bảng mã cũ" in str(caught.value)


@pytest.mark.parametrize(
    "entries",
    [None, {"hello.txt": "x"}, {"[Content_Types].xml": "<bad"}],
    ids=["not-a-zip", "zip-without-workbook", "broken-xml"],
)
def test_a_damaged_xlsx_is_bad_input_not_a_crash(tmp_path: Path, entries: dict[str, str] | None) -> None:
    path = tmp_path / "ds.xlsx"
    if entries is None:
        path.write_bytes(b"not a zip")
    else:
        with zipfile.ZipFile(path, "w") as archive:
            for name, text in entries.items():
                archive.writestr(name, text)
    with pytest.raises(InputError, match=r"không phải tệp Excel \.xlsx hợp lệ"):
        read_unit_list(path)


def test_names_the_report_could_not_show_are_refused_by_row(tmp_path: Path) -> None:
    path = tmp_path / "ds.csv"
    path.write_text("Tên đơn vị\nBa\x01Đình\nB¸o c¸o tæng kÕt\n\"Quận ủy\nHoàn Kiếm\"\nBa\x0bVì\n", encoding="utf-8")
    with pytest.raises(PlanError) as caught:
        read_unit_list(path)
    assert [(p.line, p.code) for p in caught.value.problems] == [(2, "control-char"), (3, "legacy-encoding")]
    path.write_text("Tên đơn vị\n\"Quận ủy\nHoàn Kiếm\"\nBa\x0bVì\n", encoding="utf-8")
    # a line break inside a cell, and a vertical tab, are only spaces in a name
    assert [(u.row, u.name) for u in read_unit_list(path)] == [(2, "Quận ủy Hoàn Kiếm"), (4, "Ba Vì")]


def test_an_oversized_csv_field_is_bad_input(tmp_path: Path) -> None:
    path = tmp_path / "ds.csv"
    path.write_text("Tên đơn vị\n" + "a" * 200_000 + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="Dòng 2 của danh sách quá dài"):
        read_unit_list(path)
