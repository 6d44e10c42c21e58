"""Pairwise precision and recall of grouping on a labelled set in tests/data.

A set lists, per section, points and the (unit, text) items that make each; items of one
point must be grouped together, items of different points apart.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import combinations
from pathlib import Path

import yaml

from sokket_cli.merge.grouping import group_texts

DATA = Path(__file__).parent / "data"
Row = tuple[str, str, str]  # unit, text, point


def labelled(name: str) -> dict[str, list[Row]]:
    """Per section: the rows in plan order (units in order of first appearance)."""
    data = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    order: dict[str, int] = {}
    for points in data.values():
        for point in points:
            for unit, _ in point["items"]:
                order.setdefault(unit, len(order))
    result = {}
    for section, points in data.items():
        rows = [(unit, text, p["point"]) for p in points for unit, text in p["items"]]
        result[section] = sorted(rows, key=lambda row: order[row[0]])  # stable: file order kept
    return result


def same_point_pairs(points: Sequence[str]) -> set[tuple[int, int]]:
    """The pairs (i, j), i < j, of items labelled with one point: those to group together."""
    return {(i, j) for i, j in combinations(range(len(points)), 2) if points[i] == points[j]}


def pair_counts(sections: Iterable[tuple[Sequence[Sequence[int]], Sequence[str]]]) -> tuple[int, int, int]:
    """(pairs grouped right, pairs grouped, pairs labelled together) over sections, each given
    as its groups of item indexes and its items' points."""
    right = grouped = together = 0
    for groups, points in sections:
        same_group = {pair for group in groups for pair in combinations(sorted(group), 2)}
        same_point = same_point_pairs(points)
        right += len(same_group & same_point)
        grouped += len(same_group)
        together += len(same_point)
    return right, grouped, together


def precision_recall(name: str) -> tuple[float, float]:
    """Pairwise (precision, recall) at the default threshold, printed for the record."""
    tp, predicted, pairs = pair_counts(
        (group_texts([text for _, text, _ in rows]).groups, [point for _, _, point in rows])
        for rows in labelled(name).values()
    )
    precision, recall = tp / max(predicted, 1), tp / pairs
    print(f"{name}: pairwise precision {precision:.3f} recall {recall:.3f} ({tp}/{predicted}/{pairs})")
    return precision, recall


def each_unit_once_per_point(name: str) -> bool:
    data = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    return all(
        len({unit for unit, _ in p["items"]}) == len(p["items"]) for ps in data.values() for p in ps
    )
