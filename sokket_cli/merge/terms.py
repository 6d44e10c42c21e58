"""What an item of a report says, read for comparison with other items (:mod:`grouping`).

Vietnamese syllables are separated by spaces, so an item is described by its content
syllables, case-folded with diacritics kept, in text order. Report boilerplate ("đề nghị",
"tiếp tục", "các cấp") and function words are left out. Figures are dropped ("45 hội nghị"
and "38 hội nghị" make one point); a cited document is read as number and kind ("8-qđ") and
put at the head of the item. Synonyms of report prose are read through the thesaurus
(:mod:`sokket_cli.merge.thesaurus`): a phrase of it adds the syllables of its concept to its
own ("ngân sách" is read "kinh phí ngân sách"); old and new spellings ("hoá", "hóa") are one
word. Readings are cached by a text's shape (its digits zeroed): units write one sentence
with their own figures.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from sokket_cli.merge.thesaurus import SPELLING, concept_at

GO_ON = "\x02"  # in Terms.spoken: a concept's later syllables (its wording is on the first)

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
    thesaurus where its concept's first syllable stands, :data:`GO_ON` on the others), to
    show why items were put together, and ``folded``, its case-folded text, for the words it
    uses (:func:`wording`)."""

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
def wording(folded: str) -> tuple[frozenset[str], int]:
    """Every word of a text, stop words and the documents it cites included, figures and
    document codes left out, and their length in letters; needed for few items, so cached
    rather than kept with each."""
    used = frozenset(_with_concepts(_WORD.findall(folded))).difference(("",))
    if _DIGIT.search(folded):
        used |= _references(folded)
    return used, size(used)


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


def size(words: frozenset[str]) -> int:
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
        found = concept_at(words, index)
        if found is not None:
            concept, length = found
            kept.append(_phrase(concept, " ".join(words[index : index + length])))
            index += length
            continue
        stop = _stop_length(words, index)
        if not stop:
            kept.append(words[index])
            index += 1
            continue
        index += stop
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
def content(phrase: str) -> tuple[str, ...]:
    """The syllables of a phrase of the thesaurus that are not stop words (all of them if
    none is: "chưa cao" is "cao", "chưa tốt" is "chưa tốt")."""
    words = phrase.split()
    kept: list[str] = []
    index = 0
    while index < len(words):
        stop = _stop_length(words, index)
        if not stop:
            kept.append(words[index])
        index += stop or 1
    return tuple(kept) or tuple(words)


def _stop_length(words: Sequence[str], index: int) -> int:
    """How many words at ``index`` are a stop phrase (2) or a stop word (1); 0 if neither."""
    if tuple(words[index : index + 2]) in _STOP_PAIRS:
        return 2
    return 1 if words[index] in _STOP_WORDS else 0


def phrase_parts(token: str) -> tuple[str, str] | None:
    """The concept and the wording of a phrase of the thesaurus as :attr:`Terms.spoken` holds
    it, or None for a plain syllable."""
    if token[:1] != _PHRASE:
        return None
    _, concept, written = token.split(_PHRASE)
    return concept, written


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
        parts = phrase_parts(token)
        if parts is None:
            words.append(token)
            spoken.append(token)
            written.add(token)
            continue
        canonical, own = content(parts[0]), content(parts[1])
        words += canonical
        spoken += (token, *[GO_ON] * (len(canonical) - 1))
        if own == canonical:
            written.update(own)
        else:
            through_synonyms.update(canonical)
            words += own
            spoken += own
            written.update(own)
    return tuple(words), tuple(spoken), frozenset(through_synonyms - written)
