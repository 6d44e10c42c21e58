"""A .docx body as plain data: paragraphs (text, numbering label, look) and tables (cell texts).

Text is kept as typed: runs joined, NFC, smart quotes kept; Word's manual line breaks become a
space and soft hyphens go, since both only decide where a line wraps. Runs in the legacy
Vietnamese fonts (.VnTime, VNI-Times) are converted to Unicode by their font name. Tracked
deletions, field codes and the fallback copy of a text box are not text the reader sees, so
they are skipped; text boxes become paragraphs of their own after the one that holds them.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

from sokket_cli.errors import InputError
from sokket_cli.intake.legacy import Encoding, to_unicode
from sokket_cli.intake.word.numbering import Numbering
from sokket_cli.intake.word.ooxml import MC, W, child_val
from sokket_cli.intake.word.package import DocxParts
from sokket_cli.intake.word.styles import Styles, TextStyle, paragraph_properties, text_style

_P, _R, _T, _TBL, _TR, _TC = (f"{W}{t}" for t in ("p", "r", "t", "tbl", "tr", "tc"))
_SDT, _SDT_CONTENT, _TEXTBOX = f"{W}sdt", f"{W}sdtContent", f"{W}txbxContent"
_SKIPPED = frozenset(
    {f"{W}pPr", f"{W}del", f"{W}moveFrom", f"{W}rPr", f"{MC}Fallback", f"{W}instrText"}
)
_ALT_CHUNK = f"{W}altChunk"
_ALT_CHUNK_MESSAGE = (
    "Tệp Word có phần nội dung được nhúng từ tệp khác (altChunk, thường do phần mềm xuất ra "
    "từ trang web); sokket chưa đọc được phần này nên không nhập để khỏi mất chữ. Hãy mở tệp "
    "bằng Word, bấm Ctrl+A, Ctrl+C, dán vào một tài liệu mới (Ctrl+V), lưu thành .docx rồi "
    "nhập tệp mới."
)
_BREAKS = frozenset({f"{W}br", f"{W}cr"})
_SOFT_HYPHEN = "\u00ad"


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str  # as typed, without the automatic numbering label
    label: str = ""  # what Word's automatic numbering shows before it ("II.", "1.", "-")
    label_format: str = ""  # the numbering format of that label (upperRoman, bullet...)
    list_level: int = 0
    heading_level: int | None = None  # from a heading style or an outline level
    bold: bool = False  # every character of the text is bold
    caps: bool = False  # every letter is shown in capitals (typed so, or the Caps format)
    centered: bool = False


@dataclass(frozen=True, slots=True)
class Table:
    rows: tuple[tuple[str, ...], ...]  # each cell's paragraphs joined by a space


Block = Paragraph | Table


@dataclass(frozen=True, slots=True)
class Body:
    blocks: list[Block]
    legacy: dict[str, int]  # legacy font name -> paragraphs (table cells too) converted from it


def legacy_encoding(font: str | None) -> Encoding | None:
    """TCVN3 for the .Vn* fonts (.VnTime, .VnTimeH, .VnArial), VNI for the VNI-* ones."""
    if not font:
        return None
    name = font.strip().lower()
    if name.startswith((".vn", "tcvn")):
        return "tcvn3"
    if name.startswith(("vni-", "vni ")):
        return "vni"
    return None


def _capitals_font(font: str) -> bool:
    """.VnTimeH and kin show TCVN3's lower-case codes as capitals."""
    name = font.strip()
    return name.startswith(".") and name.endswith("H")


