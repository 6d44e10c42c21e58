"""Text typed in the legacy Vietnamese fonts (TCVN3 .VnTime, VNI-Times), turned into Unicode.

Such text reaches sokket as the Windows-1252 look of the legacy bytes: Word or Notepad shows
TCVN3's 0xB8 ('á') as '¸' and VNI's 'a' + 0xF9 ('á') as 'aù'. Each Windows-1252 character in
0xA0-0xFF is the Unicode scalar of the same number, so the tables below map characters.

- TCVN3 (ABC, the .VnTime fonts): one byte per letter; the lower case is in 0xA8-0xFE,
  the capitals of the base letters (Ă Â Đ Ê Ô Ơ Ư) in 0xA1-0xA7. Toned capitals lived in a
  second font (.VnTimeH) with the lower-case codes, so they come back in lower case.
- VNI Windows (VNI-Times): an ASCII vowel followed by one mark byte ('a' + 'ù' = 'á',
  'a' + 'á' = 'ấ'), single bytes for đ, ơ, ư and the toned i and ỵ.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Literal

Encoding = Literal["tcvn3", "vni"]
ENCODINGS: tuple[Encoding, ...] = ("tcvn3", "vni")

# The five tones, in the order of every row below: huyền, sắc, hỏi, ngã, nặng.
_TONE_MARKS = ("\u0300", "\u0301", "\u0309", "\u0303", "\u0323")


def _toned(base: str) -> list[str]:
    """``base`` followed by its five toned forms, precomposed."""
    return [base] + [unicodedata.normalize("NFC", base + mark) for mark in _TONE_MARKS]


# TCVN3: each row is the toneless letter then huyền, sắc, hỏi, ngã, nặng, as TCVN3 characters.
_TCVN3_ROWS = {
    "a": "aµ¸¶·¹",
    "ă": "¨»¾¼½Æ",
    "â": "©ÇÊÈÉË",
    "e": "eÌÐÎÏÑ",
    "ê": "ªÒÕÓÔÖ",
    "i": "i×ÝØÜÞ",
    "o": "oßãáâä",
    "ô": "«åèæçé",
    "ơ": "¬êíëìî",
    "u": "uïóñòô",
    "ư": "\u00adõøö÷ù",
    "y": "yúýûüþ",
}
_TCVN3_SINGLE = {"đ": "®", "Ă": "¡", "Â": "¢", "Ê": "£", "Ô": "¤", "Ơ": "¥", "Ư": "¦", "Đ": "§"}

# VNI: the mark byte(s) after an ASCII vowel, per toneless letter, for the six forms as above.
_VNI_TONES = ("", "ø", "ù", "û", "õ", "ï")
_VNI_CIRCUMFLEX = ("â", "à", "á", "å", "ã", "ä")
_VNI_BREVE = ("ê", "è", "é", "ú", "ü", "ë")
_VNI_ROWS = {
    "a": ("a", _VNI_TONES),
    "ă": ("a", _VNI_BREVE),
    "â": ("a", _VNI_CIRCUMFLEX),
    "e": ("e", _VNI_TONES),
    "ê": ("e", _VNI_CIRCUMFLEX),
    "o": ("o", _VNI_TONES),
    "ô": ("o", _VNI_CIRCUMFLEX),
    "ơ": ("ô", _VNI_TONES),  # 0xF4 is the letter ơ, which takes the tone marks
    "u": ("u", _VNI_TONES),
    "ư": ("ö", _VNI_TONES),  # 0xF6 is the letter ư
    "y": ("y", _VNI_TONES[:5]),  # ỵ is a single byte, below
}
# Letters VNI writes as one byte: the toned i's, ỵ, đ, and the bare ơ and ư.
_VNI_SINGLE = {"ì": "ì", "í": "í", "ỉ": "æ", "ĩ": "ó", "ị": "ò", "ỵ": "î", "đ": "ñ", "ơ": "ô", "ư": "ö"}


def _tcvn3_table() -> dict[str, str]:
    """Unicode letter -> TCVN3 character(s)."""
    rows = {
        unicode_form: legacy_form
        for letter, legacy in _TCVN3_ROWS.items()
        for unicode_form, legacy_form in zip(_toned(letter), legacy, strict=True)
        if not unicode_form.isascii()  # 'ý' is 0xFD in TCVN3 too, and must be in the table
    }
    return _TCVN3_SINGLE | rows


def _vni_table() -> dict[str, str]:
    """Unicode letter -> VNI character sequence, lower and upper case."""
    lower: dict[str, str] = dict(_VNI_SINGLE)
    for letter, (base, marks) in _VNI_ROWS.items():
        for unicode_form, mark in zip(_toned(letter), marks, strict=False):
            if unicode_form != base + mark:
                lower.setdefault(unicode_form, base + mark)
    table = dict(lower)
    for unicode_form, legacy_form in lower.items():
        table[unicode_form.upper()] = legacy_form.upper()
    return table


def _inverse(table: dict[str, str]) -> dict[str, str]:
    """Legacy sequence -> Unicode letter. A VNI mark typed in the other case than its vowel
    ('Aù', 'aÙ') still belongs to it: the letter takes the vowel's case."""
    inverse = {legacy: letter for letter, legacy in table.items()}
    for legacy, letter in list(inverse.items()):
        if len(legacy) == 2:
            base, mark = legacy[0], legacy[1]
            other_case = mark.lower() if mark.isupper() else mark.upper()
            inverse.setdefault(base + other_case, letter)
    return inverse


