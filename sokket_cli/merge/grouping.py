"""Grouping the items of one section that make the same point in different words.

Units rarely write the same sentence twice; they write the same point in their own words
("Đề nghị Trung ương sớm sửa đổi Quy định số 08-QĐi/TW" and "Kiến nghị nghiên cứu sửa đổi
Quy định 08-QĐi/TW về trách nhiệm nêu gương"). Vietnamese syllables are separated by spaces,
so an item is described by its content syllables and the syllable pairs within each clause
(compound words such as "kiểm tra", "nêu gương" are pairs), case-folded with diacritics kept.
Report boilerplate ("đề nghị", "tiếp tục", "các cấp") and function words carry no weight;
rarer terms weigh more (inverse document frequency within the section). Figures are dropped
("45 hội nghị" and "38 hội nghị" make one point), but document references are kept and must
agree: "Quy định 08" and "Quy định 101" are two points.

Deterministic and explainable: items are taken in plan order; each joins the group holding
its most similar earlier item when their weighted share of common terms (Dice) reaches
:data:`THRESHOLD` and the item is also close to the group's first wording (no chains of
small steps), else it starts a group. The terms two items share are kept, so a reader can
see why they were put together. Candidates come from an inverted index over each item's rarest terms, never from
all pairs, and items with the same terms join without any comparison.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

THRESHOLD = 0.4  # chosen for precision on the labelled sets in tests/data: tests/test_grouping_*.py
MIN_ITEMS = 10  # in a smaller section the word weights say nothing: only identical items merge
_RARE_TERMS = 8  # terms of an item used to find candidates
_POSTING_CAP = 32
_LEADER_SHARE = 0.5  # how close to a point's first wording a new one must be, relative  # latest items looked at per term: bounds the work on very common terms

# Function words and the stock phrases of report prose: they say nothing about the point.
# Two-syllable phrases are matched as phrases, so "nghị quyết" keeps the "nghị" of "đề nghị".
_STOP_WORDS = frozenset(
    ["của", "và", "các", "những", "cho", "được", "đã", "là", "có", "để", "với", "trong", "về", "theo", "một", "này", "đó", "khi", "thì", "mà", "như", "từ", "tại", "trên", "dưới", "đến", "tới", "hơn", "rất", "cũng", "còn", "vẫn", "đang", "sẽ", "bị", "do", "nên", "nhưng", "hoặc", "hay", "ra", "vào", "lại", "nhiều", "ít", "mọi", "toàn", "việc", "sự", "cái", "điều", "nơi", "ở", "vì", "phải", "cần", "tốt", "xin", "sớm", "chưa", "số"]
)
_STOP_PAIRS = frozenset(
    tuple(phrase.split())
    for phrase in (
        "đề nghị", "kiến nghị", "tiếp tục", "quan tâm", "các cấp", "nghiên cứu", "xem xét",
        "cụ thể", "phù hợp", "thực hiện", "đồng thời", "nhất là", "trước hết", "đối với",
        "một số", "bộ phận",
        # the universal subject and the stock verbs of a report
        "cán bộ", "đảng viên", "phát huy", "vai trò", "tăng cường", "đẩy mạnh", "nâng cao",
    )
)
_DOCUMENT_LETTERS = {
    "quy định": "qđ",
    "chỉ thị": "ct",
    "chương trình": "ct",
    "nghị quyết": "nq",
    "kết luận": "kl",
    "hướng dẫn": "hd",
    "kế hoạch": "kh",
    "quyết định": "qđ",
    "thông báo": "tb",
    "nghị định": "nđ",
    "thông tư": "tt",
}
# "08-qđi/tw", "15-ctr/tu" (after case folding), or a number after "quy định (số)"
_NUMBER = re.compile(r"(\d+)(?:-([^\W\d_]+))?")
_CITED_BY = re.compile(r"(" + "|".join(_DOCUMENT_LETTERS) + r")\s+(?:số\s+)?$")
_CITE_REACH = 24  # characters before a number where its document word may stand
_DIGIT = re.compile(r"\d")
_CLAUSE_BREAK = re.compile(r"[^\w\s]+|\d+|_")  # punctuation and figures end a run of words


@dataclass(frozen=True, slots=True)
class Terms:
    """What an item says, for comparison: weighted terms and the documents it cites."""

    terms: frozenset[str]
    references: frozenset[str]


def describe(text: str) -> Terms:
    """The content terms (syllables and in-clause syllable pairs) and document references."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    folded = text.casefold()
    references = _references(folded) if _DIGIT.search(folded) else frozenset()
    return Terms(frozenset().union(*map(_clause_terms, _CLAUSE_BREAK.split(folded))), references)


