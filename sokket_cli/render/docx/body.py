"""WordprocessingML emission: paragraphs, runs, tables and section properties, as strings."""

from __future__ import annotations

import re
from typing import Any

from lxml import etree  # type: ignore[import-untyped]  # no stubs; used through Any

from sokket_cli.render.docx.markup import (
    ALIGN,
    INLINE,
    PARA_ATTRS,
    RUN_ATTRS,
    VALIGN,
    check_attrs,
    choice,
    escape,
    fail,
    flag,
    number,
    shown,
    twips,
)
from sokket_cli.render.docx.styles import PLAIN, DocumentSettings, Page, RunFormat, ppr_xml

NO_EXTRA: dict[str, str] = {}
_COLSPAN = re.compile(r"[0-9]{1,4}")  # ASCII digits: str.isdigit() also takes '²', which int() refuses


class BodyWriter:
    """Walks the parsed markup once, appending WordprocessingML fragments to ``out``."""

    def __init__(self, settings: DocumentSettings, header_ids: tuple[str, str] | None) -> None:
        self.settings = settings
        self.header_ids = header_ids
        self.out: list[str] = []
        self._ppr_cache: dict[tuple[Any, ...], tuple[str, RunFormat, str]] = {}
        self._rpr_cache: dict[RunFormat, str] = {}
        self._derived: dict[tuple[Any, ...], tuple[RunFormat, str]] = {}

    # sections --------------------------------------------------------------------------
    def sect_pr(self, page: Page, first: bool) -> str:
        refs = ""
        if self.header_ids and self.settings.page_numbers != "none":
            default_id, first_id = self.header_ids
            refs = f'<w:headerReference w:type="default" r:id="{default_id}"/>'
            refs += f'<w:headerReference w:type="first" r:id="{first_id}"/>'
        orient = ' w:orient="landscape"' if page.width > page.height else ""
        title_pg = "<w:titlePg/>" if first and self.settings.page_numbers == "from-2" else ""
        return (
            f'<w:sectPr>{refs}<w:pgSz w:w="{page.width}" w:h="{page.height}"{orient}/>'
            f'<w:pgMar w:top="{page.top}" w:right="{page.right}" w:bottom="{page.bottom}" '
            f'w:left="{page.left}" w:header="{page.header}" w:footer="{page.footer}" w:gutter="0"/>'
            f'<w:cols w:space="720"/>{title_pg}<w:docGrid w:linePitch="360"/></w:sectPr>'
        )

    def block(self, element: Any, page: Page) -> None:
        tag = element.tag
        if tag == "p":
            self.paragraph(element, PLAIN, NO_EXTRA)
        elif tag == "table":
            self.table(element, page)
        elif tag == "page-break":
            check_attrs(element)
            self.out.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
        elif tag == "section":
            raise fail(element, "Không đặt <section> bên trong <section>.")
        elif tag is etree.Comment or tag is etree.PI:
            return
        else:
            raise fail(element, f"Thẻ <{tag}> không dùng được ở đây; nội dung gồm <p>, <table>, <section>, <page-break/>.")

    # paragraphs ------------------------------------------------------------------------
    def _paragraph_props(
        self, element: Any, base: RunFormat, extra: dict[str, str], key: tuple[Any, ...]
    ) -> tuple[str, RunFormat, str]:
        """``w:pPr``, run format and ``w:rPr`` of a paragraph; cached under ``key``."""
        check_attrs(element)
        attrs = {**extra, **{k: v for k, v in element.attrib.items() if k not in ("colspan", "valign", "shade")}}
        style_id = None
        if "style" in attrs:
            style = self.settings.styles.get(attrs["style"])
            if style is None:
                known = ", ".join(self.settings.styles) or "(chưa khai báo kiểu nào)"
                raise fail(element, f"Kiểu '{attrs['style']}' chưa được khai báo bằng <style name=\"...\">. Các kiểu có: {known}.")
            style_id = style.style_id
        ppr = ppr_xml({k: v for k, v in attrs.items() if k in PARA_ATTRS}, element, style_id)
        run = base.apply({k: v for k, v in attrs.items() if k in RUN_ATTRS}, element)
        result = (f"<w:pPr>{ppr}</w:pPr>" if ppr else "", run, self.rpr(run))
        self._ppr_cache[key] = result
        return result

    def paragraph(self, element: Any, base: RunFormat, extra: dict[str, str]) -> None:
        # The hot path of a large report: one lookup for the properties, and a paragraph of
        # plain text (most of them) written as one fragment.
        key = (element.tag, tuple(element.items()), base, tuple(extra.items()) if extra else ())
        ppr, run, rpr = self._ppr_cache.get(key) or self._paragraph_props(element, base, extra, key)
        text = element.text
        if len(element):
            if not text:
                self.out.append(f"<w:p>{ppr}")
            elif "\n" in text or "\t" in text:
                self.out.append(f"<w:p>{ppr}")
                self.text(text, rpr)
            else:
                if "&" in text or "<" in text or ">" in text:
                    text = escape(text)
                self.out.append(f'<w:p>{ppr}<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>')
            self.children(element, run, rpr)
            self.out.append("</w:p>")
        elif not text:
            self.out.append(f"<w:p>{ppr}</w:p>")
        elif "\n" in text or "\t" in text:
            self.out.append(f"<w:p>{ppr}")
            self.text(text, rpr)
            self.out.append("</w:p>")
        else:
            if "&" in text or "<" in text or ">" in text:
                text = escape(text)
            self.out.append(f'<w:p>{ppr}<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r></w:p>')

    def rpr(self, run: RunFormat) -> str:
        cached = self._rpr_cache.get(run)
        if cached is None:
            inner = run.xml()
            cached = f"<w:rPr>{inner}</w:rPr>" if inner else ""
            self._rpr_cache[run] = cached
        return cached

    def derive(self, run: RunFormat, child: Any, key: tuple[Any, ...]) -> tuple[RunFormat, str]:
        """The format inside an inline element, and its ``w:rPr``; cached under ``key``."""
        if child.attrib:
            check_attrs(child)
        tag = child.tag
        if tag == "b":
            derived = run._replace(bold=True)
        elif tag == "i":
            derived = run._replace(italic=True)
        elif tag == "u":
            derived = run._replace(underline=True)
        else:
            derived = run.apply(dict(child.attrib), child)
        result = (derived, self.rpr(derived))
        self._derived[key] = result
        return result

    def text(self, text: str, rpr: str) -> None:
        """One run; ``\n`` becomes a line break and ``\t`` a tab, so unit text keeps its shape."""
        if "\n" in text or "\t" in text:
            parts: list[str] = []
            for i, line in enumerate(text.split("\n")):
                if i:
                    parts.append("<w:br/>")
                for j, piece in enumerate(line.split("\t")):
                    if j:
                        parts.append("<w:tab/>")
                    if piece:
                        parts.append(f'<w:t xml:space="preserve">{escape(piece)}</w:t>')
            self.out.append(f"<w:r>{rpr}{''.join(parts)}</w:r>")
        else:
            if "&" in text or "<" in text or ">" in text:
                text = escape(text)
            self.out.append(f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>')

    def children(self, element: Any, run: RunFormat, rpr: str) -> None:
        """The runs of an element's children (and the text after each), in format ``run``."""
        for child in element:
            tag = child.tag
            if tag == "br":
                self.out.append(f"<w:r>{rpr}<w:br/></w:r>")
            elif tag == "tab":
                self.out.append(f"<w:r>{rpr}<w:tab/></w:r>")
            elif tag in INLINE:
                key = (run, tag, tuple(child.items()))
                inner, inner_rpr = self._derived.get(key) or self.derive(run, child, key)
                text = child.text
                if not text:
                    pass
                elif "\n" in text or "\t" in text:
                    self.text(text, inner_rpr)
                else:  # the usual run, as in text()
                    if "&" in text or "<" in text or ">" in text:
                        text = escape(text)
                    self.out.append(f'<w:r>{inner_rpr}<w:t xml:space="preserve">{text}</w:t></w:r>')
                if len(child):
                    self.children(child, inner, inner_rpr)
            elif tag is not etree.Comment and tag is not etree.PI:
                raise fail(child, f"Thẻ <{tag}> không dùng được trong đoạn văn; dùng <b>, <i>, <u>, <span>, <br/>, <tab/>.")
            tail = child.tail
            if tail:
                self.text(tail, rpr)

    # tables ----------------------------------------------------------------------------
    def table(self, element: Any, page: Page) -> None:
        check_attrs(element)
        widths = self._widths(element, page)
        borders = element.get("borders", "none")
        if borders not in ("none", "all"):
            raise fail(element, f"'borders=\"{borders}\"' chỉ nhận none (không kẻ) hoặc all (kẻ ô).")
        edge = 'w:val="nil"' if borders == "none" else 'w:val="single" w:sz="4" w:space="0" w:color="auto"'
        edges = "".join(f"<w:{e} {edge}/>" for e in ("top", "left", "bottom", "right", "insideH", "insideV"))
        align = element.get("align")
        jc = f'<w:jc w:val="{choice(ALIGN, align, element, "align")}"/>' if align else ""
        self.out.append(
            f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/>{jc}'
            f'<w:tblBorders>{edges}</w:tblBorders><w:tblLayout w:type="fixed"/>'
            '<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
            '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
            'w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>'
            + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
            + "</w:tblGrid>"
        )
        table_extra = {k: element.attrib[k] for k in ("style", "size") if k in element.attrib}
        for row in element:
            if row.tag is etree.Comment:
                continue
            if row.tag != "row":
                raise fail(row, f"Trong <table> chỉ có các dòng <row>, không có <{row.tag}>.")
            self.row(row, widths, table_extra)
        self.out.append("</w:tbl>")

    def _widths(self, element: Any, page: Page) -> list[int]:
        spec = element.get("widths")
        if not spec:
            raise fail(element, "<table> cần 'widths', ví dụ widths=\"45%,55%\" hoặc widths=\"60mm,105mm\".")
        widths: list[int] = []
        for part in spec.split(","):
            part = part.strip()
            if part.endswith("%"):
                percent = number(part[:-1])
                if percent is None or not 0 < percent <= 100:
                    raise fail(
                        element,
                        f"Độ rộng cột '{shown(part)}' phải là tỉ lệ lớn hơn 0% và không quá 100% "
                        "khổ chữ, ví dụ 45%.",
                    )
                width = round(page.text_width * percent / 100)
            else:
                width = twips(part, element, "widths", signed=True)  # refused just below
            if width <= 0:
                raise fail(element, f"Độ rộng cột '{shown(part)}' phải lớn hơn 0, ví dụ 60mm hoặc 45%.")
            widths.append(width)
        return widths

    def row(self, row: Any, widths: list[int], table_extra: dict[str, str]) -> None:
        check_attrs(row)
        trpr = ""
        if row.get("header") and flag(row.get("header"), row, "header"):
            trpr += "<w:tblHeader/>"
        if row.get("cant-split", "true") == "true":
            trpr = "<w:cantSplit/>" + trpr
        self.out.append(f"<w:tr><w:trPr>{trpr}</w:trPr>" if trpr else "<w:tr>")
        row_extra = dict(table_extra)
        for name in ("bold", "italic", "align"):
            if name in row.attrib:
                row_extra[name] = row.attrib[name]
        column = 0
        for cell in row:
            if cell.tag is etree.Comment:
                continue
            if cell.tag != "cell":
                raise fail(cell, f"Trong <row> chỉ có các ô <cell>, không có <{cell.tag}>.")
            check_attrs(cell)
            colspan = cell.get("colspan", "1")
            span = int(colspan) if _COLSPAN.fullmatch(colspan) else 0
            if span < 1 or column + span > len(widths):
                raise fail(cell, f"Ô vượt quá số cột của bảng ({len(widths)} cột theo 'widths').")
            width = sum(widths[column : column + span])
            column += span
            tcpr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
            if span > 1:
                tcpr += f'<w:gridSpan w:val="{span}"/>'
            if cell.get("shade"):
                color = cell.get("shade", "")
                if not re.fullmatch(r"[0-9A-Fa-f]{6}", color):
                    raise fail(cell, "'shade' là mã màu 6 chữ số hex, ví dụ shade=\"D9D9D9\".")
                tcpr += f'<w:shd w:val="clear" w:color="auto" w:fill="{color}"/>'
            if cell.get("valign"):
                tcpr += f'<w:vAlign w:val="{choice(VALIGN, cell.get("valign", ""), cell, "valign")}"/>'
            self.out.append(f"<w:tc><w:tcPr>{tcpr}</w:tcPr>")
            self.cell_content(cell, row_extra)
            self.out.append("</w:tc>")
        if column < len(widths):
            raise fail(row, f"Dòng có {column} cột, ít hơn {len(widths)} cột của bảng.")
        self.out.append("</w:tr>")

    def cell_content(self, cell: Any, row_extra: dict[str, str]) -> None:
        """A cell holds ``<p>`` blocks, or inline content that makes one paragraph."""
        blocks = [c for c in cell if c.tag in ("p", "table")]
        if not blocks:
            self.paragraph(cell, PLAIN, row_extra)
            return
        if (cell.text or "").strip() or any(
            c.tag not in ("p", "table") and c.tag is not etree.Comment for c in cell
        ):
            raise fail(cell, "Trong một ô, hoặc toàn bộ là các đoạn <p>, hoặc chỉ là chữ; không trộn hai cách.")
        extra = {**row_extra, **{k: v for k, v in cell.attrib.items() if k in RUN_ATTRS | PARA_ATTRS | {"style"}}}
        for block in blocks:
            if block.tag == "table":
                raise fail(block, "Không đặt bảng trong bảng.")
            self.paragraph(block, PLAIN, extra)
