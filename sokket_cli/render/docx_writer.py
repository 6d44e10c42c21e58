"""Report markup (what the templates render) to a .docx file.

The markup is a small XML vocabulary described in templates/README.md: a ``<document>`` with
page settings, named ``<style>`` declarations, and ``<p>``, ``<table>``, ``<section>`` and
``<page-break>`` blocks. It is parsed as the template renders it, and each top-level block is
turned into WordprocessingML (as strings) and written into the zip at its end tag, then
dropped: a large report is never held whole, as markup, tree or body. python-docx only builds
the package skeleton (styles, header with the page number, properties), because a loop of
``add_paragraph`` is quadratic on large reports.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from itertools import islice
from pathlib import Path
from typing import Any, NamedTuple

from lxml import etree  # type: ignore[import-untyped]  # no stubs; used through Any

from sokket_cli.write.atomic import write_atomic

PAGE_SIZES_MM = {"A4": (210.0, 297.0), "A5": (148.0, 210.0), "A3": (297.0, 420.0)}
_TWIPS_PER = {"mm": 1440 / 25.4, "cm": 1440 / 2.54, "pt": 20.0, "in": 1440.0}
_LENGTH = re.compile(r"^\s*(-?\d+(?:[.,]\d+)?)\s*(mm|cm|pt|in)\s*$")
_ALIGN = {"left": "left", "center": "center", "right": "right", "justify": "both"}
_VALIGN = {"top": "top", "center": "center", "bottom": "bottom"}
_BOOL = {"true": True, "false": False}
_CHUNK = 20_000  # body fragments encoded and compressed at a time
_BATCH = 2048  # rendered pieces handed to the parser at a time (~60 KB of markup)

_RUN_ATTRS = frozenset({"font", "size", "bold", "italic", "underline"})
_PARA_ATTRS = frozenset(
    {
        "align", "first-line-indent", "left-indent", "right-indent", "hanging-indent",
        "space-before", "space-after", "line-spacing", "keep-with-next", "page-break-before",
        "border-top", "border-bottom", "border", "outline-level",
    }
)
_ALLOWED: dict[str, frozenset[str]] = {
    "document": frozenset(
        {
            "page", "orientation", "margin-top", "margin-bottom", "margin-left", "margin-right",
            "header-distance", "footer-distance", "font", "size", "lang", "page-numbers",
            "page-number-size", "title",
        }
    ),
    "style": frozenset({"name", "label"}) | _RUN_ATTRS | _PARA_ATTRS,
    "section": frozenset({"orientation", "margin-top", "margin-bottom", "margin-left", "margin-right"}),
    "page-break": frozenset(),
    "p": frozenset({"style"}) | _RUN_ATTRS | _PARA_ATTRS,
    "table": frozenset({"widths", "borders", "align", "style", "size"}),
    "row": frozenset({"header", "bold", "italic", "align", "cant-split"}),
    "cell": frozenset({"colspan", "valign", "style", "shade"}) | _RUN_ATTRS | _PARA_ATTRS,
    "b": frozenset(),
    "i": frozenset(),
    "u": frozenset(),
    "span": _RUN_ATTRS,
    "br": frozenset(),
    "tab": frozenset(),
}
_INLINE = frozenset({"b", "i", "u", "span", "br", "tab"})
_BLOCKS = frozenset({"p", "table", "section", "page-break"})


class MarkupError(ValueError):
    """The rendered markup is not what the writer understands; ``line`` is in the markup."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def _fail(element: Any, message: str) -> MarkupError:
    return MarkupError(message, getattr(element, "sourceline", None))


def twips(value: str, element: Any = None, name: str = "") -> int:
    """A length such as ``20mm``, ``1.5cm``, ``6pt`` or ``0.5in`` in twentieths of a point."""
    match = _LENGTH.match(value)
    if match is None:
        raise _fail(element, f"'{name}=\"{value}\"' không phải độ dài (ví dụ 20mm, 1cm, 6pt).")
    return round(float(match.group(1).replace(",", ".")) * _TWIPS_PER[match.group(2)])


def _half_points(value: str, element: Any, name: str) -> int:
    try:
        size = float(value.replace(",", "."))
    except ValueError:
        raise _fail(element, f"'{name}=\"{value}\"' phải là cỡ chữ tính bằng pt, ví dụ 14.") from None
    if not 1 <= size <= 400:
        raise _fail(element, f"Cỡ chữ '{value}' không hợp lý.")
    return round(size * 2)


