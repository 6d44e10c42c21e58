"""One Word report to one unit file: read, set the frame aside, find headings, place, write."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sokket_cli.check.plan import Plan
from sokket_cli.check.unitformat import INDICATORS_KEY
from sokket_cli.errors import InputError
from sokket_cli.intake.word.document import Paragraph, Table, read_body
from sokket_cli.intake.word.figures import IndicatorMatcher, read_figures
from sokket_cli.intake.word.frame import Place, find_frame
from sokket_cli.intake.word.matching import Matcher
from sokket_cli.intake.word.outline import (
    MAX_HEADING_LENGTH,
    Line,
    Restart,
    Role,
    TableRow,
    build_tree,
    classify,
)
from sokket_cli.intake.word.package import open_docx
from sokket_cli.intake.word.placing import Placer, count, freeze
from sokket_cli.intake.word.recognise import recognise
from sokket_cli.write.unitfile import unit_yaml


@dataclass(slots=True)
class Summary:
    """Where the paragraphs (and table rows) of the Word file went."""

    in_sections: int = 0  # paragraphs that became items
    headings: int = 0  # headings that named a section
    unplaced: int = 0
    header: int = 0  # header block
    closing: int = 0  # Nơi nhận and signature
    decoration: int = 0  # rules and lone symbols: no letter or digit
    rows_in_sections: int = 0
    rows_unplaced: int = 0
    figure_rows: int = 0
    figures: int = 0  # indicators filled

    @property
    def paragraphs(self) -> int:
        return (self.in_sections + self.headings + self.unplaced + self.header + self.closing
                + self.decoration)


@dataclass(slots=True)
class Imported:
    unit_id: str
    text: str  # the unit file
    summary: Summary
    warnings: list[str] = field(default_factory=list)
    unmatched_figures: list[str] = field(default_factory=list)  # also in unplaced


def _unit_for(path: Path, plan: Plan, header_text: str) -> str:
    found = recognise(path.stem, header_text, plan.unit_format.unit_choices)
    if found.unit_id is not None:
        return found.unit_id
    example = plan.units[0].id if plan.units else "ba-dinh"
    raise InputError(
        f"Không nhận ra đây là báo cáo của đơn vị nào: {found.problem}. Hãy chỉ rõ mã đơn vị "
        f"theo kế hoạch, ví dụ: sokket import \"{path}\" --don-vi {example}",
        path=path,
    )


class _Collector:
    """Walks the blocks once: counts the frame, classifies paragraphs, reads figures tables."""

    def __init__(self, matcher: Matcher, indicators: IndicatorMatcher) -> None:
        self.matcher = matcher
        self.indicators = indicators
        self.summary = Summary()
        self.values: dict[str, str] = {}
        self.taken: dict[str, int] = {}  # indicator key -> the table it came from
        self.unmatched: list[str] = []
        self.entries: list[Line | TableRow | Restart] = []
        self.number = 0  # non-empty paragraphs so far: how the comments count them
        self.tables = 0

    def paragraph(self, block: Paragraph, place: Place, is_title: bool) -> None:
        if not block.text.strip():
            return
        self.number += 1
        if place is Place.HEADER:
            self.summary.header += 1
        elif place is Place.CLOSING:
            self.summary.closing += 1
        elif (line := classify(self.number, block, is_title)) is None:
            self.summary.decoration += 1
        else:
            if line.role is Role.HEADING:
                named = self.matcher.match(line.text)
                line.names_section = named is not None and named.part is None
            self.entries.append(line)

    def table(self, block: Table, place: Place) -> None:
        self.tables += 1
        texts = [" | ".join(c for c in row if c.strip()) for row in block.rows]
        if place is not Place.BODY:
            filled = sum(1 for text in texts if text)
            if place is Place.HEADER:
                self.summary.header += filled
            else:
                self.summary.closing += filled
            return
        figures = read_figures(block.rows, self.indicators) if self.indicators.indicators else None
        reasons: dict[int, list[str]] = {}
        if figures is not None:
            for key, value in figures.values.items():
                if key in self.taken:
                    reasons.setdefault(figures.rows_by_key[key], []).append(
                        f"chỉ tiêu '{key}' đã lấy ở bảng {self.taken[key]}"
                    )
                    continue
                self.values[key] = value
                self.taken[key] = self.tables
            for miss in figures.unmatched:
                self.unused_row(miss.row, miss.text, miss.reason)
        for row_number, text in enumerate(texts, start=1):
            if not text:
                continue
            if row_number in reasons:
                self.unused_row(row_number, text, "; ".join(reasons[row_number]))
            elif figures is None:
                self.entries.append(TableRow(self.tables, row_number, text, self.number))
            elif row_number in figures.used_rows:
                self.summary.figure_rows += 1

    def unused_row(self, row: int, text: str, reason: str) -> None:
        """A row of a figures table that gave no figure: listed, and kept under unplaced."""
        self.entries.append(TableRow(self.tables, row, text, self.number, reason))
        self.unmatched.append(f"bảng {self.tables}, dòng {row}: {text} ({reason})")


def import_report(path: Path, plan: Plan, unit_id: str | None, today: date) -> Imported:
    """Convert one .docx; raises :class:`InputError` for a file that cannot be read as one."""
    parts = open_docx(path)
    try:
        body = read_body(parts)
    except InputError as exc:  # the body reader knows what is wrong, not which file it is
        raise InputError(exc.message, path=path) from exc
    blocks = body.blocks
    file_format = plan.unit_format
    matcher = Matcher(file_format)
    is_title = [
        isinstance(b, Paragraph)
        and len(b.text) <= MAX_HEADING_LENGTH
        and matcher.match(b.text) is not None
        for b in blocks
    ]
    frame = find_frame(blocks, is_title)
    unit = unit_id or _unit_for(path, plan, frame.header_text)
    collector = _Collector(matcher, IndicatorMatcher(file_format.field(INDICATORS_KEY).children))
    for index, block in enumerate(blocks):
        place = frame.places[index]
        if place is Place.BODY and index and frame.places[index - 1] is Place.CLOSING:
            collector.entries.append(Restart())
        if isinstance(block, Paragraph):
            collector.paragraph(block, place, is_title[index])
        else:
            collector.table(block, place)
    summary, values = collector.summary, collector.values
    entries, unmatched = collector.entries, collector.unmatched
    placer = Placer(matcher)
    placer.place_document(build_tree(entries))
    content = {key: tuple(freeze(drafts)) for key, drafts in placer.content.items()}
    for drafts in placer.content.values():
        paragraphs, rows = count(drafts)
        summary.in_sections += paragraphs
        summary.rows_in_sections += rows
    summary.unplaced, summary.rows_unplaced = count(placer.unplaced)
    summary.headings = placer.headings
    summary.figures = len(values)
    warnings = [
        f"{paragraphs} đoạn văn gõ bằng phông chữ cũ '{font}' đã được chuyển sang Unicode; hãy "
        "đọc lại các đoạn này trong tệp kết quả."
        for font, paragraphs in body.legacy.items()
    ]
    header = [
        (f"Nhập từ tệp Word '{path.name}' ngày {today.day:02d}/{today.month:02d}/{today.year} "
         "bằng lệnh sokket import."),
        ("Hãy đọc lại toàn bộ. Các ý trong 'unplaced:' (nếu có) chưa thuộc mục nào: chuyển từng "
         "ý vào đúng mục rồi xóa chúng khỏi 'unplaced:'."),
    ]
    if frame.dated is not None:
        header.append("Ngày gửi (submitted) lấy theo ngày ghi ở đầu văn bản Word.")
    if body.legacy:
        header.append(
            "Một số đoạn gõ bằng phông chữ cũ (" + ", ".join(body.legacy) + ") đã được chuyển "
            "sang Unicode."
        )
    text = unit_yaml(
        file_format,
        unit,
        submitted=frame.dated,
        content=content,
        indicators=values,
        header=header,
        unplaced=[(d.where, item) for d in placer.unplaced for item in freeze([d])],
    )
    return Imported(unit, text, summary, warnings, unmatched)