# The tables are built on first use: most runs never decode a legacy text, and building
# them (some 300 normalisations) is start-up time of every validate and status.
@cache
def from_unicode_table(encoding: Encoding) -> dict[str, str]:
    """Unicode letter -> its legacy sequence (the Windows-1252 look of the bytes)."""
    return _tcvn3_table() if encoding == "tcvn3" else _vni_table()


@cache
def to_unicode_table(encoding: Encoding) -> dict[str, str]:
    """Legacy sequence -> Unicode letter."""
    return _inverse(from_unicode_table(encoding))


@cache
def _tcvn3_translation() -> dict[int, str]:
    return str.maketrans(to_unicode_table("tcvn3"))  # one character each way


@cache
def _vni_sequence() -> re.Pattern[str]:
    """A vowel (or VNI's ơ/ư) with the mark after it, else a one-byte letter. Character
    classes, not an alternation of the 250 sequences, which takes long to compile."""
    table = to_unicode_table("vni")
    marks = "".join(sorted({legacy[1] for legacy in table if len(legacy) == 2}))
    singles = "".join(sorted(legacy for legacy in table if len(legacy) == 1))
    return re.compile(f"[aeiouyAEIOUYôöÔÖ][{marks}]|[{singles}]")


def _vni_letter(match: re.Match[str]) -> str:
    sequence = match.group()
    table = to_unicode_table("vni")
    letter = table.get(sequence)
    if letter is not None:
        return letter
    # a mark after a vowel that does not take it ('iù'): the vowel alone, the mark kept
    return table.get(sequence[0], sequence[0]) + sequence[1:]


def to_unicode(text: str, encoding: Encoding) -> str:
    """Legacy text (as its Windows-1252 look) -> Unicode, NFC. Other characters are kept."""
    if encoding == "tcvn3":
        return unicodedata.normalize("NFC", text.translate(_tcvn3_translation()))
    return unicodedata.normalize("NFC", _vni_sequence().sub(_vni_letter, text))


def from_unicode(text: str, encoding: Encoding) -> str:
    """Unicode -> the Windows-1252 look of the legacy bytes (for tests and round trips).

    TCVN3 has no toned capitals; they are written in lower case, as .VnTimeH did.
    """
    table = from_unicode_table(encoding)
    text = unicodedata.normalize("NFC", text)
    if encoding == "tcvn3":
        text = "".join(ch if ch in table else _lower_if_toned(ch) for ch in text)
    return "".join(table.get(ch, ch) for ch in text)


def _lower_if_toned(char: str) -> str:
    lower = char.lower()
    return lower if lower in from_unicode_table("tcvn3") else char


@dataclass(frozen=True, slots=True)
class LegacyGuess:
    """Text that reads as Vietnamese once decoded from a legacy font, and that reading."""

    encoding: Encoding
    converted: str


# Words as the legacy fonts write them: letters plus every Windows-1252 character in
# 0xA1-0xFF (TCVN3 'ư' is the soft hyphen, 'á' the cedilla '¸').
_WORD = re.compile("[A-Za-z\u00a1-\u024f\u0300-\u036f\u1ea0-\u1ef9]+")
_LEGACY_RANGE = re.compile("[\u00a1-\u00ff]")
# Letters no legacy font, read as Windows-1252, can produce: 'đ', 'ư', 'ạ', 'ữ'...
_NATIVE = re.compile("[\u0100-\u024f\u1ea0-\u1ef9]")


def guess_legacy(text: str) -> LegacyGuess | None:
    """The legacy reading of ``text`` when it has more real syllables than the text itself.

    Counted per word that a table changes: *gained* words are no syllable as written and
    one after decoding ('B¸o' -> 'Báo'); *lost* words are a syllable as written and no
    longer one after ('Báo' -> 'Bỏo'). A text holding a letter no legacy font produces
    ('Ước', 'Đảng') was typed in Unicode: that is the common case, and is settled by the
    first such letter, before any word is read.
    """
    if not _LEGACY_RANGE.search(text) or _NATIVE.search(text):
        return None
    from sokket_cli.intake.syllable import is_syllable  # only now: most texts end above

    words = _WORD.findall(text)
    changeable = [word for word in words if _LEGACY_RANGE.search(word)]
    suspects = [word for word in changeable if not is_syllable(word)]
    if not suspects:
        return None
    valid = [word for word in changeable if is_syllable(word)]
    best: tuple[int, Encoding] | None = None
    for encoding in ENCODINGS:
        gained = [word for word in suspects if is_syllable(to_unicode(word, encoding))]
        lost = sum(1 for word in valid if not is_syllable(to_unicode(word, encoding)))
        if _convincing(gained, lost) and (best is None or len(gained) > best[0]):
            best = (len(gained), encoding)
    if best is None:
        return None
    return LegacyGuess(best[1], to_unicode(text, best[1]))


def _convincing(gained: list[str], against: int) -> bool:
    """Two different gained words, one of them longer than a letter, well ahead of the
    evidence against ('â0â' is one letter twice, not a sentence); or one word, with nothing
    against it, of three letters or more (not '5 µm', not '×', not 'ë')."""
    different = set(gained)
    if len(different) >= 2 and any(len(word) > 1 for word in different):
        return len(gained) > 2 * against
    return len(different) == 1 and against == 0 and len(gained[0]) >= 3
