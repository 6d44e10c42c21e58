"""WordprocessingML names and the two ways its properties are written (values and toggles)."""

from __future__ import annotations

from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
VAL = f"{W}val"


def child_val(element: Any, tag: str) -> str | None:
    """``w:val`` of the child ``tag`` (``w:`` name without prefix), or None if absent."""
    if element is None:
        return None
    found = element.find(f"{W}{tag}")
    if found is None:
        return None
    value = found.get(VAL)
    return "" if value is None else str(value)


def toggle(element: Any, tag: str) -> bool | None:
    """A toggle property (``<w:b/>``, ``<w:b w:val="0"/>``): True, False, or None if unset."""
    value = child_val(element, tag)
    if value is None:
        return None
    return value.lower() not in ("0", "false", "off")
