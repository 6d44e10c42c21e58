"""Grouping the items of one section that make the same point in different words.

Units rarely write the same sentence twice; they write the same point in their own words
("Đề nghị Trung ương sớm sửa đổi Quy định số 08-QĐi/TW" and "Kiến nghị nghiên cứu sửa đổi
Quy định 08-QĐi/TW về trách nhiệm nêu gương"). An item is read as its content syllables
(:mod:`sokket_cli.merge.terms`): report boilerplate and function words left out, figures
dropped, cited documents and the synonyms of the thesaurus read. Rarer
syllables weigh more (inverse document frequency within the section, squared), and so do
the first ones: report prose says what an item is about before the details, so a syllable's
weight shrinks with its position. A cited document must agree: "Quy định 08" and "Quy định
101" are two points. Syllables an item has only through a synonym weigh half.

Two items make the same point when they pass two bars: the weighted share of their content
syllables in common (Dice) reaches :data:`THRESHOLD`, and the shorter item is mostly said by
the other (the letters of their common words, stop words included, reach :data:`CONTAINED`
of the shorter item's, softened as ``2c / (c + shorter)``, as rapidfuzz's token-set ratio
does). The first bar makes rare words decisive; the second asks that the shorter item be
said almost whole by the other, not only its rare words, and was measured to raise precision
at the same recall. Items are taken in plan order; each joins the group holding its most similar
earlier item over both bars if it is also halfway over them with the group's first wording
(no chains of small steps), else it starts a group. Deterministic and explainable: the runs
of words two grouped items share ("kê khai tài sản") are kept, so a reader can see why, and
synonyms show as such ("kinh phí ≈ ngân sách").

The bars favour precision, because a wrong grouping misleads the report: measured on five
labelled sets (benchmarks/grouping_methods.py), pairs grouped are right 0.91 to 1.00 of the
time, but paraphrases that share few words mostly stay apart (pairwise recall 0.07 to 0.84
by set). Candidates come from an inverted index over each item's rarest terms, never from
all pairs, and items with the same terms join without any comparison.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from sokket_cli.merge.terms import GO_ON, Terms, content, describe, phrase_parts, size, wording

# Both bars chosen by the worst of the labelled sets: benchmarks/grouping_methods.py
THRESHOLD = 0.45  # weighted share of content syllables in common (Dice)
CONTAINED = 0.7  # share of the shorter item's letters in words the other also uses
MIN_ITEMS = 10  # in a smaller section the word weights say nothing: only identical items merge
_LEAD = 10  # a syllable at position p weighs _LEAD / (_LEAD + p): the subject comes first
_RARE_TERMS = 8  # terms of an item used to find candidates
_POSTING_CAP = 32  # latest items looked at per term: bounds the work on very common terms
_LEADER_SHARE = 0.5  # how close to a point's first wording a new one must be, relative
_SYNONYM_WEIGHT = 0.5  # a syllable an item has only through a synonym weighs half


def _weights(item: Terms, weight: dict[str, float]) -> dict[str, float]:
    """Each term's weight in one item: its rarity, less the later it first comes."""
    found: dict[str, float] = {}
    position = 0
    for word in item.words:
        if word:
            if word not in found:
                found[word] = weight[word] * _LEAD / (_LEAD + position)
            position += 1
    for word in item.borrowed:
        found[word] *= _SYNONYM_WEIGHT
    return found


@dataclass(frozen=True, slots=True)
class Grouping:
    """``groups`` hold item indices, each group in input order, groups by first item.

    ``shared[i]`` are the terms item ``i`` shares with the item it was matched to (empty for
    the first item of a group).
    """

    groups: tuple[tuple[int, ...], ...]
    shared: tuple[tuple[str, ...], ...]


