"""Is this word a possible Vietnamese syllable? Onset + rhyme (vowel nucleus + coda) + tone.

Used to tell legacy-font text from Unicode: 'B¸o' is no syllable, its TCVN3 reading 'Báo' is.
Permissive on spelling variants (hòa/hoà, quý/qúy, k/c before any vowel) and strict on
what garbage breaks: letters outside the alphabet, two tones, impossible vowel clusters,
codas after the wrong vowels, and stop codas (-c, -ch, -p, -t) with tones other than sắc/nặng.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT = "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"
_TONES = frozenset((_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT))
_VOWELS = frozenset("aăâeêioôơuưy")
_ALPHABET = frozenset("abcdđghiklmnpqrstvx") | _VOWELS

_ONSETS = "ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnprstvx]"
_RHYME_PATTERN = "([aăâeêioôơuưy]+)(ch|nh|ng|[cmnpt])?"
_SYLLABLE = re.compile(f"({_ONSETS})?{_RHYME_PATTERN}")
_RHYME = re.compile(_RHYME_PATTERN)

_STOPS = frozenset(("c", "ch", "p", "t"))
_ALL_CODAS = frozenset(("", "c", "ch", "m", "n", "ng", "nh", "p", "t"))
_NO_PALATAL = _ALL_CODAS - {"ch", "nh"}
_NO_VELAR = _ALL_CODAS - {"c", "ng"}

# Nucleus -> the codas it takes ("" = none). Vowel clusters ending in i/y/o/u take no coda.
_OPEN_ONLY = (
    *("ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi", "ui"),
    *("ưi", "ưu", "ua", "ưa", "uôi", "ươi", "ươu", "iêu", "yêu", "oai", "oay", "uây", "oeo"),
    *("oao", "uya", "uyu", "uơ"),
)
_RHYMES: dict[str, frozenset[str]] = {
    **{nucleus: frozenset(("",)) for nucleus in _OPEN_ONLY},
    "a": _ALL_CODAS,
    "e": _NO_PALATAL,
    "ê": _ALL_CODAS - {"c", "ng"},
    "i": _NO_VELAR,
    "y": _NO_VELAR,
    "o": _NO_PALATAL,
    "ô": _NO_PALATAL,
    "ơ": _NO_PALATAL - {"c", "ng"},
    "u": _NO_PALATAL,
    "ư": _NO_PALATAL,
    "oa": _ALL_CODAS,
    "oe": _NO_PALATAL - {"c", "ng"},
    "uê": frozenset(("", "ch", "nh", "n", "t")),
    "uy": frozenset(("", "ch", "nh", "n", "t", "p")),
    "ă": _NO_PALATAL - {""},
    "â": _NO_PALATAL - {""},
    "oă": _NO_PALATAL - {""},
    "uâ": _NO_PALATAL - {""},
    "iê": _NO_PALATAL - {""},
    "yê": _NO_PALATAL - {""},
    "uô": _NO_PALATAL - {""},
    "ươ": _NO_PALATAL - {""},
    "uyê": frozenset(("n", "t")),
    "oo": frozenset(("c", "ng")),
}


def _split_tone(word: str) -> tuple[str, str] | None:
    """(the word without its tone, the tone mark or ''), or None when the marks are wrong."""
    decomposed = unicodedata.normalize("NFD", word)
    tone = ""
    kept: list[str] = []
    for char in decomposed:
        if char in _TONES:
            if tone or not kept or not _carries_tone(kept):
                return None
            tone = char
        else:
            kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept)), tone


def _carries_tone(before: list[str]) -> bool:
    """A tone sits on a vowel: the last base letter before it (skipping ^, ˘, horn) is one."""
    for char in reversed(before):
        if not unicodedata.combining(char):
            return char in "aeiouy"
    return False


@lru_cache(maxsize=8192)
def is_syllable(word: str) -> bool:
    """True if ``word`` (any case) can be one Vietnamese syllable."""
    split = _split_tone(word.lower())
    if split is None:
        return False
    base, tone = split
    if not base or not _ALPHABET.issuperset(base):
        return False
    return any(_rhyme_ok(nucleus, coda, tone) for nucleus, coda in _readings(base))


def _readings(base: str) -> list[tuple[str, str]]:
    """Every (nucleus, coda) the word can be read as: 'giếng' is gi + ếng and g + iếng."""
    readings = []
    match = _SYLLABLE.fullmatch(base)
    if match:
        readings.append((match.group(2), match.group(3) or ""))
    if base.startswith("gi") and (rhyme := _RHYME.fullmatch(base[1:])):
        readings.append((rhyme.group(1), rhyme.group(2) or ""))
    return readings


def _rhyme_ok(nucleus: str, coda: str, tone: str) -> bool:
    codas = _RHYMES.get(nucleus)
    if codas is None or coda not in codas:
        return False
    if nucleus == "oo" and tone not in ("", _ACUTE, _DOT):  # xoong, soóc: loans, no other tone
        return False
    return coda not in _STOPS or tone in (_ACUTE, _DOT)