def _bool(value: str, element: Any, name: str) -> bool:
    if value not in _BOOL:
        raise _fail(element, f"'{name}=\"{value}\"' chỉ nhận true hoặc false.")
    return _BOOL[value]


def _choice(table: dict[str, str], value: str, element: Any, name: str) -> str:
    if value not in table:
        raise _fail(element, f"'{name}=\"{value}\"' không hợp lệ; chọn một trong: {', '.join(table)}.")
    return table[value]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attr(text: str) -> str:
    return _escape(text).replace('"', "&quot;")


# --- paragraph and run properties -------------------------------------------------------


def _border(value: str, element: Any, name: str) -> str:
    """``0.75pt`` (a single line of that width) or ``none``; the ``w:sz`` is in 1/8 pt."""
    if value == "none":
        return 'w:val="nil"'
    eighths = max(2, min(96, round(twips(value, element, name) / 20 * 8)))
    return f'w:val="single" w:sz="{eighths}" w:space="1" w:color="auto"'


def ppr_xml(attrs: dict[str, str], element: Any = None, style_id: str | None = None) -> str:
    """The inside of ``w:pPr`` for paragraph attributes, in the schema's element order."""
    out: list[str] = []
    if style_id:
        out.append(f'<w:pStyle w:val="{_attr(style_id)}"/>')
    if "keep-with-next" in attrs:
        on = _bool(attrs["keep-with-next"], element, "keep-with-next")
        out.append("<w:keepNext/>" if on else '<w:keepNext w:val="0"/>')
    if "page-break-before" in attrs and _bool(attrs["page-break-before"], element, "page-break-before"):
        out.append("<w:pageBreakBefore/>")
    edges: list[str] = []
    box = _border(attrs["border"], element, "border") if "border" in attrs else None
    top = _border(attrs["border-top"], element, "border-top") if "border-top" in attrs else box
    bottom = _border(attrs["border-bottom"], element, "border-bottom") if "border-bottom" in attrs else box
    for edge, spec in (("top", top), ("left", box), ("bottom", bottom), ("right", box)):
        if spec:
            edges.append(f"<w:{edge} {spec}/>")
    if edges:
        out.append(f"<w:pBdr>{''.join(edges)}</w:pBdr>")
    spacing: list[str] = []
    for name, xml_name in (("space-before", "before"), ("space-after", "after")):
        if name in attrs:
            spacing.append(f'w:{xml_name}="{twips(attrs[name], element, name)}"')
    if "line-spacing" in attrs:
        value = attrs["line-spacing"]
        if _LENGTH.match(value):
            spacing.append(f'w:line="{twips(value, element, "line-spacing")}" w:lineRule="atLeast"')
        else:
            try:
                multiple = float(value.replace(",", "."))
            except ValueError:
                raise _fail(element, f"'line-spacing=\"{value}\"' phải là hệ số (1, 1.15, 1.5) hoặc độ dài (18pt).") from None
            spacing.append(f'w:line="{round(multiple * 240)}" w:lineRule="auto"')
    if spacing:
        out.append(f"<w:spacing {' '.join(spacing)}/>")
    indent: list[str] = []
    for name, xml_name in (
        ("left-indent", "left"), ("right-indent", "right"),
        ("first-line-indent", "firstLine"), ("hanging-indent", "hanging"),
    ):
        if name in attrs:
            indent.append(f'w:{xml_name}="{twips(attrs[name], element, name)}"')
    if indent:
        out.append(f"<w:ind {' '.join(indent)}/>")
    if "align" in attrs:
        out.append(f'<w:jc w:val="{_choice(_ALIGN, attrs["align"], element, "align")}"/>')
    if "outline-level" in attrs:  # what Word's navigation pane and table of contents list
        level = attrs["outline-level"]
        if level not in {str(n) for n in range(1, 10)}:
            raise _fail(element, f"'outline-level=\"{level}\"' phải là số từ 1 đến 9.")
        out.append(f'<w:outlineLvl w:val="{int(level) - 1}"/>')
    return "".join(out)


