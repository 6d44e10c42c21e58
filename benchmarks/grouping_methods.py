"""Similarity measures for grouping compared on the labelled sets in tests/data.

Usage: ``python benchmarks/grouping_methods.py [METHOD ...]``. For each method and threshold
it prints pairwise precision and recall on every set, and the worst precision over the sets:
a method is chosen by its worst set, not its best. ``shipped`` runs the shipped
:func:`group_texts` itself (inverted-index candidates; the threshold moves its Dice bar
only), ``shipped-no-thesaurus`` the same with an empty thesaurus (what the synonyms add);
the others score all pairs of a
section (fine for a few dozen items, never done in the product) and group them with the same
rule: each item joins the group of its most similar earlier item at or above the threshold if
it is also within half the threshold of the group's first wording. Every method is given the
same veto: items citing different documents are never grouped. ``char-tfidf`` needs
scikit-learn and ``token-set`` needs rapidfuzz; neither is a dependency of sokket.
"""

from __future__ import annotations

import contextlib
import itertools
import math
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "tests"))
from grouping_measure import labelled

from sokket_cli.merge import grouping, thesaurus
from sokket_cli.merge.grouping import Terms, describe, group_texts

CODE = re.compile(r"\d+-[^\W\d_]+(?:/[^\W\d_]+)*")  # "08-qđi/tw"
SETS = ("grouping-labelled.yaml", "grouping-heldout.yaml", "grouping-blind.yaml")
THRESHOLDS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8)
LEADER_SHARE = 0.5
Score = Callable[[int, int], float]


def term_scores(
    texts: Sequence[str], kind: str, pairs: bool, lead: float | None, power: float = 2.0
) -> Score:
    """Weighted term overlap of two items: syllables (and, with ``pairs``, neighbouring
    syllable pairs), IDF within the section raised to ``power``, divided by
    ``1 + position / lead`` when ``lead`` is given."""
    described = [describe(text) for text in texts]
    positions = [terms_at(item, pairs) for item in described]
    frequency: dict[str, int] = {}
    for found in positions:
        for term in found:
            frequency[term] = frequency.get(term, 0) + 1
    count = len(described)
    idf = {t: math.log(1 + count / df) ** power for t, df in frequency.items()}
    weighed = [
        {t: idf[t] / (1 + at / lead) if lead else idf[t] for t, at in found.items()}
        for found in positions
    ]
    mass = [sum(w.values()) for w in weighed]

    def score(i: int, j: int) -> float:
        if vetoed(described[i], described[j]) or not mass[i] or not mass[j]:
            return 0.0
        common = weighed[i].keys() & weighed[j].keys()
        in_i = sum(weighed[i][t] for t in common)
        in_j = sum(weighed[j][t] for t in common)
        if kind == "dice":
            return (in_i + in_j) / (mass[i] + mass[j])
        if kind == "cosine":
            return math.sqrt(in_i * in_j / (mass[i] * mass[j]))
        if kind == "overlap":  # the shorter item's share in the longer one
            return max(in_i / mass[i], in_j / mass[j])
        if kind == "min-share":  # both items must be mostly the shared terms
            return min(in_i / mass[i], in_j / mass[j])
        raise ValueError(kind)

    return score


def terms_at(item: Terms, pairs: bool) -> dict[str, int]:
    """Each term of an item and the position of its first syllable."""
    found: dict[str, int] = {}
    position = 0
    for word, following in itertools.pairwise((*item.words, "")):
        if word:
            found.setdefault(word, position)
            if pairs and following:
                found.setdefault(f"{word} {following}", position)
            position += 1
    return found


def containment(texts: Sequence[str]) -> Score:
    """How much of the shorter item the other also says, by letters of all its words (stop
    words included; figures left out, a cited document is one word): ``2c / (c + shorter)``, which is
    what rapidfuzz's token-set ratio computes in the usual case, without the library."""
    described = [describe(text) for text in texts]
    folded = (CODE.sub(" ", text.casefold()) for text in texts)
    words = [
        frozenset(re.sub(r"[\W\d_]+", " ", text).split()) | item.references
        for text, item in zip(folded, described, strict=True)
    ]

    def size(terms: frozenset[str]) -> int:
        return sum(map(len, terms)) + len(terms) - 1 if terms else 0

    def score(i: int, j: int) -> float:
        if vetoed(described[i], described[j]):
            return 0.0
        common = size(words[i] & words[j])
        return 2 * common / (common + min(size(words[i]), size(words[j]))) if common else 0.0

    return score


def both_bars(texts: Sequence[str], ratio: float) -> Score:
    """Position-weighted Dice and containment, each against its bar, the bars in ``ratio``."""
    dice = term_scores(texts, "dice", pairs=False, lead=10)
    contained = containment(texts)
    return lambda i, j: min(dice(i, j), contained(i, j) / ratio)


def vetoed(a: Terms, b: Terms) -> bool:
    return bool(a.references and b.references and a.references != b.references)


def char_tfidf(texts: Sequence[str]) -> Score:
    from sklearn.feature_extraction.text import TfidfVectorizer

    described = [describe(text) for text in texts]
    vectoriser = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)
    matrix = vectoriser.fit_transform([text.casefold() for text in texts])
    similarity = (matrix @ matrix.T).toarray()
    return lambda i, j: 0.0 if vetoed(described[i], described[j]) else float(similarity[i, j])


