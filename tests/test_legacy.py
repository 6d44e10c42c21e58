"""TCVN3 and VNI text (as pasted: the Windows-1252 look of the bytes) back to Unicode."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from sokket_cli.intake.legacy import (
    ENCODINGS,
    Encoding,
    from_unicode,
    from_unicode_table,
    guess_legacy,
    to_unicode,
)
from sokket_cli.intake.syllable import _RHYMES, is_syllable

VNI_SENTENCE = "Coâng taùc kieåm tra, giaùm saùt ñöôïc taêng cöôøng"
TCVN3_SENTENCE = "B¸o c¸o tæng kÕt c«ng t¸c x©y dùng §¶ng: Ban Th\u00adêng vô HuyÖn ñy"


def test_the_issue_sentences_decode() -> None:
    assert to_unicode(VNI_SENTENCE, "vni") == "Công tác kiểm tra, giám sát được tăng cường"
    assert to_unicode(TCVN3_SENTENCE, "tcvn3") == (
        "Báo cáo tổng kết công tác xây dựng Đảng: Ban Thường vụ Huyện ủy"
    )


def test_every_vietnamese_letter_round_trips() -> None:
    letters = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
    toned = [
        unicodedata.normalize("NFC", letter + mark)
        for letter in "aăâeêioôơuưy"
        for mark in ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
    ]
    for encoding in ENCODINGS:
        for text in (letters, "".join(toned), letters.upper()):
            assert to_unicode(from_unicode(text, encoding), encoding) == text, encoding
    # VNI has toned capitals; TCVN3 wrote them with a second font, in lower-case codes
    capitals = "".join(toned).upper()
    assert to_unicode(from_unicode(capitals, "vni"), "vni") == capitals
    lowered = "".join(ch.lower() if _has_tone(ch) else ch for ch in capitals)
    assert to_unicode(from_unicode(capitals, "tcvn3"), "tcvn3") == lowered


def _has_tone(char: str) -> bool:
    return any(mark in unicodedata.normalize("NFD", char) for mark in TONES[1:])


def test_tables_are_one_to_one() -> None:
    for encoding in ENCODINGS:
        table = dict(_tables(encoding))
        assert len(set(table.values())) == len(table)


def _tables(encoding: Encoding) -> list[tuple[str, str]]:
    return list(from_unicode_table(encoding).items())


def test_mixed_case_vni_mark_follows_its_vowel() -> None:
    assert to_unicode("BAÙO Caùo Aù", "vni") == "BÁO Cáo Á"


def test_other_characters_are_kept() -> None:
    text = "08-QĐi/TW — ≥ 95% «x» 😀 tab\there"
    assert to_unicode(text, "vni") == text


ONSETS = ("", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng")
ONSETS += ("ngh", "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x")
TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")


@st.composite
def syllables(draw: st.DrawFn) -> str:
    nucleus = draw(st.sampled_from(sorted(_RHYMES)))
    coda = draw(st.sampled_from(sorted(_RHYMES[nucleus])))
    stop = coda in ("c", "ch", "p", "t")
    tone = draw(st.sampled_from(("\u0301", "\u0323") if stop else TONES[:3] if nucleus == "oo" else TONES))
    if nucleus == "oo" and not stop:
        tone = ""
    # the tone goes on the vowel carrying ^, ˘ or horn, else the last vowel of a closed rhyme
    marked = [i for i, ch in enumerate(nucleus) if ch in "ăâêôơư"]
    at = marked[-1] if marked else (len(nucleus) - 1 if coda or len(nucleus) == 1 else 0)
    toned = nucleus[: at + 1] + tone + nucleus[at + 1 :]
    word = unicodedata.normalize("NFC", draw(st.sampled_from(ONSETS)) + toned + coda)
    return word.capitalize() if draw(st.booleans()) else word


sentences = st.lists(syllables(), min_size=1, max_size=12).map(" ".join)


def test_generated_syllables_are_syllables() -> None:
    @given(syllables())
    def check(word: str) -> None:
        assert is_syllable(word), word

    check()


@settings(max_examples=200, deadline=None)
@given(text=sentences)
def test_to_unicode_inverts_from_unicode(text: str) -> None:
    assert to_unicode(from_unicode(text, "vni"), "vni") == text
    lowered = "".join(ch.lower() if _has_tone(ch) else ch for ch in text)
    assert to_unicode(from_unicode(text, "tcvn3"), "tcvn3") == lowered


@settings(max_examples=200, deadline=None)
@given(text=sentences)
def test_unicode_vietnamese_is_never_flagged(text: str) -> None:
    assert guess_legacy(text) is None


def _no_native_letter(word: str) -> bool:
    """Only ASCII and Windows-1252 letters: the words the detector reads one by one."""
    return all(ord(char) < 0x100 for char in word)


latin1_sentences = st.lists(syllables().filter(_no_native_letter), min_size=1, max_size=12).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(text=latin1_sentences)
def test_unicode_vietnamese_without_native_letters_is_never_flagged(text: str) -> None:
    assert guess_legacy(text) is None
