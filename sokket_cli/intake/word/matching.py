"""Headings to plan sections: by title, ignoring case, diacritics, numbering and word order.

The targets come from the plan's unit format (each section's and part's title and its
``aliases:``), widened by a table of the variants Vietnamese reports commonly use for the same
heading. A heading that fits two targets equally well fits none: it is left for a person.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from sokket_cli.check.unit import content_key
from sokket_cli.check.unitformat import Field, Kind, UnitFormat

# Each row: titles that mean the same heading in a review report. A plan title (or alias) found
# in a row brings the whole row in as variants of its section.
COMMON_VARIANTS: tuple[tuple[str, ...], ...] = (
    ("Kết quả đạt được", "Ưu điểm", "Kết quả", "Kết quả thực hiện", "Kết quả đã đạt được",
     "Ưu điểm, kết quả đạt được", "Kết quả đạt được, ưu điểm", "Những mặt làm được",
     "Kết quả đạt được và ưu điểm"),
    ("Hạn chế, yếu kém", "Hạn chế, khuyết điểm", "Hạn chế", "Khuyết điểm", "Tồn tại, hạn chế",
     "Hạn chế, tồn tại", "Hạn chế, bất cập", "Tồn tại, hạn chế, yếu kém",
     "Hạn chế, yếu kém, khuyết điểm", "Hạn chế, khuyết điểm, yếu kém"),
    ("Nguyên nhân", "Nguyên nhân của hạn chế", "Nguyên nhân của hạn chế, yếu kém",
     "Nguyên nhân của hạn chế, khuyết điểm", "Nguyên nhân hạn chế",
     "Nguyên nhân của tồn tại, hạn chế", "Nguyên nhân của hạn chế, tồn tại"),
    ("Nguyên nhân khách quan", "Khách quan"),
    ("Nguyên nhân chủ quan", "Chủ quan"),
    ("Bài học kinh nghiệm", "Bài học", "Kinh nghiệm"),
    ("Kiến nghị, đề xuất", "Đề xuất, kiến nghị", "Kiến nghị", "Đề xuất", "Đề nghị",
     "Kiến nghị, đề nghị"),
    ("Phương hướng, nhiệm vụ", "Nhiệm vụ, giải pháp", "Phương hướng, nhiệm vụ, giải pháp",
     "Nhiệm vụ, giải pháp trọng tâm", "Phương hướng, nhiệm vụ thời gian tới"),
)
_FILLERS = ("ve ", "nhung ", "mot so ", "cac ")  # 'Về kết quả', 'Những hạn chế', 'Một số...'
_NOT_WORD = re.compile(r"[^0-9a-z]+")
_SEPARATORS = re.compile(r"\s*(?:,|;|\bva\b)\s*")

EXACT, VARIANT, PREFIX = 3, 2, 1  # how well a title fits, best first


def fold(text: str) -> str:
    """Lower case, no diacritics (đ -> d), punctuation to single spaces: for comparing only."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return _NOT_WORD.sub(" ", bare).strip()


def _key(title: str) -> str:
    """A title's comparison key: folded, fillers off the front."""
    folded = fold(title)
    changed = True
    while changed:
        changed = False
        for filler in _FILLERS:
            if folded.startswith(filler):
                folded, changed = folded[len(filler):], True
    return folded


def _unordered(title: str) -> frozenset[str]:
    """'Đề xuất, kiến nghị' and 'Kiến nghị, đề xuất' are the same heading."""
    decomposed = unicodedata.normalize("NFD", title.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return frozenset(_key(part) for part in _SEPARATORS.split(bare) if _key(part))


@dataclass(frozen=True, slots=True)
class Target:
    """Where a heading's paragraphs go: a section, or one part of a section with parts."""

    section: Field
    part: Field | None = None

    @property
    def key(self) -> str:
        return content_key(self.section.key, self.part.key if self.part else None)

    @property
    def takes_items(self) -> bool:
        """A section with parts holds no item of its own: only its parts do."""
        return self.part is not None or self.section.kind is Kind.ITEMS

    @property
    def title(self) -> str:
        return self.part.title if self.part else self.section.title


class Matcher:
    """Finds the section or part a heading names."""

    def __init__(self, file_format: UnitFormat) -> None:
        self._forms: list[tuple[Target, str, frozenset[str], int]] = []
        for section in file_format.sections:
            self._add(Target(section), section)
            for part in section.children:
                self._add(Target(section, part), part)

    def _add(self, target: Target, field: Field) -> None:
        own = (field.title, *field.aliases)
        own_keys = {_key(title) for title in own}
        variants = [
            title
            for row in COMMON_VARIANTS
            if own_keys.intersection(_key(t) for t in row)
            for title in row
        ]
        for title in own:
            self._forms.append((target, _key(title), _unordered(title), EXACT))
        for title in variants:
            if _key(title) not in own_keys:
                self._forms.append((target, _key(title), _unordered(title), VARIANT))

    def match(self, title: str, *, prefix: bool = False) -> Target | None:
        """The one target ``title`` names, or None (no fit, or a tie between two targets).

        With ``prefix``, a heading that starts with a known title of two words or more
        also fits ('Hạn chế, yếu kém và nguyên nhân'): for top-level headings only.
        """
        key = _key(title)
        if not key:
            return None
        unordered = _unordered(title)
        best: dict[str, tuple[int, int, Target]] = {}
        for target, form, form_parts, quality in self._forms:
            if key == form or unordered == form_parts:
                score = (quality, len(form))
            elif prefix and " " in form and key.startswith(form + " "):
                score = (PREFIX, len(form))
            else:
                continue
            current = best.get(target.key)
            if current is None or score > current[:2]:
                best[target.key] = (*score, target)
        if not best:
            return None
        ranked = sorted(best.values(), key=lambda entry: entry[:2], reverse=True)
        if len(ranked) > 1 and ranked[0][:2] == ranked[1][:2]:
            return None
        return ranked[0][2]
