"""The measurement of a learned pair decision (benchmarks/grouping_methods.py, pair-logistic)
must measure what it says: the candidates are the ones the shipped grouping compares, and the
logistic regression is fitted to its optimum."""

from __future__ import annotations

import math

from grouping_measure import labelled
from helpers import benchmark_module

from sokket_cli.merge import grouping


def _section_texts() -> list[str]:
    return [text for _, text, _ in labelled("grouping-labelled.yaml")["achievements"]]


def test_candidates_are_the_pairs_the_shipped_grouping_compares() -> None:
    methods = benchmark_module("grouping_methods")
    texts = _section_texts()
    compared: set[tuple[int, int]] = set()
    compare = grouping._similarity

    def watched(*arguments: object) -> float:
        compared.add(arguments[3])  # type: ignore[arg-type]
        return compare(*arguments)  # type: ignore[arg-type]

    grouping._similarity = watched  # type: ignore[assignment]
    try:
        # a bar nothing clears: every candidate is compared, no leader check is made
        grouping.group_texts(texts, threshold=math.inf)
    finally:
        grouping._similarity = compare
    section = methods.Section(texts)
    found = {(later, earlier) for later, c in enumerate(section.candidates) for earlier in c}
    assert len(found) > 50
    assert found == compared
    assert grouping._similarity is compare  # the observation leaves the module as it was
    # the repeats join their first item, as in the product
    repeated = grouping.group_texts(texts).groups
    assert all(
        any(later in group and first in group for group in repeated)
        for later, first in section.repeats.items()
    )


def test_fit_reaches_the_optimum_of_the_penalised_likelihood() -> None:
    methods = benchmark_module("grouping_methods")
    rows = [(x / 10, ((x * 7) % 11) / 11) for x in range(60)]
    labels = [int((x * 13) % 10 < x / 6) for x in range(60)]  # overlapping classes
    bias, coefficients = methods.fit(rows, labels, l2=0.0)
    predicted = [
        1 / (1 + math.exp(-(bias + sum(c * v for c, v in zip(coefficients, row, strict=True)))))
        for row in rows
    ]
    # unpenalised optimum: the gradient is zero in the bias and in each coefficient
    assert abs(sum(p - y for p, y in zip(predicted, labels, strict=True))) < 1e-8
    for feature in range(2):
        gradient = sum(
            (p - y) * row[feature] for p, y, row in zip(predicted, labels, rows, strict=True)
        )
        assert abs(gradient) < 1e-8
    assert coefficients[0] > 0  # the label grows with the first feature
