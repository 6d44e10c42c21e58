"""The office's own list of units (.xlsx or .csv) read into names and groups, in list order.

Offices keep this list in Excel: a column of names, often a ``STT`` column and a group
column (``Nhóm``, ``Khối``), with or without a header row, the group written once for a run of
rows (merged cells). Every bad row is reported with its row number, and nothing is returned
unless the whole list is good.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sokket_cli.errors import InputError, PlanError, UsageError, os_reason
from sokket_cli.intake.text import (
    CONTROL_CHARS,
    LEGACY_MESSAGE,
    control_char_message,
    decode,
    fold,
    looks_legacy,
)
from sokket_cli.problems import Problem, error

LIST_SUFFIXES = (".xlsx", ".csv")
# Folded header words (see unitids.fold) and what the column holds
_NAME_HEADERS = ("ten don vi", "don vi", "ten", "ten to chuc", "to chuc", "co so dang", "ten co so dang")
_GROUP_HEADERS = ("nhom", "khoi", "nhom don vi", "loai", "loai don vi", "cum", "group")
_IGNORED_HEADERS = ("stt", "so tt", "so thu tu", "tt", "ma", "ma don vi", "ghi chu")
_ORDINAL = re.compile(r"[0-9]+\.?|[IVXLC]+\.?")
_HEADER_SEARCH = 5  # rows above the header: the list's title, a date, a blank


@dataclass(frozen=True, slots=True)
class ListedUnit:
    """One unit of the list; ``row`` is its 1-based row in the sheet or file."""

    row: int
    name: str
    group: str = ""


def _clean(value: object) -> str:
    if value is None:
        return ""
    text = str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
    return unicodedata.normalize("NFC", " ".join(text.split()))


def _header_role(cell: str) -> str | None:
    folded = " ".join(re.sub(r"[^a-z0-9]+", " ", fold(cell)).split())
    if folded in _NAME_HEADERS:
        return "name"
    if folded in _GROUP_HEADERS:
        return "group"
    if folded in _IGNORED_HEADERS:
        return "ignored"
    return None


def _columns(rows: Sequence[tuple[int, list[str]]]) -> tuple[int, int | None, int]:
    """(name column, group column or None, how many rows precede the data): a header row
    is looked for among the first rows, below a title such as "DANH SÁCH ĐƠN VỊ"."""
    for index, (_, cells) in enumerate(rows[:_HEADER_SEARCH]):
        roles = [_header_role(cell) for cell in cells]
        if "name" in roles:
            group = roles.index("group") if "group" in roles else None
            return roles.index("name"), group, index + 1
    # No header: skip numbering columns (STT), then the names, then the groups
    width = max(len(cells) for _, cells in rows)
    text_columns = [
        column
        for column in range(width)
        if any(
            column < len(cells) and cells[column] and not _ORDINAL.fullmatch(cells[column])
            for _, cells in rows
        )
    ]
    if not text_columns:
        return 0, None, 0
    group = text_columns[1] if len(text_columns) > 1 else None
    return text_columns[0], group, 0


def _text_problem(name: str) -> tuple[str, str] | None:
    """A name that would reach the plan and the report unreadable: (code, message)."""
    if match := CONTROL_CHARS.search(name):
        return "control-char", control_char_message(match.group())
    if looks_legacy(name):
        return "legacy-encoding", LEGACY_MESSAGE
    return None


def units_from_rows(rows: Iterable[tuple[int, Sequence[object]]], path: Path) -> list[ListedUnit]:
    """The listed units from (row number, cells) pairs; PlanError with every bad row."""
    cleaned = [(number, [_clean(c) for c in cells]) for number, cells in rows]
    cleaned = [(number, cells) for number, cells in cleaned if any(cells)]
    if not cleaned:
        raise InputError("Danh sách đơn vị đang trống: không có dòng nào có tên đơn vị.", path=path)
    name_column, group_column, skipped = _columns(cleaned)
    problems: list[Problem] = []
    units: list[ListedUnit] = []
    seen: dict[str, int] = {}
    group = ""
    for number, cells in cleaned[skipped:]:
        name = cells[name_column] if name_column < len(cells) else ""
        if group_column is not None and group_column < len(cells) and cells[group_column]:
            group = cells[group_column]  # a group written once covers the rows below it
            if problem := _text_problem(group):
                problems.append(error(number, group_column + 1, *problem))
                continue
        if not name:
            problems.append(error(number, name_column + 1, "missing-field", f"Dòng {number} không có tên đơn vị. Hãy ghi tên hoặc xóa dòng này."))
            continue
        if problem := _text_problem(name):
            problems.append(error(number, name_column + 1, *problem))
            continue
        key = name.casefold()
        if key in seen:
            problems.append(error(number, name_column + 1, "duplicate-unit", f"Dòng {number}: đơn vị '{name}' trùng với dòng {seen[key]}. Mỗi đơn vị chỉ ghi một lần."))
            continue
        seen[key] = number
        units.append(ListedUnit(number, name, group))
    if not units and not problems:
        raise InputError("Danh sách đơn vị chỉ có dòng tiêu đề, chưa có đơn vị nào.", path=path)
    if problems:
        raise PlanError(f"Danh sách đơn vị có {len(problems)} lỗi; chưa ghi tệp nào. Hãy sửa các dòng trên rồi chạy lại.", path=path, problems=problems)
    return units


def _csv_rows(path: Path, data: bytes) -> list[tuple[int, list[str]]]:
    decoded = decode(data)
    if decoded.text is None:
        problem = decoded.problem
        raise InputError(problem.message if problem else "Không đọc được bảng mã của tệp.", path=path)
    text = decoded.text
    first_line = next((line for line in text.split("\n") if line.strip()), "")
    delimiter = max((";", ",", "\t"), key=first_line.count)
    # Only line feeds end a row (str.splitlines would also split at a stray \x0b or \x1c)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[int, list[str]]] = []
    try:
        # numbered by the line each row starts on, as a text editor shows it
        rows.extend((reader.line_num - sum(c.count("\n") for c in row), row) for row in reader)
    except csv.Error as exc:  # a field past the csv module's size limit (128 KB)
        raise InputError(
            f"Dòng {reader.line_num} của danh sách quá dài hoặc sai dạng ({exc}); một ô tên "
            "đơn vị không thể dài như vậy. Hãy kiểm tra lại tệp.",
            path=path, line=reader.line_num,
        ) from exc
    return rows


def _xlsx_rows(path: Path) -> list[tuple[int, list[object]]]:
    from openpyxl import load_workbook  # only here: the other commands never pay for it

    # The list arrives by e-mail: a damaged or fake .xlsx makes openpyxl raise whatever its
    # zip and XML layers raise (BadZipFile, KeyError, lxml's XMLSyntaxError...), on opening
    # or only when a row is read. Every one of them is the file's fault, said as such.
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
        try:
            sheet = workbook.worksheets[0]
            return [(number, list(row)) for number, row in enumerate(sheet.iter_rows(values_only=True), start=1)]
        finally:
            workbook.close()
    except OSError as exc:
        raise InputError(f"Không đọc được danh sách đơn vị: {os_reason(exc)}.", path=path) from exc
    except Exception as exc:
        raise InputError(
            "Tệp không phải tệp Excel .xlsx hợp lệ hoặc đã bị hỏng. Hãy mở bằng Excel, chọn "
            "File > Save As > Excel Workbook (.xlsx), hoặc lưu thành CSV UTF-8 (.csv).",
            path=path,
        ) from exc


def read_unit_list(path: Path) -> list[ListedUnit]:
    """The units of an .xlsx (first sheet) or .csv list, in the list's order."""
    suffix = path.suffix.lower()
    if suffix not in LIST_SUFFIXES:
        raise UsageError(
            f"Danh sách đơn vị '{path}' phải là tệp .xlsx hoặc .csv. Tệp .xls cũ: hãy mở bằng "
            "Excel và lưu lại dạng .xlsx (File > Save As > Excel Workbook)."
        )
    if not path.is_file():
        raise UsageError(f"Không có tệp danh sách đơn vị '{path}'.")
    if suffix == ".xlsx":
        return units_from_rows(_xlsx_rows(path), path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"Không đọc được danh sách đơn vị: {os_reason(exc)}.", path=path) from exc
    return units_from_rows(_csv_rows(path, data), path)
