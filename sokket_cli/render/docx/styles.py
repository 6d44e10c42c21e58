"""Formatting declared by the markup: the ``<document>`` settings and page of each section,
``<style>`` declarations, and paragraph and run properties as WordprocessingML."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple

from sokket_cli.render.docx.markup import (
    ALIGN,
    LENGTH,
    PARA_ATTRS,
    RUN_ATTRS,
    TWIPS_PER,
    check_attrs,
    choice,
    escape_attr,
    fail,
    flag,
    half_points,
    number,
    shown,
    twips,
)

PAGE_SIZES_MM = {"A4": (210.0, 297.0), "A5": (148.0, 210.0), "A3": (297.0, 420.0)}
MAX_LINE_MULTIPLE = 132  # lines: the largest "Multiple" Word's paragraph dialog accepts


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
        out.append(f'<w:pStyle w:val="{escape_attr(style_id)}"/>')
    if "keep-with-next" in attrs:
        on = flag(attrs["keep-with-next"], element, "keep-with-next")
        out.append("<w:keepNext/>" if on else '<w:keepNext w:val="0"/>')
    if "page-break-before" in attrs and flag(attrs["page-break-before"], element, "page-break-before"):
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
        if LENGTH.match(value):
            spacing.append(f'w:line="{twips(value, element, "line-spacing")}" w:lineRule="atLeast"')
        else:
            multiple = number(value)
            if multiple is None or not 0 < multiple <= MAX_LINE_MULTIPLE:
                raise fail(
                    element,
                    f"'line-spacing=\"{shown(value)}\"' phải là hệ số lớn hơn 0 và không quá "
                    f"{MAX_LINE_MULTIPLE} (ví dụ 1, 1.15, 1.5) hoặc độ dài (ví dụ 18pt).",
                )
            spacing.append(f'w:line="{round(multiple * 240)}" w:lineRule="auto"')
    if spacing:
        out.append(f"<w:spacing {' '.join(spacing)}/>")
    indent: list[str] = []
    for name, xml_name in (
        ("left-indent", "left"), ("right-indent", "right"),
        ("first-line-indent", "firstLine"), ("hanging-indent", "hanging"),
    ):
        if name in attrs:
            signed = name in ("left-indent", "right-indent")
            indent.append(f'w:{xml_name}="{twips(attrs[name], element, name, signed=signed)}"')
    if indent:
        out.append(f"<w:ind {' '.join(indent)}/>")
    if "align" in attrs:
        out.append(f'<w:jc w:val="{choice(ALIGN, attrs["align"], element, "align")}"/>')
    if "outline-level" in attrs:  # what Word's navigation pane and table of contents list
        level = attrs["outline-level"]
        if level not in {str(n) for n in range(1, 10)}:
            raise fail(element, f"'outline-level=\"{level}\"' phải là số từ 1 đến 9.")
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
            changes["size"] = half_points(attrs["size"], element, "size")
        for name in ("bold", "italic", "underline"):
            if name in attrs:
                changes[name] = flag(attrs[name], element, name)
        return self._replace(**changes) if changes else self

    def xml(self) -> str:
        out: list[str] = []
        if self.font:
            f = escape_attr(self.font)
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


PLAIN = RunFormat()


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
            raise fail(element, f"'orientation=\"{orientation}\"' chỉ nhận portrait (dọc) hoặc landscape (ngang).")
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


def read_page(attrs: dict[str, str], element: Any, base: Page | None) -> Page:
    if base is None:
        size = attrs.get("page", "A4")
        if size not in PAGE_SIZES_MM:
            raise fail(element, f"'page=\"{size}\"' không hỗ trợ; chọn {', '.join(PAGE_SIZES_MM)}.")
        w_mm, h_mm = PAGE_SIZES_MM[size]
        mm = TWIPS_PER["mm"]
        base = Page(round(w_mm * mm), round(h_mm * mm), 1134, 1134, 1701, 850, 567, 567)
    page = replace(base)
    for name in ("top", "bottom", "left", "right"):
        if f"margin-{name}" in attrs:
            signed = name in ("top", "bottom")  # text may run into the header or footer
            setattr(page, name, twips(attrs[f"margin-{name}"], element, f"margin-{name}", signed=signed))
    if "header-distance" in attrs:
        page.header = twips(attrs["header-distance"], element, "header-distance")
    if "footer-distance" in attrs:
        page.footer = twips(attrs["footer-distance"], element, "footer-distance")
    if "orientation" in attrs:
        page = page.oriented(attrs["orientation"], element)
    _check_room(page, element)
    return page


def _check_room(page: Page, element: Any) -> None:
    """The margins leave some of the page for text (a negative top or bottom margin counts
    by its size in Word), so table widths in % of the text width stay positive."""
    for first, second, side, across in (
        ("left", "right", page.width, "rộng"),
        ("top", "bottom", page.height, "cao"),
    ):
        used = abs(getattr(page, first)) + abs(getattr(page, second))
        if used >= side:
            raise fail(
                element,
                f"Lề margin-{first} và margin-{second} cộng lại {used / TWIPS_PER['mm']:.0f} mm, "
                f"không còn chỗ cho chữ trên trang {across} {side / TWIPS_PER['mm']:.0f} mm; "
                "hãy giảm lề, ví dụ margin-left=\"30mm\" margin-right=\"15mm\".",
            )


def _style_id(name: str, element: Any) -> str:
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", name):
        raise fail(element, f"Tên kiểu '{name}' chỉ được gồm chữ cái không dấu, chữ số, '-' và '_'.")
    return "sk-" + name


def read_settings(root: Any) -> DocumentSettings:
    """The page and font settings of the ``<document>`` element (its attributes only)."""
    if root.tag != "document":
        raise fail(root, f"Mẫu phải dựng ra một thẻ <document> bao ngoài, không phải <{root.tag}>.")
    check_attrs(root)
    attrs = dict(root.attrib)
    page_numbers = attrs.get("page-numbers", "from-2")
    if page_numbers not in ("from-2", "all", "none"):
        raise fail(root, f"'page-numbers=\"{page_numbers}\"' chỉ nhận from-2, all hoặc none.")
    size = half_points(attrs.get("size", "14"), root, "size")
    return DocumentSettings(
        page=read_page(attrs, root, None),
        font=attrs.get("font", "Times New Roman"),
        size=size,
        lang=attrs.get("lang", "vi-VN"),
        page_numbers=page_numbers,
        page_number_size=half_points(attrs["page-number-size"], root, "page-number-size")
        if "page-number-size" in attrs
        else size,
        title=attrs.get("title", ""),
    )


def read_style(element: Any) -> Style:
    check_attrs(element)
    style_attrs = dict(element.attrib)
    name = style_attrs.pop("name", None)
    if not name:
        raise fail(element, "<style> cần 'name', ví dụ <style name=\"body\" .../>.")
    style_id = _style_id(name, element)
    label = style_attrs.pop("label", name)
    return Style(
        name,
        style_id,
        label,
        ppr_xml({k: v for k, v in style_attrs.items() if k in PARA_ATTRS}, element),
        RunFormat().apply({k: v for k, v in style_attrs.items() if k in RUN_ATTRS}, element).xml(),
    )