class RunFormat(NamedTuple):
    """Character formatting in force at a point of a paragraph; ``None`` means inherited.

    A named tuple, not a dataclass: it is a dictionary key for every run of a large report,
    and tuple hashing and equality run in C.
    """

    font: str | None = None
    size: int | None = None  # half-points
    bold: bool | None = None
    italic: bool | None = None
    underline: bool | None = None

    def apply(self, attrs: dict[str, str], element: Any) -> RunFormat:
        changes: dict[str, Any] = {}
        if "font" in attrs:
            changes["font"] = attrs["font"]
        if "size" in attrs:
            changes["size"] = _half_points(attrs["size"], element, "size")
        for name in ("bold", "italic", "underline"):
            if name in attrs:
                changes[name] = _bool(attrs[name], element, name)
        return self._replace(**changes) if changes else self

    def xml(self) -> str:
        out: list[str] = []
        if self.font:
            f = _attr(self.font)
            out.append(f'<w:rFonts w:ascii="{f}" w:hAnsi="{f}" w:eastAsia="{f}" w:cs="{f}"/>')
        if self.bold is not None:
            out.append("<w:b/><w:bCs/>" if self.bold else '<w:b w:val="0"/><w:bCs w:val="0"/>')
        if self.italic is not None:
            out.append("<w:i/><w:iCs/>" if self.italic else '<w:i w:val="0"/><w:iCs w:val="0"/>')
        if self.size is not None:
            out.append(f'<w:sz w:val="{self.size}"/><w:szCs w:val="{self.size}"/>')
        if self.underline is not None:
            out.append(f'<w:u w:val="{"single" if self.underline else "none"}"/>')
        return "".join(out)


_PLAIN = RunFormat()
_NO_EXTRA: dict[str, str] = {}


# --- the document model read from the markup ----------------------------------------------


@dataclass(slots=True)
class Page:
    width: int
    height: int
    top: int
    bottom: int
    left: int
    right: int
    header: int
    footer: int

    @property
    def text_width(self) -> int:
        return self.width - self.left - self.right

    def oriented(self, orientation: str, element: Any) -> Page:
        if orientation not in ("portrait", "landscape"):
            raise _fail(element, f"'orientation=\"{orientation}\"' chỉ nhận portrait (dọc) hoặc landscape (ngang).")
        short, long = sorted((self.width, self.height))
        width, height = (long, short) if orientation == "landscape" else (short, long)
        return replace(self, width=width, height=height)


@dataclass(slots=True)
class Style:
    name: str
    style_id: str
    label: str
    ppr: str
    rpr: str


@dataclass(slots=True)
class DocumentSettings:
    page: Page
    font: str
    size: int
    lang: str
    page_numbers: str
    page_number_size: int
    title: str
    styles: dict[str, Style] = field(default_factory=dict)


def _page(attrs: dict[str, str], element: Any, base: Page | None) -> Page:
    if base is None:
        size = attrs.get("page", "A4")
        if size not in PAGE_SIZES_MM:
            raise _fail(element, f"'page=\"{size}\"' không hỗ trợ; chọn {', '.join(PAGE_SIZES_MM)}.")
        w_mm, h_mm = PAGE_SIZES_MM[size]
        mm = _TWIPS_PER["mm"]
        base = Page(round(w_mm * mm), round(h_mm * mm), 1134, 1134, 1701, 850, 567, 567)
    page = replace(base)
    for name in ("top", "bottom", "left", "right"):
        if f"margin-{name}" in attrs:
            setattr(page, name, twips(attrs[f"margin-{name}"], element, f"margin-{name}"))
    if "header-distance" in attrs:
        page.header = twips(attrs["header-distance"], element, "header-distance")
    if "footer-distance" in attrs:
        page.footer = twips(attrs["footer-distance"], element, "footer-distance")
    if "orientation" in attrs:
        page = page.oriented(attrs["orientation"], element)
    return page


def _check_attrs(element: Any) -> None:
    allowed = _ALLOWED[element.tag]
    unknown = [name for name in element.attrib if name not in allowed]
    if unknown:
        raise _fail(
            element,
            f"Thẻ <{element.tag}> không có thuộc tính '{unknown[0]}'. Các thuộc tính dùng được: "
            f"{', '.join(sorted(allowed)) or '(không có)'}.",
        )


def _style_id(name: str, element: Any) -> str:
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", name):
        raise _fail(element, f"Tên kiểu '{name}' chỉ được gồm chữ cái không dấu, chữ số, '-' và '_'.")
    return "sk-" + name


# --- body generation ------------------------------------------------------------------------


