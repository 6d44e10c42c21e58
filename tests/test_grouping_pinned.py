"""Grouping results pinned by digest, so that work on its speed cannot change what it decides.

The digests cover the five labelled sets, the benchmark's largest section (3,000 units) and
a large section of near-duplicate wordings that sends every item through the candidate
search. A change meant to alter the grouping (terms, weights, scores) changes them too: then
check the quality tests and pin the new values (the assertion message shows them).
"""

from __future__ import annotations

import hashlib
import itertools
import random
import re
import unicodedata

import pytest
from grouping_measure import labelled
from helpers import benchmark_module
from hypothesis import given, settings
from hypothesis import strategies as st

from sokket_cli.merge.grouping import group_texts
from sokket_cli.merge.terms import (
    _CITE_REACH,
    _CITED_BY,
    _DOCUMENT_LETTERS,
    _NUMBER,
    _clause_words,
    _concepts,
    describe,
)

PINNED = {
    "grouping-labelled.yaml": "f0eb6ef734cbc13e",
    "grouping-heldout.yaml": "3e1443d2faedeb8b",
    "grouping-blind.yaml": "a50d047942365d8a",
    "grouping-blind3.yaml": "4c7656bc4a71cfe6",
    "grouping-blind4.yaml": "ec4909e338457e98",
    "benchmark": "830d55c5775aea09",
    "near-duplicates": "643a3ea7c20cd329",
}


def digest(sections: list[list[str]]) -> str:
    """One digest of the groups and shared terms of every section."""
    result = hashlib.sha256()
    for texts in sections:
        grouping = group_texts(texts)
        result.update(repr((grouping.groups, grouping.shared)).encode("utf-8"))
    return result.hexdigest()[:16]


def benchmark_section(units: int = 3000) -> list[str]:
    """The first section of the benchmark's unit files, in plan order: the items as written
    by ``benchmarks/generate.py`` (the first lines it writes for each unit)."""
    generate = benchmark_module("generate")
    texts = []
    for unit in range(units):
        lines = generate.unit_file(unit).splitlines()
        start = lines.index(f"{next(iter(generate.SECTIONS))}:") + 1
        for line in lines[start:]:
            if not line.startswith("  "):
                break
            if line.startswith("  - "):  # a top-level item, not one of its sub-items
                texts.append(line.split('"', 1)[1].rsplit('"', 1)[0])
    return texts


def near_duplicates(count: int = 6000) -> list[str]:
    """Wordings of 400 points, each with a few syllables changed, its own figures and one of
    two cited documents, some with a document code."""
    rng = random.Random(11)
    syllables = [c + v for c in "bcdghklmnpqrstvx" for v in ("a", "ê", "ô", "ư", "anh", "ương", "iên")]
    points = [[rng.choice(syllables) for _ in range(10)] for _ in range(400)]
    texts = []
    for _ in range(count):
        words = list(rng.choice(points))
        for _ in range(rng.randint(0, 4)):
            words[rng.randrange(len(words))] = rng.choice(syllables)
        cited = rng.choice(("theo Quy định 8", "theo Quy định số 101", "nêu ở 08-QĐi/TW", "năm 2024"))
        texts.append(f"{' '.join(words)} ({rng.randint(1, 99)} lượt), {cited}.")
    return texts


def test_benchmark_section_is_what_the_benchmark_compiles() -> None:
    texts = benchmark_section(2)
    assert len(texts) == 2 * 9
    assert texts[0].startswith("Đơn vị 0, ý 0: ") and texts[9].startswith("Đơn vị 1, ý 0: ")


@pytest.mark.parametrize("name", sorted(PINNED))
def test_grouping_is_unchanged(name: str) -> None:
    if name == "benchmark":
        sections = [benchmark_section()]
    elif name == "near-duplicates":
        sections = [near_duplicates()]
    else:
        sections = [[text for _, text, _ in rows] for rows in labelled(name).values()]
    found = digest(sections)
    assert found == PINNED[name], f"{name}: {found}"


# Report prose, mostly: Vietnamese words, citations, document codes and figures with ASCII
# punctuation (read byte by byte), sometimes any character at all (read by Unicode classes).
PROSE = st.lists(
    st.sampled_from(
        ["Đề nghị", " quy định", " Quy định số ", "08-QĐi/TW", "-", "/", " chỉ thị", "  ", "\t",
         "\n", " ương", " kiểm tra", "Đảng ủy", "45", "1.250", "98,5%", "; ", "_", "(", ")",
         "\x1c", "½²", "٣", "\xa0", "\u201c"]
    )
    | st.characters(codec="utf-8"),
    max_size=30,
).map("".join)
# main's reading before the speed-ups: split at every break by Unicode classes
_CLAUSE_BREAK = re.compile(r"\d+(?:-[^\W\d_]+(?:/[^\W\d_]+)*)?|[^\w\s]+|_")


def _references(folded: str) -> frozenset[str]:
    """main's reading of citations: the pattern tried before every number."""
    found = set()
    for match in _NUMBER.finditer(folded):
        number, letters = match.groups()
        cited = _CITED_BY.search(folded, max(0, match.start() - _CITE_REACH), match.start())
        if letters:
            found.add(f"{int(number)}-{letters[:2]}")
        elif cited:
            found.add(f"{int(number)}-{_DOCUMENT_LETTERS[cited.group(1)]}")
    return frozenset(found)


@settings(max_examples=1000, deadline=None)
@given(PROSE)
def test_words_and_citations_are_read_as_by_unicode_classes(text: str) -> None:
    """describe() reads clauses byte by byte where it can: the words in order, the terms and
    the documents cited are those of splitting at every break by Unicode classes."""
    folded = unicodedata.normalize("NFC", text).casefold()
    references = _references(folded)
    runs = map(_clause_words, _CLAUSE_BREAK.split(folded))
    words, _, _ = _concepts(tuple(itertools.chain.from_iterable(runs)))
    cited = (*sorted(references), "") if references else ()
    described = describe(text)
    assert described.words == (*cited, *words)
    assert described.terms == references.union(words).difference(("",))
    assert described.references == references
