"""Real-looking Word reports built with python-docx: header block, headings typed or made with
Word's numbering and heading styles, lists, tables, legacy fonts, Nơi nhận and signature."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.table import Table
from docx.text.paragraph import Paragraph

from sokket_cli.intake.legacy import from_unicode

# One list definition: I. / 1. / - / + on levels 0-3, as Word's multilevel list makes it.
OUTLINE_NUM_ID = "90"
_ABSTRACT = f"""
<w:abstractNum {nsdecls("w")} w:abstractNumId="90">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>
  <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="+"/></w:lvl>
  <w:lvl w:ilvl="4"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%5)"/></w:lvl>
</w:abstractNum>
"""
_NUM = f'<w:num {nsdecls("w")} w:numId="{OUTLINE_NUM_ID}"><w:abstractNumId w:val="90"/></w:num>'


class WordReport:
    """A report being written the way a unit's office writes it."""

    def __init__(self) -> None:
        self.doc = Document()
        numbering = self.doc.part.numbering_part.element
        numbering.insert(0, parse_xml(_ABSTRACT))
        numbering.append(parse_xml(_NUM))

    def header(self, organ: str = "QUẬN ỦY BA ĐÌNH", place: str = "Ba Đình",
               summary: str = "Sơ kết 5 năm thực hiện Nghị quyết Trung ương 4") -> None:
        table = self.doc.add_table(rows=1, cols=2)
        left, right = table.rows[0].cells
        self._lines(left, ["ĐẢNG BỘ THÀNH PHỐ HÀ NỘI", organ, "*", "Số 45-BC/QU"])
        self._lines(right, ["ĐẢNG CỘNG SẢN VIỆT NAM", f"{place}, ngày 30 tháng 6 năm 2021"])
        self.para("BÁO CÁO", bold=True, centered=True)
        self.para(summary, bold=True, centered=True)
        self.para("-----", centered=True)

    @staticmethod
    def _lines(cell: object, lines: list[str]) -> None:
        cell.paragraphs[0].text = lines[0]  # type: ignore[attr-defined]
        for line in lines[1:]:
            cell.add_paragraph(line)  # type: ignore[attr-defined]

    def para(self, text: str, *, bold: bool = False, centered: bool = False,
             style: str | None = None, font: str | None = None,
             level: int | None = None) -> Paragraph:
        """A paragraph; ``font`` '.VnTime'/'VNI-Times' stores ``text`` in that legacy font;
        ``level`` puts it in the outline list (0: I., 1: 1., 2: -, 3: +, 4: a))."""
        paragraph = self.doc.add_paragraph(style=style)
        stored = text
        if font is not None and font.startswith(".Vn"):
            stored = from_unicode(text.lower() if font.endswith("H") else text, "tcvn3")
        elif font is not None and font.startswith("VNI"):
            stored = from_unicode(text, "vni")
        run = paragraph.add_run(stored)
        run.bold = bold or None
        if font is not None:
            run.font.name = font
        if centered:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if level is not None:
            ppr = paragraph._p.get_or_add_pPr()
            ppr.append(parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/>'
                f'<w:numId w:val="{OUTLINE_NUM_ID}"/></w:numPr>'
            ))
        return paragraph

    def table(self, rows: list[list[str]]) -> Table:
        table = self.doc.add_table(rows=len(rows), cols=len(rows[0]))
        for cells, values in zip(table.rows, rows, strict=True):
            for cell, value in zip(cells.cells, values, strict=True):
                cell.text = value
        return table

    def closing(self) -> None:
        table = self.doc.add_table(rows=1, cols=2)
        left, right = table.rows[0].cells
        self._lines(left, ["Nơi nhận:", "- Ban Tổ chức Thành ủy,", "- Lưu VP."])
        self._lines(right, ["T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Văn A"])

    def save(self, path: Path) -> Path:
        self.doc.save(str(path))
        return path
