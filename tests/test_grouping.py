"""Grouping within a section: what decides, and what it costs."""

from __future__ import annotations

import random
import time

from sokket_cli.merge.grouping import MIN_ITEMS, group_texts
from sokket_cli.merge.terms import describe

# Unrelated items, so that a section is large enough for its word weights to mean something.
FILLER = [
    f"Nội dung riêng số {n}: {topic}."
    for n, topic in enumerate(
        (
            "xây dựng mô hình dân vận khéo", "chuyển đổi số hồ sơ", "kết nạp đoàn viên ưu tú",
            "sắp xếp chi bộ thôn", "giải quyết đơn thư đất đai", "tuyên truyền trên mạng xã hội",
            "đào tạo lý luận chính trị", "bảo vệ nền tảng tư tưởng", "phát triển kinh tế tập thể",
            "chăm lo gia đình chính sách",
        )
    )
]


def grouped(texts: list[str]) -> tuple[tuple[int, ...], ...]:
    """The groups of ``texts`` in a section padded with unrelated items (those left out)."""
    grouping = group_texts(texts + FILLER)
    return tuple(g for g in grouping.groups if g[0] < len(texts))


def test_document_references_decide_between_points() -> None:
    texts = [
        "Đề nghị Trung ương sớm sửa đổi, bổ sung Quy định số 08-QĐi/TW cho phù hợp.",
        "Đề nghị Trung ương sớm sửa đổi, bổ sung Quy định số 101-QĐ/TW cho phù hợp.",
        "Kiến nghị Trung ương nghiên cứu sửa đổi Quy định 08-QĐi/TW về trách nhiệm nêu gương.",
    ]
    assert grouped(texts) == ((0, 2), (1,))
    assert describe(texts[0]).references == describe("Quy định 08 cần sửa").references


def test_figures_do_not_separate_a_point() -> None:
    texts = [
        "Tổ chức 45 hội nghị học tập, quán triệt Nghị quyết cho cán bộ, đảng viên.",
        "Tổ chức 38 hội nghị học tập, quán triệt Nghị quyết cho cán bộ, đảng viên.",
    ]
    grouping = group_texts(texts + FILLER)
    assert grouping.groups[0] == (0, 1)
    # why: the runs of words the two share, as they read in the text
    assert grouping.shared[1] == ("tổ chức", "hội nghị học tập", "quán triệt nghị quyết")


def test_stock_phrases_alone_do_not_make_a_point() -> None:
    texts = [
        "Đề nghị các cấp tiếp tục quan tâm công tác phát triển đảng viên.",
        "Đề nghị các cấp tiếp tục quan tâm chế độ phụ cấp ở cơ sở.",
    ]
    assert grouped(texts) == ((0,), (1,))


def test_same_input_same_groups() -> None:
    rng = random.Random(7)
    words = ("kiểm", "tra", "giám", "sát", "sinh", "hoạt", "chi", "bộ", "nêu", "gương", "quy", "định")
    texts = [" ".join(rng.choice(words) for _ in range(8)) for _ in range(300)]
    assert group_texts(texts) == group_texts(list(texts))


def test_grouping_is_not_all_pairs() -> None:
    """10,000 distinct items of one section: well under the time all pairs would take."""
    rng = random.Random(3)
    syllables = [c + v for c in "bcdghklmnpqrstvx" for v in ("a", "ê", "ô", "ư", "anh", "ương")]
    texts = [" ".join(rng.choice(syllables) for _ in range(12)) for _ in range(10_000)]
    start = time.perf_counter()
    grouping = group_texts(texts)
    assert time.perf_counter() - start < 40  # all pairs: 50 million comparisons, minutes
    assert sum(len(g) for g in grouping.groups) == len(texts)


def test_a_small_section_merges_only_identical_items() -> None:
    """Three items: too few to weigh words, so similar wordings stay apart."""
    texts = ["Đã tổ chức 45 hội nghị quán triệt.", "Tổ chức 3 hội nghị chuyên đề.", "Khác."]
    assert len(texts) < MIN_ITEMS
    assert group_texts(texts).groups == ((0,), (1,), (2,))