def _references(folded: str) -> frozenset[str]:
    """The documents a text cites, as number and kind ("8-qđ"): read from each number, so a
    text with figures but no citation costs one short look before each figure."""
    found: set[str] = set()
    for match in _NUMBER.finditer(folded):
        number, letters = match.groups()
        if letters:
            found.add(f"{int(number)}-{letters[:2]}")
            continue
        cited = _CITED_BY.search(folded, max(0, match.start() - _CITE_REACH), match.start())
        if cited:
            found.add(f"{int(number)}-{_DOCUMENT_LETTERS[cited.group(1)]}")
    return frozenset(found)


@functools.lru_cache(maxsize=1 << 16)
def _clause_terms(clause: str) -> frozenset[str]:
    """One clause's terms; cached, since report prose repeats its clauses from unit to unit."""
    terms: set[str] = set()
    words = clause.split()
    run: list[str] = []
    index = 0
    while index < len(words):
        word = words[index]
        if tuple(words[index : index + 2]) in _STOP_PAIRS:
            skip = 2
        elif word in _STOP_WORDS:
            skip = 1
        else:
            run.append(word)
            index += 1
            continue
        _add_run(terms, run)
        run = []
        index += skip
    _add_run(terms, run)
    return frozenset(terms)


def _add_run(terms: set[str], run: list[str]) -> None:
    """A run of content words gives its syllables and its pairs of neighbouring syllables."""
    terms.update(run)
    terms.update(map(" ".join, itertools.pairwise(run)))


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
    frequency: dict[str, int] = {}
    for item in described:
        for term in item.terms:
            frequency[term] = frequency.get(term, 0) + 1
    # squared: a rare term says much more about the point than a common one
    weight = {term: math.log(1 + count / df) ** 2 for term, df in frequency.items()}

    group_of: list[int] = []
    groups: list[list[int]] = []
    shared: list[tuple[str, ...]] = []
    first_with: dict[Terms, int] = {}  # items with the same terms join without a comparison
    postings: dict[str, list[int]] = {}
    mass: list[float] = []  # the summed weight of each item's terms
    for index, item in enumerate(described):
        mass.append(sum(weight[t] for t in item.terms))
        same = first_with.get(item) if item.terms else None
        if same is not None:
            group_of.append(group_of[same])
            groups[group_of[same]].append(index)
            shared.append(shared[same] or _strongest(item.terms, weight))
            continue
        first_with[item] = index
        best, best_score = -1, threshold
        # the rarest terms that some other item shares: a term of this item alone finds none
        shareable = [t for t in item.terms if frequency[t] > 1]
        seen: set[int] = set()
        for term in sorted(shareable, key=lambda t: (frequency[t], t))[:_RARE_TERMS]:
            for other in postings.get(term, ())[-_POSTING_CAP:]:
                if other in seen:
                    continue
                seen.add(other)
                score = _similarity(item, described[other], weight, mass[index] + mass[other])
                if score > best_score or (score == best_score and 0 <= other < best):
                    best, best_score = other, score
        if best >= 0 and best != (leader := groups[group_of[best]][0]):
            # no chaining: the item must also be close to the point's first wording
            both = mass[index] + mass[leader]
            if _similarity(item, described[leader], weight, both) < threshold * _LEADER_SHARE:
                best = -1
        if best >= 0:
            group_of.append(group_of[best])
            groups[group_of[best]].append(index)
            shared.append(_strongest(item.terms & described[best].terms, weight))
        else:
            group_of.append(len(groups))
            groups.append([index])
            shared.append(())
        for term in shareable:
            postings.setdefault(term, []).append(index)
    return Grouping(tuple(tuple(g) for g in groups), tuple(shared))


def _strongest(terms: frozenset[str], weight: dict[str, float], count: int = 5) -> tuple[str, ...]:
    """The heaviest terms, to show why items were put together."""
    return tuple(sorted(terms, key=lambda t: (-weight[t], t))[:count])


def _similarity(a: Terms, b: Terms, weight: dict[str, float], both: float) -> float:
    """The weighted share of terms in common (Dice), 0 when both cite different documents.

    ``both`` is the summed weight of the two items' terms.
    """
    if not both or (a.references and b.references and a.references != b.references):
        return 0.0
    return 2 * sum(weight[t] for t in a.terms & b.terms) / both
