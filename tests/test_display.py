"""Every path printed goes through display.py: whatever a file name holds, what is printed
is valid UTF-8 with no control character, and an ordinary Vietnamese name is left alone."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from sokket_cli.display import display_name, display_path, path_display, safe_text
from sokket_cli.errors import InputError

NAMES = st.text(st.characters(codec=None, exclude_characters="/\x00"), min_size=1, max_size=40).filter(
    lambda name: name not in {".", ".."}
)


@given(st.text(st.characters(codec=None)))
def test_safe_text_is_printable_utf8(text: str) -> None:
    shown = safe_text(text)
    shown.encode("utf-8")  # a lone surrogate would raise here
    assert not any(unicodedata.category(char) == "Cc" for char in shown)


@given(st.text(st.characters(categories=("L", "N", "Zs", "P"), exclude_characters="\u2028\u2029")))
def test_safe_text_leaves_ordinary_text_alone(text: str) -> None:
    assert safe_text(text) == text


def test_undecodable_bytes_and_escapes_are_shown_as_escapes() -> None:
    assert safe_text(os.fsdecode(b"ba-dinh-\xff.yaml")) == "ba-dinh-\\xff.yaml"
    assert safe_text("x\x1b[31m\u202e.yaml") == "x\\x1b[31m\\u202e.yaml"
    assert safe_text("Quận ủy Ba Đình.yaml") == "Quận ủy Ba Đình.yaml"


@given(NAMES)
def test_display_functions_agree_and_are_safe(name: str) -> None:
    path = Path.cwd() / "units" / name
    assert display_name(path) == safe_text(name)
    assert display_path(path) == path_display()(path) == f"units{os.sep}{safe_text(name)}"
    assert str(InputError("x", path=path)).encode("utf-8")
