"""The "Khen thưởng" sheet of the --xlsx workbook: the compiled proposals for commendation as
one flat list (a row per proposal, the form in a column, filters on the header), which is what
the office sorts, filters and checks against the criteria in Excel. Rows come in the order of
the .docx appendix: by form, then by proposing unit in plan order.
"""

from __future__ import annotations

from typing import Any

from sokket_cli.check.unitformat import KIND_TITLES
from sokket_cli.merge.commendations import CompiledCommendations

SHEET_TITLE = "Khen thưởng"
HEADER_ROW = 3  # zero-based: row 4 in Excel, below the title, the counts and a blank line
COLUMNS = (  # (header, width in characters)
    ("STT", 6),
    ("Hình thức khen thưởng", 28),
    ("Loại", 9),
    ("Tên tập thể / Họ và tên", 28),
    ("Năm sinh", 9),
    ("Giới tính", 9),
    ("Chức vụ, đơn vị", 32),
    ("Thành tích", 60),
    ("Đơn vị đề nghị", 28),
    ("Ghi chú", 30),
)
_BOX = {"border": 1, "valign": "top", "text_wrap": True}
_HEADER = {**_BOX, "bold": True, "align": "center", "valign": "vcenter", "bg_color": "#DDEBF7"}


def add_commendation_sheet(book: Any, compiled: CompiledCommendations, code: str) -> None:
    """Add the sheet to an XlsxWriter ``book``; ``code`` is the plan's number, for the subtitle."""
    sheet = book.add_worksheet(SHEET_TITLE)
    sheet.write_string(0, 0, f"DANH SÁCH TẬP THỂ, CÁ NHÂN {compiled.title.upper()}", book.add_format({"bold": True, "font_size": 13}))
    sheet.write_string(
        1, 0,
        f"Kèm theo dự thảo báo cáo thực hiện Kế hoạch số {code}: các đơn vị đề nghị "
        f"{compiled.counts.text()}.",
        book.add_format({"italic": True}),
    )
    header = book.add_format(_HEADER)
    for col, (text, width) in enumerate(COLUMNS):
        sheet.write_string(HEADER_ROW, col, text, header)
        sheet.set_column(col, col, width)
    cell = book.add_format(_BOX)
    centred = book.add_format({**_BOX, "align": "center"})
    row_index = HEADER_ROW
    for table in compiled.forms:
        for group in table.units:
            for row in group.rows:
                row_index += 1
                proposal = row.proposal
                sheet.write_number(row_index, 0, row_index - HEADER_ROW, centred)  # STT
                cells = (
                    table.form, KIND_TITLES[proposal.kind].capitalize(), proposal.name,
                    proposal.birth_year, proposal.gender, proposal.position,
                    proposal.achievement, row.proposer, row.note(),
                )
                for col, value in enumerate(cells, start=1):
                    style = centred if col in (4, 5) else cell
                    if isinstance(value, int):
                        sheet.write_number(row_index, col, value, style)
                    elif value:
                        sheet.write_string(row_index, col, value, style)
                    else:
                        sheet.write_blank(row_index, col, None, style)
    sheet.set_row(HEADER_ROW, 32)
    sheet.freeze_panes(HEADER_ROW + 1, 0)
    sheet.autofilter(HEADER_ROW, 0, max(row_index, HEADER_ROW + 1), len(COLUMNS) - 1)

