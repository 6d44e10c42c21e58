"""merge.normalise: the fast path gives exactly the reference identity of an item's text."""

from __future__ import annotations

import sys
import unicodedata

from hypothesis import example, given, settings
from hypothesis import strategies as st

from sokket_cli.merge import normalise

_SPACES = "".join(chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace())
_TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from(_SPACES + "aăâđêôơư\u0300\u0301\u0303\u0309\u0323\u200b"),
        st.characters(),
    ),
    max_size=40,
)


def reference(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


@settings(max_examples=2000, deadline=None)
@given(text=_TEXT)
@example(text="")
@example(text=" ")
@example(text="a  b")
@example(text=" a")
@example(text="a ")
@example(text="a\u00a0b")
@example(text="a\u2000b")  # NFC turns it into U+2002, still a space
@example(text="a\x1cb")
@example(text="Thành ủy")
@example(text="Thành u\u0309y")
def test_normalise_is_nfc_with_whitespace_folded(text: str) -> None:
    assert normalise(text) == reference(text)
