"""Grouping the items of one section that make the same point in different words.

Units rarely write the same sentence twice; they write the same point in their own words
("Đề nghị Trung ương sớm sửa đổi Quy định số 08-QĐi/TW" and "Kiến nghị nghiên cứu sửa đổi
Quy định 08-QĐi/TW về trách nhiệm nêu gương"). Vietnamese syllables are separated by spaces,
so an item is described by its content syllables, case-folded with diacritics kept. Report
boilerplate ("đề nghị", "tiếp tục", "các cấp") and function words carry no weight; rarer
syllables weigh more (inverse document frequency within the section, squared), and so do
the first ones: report prose says what an item is about before the details, so a syllable's
weight shrinks with its position. Figures are dropped ("45 hội nghị" and "38 hội nghị" make
one point); a cited document counts as a term at the head of the item and must agree:
"Quy định 08" and "Quy định 101" are two points. Synonyms of report prose are read through
the thesaurus (:mod:`sokket_cli.merge.thesaurus`): a phrase of it adds the syllables of its
concept to its own ("ngân sách" is read "kinh phí ngân sách"), at half weight, since they are
the item's only through the synonym; old and new spellings ("hoá", "hóa") are one word.

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

import functools
import itertools
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from sokket_cli.merge.thesaurus import SPELLING, concept_at

# Both bars chosen by the worst of the labelled sets: benchmarks/grouping_methods.py
THRESHOLD = 0.45  # weighted share of content syllables in common (Dice)
CONTAINED = 0.7  # share of the shorter item's letters in words the other also uses
MIN_ITEMS = 10  # in a smaller section the word weights say nothing: only identical items merge
_LEAD = 10  # a syllable at position p weighs _LEAD / (_LEAD + p): the subject comes first
_RARE_TERMS = 8  # terms of an item used to find candidates
_POSTING_CAP = 32  # latest items looked at per term: bounds the work on very common terms
_LEADER_SHARE = 0.5  # how close to a point's first wording a new one must be, relative
_SYNONYM_WEIGHT = 0.5  # a syllable an item has only through a synonym weighs half
_GO_ON = "\x02"  # in Terms.spoken: a concept's later syllables (its wording is on the first)

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
# Document codes ("08-qđi/tw": a reference, its letters no words), punctuation and figures
# end a run of words.
_CLAUSE_BREAK = re.compile(r"\d+(?:-[^\W\d_]+(?:/[^\W\d_]+)*)?|[^\w\s]+|_")
_WORD = re.compile(r"\d+(?:-[^\W\d_]+(?:/[^\W\d_]+)*)?|([^\W\d_]+)")  # words, not codes
# In most report text every character beyond ASCII is a letter: then the breaks between
# clauses are ASCII bytes, turned to NUL by a byte table rather than found by Unicode classes
# at every character, the digits are ASCII (a faster scan for numbers), and only document
# codes need a pattern, looked for only where a text has a hyphen.
_ASCII = bytes(range(128))
_ASCII_BREAKS_TO_NUL = bytes(
    0 if byte < 128 and not (chr(byte).isspace() or chr(byte).isalpha()) else byte
    for byte in range(256)
)
_ASCII_CODE = re.compile(r"[0-9]+-[^\W\d_]+(?:/[^\W\d_]+)*")
_ASCII_NUMBER = re.compile(r"([0-9]+)(?:-([^\W\d_]+))?")
_CITE_ENDS = (*_DOCUMENT_LETTERS, "số")  # what the text before a cited number ends with
_ZERO_DIGITS = bytes(ord("0") if 48 <= byte <= 57 else byte for byte in range(256))
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True, slots=True)
class Terms:
    """What an item says, for comparison: its content syllables in text order (an empty
    string between clauses) and as a set, and the documents it cites. A phrase of the
    thesaurus is read as the syllables of its concept, then its own ("kinh phí ngân sách");
    ``borrowed`` are those the item has only through a synonym.
    Left out of comparisons: ``spoken``, how the item writes each term (a phrase of the
    thesaurus where its concept's first syllable stands, :data:`_GO_ON` on the others), to
    show why items were put together, and ``folded``, its case-folded text, for the words it
    uses (:func:`_wording`)."""

    words: tuple[str, ...]
    terms: frozenset[str]
    references: frozenset[str]
    folded: str = field(compare=False)
    spoken: tuple[str, ...] = field(compare=False, default=())
    borrowed: frozenset[str] = field(compare=False, default=frozenset())


def describe(text: str) -> Terms:
    """The content syllables of a text, in order, and the documents it cites."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    folded = text.casefold()
    words, spoken, borrowed, kept, cited = _reading(
        folded.encode().translate(_ZERO_DIGITS).decode()
    )
    if not cited:
        return Terms(words, kept, frozenset(), folded, spoken, borrowed)
    references = frozenset([f"{int(folded[start:end])}-{kind}" for start, end, kind in cited])
    # the documents cited say what the item is about: they come first
    head = (*sorted(references), "")
    return Terms(
        (*head, *words), references | kept, references, folded, (*head, *spoken), borrowed
    )


@functools.lru_cache(maxsize=1 << 12)
def _reading(
    shape: str,
) -> tuple[
    tuple[str, ...], tuple[str, ...], frozenset[str], frozenset[str], tuple[tuple[int, int, str], ...]
]:
    """A text's content syllables in order (and as written: :attr:`Terms.spoken`) and as a
    set, and which of its numbers cite a
    document (where they stand) and of what kind, read from its shape: the folded text with
    every ASCII digit a 0, since none of it depends on the figures. Cached: units write one
    sentence with their own figures, so the numbers are then sliced out, never searched."""
    clauses, numbers = _clauses(shape)
    runs = map(_clause_words, clauses.split("\0"))
    words, spoken, borrowed = _concepts(tuple(itertools.chain.from_iterable(runs)))
    cited: tuple[tuple[int, int, str], ...] = ()
    if _DIGIT.search(shape):
        citations = tuple(_citations(shape, numbers))
        if citations:
            # a 0 for each ASCII digit: the digit runs stand where the text's own do
            spans = [match.span() for match in _DIGITS.finditer(shape)]
            cited = tuple((*spans[index], kind) for index, _, kind in citations)
    return words, spoken, borrowed, frozenset(words).difference(("",)), cited


def _clauses(folded: str) -> tuple[str, re.Pattern[str]]:
    """The runs of words between breaks (punctuation, figures, document codes), each ended
    by NUL (some empty), and the pattern that finds the text's numbers."""
    encoded = folded.encode()
    beyond_ascii = encoded.translate(None, _ASCII).decode()
    if beyond_ascii and not beyond_ascii.isalpha():  # curly quotes, symbols, other digits
        return "\0".join(_CLAUSE_BREAK.split(folded)), _NUMBER
    if b"-" in encoded:
        encoded = _ASCII_CODE.sub("\0", folded).encode()
    return encoded.translate(_ASCII_BREAKS_TO_NUL).decode(), _ASCII_NUMBER


@functools.lru_cache(maxsize=1 << 12)
def _wording(folded: str) -> tuple[frozenset[str], int]:
    """Every word of a text, stop words and the documents it cites included, figures and
    document codes left out, and their length in letters; needed for few items, so cached
    rather than kept with each."""
    used = frozenset(_with_concepts(_WORD.findall(folded))).difference(("",))
    if _DIGIT.search(folded):
        used |= _references(folded)
    return used, _size(used)


def _with_concepts(words: Sequence[str]) -> list[str]:
    """Some words, and the words of the concept of each phrase of the thesaurus among them."""
    words = [SPELLING.get(word, word) for word in words]
    index, concepts = 0, []
    while index < len(words):
        found = concept_at(words, index)
        if found is None:
            index += 1
        else:
            concepts.append(found[0])
            index += found[1]
    return words + " ".join(concepts).split()


def _size(words: frozenset[str]) -> int:
    """The letters of some words written once each, with a space between them."""
    return sum(map(len, words)) + len(words) - 1 if words else 0


def _references(folded: str) -> frozenset[str]:
    """The documents a text cites, as number and kind ("8-qđ")."""
    return frozenset([f"{int(number)}-{kind}" for _, number, kind in _citations(folded)])


def _citations(folded: str, numbers: re.Pattern[str] = _NUMBER) -> Iterator[tuple[int, str, str]]:
    """Each number of a text that cites a document: its place among the text's numbers, its
    digits and the document's kind. Read from each number, so a text with figures but no
    citation costs one short look before each figure."""
    for index, match in enumerate(numbers.finditer(folded)):
        number, letters = match.groups()
        if letters:
            yield index, number, letters[:2]
            continue
        start = max(0, match.start() - _CITE_REACH)
        if not folded[start : match.start()].rstrip().endswith(_CITE_ENDS):
            continue  # a figure: the pattern below could not match
        cited = _CITED_BY.search(folded, start, match.start())
        if cited:
            yield index, number, _DOCUMENT_LETTERS[cited.group(1)]


@functools.lru_cache(maxsize=1 << 16)
def _clause_words(clause: str) -> tuple[str, ...]:
    """One clause's content syllables, then an empty string that ends the clause; each
    phrase of the thesaurus, read first ("theo quy định" is a phrase, not a stop word and a
    document), as one :func:`_phrase` token. Cached, since report prose repeats its clauses
    from unit to unit."""
    kept: list[str] = []
    words = [SPELLING.get(word, word) for word in clause.split()]
    index = 0
    while index < len(words):
        word = words[index]
        found = concept_at(words, index)
        if found is not None:
            concept, length = found
            kept.append(_phrase(concept, " ".join(words[index : index + length])))
            index += length
            continue
        if tuple(words[index : index + 2]) in _STOP_PAIRS:
            index += 2
        elif word in _STOP_WORDS:
            index += 1
        else:
            kept.append(word)
            index += 1
            continue
        if kept and kept[-1]:
            kept.append("")  # a stop word breaks a run of words, as punctuation does
    if kept and kept[-1]:
        kept.append("")
    return tuple(kept)


# A phrase of the thesaurus among a clause's words: its concept and its wording, each after
# a mark that cannot be in a clause (it breaks clauses)
_PHRASE = "\x01"


def _phrase(concept: str, wording: str) -> str:
    return f"{_PHRASE}{concept}{_PHRASE}{wording}"


@functools.lru_cache(maxsize=1 << 10)
def _content(phrase: str) -> tuple[str, ...]:
    """The syllables of a phrase of the thesaurus that are not stop words (all of them if
    none is: "chưa cao" is "cao", "chưa tốt" is "chưa tốt")."""
    words = phrase.split()
    kept: list[str] = []
    index = 0
    while index < len(words):
        if tuple(words[index : index + 2]) in _STOP_PAIRS:
            index += 2
        else:
            if words[index] not in _STOP_WORDS:
                kept.append(words[index])
            index += 1
    return tuple(kept) or tuple(words)


def _concepts(tokens: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...], frozenset[str]]:
    """The words of an item, how it writes them (:attr:`Terms.spoken`) and those it has only
    through a synonym (:attr:`Terms.borrowed`). A phrase of the thesaurus is read as its
    concept's content syllables, then its own if they are others ("ngân sách" as "kinh phí
    ngân sách"): a synonym shares the concept, and two items that write the same phrase
    share it as before."""
    if not any(token[:1] == _PHRASE for token in tokens):
        return tokens, tokens, frozenset()
    words: list[str] = []
    spoken: list[str] = []
    written: set[str] = set()
    through_synonyms: set[str] = set()
    for token in tokens:
        if token[:1] != _PHRASE:
            words.append(token)
            spoken.append(token)
            written.add(token)
            continue
        _, concept, wording = token.split(_PHRASE)
        canonical, own = _content(concept), _content(wording)
        words += canonical
        spoken += (token, *[_GO_ON] * (len(canonical) - 1))
        if own == canonical:
            written.update(own)
        else:
            through_synonyms.update(canonical)
            words += own
            spoken += own
            written.update(own)
    return tuple(words), tuple(spoken), frozenset(through_synonyms - written)


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
        if said[:1] == _PHRASE:
            _, concept, wording = said.split(_PHRASE)
            theirs.setdefault(concept, []).append(wording)
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
        if said[:1] == _PHRASE:  # the first syllable of a concept
            _, concept, wording = said.split(_PHRASE)
            own, canonical = _content(wording), _content(concept)
            if wording not in theirs.get(concept, [wording]):  # in other words: shown apart
                synonyms = f"{wording} ≈ {theirs[concept][0]}"
                runs[synonyms] = max(runs.get(synonyms, 0.0), weights[word])
                shown = len(canonical) - 1 + (len(own) if own != canonical else 0)
                continue
            said = wording if own == canonical else _GO_ON  # else its own syllables follow
        weight += weights[word]
        if said != _GO_ON:
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
    (used_a, size_a), (used_b, size_b) = _wording(a.folded), _wording(b.folded)
    common = _size(used_a & used_b)
    return min(dice, 2 * common / (common + min(size_a, size_b)) / CONTAINED)
