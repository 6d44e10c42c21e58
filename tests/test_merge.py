"""merge: the identity of an item's text, and de-duplication that never drops or reorders."""

from __future__ import annotations

import sys
import unicodedata
from collections import Counter

from hypothesis import example, given, settings
from hypothesis import strategies as st

from sokket_cli.check.plan import PlanUnit
from sokket_cli.check.unit import Item
from sokket_cli.merge.outline import Entry, merge_items, normalise

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


# --- merge_items: de-duplication across units never drops or reorders anything -------------

_UNITS = [PlanUnit(f"u{i}", f"Đơn vị {i}") for i in range(5)]
_POOL = st.sampled_from(["Kết quả tốt.", "Kết quả  tốt.", " Kết quả tốt.", "Hạn chế.", "Ha\u0323n chế.", "Bài học"])
_ITEM = st.recursive(
    _POOL.map(Item),
    lambda children: st.builds(Item, _POOL, st.lists(children, max_size=2).map(tuple)),
    max_leaves=4,
)


def _key(item: Item | Entry) -> object:
    return (reference(item.text), tuple(_key(child) for child in item.items))


@settings(max_examples=500, deadline=None)
@given(reports=st.lists(st.lists(_ITEM, max_size=4), min_size=len(_UNITS), max_size=len(_UNITS)))
def test_merge_keeps_every_item_of_every_unit_in_plan_order(reports: list[list[Item]]) -> None:
    entries = merge_items(zip(_UNITS, reports, strict=True))
    order = {unit.id: index for index, unit in enumerate(_UNITS)}
    for unit, items in zip(_UNITS, reports, strict=True):
        wrote = Counter(_key(item) for item in items)
        attributed = Counter(_key(e) for e in entries for u in e.units if u == unit)
        assert attributed == wrote  # nothing dropped, nothing invented, duplicates kept
    for entry in entries:
        ranks = [order[u.id] for u in entry.units]
        assert ranks == sorted(set(ranks))  # each unit once, in plan order
    firsts = [order[e.units[0].id] for e in entries]
    assert firsts == sorted(firsts)  # entries appear as the plan's units first report them
    identical = Counter(_key(e) for e in entries)
    for entry in entries:  # an entry is repeated only when a unit itself repeated the item
        if identical[_key(entry)] > 1:
            assert any(Counter(_key(i) for i in items)[_key(entry)] > 1 for items in reports)
