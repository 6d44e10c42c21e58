"""Headings and list markers: what each body paragraph is, and the tree of headings.

A marker is typed (``I.``, ``1.``, ``1.1.``, ``a)``, ``*``, ``-``, ``+``) or shown by Word's
automatic numbering (the label read from numbering.xml). Headings nest by the order in which
their kinds first appear, as a reader sees it: after ``I.`` a ``1.`` is deeper, and the next
``II.`` closes both. A heading style (Heading 1, 2...) has its level written down.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from sokket_cli.intake.word.document import Paragraph
from sokket_cli.intake.word.numbering import BULLET

MAX_HEADING_LENGTH = 200  # a bold or capitalised paragraph longer than this is body text

_ROMAN = re.compile(r"(?P<m>[IVXLC]{1,6})\s*[.)/:\-–]\s*(?=\S)")
_DECIMAL = re.compile(r"(?P<m>\d{1,2}(?:\.\d{1,2}){0,3})\s*[.)/]\s+(?=\S)")
_DECIMAL_BARE = re.compile(r"(?P<m>\d{1,2}(?:\.\d{1,2}){1,3})\s+(?=\D)")
_LETTER = re.compile(r"(?P<m>[a-zđ])\s*[)/]\s*(?=\S)|(?P<d>[a-zđ])\.\s+(?=\S)")
_CAPITAL_LETTER = re.compile(r"(?P<m>[A-ZĐ])\s*[.)]\s+(?=\S)")
_STAR = re.compile(r"(?P<m>\*+)\s*(?=[^\s*])")
_PART = re.compile(r"(?P<m>ph[aầ]n\s+(?:th[uứ]\s+\S+|[IVX]+|\d+))\b\s*[.:\-–]?\s*", re.IGNORECASE)
_BULLET = re.compile(r"(?P<m>[-–—+•·●○◦▪■♦➢➤✓√→])\s*(?=[^\s\-–—+])")
_DASHES = "-–—"
# The order Vietnamese reports nest their numbered headings in: PHẦN I > A. > I. > 1. > 1.1. >
# a). A numbered heading closes every heading below its rank, numbered or not ('ƯU ĐIỂM' in
# capitals does not hold the 'II.' after it).
_RANKS = {"part": 0, "capital": 1, "roman": 2, "decimal": 3, "decimal2": 4, "decimal3": 5,
          "decimal4": 6, "letter": 7}


class Role(str, Enum):
    HEADING = "heading"
    BULLET = "bullet"
    BODY = "body"


@dataclass(slots=True)
class Line:
    """A non-empty body paragraph, numbered as Word readers count them (empty ones skipped)."""

    number: int
    role: Role
    kind: str  # the heading or bullet kind: roman, decimal, letter, h1, caps, "-", "+"...
    text: str  # without its marker
    shown: str  # as Word shows it, marker included
    paragraph: Paragraph
    names_section: bool = False  # a heading whose text is a plan section's title


@dataclass(slots=True)
class TableRow:
    """One row of a body table, to be placed like a paragraph."""

    table: int
    row: int
    text: str
    after: int  # the number of the last paragraph before the table (0: none)
    reason: str = ""  # why a row of a figures table was not used: it goes to unplaced


@dataclass(frozen=True, slots=True)
class Restart:
    """The body starts over after the signature (an appendix): no heading stays open."""


@dataclass(slots=True)
class Node:
    """A heading and what follows it up to the next heading of its level or above."""

    heading: Line | None
    content: list[Line | TableRow | Node] = field(default_factory=list)


def _typed_marker(text: str) -> tuple[str, str] | None:
    """(kind, rest) for a typed marker at the start of ``text``."""
    if match := _ROMAN.match(text):
        return "roman", text[match.end():]
    if match := _DECIMAL.match(text) or _DECIMAL_BARE.match(text):
        depth = match.group("m").count(".") + 1
        return ("decimal" if depth == 1 else f"decimal{depth}"), text[match.end():]
    if match := _LETTER.match(text):
        return "letter", text[match.end():]
    if match := _CAPITAL_LETTER.match(text):
        return "capital", text[match.end():]
    if match := _PART.match(text):
        return "part", text[match.end():]
    if match := _STAR.match(text):
        return "star", text[match.end():]
    return None


def _bullet_kind(char: str) -> str:
    if char in _DASHES:
        return "-"
    if char == "+":
        return "+"
    return "•"


def _label_kind(paragraph: Paragraph) -> tuple[Role, str] | None:
    """What Word's automatic numbering label makes of a paragraph."""
    label = paragraph.label.strip()
    if not label and paragraph.label_format != BULLET:
        return None
    if paragraph.label_format == BULLET:
        if label in ("-", "–", "—", "+"):
            return Role.BULLET, _bullet_kind(label)
        return Role.BULLET, f"list{paragraph.list_level}"
    typed = _typed_marker(label + " x")
    if typed is not None:
        return Role.HEADING, typed[0]
    return Role.HEADING, f"list-{paragraph.label_format}"