class _Reader:
    def __init__(self, parts: DocxParts) -> None:
        self.styles = Styles(parts.styles)
        self.numbering = Numbering(parts.numbering)
        self.legacy: dict[str, int] = {}

    def blocks(self, container: Any) -> list[Block]:
        out: list[Block] = []
        for child in container:
            tag = child.tag
            if tag == _P:
                self.paragraph(child, out)
            elif tag == _TBL:
                out.append(Table(tuple(self.row(tr) for tr in child.iter(_TR) if _owned(tr, child))))
            elif tag in (_SDT, _SDT_CONTENT) or tag == f"{W}customXml":
                out.extend(self.blocks(child if tag != _SDT else child.iterfind(_SDT_CONTENT)))
            elif tag == _ALT_CHUNK:  # its text lives in another part only Word expands
                raise InputError(_ALT_CHUNK_MESSAGE)
        return out

    def row(self, tr: Any) -> tuple[str, ...]:
        cells: list[str] = []
        for tc in tr.iter(_TC):
            if not _owned(tc, tr, _TR):
                continue
            texts: list[str] = []
            for block in self.blocks(tc):
                if isinstance(block, Paragraph):
                    texts.append(f"{block.label} {block.text}".strip() if block.label else block.text)
                else:
                    texts.extend(" ".join(r) for r in block.rows)
            cells.append(" ".join(t.strip() for t in texts if t.strip()))
        return tuple(cells)

    def paragraph(self, p: Any, out: list[Block]) -> None:
        own = paragraph_properties(p.find(f"{W}pPr"))
        style = self.styles.paragraph(child_val(p.find(f"{W}pPr"), "pStyle"))
        base = style.text  # the pPr's own rPr formats only the paragraph mark, not the runs
        pieces: list[str] = []
        looks: list[TextStyle] = []
        legacy: list[str] = []
        boxes: list[Any] = []
        self.collect(p, base, pieces, looks, legacy, boxes)
        text = unicodedata.normalize("NFC", _join_breaks("".join(pieces)).replace("\t", " "))
        label, label_format, level = "", "", 0
        num_id = own.num_id if own.num_id is not None else style.num_id
        if num_id and num_id != "0" and text.strip():
            level = own.ilvl if own.ilvl is not None else (style.ilvl or 0)
            found = self.numbering.label(num_id, level)
            if found is not None:
                label, label_format = found
        visible = [look for look, piece in zip(looks, pieces, strict=True) if piece.strip()]
        has_letters = any(c.isalpha() for c in text)
        caps_format = bool(visible) and all(look.caps for look in visible)
        for font in dict.fromkeys(legacy):
            self.legacy[font] = self.legacy.get(font, 0) + 1
        out.append(
            Paragraph(
                text=text,
                label=label,
                label_format=label_format,
                list_level=level,
                heading_level=own.heading_level or style.heading_level,
                bold=bool(visible) and all(look.bold for look in visible),
                caps=has_letters and (caps_format or text.upper() == text),
                centered=bool(own.centered if own.centered is not None else style.centered),
            )
        )
        for box in boxes:
            out.extend(self.blocks(box))

    def collect(
        self,
        element: Any,
        base: TextStyle,
        pieces: list[str],
        looks: list[TextStyle],
        legacy: list[str],
        boxes: list[Any],
    ) -> None:
        for child in element:
            tag = child.tag
            if tag == _R:
                self.run(child, base, pieces, looks, legacy, boxes)
            elif tag == _TEXTBOX:
                boxes.append(child)
            elif isinstance(tag, str) and tag not in _SKIPPED and tag != _P:
                self.collect(child, base, pieces, looks, legacy, boxes)

    def run(
        self,
        r: Any,
        base: TextStyle,
        pieces: list[str],
        looks: list[TextStyle],
        legacy: list[str],
        boxes: list[Any],
    ) -> None:
        rpr = r.find(f"{W}rPr")
        look = text_style(rpr).over(self.styles.character(child_val(rpr, "rStyle")).over(base))
        parts: list[str] = []
        for child in r:
            tag = child.tag
            if tag == _T:
                parts.append(child.text or "")
            elif tag == f"{W}tab":
                parts.append(" ")  # a tab only aligns; in YAML it would be a '\t' escape
            elif tag in _BREAKS:
                parts.append("\n")  # joined into a space by _join_breaks
            elif tag == f"{W}noBreakHyphen":
                parts.append("-")
            elif tag not in _SKIPPED and isinstance(tag, str):
                boxes.extend(b for b in child.iter(_TEXTBOX) if not _in_fallback(b, child))
        text = "".join(parts)
        encoding = legacy_encoding(look.font)
        if encoding is not None and text:
            converted = to_unicode(text, encoding)
            if look.font and _capitals_font(look.font):
                converted = converted.upper()
            if converted != text:
                legacy.append(look.font or "")
            text = converted
        pieces.append(text.replace(_SOFT_HYPHEN, ""))
        looks.append(look)


def _join_breaks(text: str) -> str:
    """A manual line break only wraps the line: it becomes one space between the words."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    return " ".join(line.strip() for line in lines if line.strip()) if any(
        line.strip() for line in lines
    ) else ""


def _owned(element: Any, container: Any, stop: str = _TBL) -> bool:
    """True when ``element`` belongs to ``container`` itself, not to a table nested in it."""
    parent = element.getparent()
    while parent is not None and parent is not container:
        if parent.tag == stop or parent.tag == _TBL:
            return False
        parent = parent.getparent()
    return parent is container


def _in_fallback(element: Any, stop: Any) -> bool:
    parent = element.getparent()
    while parent is not None and parent is not stop:
        if parent.tag == f"{MC}Fallback":
            return True
        parent = parent.getparent()
    return False


def read_body(parts: DocxParts) -> Body:
    """The body's paragraphs and tables in document order."""
    body = parts.document.find(f"{W}body")
    reader = _Reader(parts)
    blocks = [] if body is None else reader.blocks(body)
    return Body(blocks, reader.legacy)
