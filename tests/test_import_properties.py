"""Word import at scale: nothing is lost in any generated report, and a long one is fast."""

from __future__ import annotations

import time
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from helpers import write_review
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from word_reports import WordReport

from sokket_cli.check import numbers
from sokket_cli.check.plan import read_plan
from sokket_cli.intake.word.convert import import_report
from sokket_cli.intake.word.figures import figure_text

_LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậềểễếệìỉĩíịờởỡớợừửữứự"
_WORD = st.text(alphabet=_LETTERS, min_size=1, max_size=7)
_SENTENCE = st.lists(_WORD, min_size=1, max_size=8).map(" ".join)
_HEADINGS = [
    ("I. KẾT QUẢ ĐẠT ĐƯỢC", {}), ("Ưu điểm", {"level": 0}), ("Hạn chế, yếu kém", {"style": "Heading 1"}),
    ("II. HẠN CHẾ, KHUYẾT ĐIỂM", {}), ("3. Nguyên nhân", {"bold": True}),
    ("a) Nguyên nhân khách quan", {}), ("* Chủ quan", {}), ("BÀI HỌC KINH NGHIỆM", {}),
    ("IV. PHƯƠNG HƯỚNG NHIỆM VỤ", {}), ("1. Công tác tuyên truyền", {}),
]
_MARKERS = [("", {}), ("- ", {}), ("+ ", {}), ("", {"level": 2}), ("", {"level": 3})]
_BLOCK = st.tuples(
    st.integers(0, len(_HEADINGS) - 1) | st.none(),
    st.lists(st.tuples(_SENTENCE, st.integers(0, len(_MARKERS) - 1)), max_size=6),
)


def strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    if isinstance(value, dict):
        return [s for k, v in value.items() if k != "unit" for s in strings(v)]
    return []


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.booleans(), st.lists(_BLOCK, min_size=1, max_size=8))
def test_every_paragraph_appears_exactly_once(tmp_path: Path, header: bool, blocks: list[Any]) -> None:
    write_review(tmp_path, {})
    report = WordReport()
    if header:
        report.header()
    expected: list[str] = []
    for heading, paragraphs in blocks:
        if heading is not None:
            text, look = _HEADINGS[heading]
            report.para(text, **look)
        for sentence, marker in paragraphs:
            typed, look = _MARKERS[marker]
            text = f"{sentence} {len(expected)}."  # unique, and never a section title
            report.para(typed + text, **look)
            expected.append(text)
    source = report.save(tmp_path / "bao-cao-ba-dinh.docx")
    imported = import_report(source, read_plan(tmp_path / "plan.yaml"), None, date(2026, 1, 1))
    found = strings(yaml.safe_load(imported.text))
    for text in expected:
        assert found.count(text) == 1, (text, imported.text)
    assert imported.summary.in_sections + imported.summary.unplaced >= len(expected)


def test_a_60_page_report_imports_in_under_2_seconds(tmp_path: Path) -> None:
    write_review(tmp_path, {})
    report = WordReport()
    report.header()
    titles = ["I. KẾT QUẢ ĐẠT ĐƯỢC", "II. HẠN CHẾ, YẾU KÉM", "III. NGUYÊN NHÂN", "IV. BÀI HỌC"]
    count = 0
    for title in titles:
        report.para(title, bold=True)
        for sub in range(1, 16):
            report.para(f"{sub}. Công tác thứ {sub} của lĩnh vực", bold=True)
            for line in range(24):
                marker = ("", "- ", "+ ")[line % 3]
                report.para(f"{marker}Đã triển khai nội dung số {count} đến các chi bộ, đảng viên.")
                count += 1
    report.table([["STT", "Chỉ tiêu", "Số lượng"]] + [[str(i), "Số hội nghị", "1.250"] for i in range(40)])
    report.closing()
    source = report.save(tmp_path / "bao-cao-ba-dinh.docx")
    plan = read_plan(tmp_path / "plan.yaml")
    started = time.perf_counter()
    imported = import_report(source, plan, None, date(2026, 1, 1))
    elapsed = time.perf_counter() - started
    assert count + 64 >= 1500
    assert imported.summary.paragraphs >= 1500
    assert elapsed < 2.0, f"{elapsed:.2f} s"
    print(f"60-page import: {imported.summary.paragraphs} paragraphs in {elapsed:.3f} s")


@given(st.integers(min_value=0, max_value=10**12))
def test_integers_written_the_vietnamese_way_read_back_exactly(number: int) -> None:
    written = numbers.format_vn(Decimal(number))  # 1250 -> '1.250'
    value, problem = figure_text(written, numbers.INTEGER)
    assert problem is None and value == str(number)


@given(st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False))
def test_rates_written_the_vietnamese_way_read_back_as_the_same_value(rate: Decimal) -> None:
    written = numbers.format_vn(rate) + "%"  # 1250.5 -> '1.250,5%'
    value, problem = figure_text(written, numbers.PERCENT)
    assert problem is None and value is not None
    assert numbers.parse(value, numbers.PERCENT)[0] == rate
