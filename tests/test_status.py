"""``sokket status``: the states, the formats, the exit codes, the deadline reckoning."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sokket_cli.check.collect import collect
from sokket_cli.check.plan import read_plan
from sokket_cli.check.status import (
    State,
    StatusReport,
    build_status,
    deadline_sentence,
    missing_lines,
    summary_sentence,
)
from sokket_cli.cli import app
from sokket_cli.intake.discovery import gather
from sokket_cli.render.status_data import BOM, status_csv, status_document
from sokket_cli.render.status_table import plain, table_lines

LONG_NAME = "Đảng đoàn Hội Liên hiệp Phụ nữ Thành phố"

UNITS = [
    ("ba-dinh", "Quận ủy Ba Đình", "Các quận ủy, huyện ủy, thị ủy"),
    ("hoan-kiem", "Quận ủy Hoàn Kiếm", "Các quận ủy, huyện ủy, thị ủy"),
    ("tay-ho", "Quận ủy Tây Hồ", "Các quận ủy, huyện ủy, thị ủy"),
    ("phu-nu", LONG_NAME, "Mặt trận Tổ quốc và các đoàn thể"),
    ("thanh-doan", "Ban Thường vụ Thành đoàn", "Mặt trận Tổ quốc và các đoàn thể"),
]


def write_plan(folder: Path, units: list[tuple[str, str, str]] = UNITS) -> Path:
    lines = [
        "plan:",
        '  code: "30-KH/TU"',
        "  date: 2021-06-08",
        '  issuer: "Ban Thường vụ Thành ủy"',
        '  subject: "sơ kết thực hiện Nghị quyết Trung ương 4 (khóa XII)"',
        "  deadline: 2021-07-02",
        "sections:",
        '  - {key: achievements, title: "Kết quả đạt được"}',
        '  - {key: shortcomings, title: "Hạn chế, yếu kém", required: false}',
        "units:",
        *(f'  - {{id: "{uid}", name: "{name}", group: "{group}"}}' for uid, name, group in units),
    ]
    path = folder / "plan.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_unit(
    units: Path, file: str, unit: str | None, submitted: str | None = "2021-06-30", *, body: str | None = None
) -> Path:
    lines = [] if unit is None else [f"unit: {unit}"]
    if submitted is not None:
        lines.append(f"submitted: {submitted}")
    lines.append(body if body is not None else 'achievements:\n  - "Đã tổ chức 45 hội nghị quán triệt."')
    path = units / file
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def review(tmp_path: Path) -> Path:
    """One of each: valid, late (with a warning), invalid, missing, unknown, and a duplicate pair."""
    write_plan(tmp_path)
    units = tmp_path / "units"
    units.mkdir()
    write_unit(units, "ba-dinh.yaml", "ba-dinh", "2021-06-29")
    write_unit(units, "hoan-kiem.yaml", "hoan-kiem", "2021-07-04")
    write_unit(units, "phu-nu.yaml", "phu-nu", "2021-06-28", body="achievements: []")
    write_unit(units, "thanh-doan-1.yaml", "thanh-doan", "2021-06-25")
    write_unit(units, "thanh-doan-2.yaml", "thanh-doan", "2021-06-26")
    write_unit(units, "la.yaml", "ha-noi-moi", "2021-06-30")
    write_unit(units, "khong-ma.yaml", None)
    return tmp_path


def report_for(folder: Path, today: date = date(2021, 7, 5)) -> StatusReport:
    plan = read_plan(folder / "plan.yaml")
    files = gather([folder / "units"], folder / "plan.yaml").units
    return build_status(plan, collect(plan, files), today, show=lambda p: p.name)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["status", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


# -- the core --------------------------------------------------------------------------------


def test_each_unit_gets_its_state_in_plan_order(review: Path) -> None:
    report = report_for(review)
    states = {row.id: row.state for row in report.rows}
    assert [row.id for row in report.rows] == [uid for uid, _, _ in UNITS]
    assert states == {
        "ba-dinh": State.VALID,
        "hoan-kiem": State.LATE,
        "tay-ho": State.MISSING,
        "phu-nu": State.INVALID,
        "thanh-doan": State.INVALID,  # two files claim it: both carry duplicate-unit errors
    }


def test_rows_carry_file_date_and_counts(review: Path) -> None:
    rows = {row.id: row for row in report_for(review).rows}
    assert rows["ba-dinh"].file == "ba-dinh.yaml"
    assert rows["ba-dinh"].submitted == date(2021, 6, 29)
    assert (rows["ba-dinh"].errors, rows["ba-dinh"].warnings) == (0, 0)
    assert (rows["hoan-kiem"].errors, rows["hoan-kiem"].warnings) == (0, 1)  # the late warning
    assert rows["phu-nu"].errors == 1  # empty-section
    assert rows["tay-ho"].file is None and rows["tay-ho"].submitted is None
    assert rows["thanh-doan"].file == "thanh-doan-1.yaml"
    assert rows["thanh-doan"].errors == 1


def test_unknown_and_duplicate_files_are_set_aside_with_their_problem(review: Path) -> None:
    extra = {e.file: e for e in report_for(review).extra_files}
    assert set(extra) == {"la.yaml", "khong-ma.yaml", "thanh-doan-1.yaml", "thanh-doan-2.yaml"}
    assert extra["la.yaml"].state is State.UNKNOWN
    assert extra["la.yaml"].unit == "ha-noi-moi"
    assert "ha-noi-moi" in extra["la.yaml"].problem
    assert extra["khong-ma.yaml"].state is State.UNKNOWN
    assert extra["khong-ma.yaml"].unit is None
    assert "unit:" in extra["khong-ma.yaml"].problem
    assert extra["thanh-doan-1.yaml"].state is State.DUPLICATE
    assert extra["thanh-doan-1.yaml"].unit == "thanh-doan"
    assert "thanh-doan-2.yaml" in extra["thanh-doan-1.yaml"].problem


def test_summary_counts_and_sentence(review: Path) -> None:
    report = report_for(review)
    s = report.summary
    assert (s.total, s.valid, s.late, s.invalid, s.missing, s.unknown, s.duplicate) == (5, 1, 1, 2, 1, 2, 2)
    assert summary_sentence(s) == "4/5 đơn vị đã nộp: 1 hợp lệ, 1 nộp muộn; 2 có lỗi; 1 chưa nộp."
    assert not report.ok


def test_sentence_when_nothing_is_sent(tmp_path: Path) -> None:
    write_plan(tmp_path)
    (tmp_path / "units").mkdir()
    report = report_for(tmp_path)
    assert summary_sentence(report.summary) == "0/5 đơn vị đã nộp; 5 chưa nộp."
    assert [row.state for row in report.rows] == [State.MISSING] * 5


@pytest.mark.parametrize(
    ("today", "expected", "days_left"),
    [
        (date(2021, 6, 29), "Còn 3 ngày đến hạn nộp (02/07/2021).", 3),
        (date(2021, 7, 2), "Hôm nay là hạn nộp (02/07/2021).", 0),
        (date(2021, 7, 5), "Quá hạn 3 ngày (hạn nộp 02/07/2021); 1 đơn vị chưa nộp đã quá hạn.", -3),
    ],
)
def test_deadline_before_on_and_after(review: Path, today: date, expected: str, days_left: int) -> None:
    report = report_for(review, today)
    assert deadline_sentence(report) == expected
    assert report.days_left == days_left


def test_late_needs_a_valid_file_after_the_deadline(tmp_path: Path) -> None:
    write_plan(tmp_path)
    units = tmp_path / "units"
    units.mkdir()
    write_unit(units, "a.yaml", "ba-dinh", "2021-07-02")  # on the day: not late
    write_unit(units, "b.yaml", "hoan-kiem", None)  # no date: cannot be late
    write_unit(units, "c.yaml", "tay-ho", "2021-07-09", body="achievements: []")  # late and invalid
    states = {row.id: row.state for row in report_for(tmp_path).rows}
    assert states["ba-dinh"] is State.VALID
    assert states["hoan-kiem"] is State.VALID
    assert states["tay-ho"] is State.INVALID


def test_missing_lines_name_the_units_to_chase(review: Path) -> None:
    assert missing_lines(report_for(review)) == [
        "Quận ủy Tây Hồ (Các quận ủy, huyện ủy, thị ủy)",
        f"{LONG_NAME} (Mặt trận Tổ quốc và các đoàn thể): báo cáo có lỗi, cần sửa và gửi lại (phu-nu.yaml)",
        (
            "Ban Thường vụ Thành đoàn (Mặt trận Tổ quốc và các đoàn thể): báo cáo có lỗi, cần sửa "
            "và gửi lại (thanh-doan-1.yaml)"
        ),
    ]


def test_json_document_has_exactly_the_spec_keys(review: Path) -> None:
    doc = status_document(report_for(review))
    assert set(doc) == {"plan", "summary", "units", "extra_files"}
    assert set(doc["summary"]) == {"total", "valid", "late", "invalid", "missing", "unknown", "duplicate"}
    for unit in doc["units"]:
        assert set(unit) == {"id", "name", "group", "state", "file", "submitted", "errors", "warnings"}
    for extra in doc["extra_files"]:
        assert set(extra) == {"file", "state", "unit"}
    assert doc["plan"]["deadline"] == "2021-07-02"
    assert doc["plan"]["today"] == "2021-07-05"
    assert doc["plan"]["days_left"] == -3


def test_csv_opens_in_excel(review: Path) -> None:
    text = status_csv(report_for(review))
    assert text.startswith(BOM)
    assert "\r\n" in text
    rows = list(csv.reader(io.StringIO(text[1:], newline=""), delimiter=";"))
    assert rows[0][:4] == ["Nhóm", "Mã đơn vị", "Tên đơn vị", "Tình trạng"]
    by_id = {row[1]: row for row in rows[1:6]}
    assert by_id["ba-dinh"][3:6] == ["hợp lệ", "ba-dinh.yaml", "2021-06-29"]
    assert by_id["tay-ho"][3:6] == ["chưa nộp", "", ""]
    assert by_id["hoan-kiem"][3] == "nộp muộn"
    assert [row[3] for row in rows[6:]] == ["không rõ đơn vị", "không rõ đơn vị", "trùng đơn vị", "trùng đơn vị"]


# -- the command -----------------------------------------------------------------------------


def test_text_table_groups_units_and_lists_extra_files(review: Path) -> None:
    code, out, _ = run(str(review / "units"), "--today", "2021-07-05")
    assert code == 0
    lines = out.splitlines()
    assert "\x1b[" not in out  # no colour when not on a terminal
    assert not any(ch in out for ch in "─│┃━┏┓└┘")  # no box drawing
    assert lines[0] == "Kế hoạch 30-KH/TU: tình hình nộp báo cáo đến ngày 05/07/2021"
    groups = [i for i, line in enumerate(lines) if line.endswith("đã nộp)")]
    assert [lines[i] for i in groups] == [
        "Các quận ủy, huyện ủy, thị ủy (2/3 đã nộp)",
        "Mặt trận Tổ quốc và các đoàn thể (2/2 đã nộp)",
    ]
    ba_dinh = next(line for line in lines if line.startswith("Quận ủy Ba Đình"))
    assert ba_dinh.split()[-5:] == ["lệ", "ba-dinh.yaml", "29/06/2021", "0", "0"]
    assert "hợp lệ" in ba_dinh
    assert "nộp muộn" in next(line for line in lines if line.startswith("Quận ủy Hoàn Kiếm"))
    assert next(line for line in lines if line.startswith("Quận ủy Tây Hồ")).split()[-2:] == ["chưa", "nộp"]
    assert "có lỗi" in next(line for line in lines if line.startswith(LONG_NAME[:20]))
    assert any(line.startswith("- ") and "la.yaml (không rõ đơn vị): " in line for line in lines)
    assert any("thanh-doan-2.yaml (trùng đơn vị 'thanh-doan')" in line for line in lines)
    assert "4/5 đơn vị đã nộp: 1 hợp lệ, 1 nộp muộn; 2 có lỗi; 1 chưa nộp." in lines
    assert lines[-1] == "Quá hạn 3 ngày (hạn nộp 02/07/2021); 1 đơn vị chưa nộp đã quá hạn."
    assert all(line == line.rstrip() for line in lines)


def test_text_table_fits_80_columns_with_long_names(review: Path) -> None:
    long_file = review / "units" / "ba-dinh.yaml"
    long_file.rename(review / "units" / "bao-cao-so-ket-quan-uy-ba-dinh-ban-chinh-thuc.yaml")
    out = plain(table_lines(report_for(review), 80))  # on an 80-column terminal
    assert max(len(line) for line in out.splitlines() if " " in line.strip()) <= 80
    row = next(line for line in out.splitlines() if line.startswith("Quận ủy Ba Đình"))
    # names would wrap and file names be cut to a stub all the same: the file column goes,
    # names get its room, the date stays, and a line says where the file names are
    assert "29/06/2021" in row and "bao-cao" not in row and "…" not in row
    assert "Tệp" not in out.splitlines()[2]
    assert "Cửa sổ hẹp nên không có cột Tệp" in " ".join(out.split())


def test_text_table_shortens_file_names_when_the_names_fit(review: Path) -> None:
    """Wide enough for the names but not for a long file name: that one is cut with …"""
    long_file = review / "units" / "ba-dinh.yaml"
    long_file.rename(review / "units" / "bao-cao-so-ket-quan-uy-ba-dinh-ban-chinh-thuc.yaml")
    out = plain(table_lines(report_for(review), 110))
    row = next(line for line in out.splitlines() if line.startswith("Quận ủy Ba Đình"))
    assert "bao-cao-so-ket" in row and "…" in row and "29/06/2021" in row
    assert "Cửa sổ hẹp" not in out


def test_text_wraps_long_names_under_themselves(review: Path) -> None:
    out = plain(table_lines(report_for(review), 60))
    lines = out.splitlines()
    # every line fits, but a path longer than a line, which is kept whole for copying
    assert all(len(line) <= 60 for line in lines if " " in line.strip())
    first = next(i for i, line in enumerate(lines) if line.startswith("Đảng đoàn Hội"))
    assert "có lỗi" in lines[first]
    assert lines[first + 1].startswith("  ")  # the rest of the name, indented


@pytest.mark.parametrize(
    ("today", "tail"),
    [
        ("2021-06-29", "Còn 3 ngày đến hạn nộp (02/07/2021)."),
        ("02/07/2021", "Hôm nay là hạn nộp (02/07/2021)."),
        ("2021-07-12", "Quá hạn 10 ngày (hạn nộp 02/07/2021); 1 đơn vị chưa nộp đã quá hạn."),
    ],
)
def test_today_option(review: Path, today: str, tail: str) -> None:
    code, out, _ = run(str(review / "units"), "--today", today)
    assert code == 0
    assert out.splitlines()[-1] == tail


def test_bad_today_is_a_usage_error(review: Path) -> None:
    code, out, err = run(str(review / "units"), "--today", "30/02/2021")
    assert code == 2
    assert out == ""
    assert "--today '30/02/2021' không phải là một ngày hợp lệ" in err


def test_json_output(review: Path) -> None:
    code, out, _ = run(str(review / "units"), "--format", "json", "--today", "2021-07-05")
    assert code == 0
    doc = json.loads(out)
    assert doc["summary"] == {
        "total": 5, "valid": 1, "late": 1, "invalid": 2, "missing": 1, "unknown": 2, "duplicate": 2,
    }
    units = {u["id"]: u for u in doc["units"]}
    assert units["hoan-kiem"] == {
        "id": "hoan-kiem",
        "name": "Quận ủy Hoàn Kiếm",
        "group": "Các quận ủy, huyện ủy, thị ủy",
        "state": "late",
        "file": units["hoan-kiem"]["file"],
        "submitted": "2021-07-04",
        "errors": 0,
        "warnings": 1,
    }
    assert Path(units["hoan-kiem"]["file"]).name == "hoan-kiem.yaml"
    assert units["tay-ho"]["file"] is None and units["tay-ho"]["submitted"] is None
    assert units["tay-ho"]["state"] == "missing"
    extra = sorted((Path(e["file"]).name, e["state"], e["unit"]) for e in doc["extra_files"])
    assert extra == [
        ("khong-ma.yaml", "unknown", None),
        ("la.yaml", "unknown", "ha-noi-moi"),
        ("thanh-doan-1.yaml", "duplicate", "thanh-doan"),
        ("thanh-doan-2.yaml", "duplicate", "thanh-doan"),
    ]


def test_csv_output_is_exact_bytes_with_bom(review: Path) -> None:
    result = CliRunner().invoke(app, ["status", str(review / "units"), "--format", "csv"])
    assert result.exit_code == 0
    raw = result.stdout_bytes
    assert raw.startswith(b"\xef\xbb\xbf")
    assert b"\r\r\n" not in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert len(rows) == 1 + 5 + 4
    assert rows[1][2] == "Quận ủy Ba Đình"


def test_output_file(review: Path, tmp_path: Path) -> None:
    target = tmp_path / "tinh-hinh.csv"
    code, out, _ = run(str(review / "units"), "--format", "csv", "-o", str(target))
    assert code == 0 and out == ""
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")


def test_missing_option(review: Path) -> None:
    code, out, _ = run(str(review / "units"), "--missing")
    assert code == 0
    assert out.splitlines()[0] == "Quận ủy Tây Hồ (Các quận ủy, huyện ủy, thị ủy)"
    assert len(out.splitlines()) == 3


def test_missing_with_json_lists_only_units_to_chase(review: Path) -> None:
    _, out, _ = run(str(review / "units"), "--missing", "--format", "json")
    assert [u["id"] for u in json.loads(out)["units"]] == ["tay-ho", "phu-nu", "thanh-doan"]


def test_missing_when_everyone_has_sent(tmp_path: Path) -> None:
    write_plan(tmp_path, UNITS[:1])
    (tmp_path / "units").mkdir()
    write_unit(tmp_path / "units", "a.yaml", "ba-dinh")
    code, out, err = run(str(tmp_path / "units"), "--missing", "--check")
    assert (code, out) == (0, "")
    assert "Không còn đơn vị nào cần nhắc" in err


def test_check_exit_codes(tmp_path: Path) -> None:
    write_plan(tmp_path, UNITS[:2])
    units = tmp_path / "units"
    units.mkdir()
    write_unit(units, "a.yaml", "ba-dinh")
    assert run(str(units), "--check")[0] == 1  # hoan-kiem missing
    write_unit(units, "b.yaml", "hoan-kiem", "2021-07-09")  # late is accepted
    assert run(str(units), "--check")[0] == 0
    write_unit(units, "c.yaml", "nowhere")  # a stray file does not fail the check
    assert run(str(units), "--check")[0] == 0
    write_unit(units, "b.yaml", "hoan-kiem", body="achievements: []")  # invalid
    assert run(str(units), "--check")[0] == 1
    assert run(str(units))[0] == 0  # without --check: always 0


def test_missing_plan_is_exit_2(tmp_path: Path) -> None:
    units = tmp_path / "units"
    units.mkdir()
    code, out, err = run(str(units))
    assert code == 2 and out == ""
    assert "Không tìm thấy tệp kế hoạch" in err


def test_bad_plan_is_exit_2(review: Path) -> None:
    (review / "plan.yaml").write_text("plan: {code: x}\nunits: []\n", encoding="utf-8")
    code, _, err = run(str(review / "units"))
    assert code == 2
    assert "Kế hoạch có" in err


def test_missing_folder_is_exit_2(tmp_path: Path) -> None:
    code, _, err = run(str(tmp_path / "khong-co"))
    assert code == 2
    assert "khong-co" in err


def test_plan_option_and_review_folder(review: Path) -> None:
    code, out, _ = run(str(review), "--plan", str(review / "plan.yaml"), "--format", "json")
    assert code == 0
    assert json.loads(out)["summary"]["valid"] == 1