def classify(number: int, paragraph: Paragraph, is_title: bool) -> Line | None:
    """The role of a paragraph; None for one with no letter or digit (a rule, a lone '*').

    ``is_title`` says whether the unmarked text names a plan section exactly.
    """
    text = paragraph.text.strip()
    if not any(c.isalnum() for c in text):
        return None
    shown = f"{paragraph.label} {text}".strip() if paragraph.label else text
    from_label = _label_kind(paragraph)
    typed = _typed_marker(text)
    bullet = _BULLET.match(text) if typed is None else None
    body = text
    if typed is not None and typed[1].strip():
        body = typed[1].strip()
    elif bullet is not None:
        body = text[bullet.end():].strip()
    if paragraph.heading_level is not None:
        return Line(number, Role.HEADING, f"h{paragraph.heading_level}", body, shown, paragraph)
    if from_label is not None and (from_label[0] is Role.HEADING or typed is None):
        return Line(number, from_label[0], from_label[1], body, shown, paragraph)
    if typed is not None and typed[1].strip():
        return Line(number, Role.HEADING, typed[0], body, shown, paragraph)
    if bullet is not None and body:
        return Line(number, Role.BULLET, _bullet_kind(bullet.group("m")), body, shown, paragraph)
    if len(text) <= MAX_HEADING_LENGTH and (paragraph.caps or paragraph.bold):
        return Line(number, Role.HEADING, "caps" if paragraph.caps else "bold", text, shown,
                    paragraph)
    if is_title:
        return Line(number, Role.HEADING, "title", text, shown, paragraph)
    return Line(number, Role.BODY, "", text, shown, paragraph)


def _heading_depth(kind: str) -> int | None:
    return int(kind[1:]) if re.fullmatch(r"h[1-9]", kind) else None


def _close_for_rank(open_headings: list[tuple[str, Node]], rank: int) -> None:
    """A numbered heading closes those of its rank or deeper ('2.' closes '1.1.'); a top-level
    one ('I.', 'A.', 'PHẦN') also closes unnumbered ones it cannot sit in ('ƯU ĐIỂM')."""
    ranks = [_RANKS.get(kind) for kind, _ in open_headings]
    deeper = [i for i, r in enumerate(ranks) if r is not None and r >= rank]
    if deeper:
        del open_headings[deeper[0]:]
    elif rank <= _RANKS["roman"]:
        above = [i for i, r in enumerate(ranks) if r is not None]
        keep = above[-1] + 1 if above else 0
        while len(open_headings) > keep and _heading_depth(open_headings[-1][0]) is None:
            open_headings.pop()


def build_tree(entries: list[Line | TableRow | Restart]) -> Node:
    """Nest the entries under their headings."""
    root = Node(None)
    open_headings: list[tuple[str, Node]] = []
    for entry in entries:
        if isinstance(entry, Restart):
            open_headings.clear()
        elif isinstance(entry, Line) and entry.role is Role.HEADING:
            kinds = [kind for kind, _ in open_headings]
            depth = _heading_depth(entry.kind)
            rank = _RANKS.get(entry.kind)
            if entry.kind in kinds:
                del open_headings[kinds.index(entry.kind):]
            elif rank is not None:
                _close_for_rank(open_headings, rank)
            elif depth is not None:
                deeper = [i for i, k in enumerate(kinds) if (_heading_depth(k) or 0) >= depth]
                if deeper:
                    del open_headings[deeper[0]:]
            elif entry.names_section:  # 'HẠN CHẾ' after 'Kết quả đạt được' is its sibling
                sections = [i for i, (_, n) in enumerate(open_headings)
                            if n.heading is not None and n.heading.names_section]
                if sections:
                    del open_headings[sections[-1]:]
            node = Node(entry)
            (open_headings[-1][1] if open_headings else root).content.append(node)
            open_headings.append((entry.kind, node))
        else:
            (open_headings[-1][1] if open_headings else root).content.append(entry)
    return root
