"""An item's text that would print wrong in the draft: the checks and their wording.

validate warns about an item written in curly quotes, one with no letter, and one that
starts with numbering typed by hand (the draft numbers items itself). check/unit.py runs
:func:`problem` on each item; the HTML form gets the same patterns and message templates as
data (:func:`rules`), so the page warns with validate's words.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping
from functools import cache
from typing import Any

from sokket_cli.check.unitformat import INDICATORS_KEY
from sokket_cli.intake.text import ETH_LOOKALIKES, eth_message

# What Python's \s and str.strip() take as whitespace, as a class JavaScript reads alike
# (JavaScript's own \s differs: it takes U+FEFF and leaves U+001C..U+001F and U+0085).
_SPACE = r"[\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
_NOT_SPACE = "[^" + _SPACE[1:]
# The whole item between “ and ”, with no other curly quote: group 1 is what is inside
CURLY_QUOTES_PATTERN = "“([^“”]*)”"
# "4. ", "a) ", "1.2. ", "(3) ", "II. ": numbering typed by hand; the report numbers itself
HAND_NUMBER_PATTERN = (
    r"\(?(?:[0-9]{1,2}(?:\.[0-9]{1,2})*|[a-zđ]|[IVX]{1,4}|[ivx]{2,4})[.)]" + _SPACE + "+(?=" + _NOT_SPACE + ")"
)
_CURLY_QUOTES = re.compile(CURLY_QUOTES_PATTERN)
_HAND_NUMBER = re.compile(HAND_NUMBER_PATTERN)
_LETTER = re.compile(r"[^\W\d_]")  # for the page: letter_class(), the same characters
SHOWN = 60  # how much of an item a warning quotes

# What is wrong, in the same words from validate and on the page
_CURLY_QUOTES_WHY = "Ý này nằm trong ngoặc kép cong “...” nên hai dấu ngoặc sẽ được in ra trong báo cáo."
_NO_LETTER_WHY = "Ý '{shown}' không có chữ nào, nên báo cáo sẽ in một dòng chỉ có '{shown}'."
_HAND_NUMBERING_WHY = (
    "Ý này bắt đầu bằng số thứ tự gõ tay ('{number}'). Báo cáo tổng hợp "
    "tự trình bày và sắp xếp các ý của mọi đơn vị, nên số này sẽ bị in thừa, lộn xộn."
)
# How to fix it differs: a YAML file gets the line to write, the page a button that does it.
# Templates, filled by str.format here and by the page's fill() alike.
MESSAGES = {
    "curly-quotes": _CURLY_QUOTES_WHY + ' Hãy bỏ chúng và dùng ngoặc kép thẳng: - "{fix}"',
    "no-letter": _NO_LETTER_WHY + (
        ' Hãy viết thành câu đầy đủ (ví dụ - "Tổ chức 3 hội nghị.") hoặc xóa dòng này; số '
        f"liệu theo chỉ tiêu ghi ở mục '{INDICATORS_KEY}'."
    ),
    "hand-numbering": _HAND_NUMBERING_WHY + ' Hãy bỏ số thứ tự: - "{fix}"',
}
FORM_MESSAGES = {
    "curly-quotes": _CURLY_QUOTES_WHY + " Hãy bỏ hai dấu ngoặc (nút Sửa bỏ giúp).",
    "no-letter": _NO_LETTER_WHY + " Hãy viết thành câu đầy đủ (ví dụ: Tổ chức 3 hội nghị.) hoặc xóa dòng này.",
    "hand-numbering": _HAND_NUMBERING_WHY + " Hãy bỏ số thứ tự (nút Sửa bỏ giúp).",
}

# A capital that cannot open hand numbering (I, V, X can: "II. "): a sentence, as nearly every
# item is, with nothing for problem() to find. A C-level membership test, for the hot path.
opens_sentence = frozenset(c for c in map(chr, range(0x41, 0x2000)) if c.isupper() and c not in "IVX").__contains__


def problem(text: str, messages: Mapping[str, str] = MESSAGES) -> tuple[str, str] | None:
    """The warning (code, message) for a non-blank item's text, or None if it prints well;
    ``messages`` are validate's, or :data:`FORM_MESSAGES` for the page."""
    text = text.strip()
    if match := _CURLY_QUOTES.fullmatch(text):
        return "curly-quotes", messages["curly-quotes"].format(fix=quoted(match.group(1).strip()))
    if not text[0].isalpha() and not _LETTER.search(text):
        return "no-letter", messages["no-letter"].format(shown=_shown(text))
    if match := _HAND_NUMBER.match(text):
        return "hand-numbering", messages["hand-numbering"].format(number=match.group().strip(), fix=quoted(text[match.end() :]))
    return None


def quoted(text: str) -> str:
    """Text as it goes between double quotes in a suggested rewrite."""
    return text.replace("\\", "\\\\").replace('"', '\\"')


def _shown(text: str) -> str:
    return text if len(text) <= SHOWN else f"{text[:SHOWN]}…"


@cache
def letter_class() -> str:
    """The characters ``[^\\W\\d_]`` matches, as a class both Python and JavaScript (with the
    ``u`` flag) read alike: Unicode versions differ between the two, listed code points do not."""
    ranges: list[tuple[int, int]] = []
    for code in range(sys.maxunicode + 1):
        if _LETTER.match(chr(code)):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    spans = (chr(low) + ("-" if high > low + 1 else "") + (chr(high) if high > low else "") for low, high in ranges)
    return "[" + "".join(spans) + "]"


def rules() -> dict[str, Any]:
    """The checks of :func:`problem`, and validate's look-alike letters, as data for the
    HTML form's script (patterns for JavaScript's ``u`` flag)."""
    return {
        "patterns": {
            "curly_quotes": CURLY_QUOTES_PATTERN,
            "letter": letter_class(),
            "hand_number": HAND_NUMBER_PATTERN,
        },
        "messages": FORM_MESSAGES,
        "shown": SHOWN,
        "lookalikes": {char: eth_message(char) for char in ETH_LOOKALIKES},
    }
