"""Unit files written by sokket (Word import, roll-up, forms): YAML a person would write.

Every text is double-quoted with only the escapes YAML needs, so what a clerk or a Word file
wrote comes back exactly when the file is read (``quote`` round-trips through the loader). The
layout follows the plan's unit format: its keys, in its order, two spaces a level.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from sokket_cli.check.commendations import Proposal
from sokket_cli.check.unit import Item, content_key
from sokket_cli.check.unitformat import (
    COMMENDATIONS_KEY,
    INDICATORS_KEY,
    ITEM_CHILDREN_KEY,
    ITEM_TEXT_KEY,
    PROPOSED_BY_KEY,
    SUBMITTED_KEY,
    UNIT_KEY,
    UNPLACED_KEY,
    Kind,
    UnitFormat,
)

_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\t": "\\t",
    "\n": "\\n",
    "\r": "\\r",
    "\x85": "\\N",
    "\u2028": "\\L",
    "\u2029": "\\P",
    "\ufeff": "\\uFEFF",
}

_HEX_RANGES = ((0x00, 0x1F), (0x7F, 0x9F), (0xD800, 0xDFFF))  # written as \xHH or \uHHHH


def quote_rules() -> dict[str, object]:
    """What :func:`quote` escapes, as data, so the HTML form's script quotes the same way."""
    return {"escapes": dict(_ESCAPES), "hex_ranges": [list(pair) for pair in _HEX_RANGES]}


_NEEDS_ESCAPE = re.compile('[\\\\"\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff]')


def quote(text: str) -> str:
    """``text`` as a YAML double-quoted scalar that reads back as exactly ``text``."""
    if not _NEEDS_ESCAPE.search(text):  # the common case: nothing to escape
        return f'"{text}"'
    out: list[str] = []
    for char in text:
        escaped = _ESCAPES.get(char)
        if escaped is not None:
            out.append(escaped)
        elif any(low <= ord(char) <= high for low, high in _HEX_RANGES):
            out.append(f"\\x{ord(char):02X}" if ord(char) < 0x100 else f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def items_lines(items: Iterable[Item], indent: int) -> list[str]:
    """``- "text"`` lines, and ``text:``/``items:`` for an item with sub-items."""
    pad = " " * indent
    lines: list[str] = []
    for item in items:
        if not item.items:
            lines.append(f"{pad}- {quote(item.text)}")
            continue
        lines.append(f"{pad}- {ITEM_TEXT_KEY}: {quote(item.text)}")
        lines.append(f"{pad}  {ITEM_CHILDREN_KEY}:")
        lines.extend(items_lines(item.items, indent + 4))
    return lines


def unit_yaml(
    file_format: UnitFormat,
    unit_id: str,
    *,
    submitted: date | None = None,
    content: Mapping[str, Sequence[Item]] | None = None,
    indicators: Mapping[str, str] | None = None,
    header: Sequence[str] = (),
    unplaced: Sequence[tuple[str, Item]] = (),
    proposals: Sequence[tuple[str, Proposal]] | None = None,
) -> str:
    """A filled unit file: ``content`` keyed as :func:`content_key`, figures as written.

    ``header`` lines become comments at the top; each ``unplaced`` item is preceded by its
    comment (where it came from), under a top-level ``unplaced:`` that validate refuses.
    ``proposals`` (each after its comment, if any) fill the format's ``commendations:``;
    None leaves the list out, which is not the same as an empty list (no proposal).
    """
    content = content or {}
    indicators = indicators or {}
    lines = [_comment(line, 0) for line in header]
    for field in file_format.fields:
        if field.key == UNIT_KEY:
            lines.append(f"{UNIT_KEY}: {quote(unit_id)}")
        elif field.key == SUBMITTED_KEY:
            if submitted is not None:
                lines.append(f"{SUBMITTED_KEY}: {submitted.isoformat()}")
        elif field.kind is Kind.ITEMS:
            lines.extend(_section_lines(field.key, content.get(content_key(field.key), ()), 0))
        elif field.kind is Kind.PARTS:
            lines.append(f"{field.key}:")
            for part in field.children:
                items = content.get(content_key(field.key, part.key), ())
                lines.extend(_section_lines(part.key, items, 2))
        elif field.key == INDICATORS_KEY:
            written = [(f.key, indicators[f.key]) for f in field.children if f.key in indicators]
            if written:
                lines.append(f"{INDICATORS_KEY}:")
                lines.extend(f"  {key}: {quote(value)}" for key, value in written)
        elif field.kind is Kind.PROPOSALS and proposals is not None:
            lines.extend(_proposal_lines(proposals))
    if unplaced:
        lines.append(f"{UNPLACED_KEY}:")
        for comment, item in unplaced:
            lines.append(_comment(comment, 2))
            lines.extend(items_lines([item], 2))
    return "\n".join(lines) + "\n"


def _comment(text: str, indent: int) -> str:
    """A one-line comment: a line break in it would end the comment and start YAML."""
    return " " * indent + "# " + " ".join(text.split())


def _section_lines(key: str, items: Sequence[Item], indent: int) -> list[str]:
    pad = " " * indent
    if not items:
        return [f"{pad}{key}: []"]
    return [f"{pad}{key}:", *items_lines(items, indent + 2)]


def _proposal_lines(proposals: Sequence[tuple[str, Proposal]]) -> list[str]:
    """``commendations:``, one mapping a proposal, only the keys it has (see read_proposals)."""
    if not proposals:
        return [f"{COMMENDATIONS_KEY}: []"]
    lines = [f"{COMMENDATIONS_KEY}:"]
    for comment, proposal in proposals:
        if comment:
            lines.append(_comment(comment, 2))
        lines.append(f"  - kind: {proposal.kind}")
        lines.append(f"    name: {quote(proposal.name)}")
        if proposal.position:
            lines.append(f"    position: {quote(proposal.position)}")
        if proposal.birth_year is not None:
            lines.append(f"    birth_year: {proposal.birth_year}")
        if proposal.gender:
            lines.append(f"    gender: {quote(proposal.gender)}")
        lines.append(f"    form: {quote(proposal.form)}")
        lines.append(f"    achievement: {quote(proposal.achievement)}")
        if proposal.proposed_by:
            lines.append(f"    {PROPOSED_BY_KEY}: {quote(proposal.proposed_by)}")
    return lines