def group_texts(texts: Sequence[str], threshold: float = THRESHOLD) -> Grouping:
    """Group the texts of one section, given in plan order."""
    if len(texts) < MIN_ITEMS:
        return Grouping(tuple((i,) for i in range(len(texts))), tuple(() for _ in texts))
    described = [describe(text) for text in texts]
    count = max(len(described), 1)
    frequency = _document_frequency(described)
    # squared: a rare term says much more about the point than a common one
    weight = {term: math.log(1 + count / df) ** 2 for term, df in frequency.items()}

    group_of: list[int] = []
    groups: list[list[int]] = []
    shared: list[tuple[str, ...]] = []
    first_with: dict[Terms, int] = {}  # items with the same terms join without a comparison
    same_as: dict[int, tuple[str, ...]] = {}  # what those share with the first of them
    postings: dict[str, list[int]] = {}
    weighed: list[dict[str, float]] = []  # each item's terms and their weights in it
    mass: list[float] = []  # the summed weight of each item's terms
    for index, item in enumerate(described):
        same = first_with.get(item) if item.terms else None
        weighed.append(_weights(item, weight) if same is None else weighed[same])
        mass.append(math.fsum(weighed[index].values()) if same is None else mass[same])
        if same is not None:
            group_of.append(group_of[same])
            groups[group_of[same]].append(index)
            if same not in same_as:
                same_as[same] = shared[same] or _phrases(
                    item, item.terms, weighed[index], described[same]
                )
            shared.append(same_as[same])
            continue
        first_with[item] = index
        best, best_score = -1, 1.0  # a score of 1 is on the bar
        # the rarest terms that some other item shares: a term of this item alone finds none
        shareable = [t for t in item.terms if frequency[t] > 1]
        seen: set[int] = set()
        for term in sorted(shareable, key=lambda t: (frequency[t], t))[:_RARE_TERMS]:
            for other in postings.get(term, ())[-_POSTING_CAP:]:
                if other in seen:
                    continue
                seen.add(other)
                score = _similarity(
                    item, described[other], weighed, (index, other), mass, threshold, best_score
                )
                if score > best_score or (score == best_score and 0 <= other < best):
                    best, best_score = other, score
        if best >= 0 and best != (leader := groups[group_of[best]][0]):
            # no chaining: the item must also be close to the point's first wording
            score = _similarity(
                item, described[leader], weighed, (index, leader), mass, threshold, _LEADER_SHARE
            )
            if score < _LEADER_SHARE:
                best = -1
        if best >= 0:
            group_of.append(group_of[best])
            groups[group_of[best]].append(index)
            matched = described[best]
            shared.append(_phrases(item, item.terms & matched.terms, weighed[index], matched))
        else:
            group_of.append(len(groups))
            groups.append([index])
            shared.append(())
        for term in shareable:
            postings.setdefault(term, []).append(index)
    return Grouping(tuple(tuple(g) for g in groups), tuple(shared))


def _document_frequency(described: Sequence[Terms]) -> Counter[str]:
    """In how many items each term occurs, counted once per distinct set of terms: a section
    repeats one wording with other figures many times over, and repeats share their set."""
    repeats = Counter(item.terms for item in described)
    frequency: Counter[str] = Counter()
    for terms, times in repeats.items():
        for term in terms:
            frequency[term] += times
    return frequency


def _phrases(
    item: Terms, common: frozenset[str], weights: dict[str, float], other: Terms, count: int = 5
) -> tuple[str, ...]:
    """The heaviest runs of ``common`` syllables in ``item`` ("kê khai tài sản"), as the
    item writes them and in its order, to show why items were put together; a concept the
    ``other`` item writes in other words is shown with both wordings ("kinh phí ≈ ngân sách")."""
    theirs: dict[str, list[str]] = {}  # each concept: how the other item writes it
    for said in other.spoken:
        if (parts := phrase_parts(said)) is not None:
            theirs.setdefault(parts[0], []).append(parts[1])
    runs: dict[str, float] = {}
    run: list[str] = []
    weight = 0.0
    shown = 0  # syllables still to come of a wording shown with its synonym
    for word, said in zip((*item.words, ""), (*item.spoken, ""), strict=True):
        if shown:
            shown -= 1
            continue
        if word not in common:
            if run:
                phrase = " ".join(run)
                runs[phrase] = max(runs.get(phrase, 0.0), weight)
                run, weight = [], 0.0
            continue
        if (parts := phrase_parts(said)) is not None:  # the first syllable of a concept
            concept, written = parts
            own, canonical = content(written), content(concept)
            if written not in theirs.get(concept, [written]):  # in other words: shown apart
                synonyms = f"{written} ≈ {theirs[concept][0]}"
                runs[synonyms] = max(runs.get(synonyms, 0.0), weights[word])
                shown = len(canonical) - 1 + (len(own) if own != canonical else 0)
                continue
            said = written if own == canonical else GO_ON  # else its own syllables follow
        weight += weights[word]
        if said != GO_ON:
            run.append(said)
    heaviest = set(sorted(runs, key=lambda p: (-runs[p], p))[:count])
    return tuple(phrase for phrase in runs if phrase in heaviest)


def _similarity(
    a: Terms,
    b: Terms,
    weighed: list[dict[str, float]],
    pair: tuple[int, int],
    mass: list[float],
    threshold: float,
    floor: float,
) -> float:
    """How far two items clear both bars, as a share of the bar (1 is on it): the weighted
    share of their content syllables in common (Dice, against ``threshold``) and how much of
    the shorter item the other also says (the letters of their common words against the
    shorter item's, as ``2c / (c + shorter)``, against :data:`CONTAINED`). 0 when both cite
    different documents. ``a`` and ``b`` are the items ``pair``; ``weighed`` and ``mass``
    hold each item's term weights and their sum. Below ``floor`` the Dice share alone is
    returned: the second bar cannot lift it.
    """
    if a.references and b.references and a.references != b.references:
        return 0.0
    i, j = pair
    both = mass[i] + mass[j]
    if not both:
        return 0.0
    wa, wb = weighed[i], weighed[j]
    # fsum is exact, so the order of a set (which changes with the hash seed) cannot matter
    dice = math.fsum(wa[t] + wb[t] for t in a.terms & b.terms) / both / threshold
    if dice < floor:
        return dice
    (used_a, size_a), (used_b, size_b) = wording(a.folded), wording(b.folded)
    common = size(used_a & used_b)
    return min(dice, 2 * common / (common + min(size_a, size_b)) / CONTAINED)