def token_set(texts: Sequence[str]) -> Score:
    from rapidfuzz import fuzz, utils

    described = [describe(text) for text in texts]

    def score(i: int, j: int) -> float:
        if vetoed(described[i], described[j]):
            return 0.0
        return fuzz.token_set_ratio(texts[i], texts[j], processor=utils.default_process) / 100

    return score


METHODS: dict[str, Callable[[Sequence[str]], Score]] = {
    # the terms and score before the change: syllables and pairs, Dice, no position
    "pairs-dice": lambda texts: term_scores(texts, "dice", pairs=True, lead=None),
    "pairs-dice-lead10": lambda texts: term_scores(texts, "dice", pairs=True, lead=10),
    "pairs-overlap": lambda texts: term_scores(texts, "overlap", pairs=True, lead=None),
    "pairs-min-share": lambda texts: term_scores(texts, "min-share", pairs=True, lead=None),
    "pairs-dice-idf1": lambda texts: term_scores(texts, "dice", True, None, power=1.0),
    "syll-dice": lambda texts: term_scores(texts, "dice", pairs=False, lead=None),
    "syll-cosine-lead10": lambda texts: term_scores(texts, "cosine", pairs=False, lead=10),
    "syll-dice-lead5": lambda texts: term_scores(texts, "dice", pairs=False, lead=5),
    # the shipped similarity, scored over all pairs
    "syll-dice-lead10": lambda texts: term_scores(texts, "dice", pairs=False, lead=10),
    "syll-dice-lead20": lambda texts: term_scores(texts, "dice", pairs=False, lead=20),
    "syll-dice-lead10-idf1": lambda texts: term_scores(texts, "dice", False, 10, power=1.0),
    "containment": containment,
    # shipped: both bars, the containment bar moved with the Dice one (0.7 at 0.45)
    "lead10+containment": lambda texts: both_bars(texts, 0.7 / 0.45),
    "char-tfidf": char_tfidf,
    "token-set": token_set,
}


def greedy(count: int, score: Score, threshold: float) -> list[list[int]]:
    """The grouping rule of grouping.py over all pairs: best earlier item, leader check."""
    group_of: list[int] = []
    groups: list[list[int]] = []
    for index in range(count):
        best, best_score = -1, threshold
        for other in range(index):
            value = score(index, other)
            if value > best_score or (value == best_score and best < 0):
                best, best_score = other, value
        if best >= 0 and score(index, groups[group_of[best]][0]) < threshold * LEADER_SHARE:
            best = -1
        if best >= 0:
            group_of.append(group_of[best])
            groups[group_of[best]].append(index)
        else:
            group_of.append(len(groups))
            groups.append([index])
    return groups


@contextlib.contextmanager
def no_thesaurus() -> Iterator[None]:
    """The shipped reading with no phrase of the thesaurus found (spellings still unified)."""
    starts = thesaurus._STARTS
    readings = (grouping._clause_words, grouping._reading, grouping._wording)
    thesaurus._STARTS = frozenset()
    for cached in readings:
        cached.cache_clear()
    try:
        yield
    finally:
        thesaurus._STARTS = starts
        for cached in readings:
            cached.cache_clear()


def measure(name: str, method: str, threshold: float) -> tuple[int, int, int]:
    """(pairs grouped right, pairs grouped, pairs labelled together) on one set."""
    right = grouped = together = 0
    for rows in labelled(name).values():
        texts = [text for _, text, _ in rows]
        if method == "shipped":
            groups: Sequence[Sequence[int]] = group_texts(texts, threshold).groups
        elif method == "shipped-no-thesaurus":
            with no_thesaurus():
                groups = group_texts(texts, threshold).groups
        else:
            groups = greedy(len(texts), METHODS[method](texts), threshold)
        label = [point for _, _, point in rows]
        same_group = {pair for group in groups for pair in combinations(sorted(group), 2)}
        same_label = {(i, j) for i, j in combinations(range(len(rows)), 2) if label[i] == label[j]}
        right += len(same_group & same_label)
        grouped += len(same_group)
        together += len(same_label)
    return right, grouped, together


def cell(right: int, grouped: int, together: int) -> str:
    precision = right / grouped if grouped else 1.0
    return f"P{precision:.2f} R{right / together:.2f} {right:3}/{grouped:<3}"


def main(methods: Sequence[str]) -> None:
    """The table: per set P, R and right/grouped pairs; then heldout and blind pooled."""
    names = "  ".join(f"{name[9:-5]:<20}" for name in SETS)
    print(f"{'method':<22} {'t':>4}  {names}  heldout+blind   worst P")
    for method in methods:
        for threshold in THRESHOLDS:
            counts = [measure(name, method, threshold) for name in SETS]
            pooled = cell(*(sum(c[k] for c in counts[1:]) for k in range(3)))
            worst = min(c[0] / c[1] if c[1] else 1.0 for c in counts)
            cells = "  ".join(cell(*c) for c in counts)
            print(f"{method:<22} {threshold:4.2f}  {cells}  {pooled[:11]}    {worst:.2f}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:] or ["shipped", "shipped-no-thesaurus", *METHODS])
