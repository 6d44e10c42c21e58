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
- grouping-blind4.yaml: written blind by a fifth person on another plan (digital
  transformation at commune level), in the mix real units write (some copy the plan's words,
  some paraphrase). Before the thesaurus: 0.901 / 0.161. The thesaurus with the Dice bar at
  0.40 fell to precision 0.818 there (22 wrong pairs of 121), so the bar went back to 0.45,
  where every set holds precision ≥ 0.9: chosen by this set, so it is blind no longer.
The floors below are the figures measured with the shipped bars, so a change that loses
precision or recall on any set fails; targets missed are strict expected failures, so a
better grouping shows at once. Recall 0.7 is out of reach of word overlap on the independent
sets, synonyms or not: their points are mostly paraphrases that share few words, while their
near misses share many.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from grouping_measure import each_unit_once_per_point, labelled, precision_recall

SETS = (
    "grouping-labelled.yaml", "grouping-heldout.yaml", "grouping-blind.yaml", "grouping-blind3.yaml",
    "grouping-blind4.yaml",
)
# (precision, recall) at THRESHOLD 0.45, CONTAINED 0.7, with the thesaurus; pairs right /
# grouped / labelled: 176/176/209, 26/27/164, 16/17/214, 42/43/471, 79/87/454
FLOORS = {
    "grouping-labelled.yaml": (1.0, 0.84),
    "grouping-heldout.yaml": (0.96, 0.15),
    "grouping-blind.yaml": (0.94, 0.074),
    "grouping-blind3.yaml": (0.97, 0.088),
    "grouping-blind4.yaml": (0.90, 0.17),
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
            "recall 0.159 at precision 0.963: lexical grouping, synonyms included, finds "
            "points said in shared words, not the paraphrases this set is full of")),
        pytest.param("grouping-blind.yaml", marks=_missed(
            "recall 0.075 at precision 0.941: most points of this set are paraphrases that "
            "share few words, and its near misses share many")),
        pytest.param("grouping-blind3.yaml", marks=_missed(
            "recall 0.089 at precision 0.977 on the set kept blind until the thesaurus was "
            "chosen: its 140 points are mostly paraphrases")),
        pytest.param("grouping-blind4.yaml", marks=_missed(
            "recall 0.174 at precision 0.908 on a set in the mix real units write: the points "
            "said in the plan's words are found, the paraphrases mostly are not")),
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
