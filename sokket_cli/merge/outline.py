"""Merging the valid units' items into one outline, section by section, in plan order.

Identical items (same text after whitespace and NFC normalisation, same sub-items) from
several units become one entry attributed to all of them; nothing else is ever dropped.
Entries that make the same point in other words are then gathered into points (see
:mod:`sokket_cli.merge.grouping`), each keeping every wording with its units.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sokket_cli.check.plan import Plan, PlanUnit
from sokket_cli.check.unit import Item, UnitFile, content_key
from sokket_cli.merge.grouping import group_texts


@dataclass(slots=True)
class Entry:
    """One item of the merged report and the units that reported it, in plan order."""

    text: str
    units: list[PlanUnit] = field(default_factory=list)
    items: tuple[Entry, ...] = ()


@dataclass(frozen=True, slots=True)
class Point:
    """Entries (distinct wordings) that make one point.

    ``variants[0]`` is the representative wording: the one most units wrote, the earliest on
    a tie. ``units`` are all the units that made the point, in plan order; ``shared`` are
    the terms that put the wordings together, for a reader who asks why.
    """

    variants: tuple[Entry, ...]
    units: tuple[PlanUnit, ...]
    shared: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Reported:
    """What one unit reported in a section (or part), for the by-unit layout."""

    unit: PlanUnit
    items: tuple[Item, ...]


@dataclass(frozen=True, slots=True)
class MergedPart:
    key: str
    title: str
    entries: tuple[Entry, ...]
    points: tuple[Point, ...] = ()
    by_unit: tuple[Reported, ...] = ()


@dataclass(frozen=True, slots=True)
class MergedSection:
    """A plan section; ``entries`` when it has no parts, ``parts`` when it has."""

    key: str
    title: str
    entries: tuple[Entry, ...] = ()
    parts: tuple[MergedPart, ...] = ()
    points: tuple[Point, ...] = ()
    by_unit: tuple[Reported, ...] = ()


@dataclass(frozen=True, slots=True)
class UnitSummary:
    """A compiled unit, for the text and the appendix."""

    unit: PlanUnit
    submitted: date | None
    late: bool
    indicators: dict[str, Decimal]


@dataclass(frozen=True, slots=True)
class MergedReport:
    plan: Plan
    sections: tuple[MergedSection, ...]
    compiled: tuple[UnitSummary, ...]
    missing: tuple[PlanUnit, ...]
    skipped: tuple[PlanUnit, ...]


def normalise(text: str) -> str:
    """The identity of an item's text: NFC, whitespace runs folded, ends trimmed.

    Equal to ``" ".join(unicodedata.normalize("NFC", text).split())``, which costs ~5 µs an
    item on non-ASCII text (``split`` is slow there). Most text needs no folding: every
    whitespace character but the space is non-printable, so printable text without a
    double space or a space at either end is already folded.
    """
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


def _identity(item: Item) -> object:
    """Equal for items equal after normalisation, sub-items included."""
    if not item.items:
        return normalise(item.text)
    return (normalise(item.text), tuple(_identity(child) for child in item.items))


def _to_entry(item: Item) -> Entry:
    return Entry(item.text, [], tuple(_to_entry(child) for child in item.items) if item.items else ())


def merge_items(reported: Iterable[tuple[PlanUnit, Sequence[Item]]]) -> tuple[Entry, ...]:
    """Entries in first-reported order; ``reported`` must come in plan unit order.

    A unit that repeats an item word for word keeps both copies: de-duplication is only
    across units, so no unit ever loses an item it wrote.
    """
    entries: list[Entry] = []
    # per identity: the entries made so far, each with the ids of the units already in it
    by_identity: dict[object, list[tuple[Entry, set[str]]]] = {}
    for unit, items in reported:
        uid = unit.id
        for item in items:
            key = _identity(item) if item.items else normalise(item.text)
            candidates = by_identity.get(key)
            if candidates is None:  # the usual case: an item no unit wrote before
                entry = _to_entry(item)
                entry.units.append(unit)
                by_identity[key] = [(entry, {uid})]
                entries.append(entry)
                continue
            for slot in candidates:
                if uid not in slot[1]:
                    break
            else:
                slot = (_to_entry(item), set())
                candidates.append(slot)
                entries.append(slot[0])
            slot[0].units.append(unit)
            slot[1].add(uid)
    return tuple(entries)


def group_points(entries: Sequence[Entry], order: dict[str, int]) -> tuple[Point, ...]:
    """Points of a section's entries: shared by more units first, then in plan order."""
    grouping = group_texts([entry.text for entry in entries])
    points: list[tuple[int, int, Point]] = []
    for members in grouping.groups:
        variants = [entries[i] for i in members]
        first = max(range(len(variants)), key=lambda i: (len(variants[i].units), -i))
        variants.insert(0, variants.pop(first))
        ids = {unit.id: unit for entry in variants for unit in entry.units}
        units = tuple(sorted(ids.values(), key=lambda unit: order[unit.id]))
        shared = tuple(dict.fromkeys(t for i in members for t in grouping.shared[i]))
        points.append((-len(units), members[0], Point(tuple(variants), units, shared)))
    points.sort(key=lambda ranked: ranked[:2])
    return tuple(point for _, _, point in points)


def merge(
    plan: Plan, compiled: Sequence[UnitFile], skipped: Iterable[str] = (), *, group: bool = True
) -> MergedReport:
    """The merged report of ``compiled`` (valid, one file per unit) under ``plan``.

    ``skipped`` are the ids of units whose files were invalid and left out on request;
    ``group`` gathers each section's entries into points (the by-point layout needs them).
    """
    by_id = {u.unit_id: u for u in compiled}
    ordered = [(unit, by_id[unit.id]) for unit in plan.units if unit.id in by_id]
    skipped_ids = set(skipped) - set(by_id)

    order = {unit.id: index for index, unit in enumerate(plan.units)}

    def merged(key: str) -> tuple[tuple[Entry, ...], tuple[Point, ...], tuple[Reported, ...]]:
        reported = [(unit, file.content.get(key, ())) for unit, file in ordered]
        entries = merge_items(reported)
        points = group_points(entries, order) if group else ()
        return entries, points, tuple(Reported(unit, tuple(items)) for unit, items in reported if items)

    sections: list[MergedSection] = []
    for section in plan.sections:
        if section.parts:
            parts = tuple(
                MergedPart(part.key, part.title, *merged(content_key(section.key, part.key)))
                for part in section.parts
            )
            sections.append(MergedSection(section.key, section.title, parts=parts))
        else:
            entries, points, by_unit = merged(content_key(section.key))
            sections.append(MergedSection(section.key, section.title, entries, (), points, by_unit))
    return MergedReport(
        plan=plan,
        sections=tuple(sections),
        compiled=tuple(
            UnitSummary(unit, file.submitted, file.late(plan.deadline), dict(file.indicators))
            for unit, file in ordered
        ),
        missing=tuple(u for u in plan.units if u.id not in by_id and u.id not in skipped_ids),
        skipped=tuple(u for u in plan.units if u.id in skipped_ids),
    )
