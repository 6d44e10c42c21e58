"""The figures table as an Excel workbook: real numbers, subtotals and totals as formulas
with their values cached, header frozen.

Formulas, so a clerk who corrects a unit's figure sees the totals follow; cached values, so
readers that never recalculate (viewers, openpyxl, mail previews) still show the numbers.
openpyxl cannot store a formula's value, XlsxWriter can. Subtotals are ``SUBTOTAL`` over
their group's rows and the total ``SUBTOTAL`` over all rows: ``SUBTOTAL`` skips cells that
are themselves subtotals, so nothing is counted twice and each formula stays short however
many groups the plan has.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any, BinaryIO

from sokket_cli.check import numbers
from sokket_cli.check.plan import Indicator, Plan
from sokket_cli.errors import UsageError
from sokket_cli.merge.commendations import CompiledCommendations
from sokket_cli.merge.figures import FigureRow, FigureTable, RowKind, cell_text
from sokket_cli.write.atomic import write_atomic
from sokket_cli.write.commendation_sheet import add_commendation_sheet

SHEET_TITLE = "Tổng hợp số liệu"
HEADER_ROW = 3  # zero-based: row 4 in Excel; units start on the row below
FIRST_FIGURE_COLUMN = 2  # column C
_NUMBER_FORMATS = {numbers.INTEGER: "#,##0", numbers.DECIMAL: "#,##0.0#", numbers.PERCENT: "0.0#"}
_SUBTOTAL_FUNCTION = {"sum": 9, "mean": 1}  # SUBTOTAL's SUM and AVERAGE
_NONE = "—"  # what the .docx shows where a unit reported nothing
EXCEL_LARGEST = Decimal("9.99999999999999E+307")  # a larger figure is written as its text
_BOX = {"border": 1}
_HEADER = {**_BOX, "bold": True, "align": "center", "valign": "vcenter", "text_wrap": True, "bg_color": "#DDEBF7"}


def workbook_contents(plan: Plan) -> list[str]:
    """What ``--xlsx`` writes for ``plan``, as the clerk is told: the figures sheet when the
    plan has indicators, the proposals sheet when it asks for commendations. A plan with
    neither has nothing to write, and ``--xlsx`` is refused before anything is read."""
    contents = [
        *(["bảng số liệu"] if plan.indicators else []),
        *(["danh sách đề nghị khen thưởng"] if plan.commendations is not None else []),
    ]
    if not contents:
        raise UsageError(
            "Kế hoạch không có chỉ tiêu số liệu (indicators) và không có đề nghị khen thưởng "
            "(commendations) nên không có bảng để ghi ra Excel."
        )
    return contents


def write_workbook(
    plan: Plan, table: FigureTable, path: Path, commendations: CompiledCommendations | None = None
) -> None:
    """Write atomically (temporary file, then rename), as the .docx is."""
    write_atomic(path, workbook_writer(plan, table, commendations))


def workbook_writer(
    plan: Plan, table: FigureTable, commendations: CompiledCommendations | None = None
) -> Callable[[BinaryIO], object]:
    """The workbook as a function that writes it into a stream, for write_all: compile
    writes the .docx and the .xlsx to temporaries and renames both only when both are done.
    The figures sheet when the plan has indicators; the proposals sheet when it asks for them."""
    return lambda stream: _write(plan, table, commendations, stream)


def _write(
    plan: Plan, table: FigureTable, commendations: CompiledCommendations | None, stream: BinaryIO
) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(stream, {"in_memory": True})
    book.set_properties({"author": "sokket", "comments": "Bảng số liệu do sokket tổng hợp."})
    if table.indicators or commendations is None:
        _figures_sheet(book, plan, table)
    if commendations is not None:
        add_commendation_sheet(book, commendations, plan.code)
    book.close()


def _figures_sheet(book: Any, plan: Plan, table: FigureTable) -> None:
    sheet = book.add_worksheet(SHEET_TITLE)
    title = f"BIỂU TỔNG HỢP SỐ LIỆU ({plan.subject})" if plan.subject else "BIỂU TỔNG HỢP SỐ LIỆU"
    sheet.write_string(0, 0, title, book.add_format({"bold": True, "font_size": 13}))
    subtitle = f"Kèm theo dự thảo báo cáo thực hiện Kế hoạch số {plan.code}"
    sheet.write_string(1, 0, subtitle, book.add_format({"italic": True}))
    header = book.add_format(_HEADER)
    labels = ["STT", "Đơn vị"] + [f"{ind.label} ({ind.unit})" if ind.unit else ind.label for ind in table.indicators]
    for col, text in enumerate(labels):
        sheet.write_string(HEADER_ROW, col, text, header)
    _Rows(book, sheet, table.indicators).write(table.rows)
    sheet.set_column(0, 0, 6)
    sheet.set_column(1, 1, 44)
    if table.indicators:
        sheet.set_column(FIRST_FIGURE_COLUMN, FIRST_FIGURE_COLUMN + len(table.indicators) - 1, 16)
    sheet.set_row(HEADER_ROW, 48)
    sheet.freeze_panes(HEADER_ROW + 1, FIRST_FIGURE_COLUMN)


class _Rows:
    """The table's rows, with every format made once (each is a style record in the file)."""

    def __init__(self, book: Any, sheet: Any, indicators: tuple[Indicator, ...]) -> None:
        self.sheet = sheet
        self.indicators = indicators
        self.columns = [_column_name(FIRST_FIGURE_COLUMN + i) for i in range(len(indicators))]
        self.plain = book.add_format(_BOX)
        self.bold = book.add_format({**_BOX, "bold": True})
        self.dash = book.add_format({**_BOX, "align": "center"})
        self.bold_dash = book.add_format({**_BOX, "bold": True, "align": "center"})
        self.huge = book.add_format({**_BOX, "align": "right"})
        self.figure = [book.add_format({**_BOX, "num_format": _NUMBER_FORMATS[ind.type]}) for ind in indicators]
        self.total = [
            book.add_format({**_BOX, "bold": True, "num_format": _NUMBER_FORMATS[_total_type(ind)]})
            for ind in indicators
        ]

    def write(self, rows: tuple[FigureRow, ...]) -> None:
        number = 0
        group_start = HEADER_ROW + 1  # the first row of the group being written
        for row_index, row in enumerate(rows, start=HEADER_ROW + 1):
            if row.kind is RowKind.UNIT:
                number += 1
                self.sheet.write_number(row_index, 0, number, self.plain)
                self.sheet.write_string(row_index, 1, row.label, self.plain)
                self.figures(row_index, row)
            else:
                self.sheet.write_blank(row_index, 0, None, self.bold)
                self.sheet.write_string(row_index, 1, row.label, self.bold)
                first = group_start if row.kind is RowKind.SUBTOTAL else HEADER_ROW + 1
                self.totals(row_index, row, first)
                group_start = row_index + 1

    def figures(self, row_index: int, row: FigureRow) -> None:
        """A unit's figures as numbers; '—' where it reported nothing."""
        for i, (indicator, figure) in enumerate(zip(self.indicators, row.values, strict=True)):
            col = FIRST_FIGURE_COLUMN + i
            if figure is None:
                self.sheet.write_string(row_index, col, cell_text(None, row, indicator), self.dash)
            elif abs(figure) > EXCEL_LARGEST:
                self.sheet.write_string(row_index, col, cell_text(figure, row, indicator), self.huge)
            else:
                self.sheet.write_number(row_index, col, numbers.as_number(figure), self.figure[i])

    def totals(self, row_index: int, row: FigureRow, first: int) -> None:
        """``SUBTOTAL`` over the rows from ``first`` to the one above, the table's value
        cached; '—' while none of them has a number; blank for ``aggregate: none``."""
        for i, (indicator, figure) in enumerate(zip(self.indicators, row.values, strict=True)):
            col = FIRST_FIGURE_COLUMN + i
            function = _SUBTOTAL_FUNCTION.get(indicator.aggregate)
            if function is None:
                self.sheet.write_blank(row_index, col, None, self.bold)
                continue
            cells = f"{self.columns[i]}{first + 1}:{self.columns[i]}{row_index}"
            formula = f'=IF(COUNT({cells})=0,"{_NONE}",SUBTOTAL({function},{cells}))'
            if figure is None:
                self.sheet.write_formula(row_index, col, formula, self.bold_dash, _NONE)
            else:
                cached = cell_text(figure, row, indicator) if abs(figure) > EXCEL_LARGEST else numbers.as_number(figure)
                self.sheet.write_formula(row_index, col, formula, self.total[i], cached)


def _total_type(indicator: Indicator) -> str:
    """A mean of whole numbers has decimals, so it gets the decimal format."""
    mean = indicator.aggregate == "mean" and indicator.type == numbers.INTEGER
    return numbers.DECIMAL if mean else indicator.type


def _column_name(col: int) -> str:
    """``C`` for zero-based column 2, ``AA`` for 26."""
    letters = ""
    col += 1
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters
