"""Word styles: what a paragraph or run inherits (heading level, list, bold, capitals, font).

A heading made with Word's 'Heading 1' style, a list whose numbering comes from the style, or
a whole document typed in .VnTime set once in the Normal style: none of it is on the paragraph
itself, so each style's effective properties are resolved once through its ``basedOn`` chain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from sokket_cli.intake.word.ooxml import W, child_val, toggle

_HEADING_NAME = re.compile(r"heading\s*([1-9])", re.IGNORECASE)
_MAX_CHAIN = 32  # basedOn loops exist in damaged files


@dataclass(frozen=True, slots=True)
class TextStyle:
    """Run properties: None where the style says nothing (so an outer level decides)."""

    bold: bool | None = None
    caps: bool | None = None
    font: str | None = None

    def over(self, base: TextStyle) -> TextStyle:
        return TextStyle(
            base.bold if self.bold is None else self.bold,
            base.caps if self.caps is None else self.caps,
            base.font if self.font is None else self.font,
        )


@dataclass(frozen=True, slots=True)
class ParagraphStyle:
    heading_level: int | None = None  # 1 for 'Heading 1' or outline level 0
    num_id: str | None = None
    ilvl: int | None = None
    centered: bool | None = None
    text: TextStyle = TextStyle()


def text_style(rpr: Any | None) -> TextStyle:
    """The run properties written on a ``w:rPr`` element."""
    if rpr is None:
        return TextStyle()
    font = None
    fonts = rpr.find(f"{W}rFonts")
    if fonts is not None:
        font = fonts.get(f"{W}ascii") or fonts.get(f"{W}hAnsi")
    return TextStyle(toggle(rpr, "b"), toggle(rpr, "caps"), font)


def paragraph_properties(ppr: Any | None) -> ParagraphStyle:
    """The paragraph properties written on a ``w:pPr`` element (its own, not its style's)."""
    if ppr is None:
        return ParagraphStyle()
    level = None
    outline = child_val(ppr, "outlineLvl")
    if outline is not None and outline.isdigit() and int(outline) < 9:
        level = int(outline) + 1
    num_id = ilvl = None
    numpr = ppr.find(f"{W}numPr")
    if numpr is not None:
        num_id = child_val(numpr, "numId")
        raw = child_val(numpr, "ilvl")
        ilvl = int(raw) if raw is not None and raw.isdigit() else None
    justify = child_val(ppr, "jc")
    centered = None if justify is None else justify == "center"
    return ParagraphStyle(level, num_id, ilvl, centered, text_style(ppr.find(f"{W}rPr")))


def _merge(own: ParagraphStyle, base: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(
        own.heading_level if own.heading_level is not None else base.heading_level,
        own.num_id if own.num_id is not None else base.num_id,
        own.ilvl if own.ilvl is not None else base.ilvl,
        own.centered if own.centered is not None else base.centered,
        own.text.over(base.text),
    )


class Styles:
    """Effective paragraph and character styles by style id, resolved on first use."""

    def __init__(self, root: Any | None) -> None:
        self._elements: dict[str, Any] = {}
        self._resolved: dict[str, ParagraphStyle] = {}
        self.default_paragraph: str | None = None
        self.defaults = TextStyle()
        if root is None:
            return
        rpr_default = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
        self.defaults = text_style(rpr_default)
        for style in root.iter(f"{W}style"):
            style_id = style.get(f"{W}styleId")
            if style_id is None:
                continue
            self._elements[style_id] = style
            if style.get(f"{W}type") == "paragraph" and toggle_default(style):
                self.default_paragraph = style_id

    def paragraph(self, style_id: str | None) -> ParagraphStyle:
        """A paragraph style's effective properties (the default style when none is named)."""
        key = style_id if style_id in self._elements else self.default_paragraph
        if key is None:
            return ParagraphStyle(text=self.defaults)
        return self._resolve(key)

    def character(self, style_id: str | None) -> TextStyle:
        if style_id is None or style_id not in self._elements:
            return TextStyle()
        return self._resolve(style_id).text

    def _resolve(self, style_id: str) -> ParagraphStyle:
        cached = self._resolved.get(style_id)
        if cached is not None:
            return cached
        chain: list[Any] = []
        current: str | None = style_id
        while current is not None and current in self._elements and len(chain) < _MAX_CHAIN:
            element = self._elements[current]
            if any(element is seen for seen in chain):
                break
            chain.append(element)
            current = child_val(element, "basedOn")
        result = ParagraphStyle(text=self.defaults)
        for element in reversed(chain):
            own = paragraph_properties(element.find(f"{W}pPr"))
            own = replace(own, text=text_style(element.find(f"{W}rPr")))
            name = child_val(element, "name") or ""
            if match := _HEADING_NAME.fullmatch(name.strip()):
                own = replace(own, heading_level=int(match.group(1)))
            result = _merge(own, result)
        self._resolved[style_id] = result
        return result


def toggle_default(style: Any) -> bool:
    value = style.get(f"{W}default")
    return value is not None and value.lower() in ("1", "true", "on")
