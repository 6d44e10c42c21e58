"""Grouping measured on the hand-labelled sets: pairwise precision (target ≥ 0.9: a wrong
grouping misleads the report) and recall (≥ 0.7).

- grouping-labelled.yaml: written with the first algorithm, used to tune it;
- grouping-heldout.yaml and grouping-blind.yaml: written blind by two other people.
All three were then used to choose the similarity and its bars by the worst set
(benchmarks/grouping_methods.py prints the table).
- grouping-blind3.yaml: written blind by a fourth person who saw neither the code nor the
  other sets, kept away from each choice and measured once after it: for the bars, precision
  1.000 and recall 0.070 (before them: 0.828 and 0.051); for the thesaurus of synonyms
  (sokket_cli/merge/thesaurus.py) with the Dice bar at 0.40, precision 0.983, recall 0.123.
The floors below are the figures measured then, so a change that loses precision or recall
on any set fails; targets missed are strict expected failures, so a better grouping shows at
once. Recall 0.7 is out of reach of word overlap on the blind sets, synonyms or not: their
points are mostly paraphrases that share few words, while their near misses share many.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from grouping_measure import each_unit_once_per_point, labelled, precision_recall

SETS = ("grouping-labelled.yaml", "grouping-heldout.yaml", "grouping-blind.yaml", "grouping-blind3.yaml")
# (precision, recall) at THRESHOLD 0.40, CONTAINED 0.7, with the thesaurus; pairs right /
# grouped / labelled: 184/184/209, 34/35/164, 23/25/214, 58/59/471
FLOORS = {
    "grouping-labelled.yaml": (1.0, 0.88),
    "grouping-heldout.yaml": (0.97, 0.20),
    "grouping-blind.yaml": (0.92, 0.10),
    "grouping-blind3.yaml": (0.98, 0.12),
}


@pytest.mark.parametrize("name", SETS)
def test_sets_are_large_and_well_formed(name: str) -> None:
    rows = [row for section in labelled(name).values() for row in section]
    assert len(rows) >= 150
    assert len({unit for unit, _, _ in rows}) >= 20
    assert each_unit_once_per_point(name)


@pytest.mark.parametrize("name", SETS)
def test_precision_target_and_measured_floors(name: str) -> None:
    precision, recall = precision_recall(name)
    assert precision >= 0.9
    if name == "grouping-labelled.yaml":
        assert recall >= 0.7
    least_precision, least_recall = FLOORS[name]
    assert precision >= least_precision
    assert recall >= least_recall


def _missed(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=reason)


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("grouping-heldout.yaml", marks=_missed(
            "recall 0.207 at precision 0.971: lexical grouping, synonyms included, finds "
            "points said in shared words, not the paraphrases this set is full of")),
        pytest.param("grouping-blind.yaml", marks=_missed(
            "recall 0.107 at precision 0.920: most points of this set are paraphrases that "
            "share few words, and its near misses share many")),
        pytest.param("grouping-blind3.yaml", marks=_missed(
            "recall 0.123 at precision 0.983 on the set kept blind until the method was chosen: "
            "its 140 points are mostly paraphrases")),
    ],
)
def test_recall_target_on_the_independent_sets(name: str) -> None:
    _, recall = precision_recall(name)
    assert recall >= 0.7


_GROUPS_OF_EVERY_SET = """
from grouping_measure import labelled
from sokket_cli.merge.grouping import group_texts
for name in {sets!r}:
    for rows in labelled(name).values():
        grouping = group_texts([text for _, text, _ in rows])
        print(grouping.groups, grouping.shared)
"""


def test_same_groups_whatever_the_hash_seed() -> None:
    """Sets iterate in an order that changes from run to run: grouping must not follow it."""
    script = _GROUPS_OF_EVERY_SET.format(sets=SETS)
    tests = str(Path(__file__).parent)
    outputs = [
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": tests},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    ]
    assert outputs[0].count("(") > 100  # the groupings were printed
    assert outputs[0] == outputs[1] == outputs[2]
