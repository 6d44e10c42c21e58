"""The documents an item cites, read from the cached reading of its shape (figures zeroed)
and then sliced out of the text, are those read from the text itself, whatever the digits."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from sokket_cli.merge.terms import _references, describe

_PIECES = st.sampled_from(
    [
        "quy định ", "Quy định số ", "nghị quyết ", "Chỉ thị ", "kế hoạch ", "số ", "08", "101",
        "0", "7", "-QĐi/TW", "-CTr/TU", "/HD", " ", ", ", ". ", "-", "“", "”", "٣٤", "²", "①",
        "Đề nghị sửa đổi ", "năm 2021 ", "45 hội nghị", "e\u0301", "ĐẢNG ",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=12).map("".join))
def test_cited_documents_are_read_from_the_text_itself(text: str) -> None:
    folded = unicodedata.normalize("NFC", text).casefold()
    assert describe(text).references == _references(folded)


def test_same_shape_with_other_figures_cites_its_own_documents() -> None:
    # one cached reading serves both texts: the numbers must come from each text
    assert describe("Thực hiện Quy định 08-QĐi/TW, 45 hội nghị").references == {"8-qđ"}
    assert describe("Thực hiện Quy định 17-QĐi/TW, 38 hội nghị").references == {"17-qđ"}
    assert describe("Theo nghị quyết số 21 và quy định 105").references == {"21-nq", "105-qđ"}
    assert describe("Theo nghị quyết số 35 và quy định 999").references == {"35-nq", "999-qđ"}
