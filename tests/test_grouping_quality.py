"""Grouping measured against a hand-labelled set: pairwise precision and recall.

tests/data/grouping-labelled.yaml holds realistic items from 30+ units, grouped by hand into
points, with near misses that must stay apart. A wrong grouping misleads the report, so
precision matters most (target ≥ 0.9); recall ≥ 0.7.
"""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

import yaml

from sokket_cli.merge.grouping import group_texts

LABELLED = Path(__file__).parent / "data" / "grouping-labelled.yaml"


def sections() -> dict[str, list[tuple[str, str, str]]]:
    """Per section: (unit, text, point) in plan order (units in order of first appearance)."""
    data = yaml.safe_load(LABELLED.read_text(encoding="utf-8"))
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


def pairwise(threshold: float | None = None) -> tuple[int, int, int]:
    """(true positive, predicted, labelled) pair counts over all sections."""
    tp = predicted = labelled = 0
    for rows in sections().values():
        grouping = group_texts([text for _, text, _ in rows], *([threshold] if threshold else []))
        label = [point for _, _, point in rows]
        same_group = {pair for group in grouping.groups for pair in combinations(group, 2)}
        same_label = {
            (i, j) for i, j in combinations(range(len(rows)), 2) if label[i] == label[j]
        }
        tp += len(same_group & same_label)
        predicted += len(same_group)
        labelled += len(same_label)
    return tp, predicted, labelled


def test_labelled_set_is_large_enough() -> None:
    rows = [row for section in sections().values() for row in section]
    assert len(rows) >= 150
    assert len({unit for unit, _, _ in rows}) >= 20


def test_grouping_meets_precision_and_recall_targets() -> None:
    tp, predicted, labelled = pairwise()
    precision, recall = tp / predicted, tp / labelled
    print(f"pairwise precision {precision:.3f} recall {recall:.3f} ({tp}/{predicted}/{labelled})")
    assert precision >= 0.9
    assert recall >= 0.7
