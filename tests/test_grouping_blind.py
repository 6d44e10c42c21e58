"""Grouping measured on a second blind set, used once after the algorithm was settled.

tests/data/grouping-blind.yaml was written by someone who saw neither the algorithm nor the
other two sets, and it was measured only after the last change to grouping: its figures are
the honest ones. Same measurement and targets as test_grouping_quality.py.
"""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

import pytest
import yaml

from sokket_cli.merge.grouping import group_texts

BLIND = Path(__file__).parent / "data" / "grouping-blind.yaml"


def sections() -> dict[str, list[tuple[str, str, str]]]:
    """Per section: (unit, text, point) in plan order (units in order of first appearance)."""
    data = yaml.safe_load(BLIND.read_text(encoding="utf-8"))
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
        same_label = {(i, j) for i, j in combinations(range(len(rows)), 2) if label[i] == label[j]}
        tp += len(same_group & same_label)
        predicted += len(same_group)
        labelled += len(same_label)
    return tp, predicted, labelled


def test_blind_set_is_large_enough() -> None:
    rows = [row for section in sections().values() for row in section]
    assert len(rows) >= 160
    assert len({unit for unit, _, _ in rows}) >= 25


def test_blind_set_has_each_unit_at_most_once_per_point() -> None:
    data = yaml.safe_load(BLIND.read_text(encoding="utf-8"))
    for points in data.values():
        for point in points:
            units = [unit for unit, _ in point["items"]]
            assert len(units) == len(set(units)), point["point"]


def measured() -> tuple[float, float]:
    """Pairwise (precision, recall) at the default threshold, printed for the record."""
    tp, predicted, labelled = pairwise()
    precision, recall = tp / predicted, tp / labelled
    print(
        f"blind pairwise precision {precision:.3f} recall {recall:.3f} "
        f"({tp}/{predicted}/{labelled})"
    )
    return precision, recall


@pytest.mark.xfail(
    strict=True,
    reason="measured after the last change: precision 0.833 at threshold 0.4 (0.660 at 0.3); items that "
    "share a subject (kê khai tài sản, bí thư chi bộ) but make another claim are grouped",
)
def test_grouping_meets_precision_target_on_blind_set() -> None:
    precision, _ = measured()
    assert precision >= 0.9


@pytest.mark.xfail(
    strict=True,
    reason="measured after the last change: recall 0.047 at threshold 0.4; most points of this set are "
    "paraphrases that share few words",
)
def test_grouping_meets_recall_target_on_blind_set() -> None:
    _, recall = measured()
    assert recall >= 0.7
