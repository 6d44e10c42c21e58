"""Unit ids derived from unit names: short, ASCII, stable, unique within a plan.

A clerk types the id on the ``unit:`` line and the forms are named after it, so it must be
plain lowercase ASCII that reads like the name: ``Đảng ủy phường Ba Đình`` -> ``phuong-ba-dinh``.
The organ word in front of the name (Đảng ủy, Quận ủy...) is dropped where a name is left.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sokket_cli.intake.text import fold

MAX_LENGTH = 60
FALLBACK_PREFIX = "don-vi"
# Folded (ASCII, lowercase) organ words dropped from the front of a name, longest first
_ORGAN_PREFIXES = (
    "dang uy", "quan uy", "huyen uy", "thi uy", "thanh uy", "tinh uy",
    "dang bo", "chi bo", "dang doan",
)
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
# Names Windows cannot give a file (the forms are <id>.yaml)
_WINDOWS_RESERVED = frozenset(
    ["con", "prn", "aux", "nul"] + [f"{p}{n}" for p in ("com", "lpt") for n in range(10)]
)
ID_PATTERN = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def unusable_id(uid: str) -> str | None:
    """Why ``uid`` cannot be a unit's id, or None. An id names files (the form ``<id>.yaml``,
    the roll-up's default ``<id>.yaml``): a path in it would write outside the folder."""
    if not ({"/", "\\", "\0"} & set(uid)) and uid not in (".", ".."):
        return None
    return (
        f"Mã đơn vị '{uid}' không dùng được: mã đơn vị là tên tệp báo cáo của đơn vị "
        "(<mã>.yaml), nên không được có dấu '/' hoặc '\\' và không được là '.' hay '..'. Hãy "
        "viết mã bằng chữ thường không dấu nối bằng dấu gạch ngang, ví dụ ba-dinh."
    )


def base_id(name: str) -> str:
    """The id a name asks for before collisions: empty when nothing ASCII is left."""
    words = _NON_ALNUM.sub(" ", fold(name)).split()
    folded = " ".join(words)
    for prefix in _ORGAN_PREFIXES:
        if folded.startswith(prefix + " "):
            words = words[len(prefix.split()):]
            break
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > MAX_LENGTH:
            break
        slug = candidate
    if not slug and words:
        slug = words[0][:MAX_LENGTH]
    return slug


@dataclass(frozen=True, slots=True)
class DerivedId:
    """``wanted`` differs from ``id`` when another name took it first (a collision)."""

    id: str
    wanted: str

    @property
    def renamed(self) -> bool:
        return self.id != self.wanted


def derive_ids(names: Sequence[str], taken: Sequence[str] = ()) -> list[DerivedId]:
    """One unique id per name, in order; the first name keeps its id, later ones get -2, -3..."""
    used = set(taken)
    next_suffix: dict[str, int] = {}  # so many names wanting one id stay linear
    result: list[DerivedId] = []
    for number, name in enumerate(names, start=1):
        wanted = base_id(name)
        if not wanted or wanted in _WINDOWS_RESERVED:
            wanted = f"{FALLBACK_PREFIX}-{wanted or number}"
        unit_id = wanted
        suffix = next_suffix.get(wanted, 2)
        while unit_id in used:
            unit_id = f"{wanted}-{suffix}"
            suffix += 1
        next_suffix[wanted] = suffix
        used.add(unit_id)
        result.append(DerivedId(unit_id, wanted))
    return result