class _BodyWriter:
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
            self.paragraph(element, _PLAIN, _NO_EXTRA)
        elif tag == "table":
            self.table(element, page)
        elif tag == "page-break":
            _check_attrs(element)
            self.out.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
        elif tag == "section":
            raise _fail(element, "Không đặt <section> bên trong <section>.")
        elif tag is etree.Comment or tag is etree.PI:
            return
        else:
            raise _fail(element, f"Thẻ <{tag}> không dùng được ở đây; nội dung gồm <p>, <table>, <section>, <page-break/>.")

    # paragraphs ------------------------------------------------------------------------
    def _paragraph_props(
        self, element: Any, base: RunFormat, extra: dict[str, str], key: tuple[Any, ...]
    ) -> tuple[str, RunFormat, str]:
        """``w:pPr``, run format and ``w:rPr`` of a paragraph; cached under ``key``."""
        _check_attrs(element)
        attrs = {**extra, **{k: v for k, v in element.attrib.items() if k not in ("colspan", "valign", "shade")}}
        style_id = None
        if "style" in attrs:
            style = self.settings.styles.get(attrs["style"])
            if style is None:
                known = ", ".join(self.settings.styles) or "(chưa khai báo kiểu nào)"
                raise _fail(element, f"Kiểu '{attrs['style']}' chưa được khai báo bằng <style name=\"...\">. Các kiểu có: {known}.")
            style_id = style.style_id
        ppr = ppr_xml({k: v for k, v in attrs.items() if k in _PARA_ATTRS}, element, style_id)
        run = base.apply({k: v for k, v in attrs.items() if k in _RUN_ATTRS}, element)
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
                    text = _escape(text)
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
                text = _escape(text)
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
            _check_attrs(child)
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
                        parts.append(f'<w:t xml:space="preserve">{_escape(piece)}</w:t>')
            self.out.append(f"<w:r>{rpr}{''.join(parts)}</w:r>")
        else:
            if "&" in text or "<" in text or ">" in text:
                text = _escape(text)
            self.out.append(f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>')

    def children(self, element: Any, run: RunFormat, rpr: str) -> None:
        """The runs of an element's children (and the text after each), in format ``run``."""
        for child in element:
            tag = child.tag
            if tag == "br":
                self.out.append(f"<w:r>{rpr}<w:br/></w:r>")
            elif tag == "tab":
                self.out.append(f"<w:r>{rpr}<w:tab/></w:r>")
            elif tag in _INLINE:
                key = (run, tag, tuple(child.items()))
                inner, inner_rpr = self._derived.get(key) or self.derive(run, child, key)
                text = child.text
                if not text:
                    pass
                elif "\n" in text or "\t" in text:
                    self.text(text, inner_rpr)
                else:  # the usual run, as in text()
                    if "&" in text or "<" in text or ">" in text:
                        text = _escape(text)
                    self.out.append(f'<w:r>{inner_rpr}<w:t xml:space="preserve">{text}</w:t></w:r>')
                if len(child):
                    self.children(child, inner, inner_rpr)
            elif tag is not etree.Comment and tag is not etree.PI:
                raise _fail(child, f"Thẻ <{tag}> không dùng được trong đoạn văn; dùng <b>, <i>, <u>, <span>, <br/>, <tab/>.")
            tail = child.tail
            if tail:
                self.text(tail, rpr)

    # tables ----------------------------------------------------------------------------
    def table(self, element: Any, page: Page) -> None:
        _check_attrs(element)
        widths = self._widths(element, page)
        borders = element.get("borders", "none")
        if borders not in ("none", "all"):
            raise _fail(element, f"'borders=\"{borders}\"' chỉ nhận none (không kẻ) hoặc all (kẻ ô).")
        edge = 'w:val="nil"' if borders == "none" else 'w:val="single" w:sz="4" w:space="0" w:color="auto"'
        edges = "".join(f"<w:{e} {edge}/>" for e in ("top", "left", "bottom", "right", "insideH", "insideV"))
        align = element.get("align")
        jc = f'<w:jc w:val="{_choice(_ALIGN, align, element, "align")}"/>' if align else ""
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
                raise _fail(row, f"Trong <table> chỉ có các dòng <row>, không có <{row.tag}>.")
            self.row(row, widths, table_extra)
        self.out.append("</w:tbl>")

    def _widths(self, element: Any, page: Page) -> list[int]:
        spec = element.get("widths")
        if not spec:
            raise _fail(element, "<table> cần 'widths', ví dụ widths=\"45%,55%\" hoặc widths=\"60mm,105mm\".")
        widths: list[int] = []
        for part in spec.split(","):
            part = part.strip()
            if part.endswith("%"):
                try:
                    widths.append(round(page.text_width * float(part[:-1].replace(",", ".")) / 100))
                except ValueError:
                    raise _fail(element, f"Độ rộng cột '{part}' không hợp lệ.") from None
            else:
                widths.append(twips(part, element, "widths"))
        return widths

    def row(self, row: Any, widths: list[int], table_extra: dict[str, str]) -> None:
        _check_attrs(row)
        trpr = ""
        if row.get("header") and _bool(row.get("header"), row, "header"):
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
                raise _fail(cell, f"Trong <row> chỉ có các ô <cell>, không có <{cell.tag}>.")
            _check_attrs(cell)
            span = int(cell.get("colspan", "1")) if cell.get("colspan", "1").isdigit() else 0
            if span < 1 or column + span > len(widths):
                raise _fail(cell, f"Ô vượt quá số cột của bảng ({len(widths)} cột theo 'widths').")
            width = sum(widths[column : column + span])
            column += span
            tcpr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
            if span > 1:
                tcpr += f'<w:gridSpan w:val="{span}"/>'
            if cell.get("shade"):
                color = cell.get("shade", "")
                if not re.fullmatch(r"[0-9A-Fa-f]{6}", color):
                    raise _fail(cell, "'shade' là mã màu 6 chữ số hex, ví dụ shade=\"D9D9D9\".")
                tcpr += f'<w:shd w:val="clear" w:color="auto" w:fill="{color}"/>'
            if cell.get("valign"):
                tcpr += f'<w:vAlign w:val="{_choice(_VALIGN, cell.get("valign", ""), cell, "valign")}"/>'
            self.out.append(f"<w:tc><w:tcPr>{tcpr}</w:tcPr>")
            self.cell_content(cell, row_extra)
            self.out.append("</w:tc>")
        if column < len(widths):
            raise _fail(row, f"Dòng có {column} cột, ít hơn {len(widths)} cột của bảng.")
        self.out.append("</w:tr>")

    def cell_content(self, cell: Any, row_extra: dict[str, str]) -> None:
        """A cell holds ``<p>`` blocks, or inline content that makes one paragraph."""
        blocks = [c for c in cell if c.tag in ("p", "table")]
        if not blocks:
            self.paragraph(cell, _PLAIN, row_extra)
            return
        if (cell.text or "").strip() or any(
            c.tag not in ("p", "table") and c.tag is not etree.Comment for c in cell
        ):
            raise _fail(cell, "Trong một ô, hoặc toàn bộ là các đoạn <p>, hoặc chỉ là chữ; không trộn hai cách.")
        extra = {**row_extra, **{k: v for k, v in cell.attrib.items() if k in _RUN_ATTRS | _PARA_ATTRS | {"style"}}}
        for block in blocks:
            if block.tag == "table":
                raise _fail(block, "Không đặt bảng trong bảng.")
            self.paragraph(block, _PLAIN, extra)


# --- the package ------------------------------------------------------------------------------


def _settings(root: Any) -> DocumentSettings:
    """The page and font settings of the ``<document>`` element (its attributes only)."""
    if root.tag != "document":
        raise _fail(root, f"Mẫu phải dựng ra một thẻ <document> bao ngoài, không phải <{root.tag}>.")
    _check_attrs(root)
    attrs = dict(root.attrib)
    page_numbers = attrs.get("page-numbers", "from-2")
    if page_numbers not in ("from-2", "all", "none"):
        raise _fail(root, f"'page-numbers=\"{page_numbers}\"' chỉ nhận from-2, all hoặc none.")
    size = _half_points(attrs.get("size", "14"), root, "size")
    return DocumentSettings(
        page=_page(attrs, root, None),
        font=attrs.get("font", "Times New Roman"),
        size=size,
        lang=attrs.get("lang", "vi-VN"),
        page_numbers=page_numbers,
        page_number_size=_half_points(attrs["page-number-size"], root, "page-number-size")
        if "page-number-size" in attrs
        else size,
        title=attrs.get("title", ""),
    )


def _style(element: Any) -> Style:
    _check_attrs(element)
    style_attrs = dict(element.attrib)
    name = style_attrs.pop("name", None)
    if not name:
        raise _fail(element, "<style> cần 'name', ví dụ <style name=\"body\" .../>.")
    style_id = _style_id(name, element)
    label = style_attrs.pop("label", name)
    return Style(
        name,
        style_id,
        label,
        ppr_xml({k: v for k, v in style_attrs.items() if k in _PARA_ATTRS}, element),
        RunFormat().apply({k: v for k, v in style_attrs.items() if k in _RUN_ATTRS}, element).xml(),
    )


def _fix_fonts(styles_element: Any, font: str) -> None:
    """Every font slot names ``font`` and no theme font is left for Word to fall back to."""
    from docx.oxml.ns import qn

    theme_attrs = [qn(f"w:{a}") for a in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme", "csTheme")]
    for rfonts in styles_element.iter(qn("w:rFonts")):
        for name in theme_attrs:
            rfonts.attrib.pop(name, None)
        for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
            rfonts.set(qn(f"w:{slot}"), font)


def _skeleton(settings: DocumentSettings) -> tuple[bytes, tuple[str, str] | None]:
    """A python-docx package with our styles and page-number header, and its header ids."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    doc = Document()
    styles = doc.styles.element
    w = nsdecls("w")
    font = _attr(settings.font)
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is not None:
        styles.remove(defaults)
    lang = _attr(settings.lang)
    styles.insert(
        0,
        parse_xml(
            f"<w:docDefaults {w}><w:rPrDefault><w:rPr>"
            f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}"/>'
            f'<w:sz w:val="{settings.size}"/><w:szCs w:val="{settings.size}"/>'
            f'<w:lang w:val="{lang}" w:eastAsia="{lang}" w:bidi="ar-SA"/>'
            "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
            '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
        ),
    )
    normal = doc.styles["Normal"].element
    for child in list(normal):
        if child.tag in (qn("w:pPr"), qn("w:rPr")):
            normal.remove(child)
    normal.append(
        parse_xml(
            f'<w:rPr {w}><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}"/>'
            f'<w:sz w:val="{settings.size}"/><w:szCs w:val="{settings.size}"/>'
            f'<w:lang w:val="{lang}" w:eastAsia="{lang}" w:bidi="ar-SA"/></w:rPr>'
        )
    )
    taken = {s.label for s in settings.styles.values()} | {s.style_id for s in settings.styles.values()}
    for existing in list(styles.iterchildren(qn("w:style"))):
        name = existing.find(qn("w:name"))
        if existing.get(qn("w:styleId")) in taken or (name is not None and name.get(qn("w:val")) in taken):
            styles.remove(existing)
    for style in settings.styles.values():
        styles.append(
            parse_xml(
                f'<w:style {w} w:type="paragraph" w:customStyle="1" w:styleId="{_attr(style.style_id)}">'
                f'<w:name w:val="{_attr(style.label)}"/><w:basedOn w:val="Normal"/><w:qFormat/>'
                f"<w:pPr>{style.ppr}</w:pPr><w:rPr>{style.rpr}</w:rPr></w:style>"
            )
        )
    _fix_fonts(styles, settings.font)

    section = doc.sections[0]
    header_ids: tuple[str, str] | None = None
    if settings.page_numbers != "none":
        section.different_first_page_header_footer = settings.page_numbers == "from-2"
        header = section.header
        header.is_linked_to_previous = False
        paragraph = header.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        rpr = f"<w:rPr>{RunFormat(font=settings.font, size=settings.page_number_size).xml()}</w:rPr>"
        for inner in (
            '<w:fldChar w:fldCharType="begin"/>',
            '<w:instrText xml:space="preserve"> PAGE </w:instrText>',
            '<w:fldChar w:fldCharType="separate"/>',
            "<w:t>2</w:t>",
            '<w:fldChar w:fldCharType="end"/>',
        ):
            paragraph._p.append(parse_xml(f"<w:r {w}>{rpr}{inner}</w:r>"))
        section.first_page_header.is_linked_to_previous = False
        refs = {
            ref.get(qn("w:type")): ref.get(qn("r:id"))
            for ref in section._sectPr.iterchildren(qn("w:headerReference"))
        }
        header_ids = (refs["default"], refs["first"])
    props = doc.core_properties
    props.title = settings.title[:255]  # a core-properties limit of python-docx
    props.language = settings.lang
    props.author = "sokket"
    props.last_modified_by = "sokket"
    props.comments = "Dự thảo do sokket tổng hợp từ báo cáo của các đơn vị."
    package_rels = doc.part.package.rels
    for rel_id in [k for k, rel in package_rels.items() if rel.reltype.endswith("/thumbnail")]:
        del package_rels[rel_id]  # python-docx's stock thumbnail shows an empty page
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue(), header_ids


def _pieces(chunks: Iterable[str]) -> Iterator[bytes]:
    """The rendered markup in UTF-8 batches for the parser.

    Jinja yields hundreds of thousands of tiny strings; ``islice`` gathers them in C rather
    than one Python step each (a third of a second for 3,000 units).
    """
    iterator = iter(chunks)
    while batch := list(islice(iterator, _BATCH)):
        yield "".join(batch).encode("utf-8")


class _Package:
    """Streams the markup through lxml into the zip: each top-level block (or block of a
    ``<section>``) is written at its end tag and then dropped, so neither the markup tree nor
    the WordprocessingML body is ever held whole.

    Word sections: the blocks before, between and after ``<section>`` elements are groups
    of their own; each group that has content (and always the first) ends with its section
    properties, carried by an empty paragraph except for the last group's, which closes
    the body. Since only the end of the document tells which group is last, a finished
    group's properties wait in ``pending`` until more content arrives.
    """

    def __init__(self, sink: Any, stack: ExitStack) -> None:
        self.sink = sink
        self.stack = stack
        self.root: Any = None
        self.settings: DocumentSettings | None = None
        self.styles: dict[str, Style] = {}
        self.writer: _BodyWriter | None = None
        self.stream: Any = None
        self.after: list[tuple[zipfile.ZipInfo, bytes]] = []
        self.suffix = b""
        self.target: zipfile.ZipFile | None = None
        self.done: Any = None  # the last finished top-level element, still in the tree
        self.section: Any = None  # the open <section>, its last finished block, its page
        self.section_done: Any = None
        self.page: Page | None = None
        self.first_group = True
        self.group_started = False
        self.pending: str | None = None

    # markup events ---------------------------------------------------------------------------
    def run(self, chunks: Iterable[str]) -> None:
        parser = etree.XMLPullParser(
            events=("end",),
            tag=("document", "style", *_BLOCKS),
            huge_tree=True,
            resolve_entities=False,
            no_network=True,
            remove_blank_text=False,
        )
        try:
            for piece in _pieces(chunks):
                parser.feed(piece)
                self.events(parser.read_events())
            root = parser.close()
            self.events(parser.read_events())
        except etree.XMLSyntaxError as exc:
            line = exc.lineno if exc.lineno else None
            raise MarkupError(f"Kết quả dựng mẫu không phải XML hợp lệ: {exc.msg}", line) from None
        if self.root is None:  # no element the writer reacts to: an empty document
            self.start(root)
        self.finish()

    def events(self, events: Iterable[tuple[str, Any]]) -> None:
        root = self.root
        for _, element in events:
            parent = element.getparent()
            if parent is root and root is not None:
                # The hot path: a paragraph right after the last block, in a started group.
                previous = element.getprevious()
                if previous is self.done and previous is not None and self.group_started and element.tag == "p":
                    root.remove(previous)  # the previous block, finished and written
                    writer = self.writer
                    assert writer is not None
                    writer.paragraph(element, _PLAIN, _NO_EXTRA)
                    self.done = element
                    if len(writer.out) >= _CHUNK:
                        self.flush()
                else:
                    self.top_level(element)
                continue
            if parent is None:
                if root is None:
                    root = element
                    self.start(root)
                continue  # the end of <document>: see finish()
            if root is None:
                root = element.getroottree().getroot()
                self.start(root)
                if parent is root:
                    self.top_level(element)
                    continue
            if parent is self.section:
                self.section_block(element)
            elif parent.tag == "section" and parent.getparent() is self.root:
                self.open_section(parent)
                self.section_block(element)
            # anything deeper is handled with the block that holds it

    def start(self, root: Any) -> None:
        self.root = root
        self.settings = _settings(root)
        self.page = self.settings.page

    def _earlier(self, element: Any, done: Any, in_section: bool) -> None:
        """Deal with what precedes ``element`` and was not an event: comments, processing
        instructions and unknown tags; then remove it and ``done`` from the tree."""
        parent = element.getparent()
        for sibling in list(element.itersiblings(preceding=True))[::-1]:
            if sibling is not done:
                self.stray(sibling, in_section)
            parent.remove(sibling)

    def stray(self, element: Any, in_section: bool) -> None:
        tag = element.tag
        if tag is etree.Comment or tag is etree.PI:
            if in_section:
                self.begin_group()  # an old-style member of the section: keeps it
            return
        if in_section:
            self.block(element)  # raises: not a block
        raise _fail(element, f"Thẻ <{tag}> không có trong bộ thẻ của mẫu (xem templates/README.md).")

    def top_level(self, element: Any) -> None:
        self._earlier(element, self.done, in_section=False)
        tag = element.tag
        if tag == "style":
            if self.writer is not None:
                raise _fail(
                    element,
                    "Các khai báo <style> phải đặt ngay sau thẻ <document>, trước mọi đoạn văn, "
                    "bảng và phần (section) của văn bản.",
                )
            style = _style(element)
            self.styles[style.name] = style
        elif tag == "section":
            if self.section is not element:
                self.open_section(element)
            self.close_section(element)
        elif tag in _BLOCKS:
            self.block(element)
        else:
            raise _fail(element, f"Thẻ <{tag}> không có trong bộ thẻ của mẫu (xem templates/README.md).")
        element.clear(keep_tail=True)
        self.done = element
        self.flush()

    def open_section(self, section: Any) -> None:
        self._earlier(section, self.done, in_section=False)
        self.done = None
        self.begin_content()
        _check_attrs(section)
        assert self.settings is not None
        page = _page(dict(section.attrib), section, self.settings.page)
        self.end_group()
        self.page = page
        self.section = section
        self.section_done = None

    def section_block(self, element: Any) -> None:
        self._earlier(element, self.section_done, in_section=True)
        self.block(element)
        element.clear(keep_tail=True)
        self.section_done = element
        self.flush()

    def close_section(self, section: Any) -> None:
        for child in list(section):
            if child is not self.section_done:
                self.stray(child, in_section=True)
        section.clear(keep_tail=True)
        self.end_group()
        assert self.settings is not None
        self.page = self.settings.page
        self.section = self.section_done = None

    # groups and blocks -------------------------------------------------------------------
    def begin_group(self) -> None:
        if not self.group_started:
            self.group_started = True
            if self.pending is not None:
                assert self.writer is not None
                self.writer.out.append(
                    f'<w:p><w:pPr><w:spacing w:before="0" w:after="0"/>{self.pending}</w:pPr></w:p>'
                )
                self.pending = None

    def end_group(self) -> None:
        if self.group_started or self.first_group:
            assert self.writer is not None and self.page is not None
            self.pending = self.writer.sect_pr(self.page, first=self.first_group)
        self.first_group = False
        self.group_started = False

    def block(self, element: Any) -> None:
        self.begin_content()
        self.begin_group()
        assert self.writer is not None and self.page is not None
        self.writer.block(element, self.page)

    # the package ---------------------------------------------------------------------------
    def begin_content(self) -> None:
        """At the first content: the skeleton package, and the zip up to the body."""
        if self.writer is not None:
            return
        assert self.settings is not None
        self.settings.styles = self.styles
        skeleton, header_ids = _skeleton(self.settings)
        self.writer = _BodyWriter(self.settings, header_ids)
        self.target = self.stack.enter_context(
            zipfile.ZipFile(self.sink, "w", zipfile.ZIP_DEFLATED, compresslevel=1)
        )
        with zipfile.ZipFile(io.BytesIO(skeleton)) as source:
            infos = source.infolist()
            names = [info.filename for info in infos]
            at = names.index("word/document.xml")
            for info in infos[:at]:
                self.target.writestr(info.filename, source.read(info.filename))
            data = source.read("word/document.xml")
            self.after = [(info, source.read(info.filename)) for info in infos[at + 1 :]]
        start = data.index(b"<w:body>") + len(b"<w:body>")
        self.suffix = data[data.rindex(b"</w:body>") :]
        self.stream = self.stack.enter_context(self.target.open("word/document.xml", "w", force_zip64=True))
        self.stream.write(data[:start])

    def flush(self, everything: bool = False) -> None:
        writer = self.writer
        if writer is not None and (everything or len(writer.out) >= _CHUNK):
            self.stream.write("".join(writer.out).encode("utf-8"))
            writer.out.clear()

    def finish(self) -> None:
        assert self.root is not None
        for child in list(self.root):
            if child is not self.done:
                self.stray(child, in_section=False)
        self.begin_content()
        self.end_group()
        assert self.writer is not None and self.pending is not None and self.target is not None
        self.writer.out.append(self.pending)
        self.flush(everything=True)
        self.stream.write(self.suffix)
        self.stream.close()
        for info, data in self.after:
            self.target.writestr(info.filename, data)


def build_package(markup: str | Iterable[str], sink: Any) -> None:
    """Write the .docx for ``markup`` (a string, or the pieces of one) into ``sink``.

    The markup is parsed as it comes and the body streamed into the zip block by block,
    to keep the memory of a 75,000-paragraph report low.
    """
    with ExitStack() as stack:
        _Package(sink, stack).run((markup,) if isinstance(markup, str) else markup)


def write_docx(markup: str | Iterable[str], output: Path) -> None:
    """Render ``markup`` into ``output`` (.docx), whole or not at all."""
    write_atomic(output, lambda stream: build_package(markup, stream))
