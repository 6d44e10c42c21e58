"""Tables of figures: rows (or columns) named like the plan's indicators fill ``indicators:``.

Labels are compared without diacritics, numbering or case, and a little loosely ('Tổng số đảng
viên bị kỷ luật' is 'Số đảng viên bị kỷ luật'). Numbers are read the Vietnamese way (``1.250``
is one thousand two hundred and fifty, ``96,5%`` a rate) and written as validate reads them.
A row that names no indicator, or whose number is unclear, is reported and never guessed.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from sokket_cli.check import numbers
from sokket_cli.check.unitformat import Field
from sokket_cli.intake.word.matching import fold

_SIMILAR = 0.86  # difflib ratio above which two folded labels are the same label
_BLANK = frozenset({"", "-", "–", "—", "x", "/", "..."})
_GROUPED = re.compile(r"[0-9]{1,3}(?:[. \u00a0][0-9]{3})+")
_DECIMAL_COMMA = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})*,[0-9]+|[0-9]+,[0-9]+")
_DECIMAL_POINT = re.compile(r"[0-9]+\.[0-9]{1,2}")  # never a thousands group: that needs three
_WHOLE = re.compile(r"[0-9]+")
_ROW_NUMBER = re.compile(r"[0-9IVXivx]{1,4}[.)]?|[a-zđ][.)]")
_LEADING_NUMBER = re.compile(r"^\s*(?:[0-9]{1,2}(?:\.[0-9]{1,2})*|[IVX]{1,4}|[a-zđ])[.)]\s*")


@dataclass(frozen=True, slots=True)
class Unmatched:
    row: int  # 1-based row of the table
    text: str
    reason: str


@dataclass(slots=True)
class Figures:
    """What one table gave: figures by indicator key, and the rows it could not use."""

    values: dict[str, str] = field(default_factory=dict)
    used_rows: set[int] = field(default_factory=set)
    rows_by_key: dict[str, int] = field(default_factory=dict)  # the row each figure came from
    unmatched: list[Unmatched] = field(default_factory=list)


def figure_text(cell: str, kind: str) -> tuple[str | None, str | None]:
    """(the figure as validate reads it, None) or (None, why not); (None, None) when blank."""
    raw = cell.strip()
    if kind == numbers.PERCENT and raw.endswith("%"):
        raw = raw[:-1].rstrip()
    if raw.lower() in _BLANK:
        return None, None
    if _WHOLE.fullmatch(raw):
        value = raw
    elif _GROUPED.fullmatch(raw):
        value = re.sub(r"[. \u00a0]", "", raw)
    elif kind != numbers.INTEGER and _DECIMAL_COMMA.fullmatch(raw):
        value = raw.replace(".", "")
    elif kind != numbers.INTEGER and _DECIMAL_POINT.fullmatch(raw):
        value = raw.replace(".", ",")
    else:
        return None, f"'{cell.strip()}' không đọc được thành số"
    if numbers.parse(value, kind)[1] is not None:
        return None, f"'{cell.strip()}' không hợp với kiểu số của chỉ tiêu"
    return value, None


def _label_key(text: str) -> str:
    return fold(_LEADING_NUMBER.sub("", text))


class IndicatorMatcher:
    def __init__(self, indicators: tuple[Field, ...]) -> None:
        self.indicators = indicators
        self._labels = [(ind, _label_key(ind.title)) for ind in indicators]

    def match(self, text: str) -> Field | None:
        """The one indicator ``text`` names; None for none or a tie."""
        key = _label_key(text)
        if not key or key.replace(" ", "").isdigit():
            return None
        scored: list[tuple[float, Field]] = []
        for indicator, label in self._labels:
            if key == label:
                score = 2.0
            elif f" {label} " in f" {key} " and len(label) >= 4:
                score = 1.0 + len(label) / len(key)  # 'Tổng số đảng viên bị kỷ luật'
            else:
                ratio = difflib.SequenceMatcher(None, key, label).ratio()
                if ratio < _SIMILAR:
                    continue
                score = ratio
            scored.append((score, indicator))
        if not scored:
            return None
        scored.sort(key=lambda entry: entry[0], reverse=True)
        if len(scored) > 1 and scored[0][0] == scored[1][0]:
            return None
        return scored[0][1]


def read_figures(rows: tuple[tuple[str, ...], ...], matcher: IndicatorMatcher) -> Figures | None:
    """The figures of a table, or None when neither its rows nor its columns name indicators."""
    by_row = [_row_label(row, matcher) for row in rows]
    row_hits = sum(1 for found in by_row if found is not None)
    header = rows[0] if rows else ()
    column_hits = [matcher.match(cell) for cell in header]
    if row_hits == 0 and not any(column_hits):
        return None
    if row_hits >= sum(1 for hit in column_hits if hit is not None):
        return _by_rows(rows, by_row)
    return _by_columns(rows, column_hits)


def _row_label(row: tuple[str, ...], matcher: IndicatorMatcher) -> tuple[int, Field] | None:
    for index, cell in enumerate(row[:3]):
        found = matcher.match(cell)
        if found is not None:
            return index, found
    return None


def _row_text(row: tuple[str, ...]) -> str:
    return " | ".join(cell for cell in row if cell.strip())


def _by_rows(rows: tuple[tuple[str, ...], ...], labels: list[tuple[int, Field] | None]) -> Figures:
    result = Figures()
    first_label = next(i for i, found in enumerate(labels) if found is not None)
    seen = result.rows_by_key
    for index, (row, found) in enumerate(zip(rows, labels, strict=True), start=1):
        if not _row_text(row):
            result.used_rows.add(index)
            continue
        if found is None:
            if index <= first_label:  # the column titles above the first indicator
                result.used_rows.add(index)
            else:
                result.unmatched.append(Unmatched(index, _row_text(row), "không khớp chỉ tiêu nào của kế hoạch"))
            continue
        label_at, indicator = found
        if indicator.key in seen:
            result.unmatched.append(Unmatched(index, _row_text(row), f"chỉ tiêu '{indicator.key}' đã lấy ở dòng {seen[indicator.key]}"))
            continue
        values: list[str] = []
        problems: list[str] = []
        notes: list[str] = []
        for offset, cell in enumerate(row):
            if offset == label_at or not cell.strip():
                continue
            if offset < label_at and _ROW_NUMBER.fullmatch(cell.strip()):
                continue  # the STT column
            if indicator.measure and fold(cell) == fold(indicator.measure):
                continue
            value, problem = figure_text(cell, indicator.number_type)
            if value is not None:
                values.append(value)
            elif problem is not None and any(c.isdigit() for c in cell):
                problems.append(problem)
            elif problem is not None:
                notes.append(cell.strip())
        if len(values) == 1 and not problems:
            result.values[indicator.key] = values[0]
            seen[indicator.key] = index
            result.used_rows.add(index)
            if notes:
                result.unmatched.append(Unmatched(index, " | ".join(notes), f"ghi chú của chỉ tiêu '{indicator.key}'"))
        elif not values and not problems:
            seen[indicator.key] = index
            result.used_rows.add(index)  # left blank: not reported
            if notes:
                result.unmatched.append(Unmatched(index, " | ".join(notes), f"ghi chú của chỉ tiêu '{indicator.key}'"))
        else:
            why = "; ".join(problems) if problems else "có nhiều số trên một dòng, không rõ lấy số nào"
            result.unmatched.append(Unmatched(index, _row_text(row), f"chỉ tiêu '{indicator.key}': {why}"))
    return result


def _by_columns(rows: tuple[tuple[str, ...], ...], columns: list[Field | None]) -> Figures:
    result = Figures(used_rows={1})
    data = [(i, row) for i, row in enumerate(rows[1:], start=2) if _row_text(row)]
    if len(data) != 1:
        for index, row in data:
            result.unmatched.append(Unmatched(index, _row_text(row), "bảng có nhiều dòng số liệu, không rõ dòng nào là của đơn vị"))
        return result
    index, row = data[0]
    extra: list[str] = []
    problems: list[str] = []
    for column, cell in enumerate(row):
        indicator = columns[column] if column < len(columns) else None
        if indicator is None:
            if cell.strip() and not _ROW_NUMBER.fullmatch(cell.strip()):
                extra.append(cell.strip())
            continue
        value, problem = figure_text(cell, indicator.number_type)
        if value is not None:
            result.values[indicator.key] = value
            result.rows_by_key[indicator.key] = index
        elif problem is not None:
            problems.append(f"chỉ tiêu '{indicator.key}': {problem}")
    result.used_rows.add(index)
    if problems or extra:
        why = "; ".join(problems) if problems else "cột không khớp chỉ tiêu nào của kế hoạch"
        result.unmatched.append(Unmatched(index, " | ".join(extra or [_row_text(row)]), why))
    return result
