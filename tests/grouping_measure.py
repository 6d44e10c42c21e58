"""Pairwise precision and recall of grouping on a labelled set in tests/data.

A set lists, per section, points and the (unit, text) items that make each; items of one
point must be grouped together, items of different points apart.
"""

from __future__ import annotations

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


def precision_recall(name: str) -> tuple[float, float]:
    """Pairwise (precision, recall) at the default threshold, printed for the record."""
    tp = predicted = pairs = 0
    for rows in labelled(name).values():
        grouping = group_texts([text for _, text, _ in rows])
        label = [point for _, _, point in rows]
        same_group = {pair for group in grouping.groups for pair in combinations(group, 2)}
        same_label = {(i, j) for i, j in combinations(range(len(rows)), 2) if label[i] == label[j]}
        tp += len(same_group & same_label)
        predicted += len(same_group)
        pairs += len(same_label)
    precision, recall = tp / max(predicted, 1), tp / pairs
    print(f"{name}: pairwise precision {precision:.3f} recall {recall:.3f} ({tp}/{predicted}/{pairs})")
    return precision, recall


def each_unit_once_per_point(name: str) -> bool:
    data = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    return all(
        len({unit for unit, _ in p["items"]}) == len(p["items"]) for ps in data.values() for p in ps
    )
