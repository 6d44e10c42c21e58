"""The figures table as an Excel workbook: real numbers, totals as values, header frozen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from sokket_cli.check import numbers
from sokket_cli.check.plan import Plan
from sokket_cli.merge.figures import FigureTable, RowKind, cell_text
from sokket_cli.write.atomic import write_atomic

_FORMATS = {numbers.INTEGER: "#,##0", numbers.DECIMAL: "#,##0.0#", numbers.PERCENT: "0.0#"}


def write_workbook(plan: Plan, table: FigureTable, path: Path) -> None:
    """Write atomically (temporary file, then rename), as the .docx is."""
    write_atomic(path, workbook_writer(plan, table))


def workbook_writer(plan: Plan, table: FigureTable) -> Callable[[BinaryIO], object]:
    """The workbook, built now, as a function that saves it into a stream (see write_all)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = "Tổng hợp số liệu"
    title = f"BIỂU TỔNG HỢP SỐ LIỆU ({plan.subject})" if plan.subject else "BIỂU TỔNG HỢP SỐ LIỆU"
    sheet.append([title])
    sheet.append([f"Kèm theo dự thảo báo cáo thực hiện Kế hoạch số {plan.code}"])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet["A2"].font = Font(italic=True)
    header_row = 4
    headers = ["STT", "Đơn vị"] + [
        f"{ind.label} ({ind.unit})" if ind.unit else ind.label for ind in table.indicators
    ]
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    for col, text in enumerate(headers, start=1):
        cell = sheet.cell(row=header_row, column=col, value=text)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.border = box
    number = 0
    for offset, row in enumerate(table.rows, start=1):
        excel_row = header_row + offset
        bold = row.kind is not RowKind.UNIT
        if row.kind is RowKind.UNIT:
            number += 1
        cells = [number if row.kind is RowKind.UNIT else None, row.label]
        for col, value in enumerate(cells, start=1):
            cell = sheet.cell(row=excel_row, column=col, value=value)
            cell.font = Font(bold=bold)
            cell.border = box
        for index, (indicator, figure) in enumerate(zip(table.indicators, row.values, strict=True)):
            cell = sheet.cell(row=excel_row, column=3 + index)
            cell.border = box
            cell.font = Font(bold=bold)
            if figure is None:
                cell.value = cell_text(None, row, indicator) or None  # '—', or blank: no total
                cell.alignment = Alignment(horizontal="center")
                continue
            whole = indicator.type == numbers.INTEGER and figure == figure.to_integral_value()
            cell.value = int(figure) if whole else float(figure)
            cell.number_format = _FORMATS[indicator.type]
    sheet.column_dimensions["A"].width = 6
    sheet.column_dimensions["B"].width = 44
    for index in range(len(table.indicators)):
        sheet.column_dimensions[get_column_letter(3 + index)].width = 16
    sheet.row_dimensions[header_row].height = 48
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=3)
    save: Callable[[BinaryIO], object] = book.save
    return save
