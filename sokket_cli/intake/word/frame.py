"""The frame around a report's body: header block at the top, Nơi nhận and signature at the end.

These are the parts every Vietnamese document has and a unit file does not hold (the unit,
its date and its signer are known otherwise), so they are set aside rather than placed. The
header block still tells which unit wrote the report and on what date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import Enum

from sokket_cli.intake.word.document import Block, Paragraph, Table
from sokket_cli.intake.word.matching import fold

_HEADER_SCAN = 40  # the header block of a real document is never longer than this
_HEADER_WORDS = re.compile(
    r"^(dang cong san viet nam|cong hoa xa hoi chu nghia viet nam|doc lap tu do hanh phuc|so\b"
    r"|v v\b|ve viec\b)|\bngay \d{1,2} thang \d{1,2} nam \d{4}\b"
)
_DATE = re.compile(r"\bngay (\d{1,2}) thang (\d{1,2}) nam (\d{4})\b")
_SIGNATURE = re.compile(r"^(T/M|TM\.|TM |K/T|KT\.|KT |T/L|TL\.|TUQ\.|Q\.)\s*\S")
_SIGNER_TITLES = frozenset(
    {"bi thu", "pho bi thu", "chu tich", "pho chu tich", "truong ban", "pho truong ban",
     "chanh van phong", "giam doc", "thu truong"}
)
_APPENDIX = re.compile(r"^(phu luc|bieu|bang)\b")
_NUMBERED = re.compile(r"^\s*([IVXLC]+|\d+)\s*[.)]")


class Place(str, Enum):
    HEADER = "header"
    BODY = "body"
    CLOSING = "closing"  # Nơi nhận and the signature


@dataclass(frozen=True, slots=True)
class Frame:
    places: tuple[Place, ...]  # one per block
    header_text: str  # the header block's text, folded, for recognising the unit
    dated: date | None  # 'Ba Đình, ngày 30 tháng 6 năm 2021'


def _text(block: Block) -> str:
    if isinstance(block, Paragraph):
        return block.text
    return " ".join(cell for row in block.rows for cell in row)


def _decoration(block: Block) -> bool:
    return not any(c.isalnum() for c in _text(block))


def _header_like(block: Block, title_seen: bool, is_title: bool) -> bool:
    if _decoration(block):
        return True
    if isinstance(block, Table):  # the two-column table of organ, number, motto and date
        return not title_seen and any(
            _HEADER_WORDS.search(fold(cell)) for row in block.rows for cell in row
        )
    text = block.text.strip()
    if is_title or block.label or _NUMBERED.match(text) or block.heading_level is not None:
        return False
    if title_seen:
        return block.centered
    return (
        block.centered
        or block.caps
        or bool(_HEADER_WORDS.search(fold(text)))
        or (len(text) < 60 and not text.endswith((".", ":")))
    )


def _report_title(block: Block) -> bool:
    """'BÁO CÁO' (also 'BÁO CÁO SƠ KẾT...'), centred or in capitals."""
    return (
        isinstance(block, Paragraph)
        and fold(block.text).startswith("bao cao")
        and (block.caps or block.centered)
        and len(block.text) < 200
    )


def _closing_start(block: Block) -> bool:
    if isinstance(block, Table):
        return bool(fold(_text(block)).startswith("noi nhan")) or any(
            fold(cell).startswith("noi nhan") or _SIGNATURE.match(cell.strip())
            for row in block.rows
            for cell in row
        )
    text = block.text.strip()
    folded = fold(text)
    if folded.startswith("noi nhan"):
        return True
    if len(text) > 80 or not block.caps:
        return False
    return bool(_SIGNATURE.match(text)) or folded in _SIGNER_TITLES


def _appendix(block: Block) -> bool:
    if isinstance(block, Table):
        return not _closing_start(block)
    return bool(_APPENDIX.match(fold(block.text))) and (block.caps or block.bold)


def find_frame(blocks: list[Block], is_title: list[bool]) -> Frame:
    """Mark each block as header, body or closing; ``is_title[i]``: block i names a section."""
    places = [Place.BODY] * len(blocks)
    header_end = strong_end = 0
    title_seen = False
    for index, block in enumerate(blocks[:_HEADER_SCAN]):
        if _report_title(block) and not is_title[index]:
            title_seen = True
        elif not _header_like(block, title_seen, is_title[index]):
            break
        header_end = index + 1
        if isinstance(block, Table) or _HEADER_WORDS.search(fold(_text(block))):
            strong_end = header_end
    if not title_seen:  # no 'BÁO CÁO': only up to the last line that is surely header
        header_end = strong_end
    for index in range(header_end):
        places[index] = Place.HEADER
    in_closing = False
    for index in range(header_end, len(blocks)):
        block = blocks[index]
        if in_closing and _appendix(block):
            in_closing = False
        elif not in_closing and _closing_start(block):
            in_closing = True
        if in_closing:
            places[index] = Place.CLOSING
    header_text = " ".join(  # 'Kính gửi: Ban Tổ chức...' names the receiver, not the writer
        folded for b in blocks[:header_end] if not (folded := fold(_text(b))).startswith("kinh gui")
    )
    match = _DATE.search(header_text)
    dated = None
    if match:
        day, month, year = (int(g) for g in match.groups())
        try:
            dated = date(year, month, day)
        except ValueError:
            dated = None
    return Frame(tuple(places), header_text, dated)
