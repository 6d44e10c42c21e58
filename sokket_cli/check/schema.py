"""Reading composed YAML nodes against a schema, collecting problems instead of raising.

Shared by the plan and the unit loaders so both speak the same codes and the same Vietnamese.
"""

from __future__ import annotations

import difflib
import re
from calendar import monthrange
from collections.abc import Iterable, Sequence
from datetime import MAXYEAR, MINYEAR, date

from sokket_cli.intake.yamlnodes import (
    MappingNode,
    Node,
    ScalarNode,
    SequenceNode,
    is_empty,
    position,
)
from sokket_cli.problems import Problem, Severity

_DATE_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DATE_VN = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")

KIND_NAMES = {
    MappingNode: "một nhóm mục (dạng 'tên: giá trị')",
    SequenceNode: "một danh sách (các dòng bắt đầu bằng '- ')",
    ScalarNode: "một đoạn chữ",
}


def parse_date(text: str) -> date | None:
    """``2021-06-30``, ``30/6/2021``, ``30-06-2021`` or ``30.6.2021``; None if not a real date."""
    parts = _date_parts(text)
    if parts is None:
        return None
    try:
        return date(*parts)
    except ValueError:
        return None


def _date_parts(text: str) -> tuple[int, int, int] | None:
    """(year, month, day) as written, real or not; None if not written like a date."""
    text = text.strip()
    if match := _DATE_ISO.fullmatch(text):
        year, month, day = (int(g) for g in match.groups())
    elif match := _DATE_VN.fullmatch(text):
        day, month, year = (int(g) for g in match.groups())
    else:
        return None
    return year, month, day


def impossible_date_reason(text: str) -> str | None:
    """Why a date written the right way does not exist (31/6: June has 30 days); None when
    it is not written like a date at all, or exists."""
    parts = _date_parts(text)
    if parts is None:
        return None
    year, month, day = parts
    if not MINYEAR <= year <= MAXYEAR:
        return f"năm {year} không hợp lệ"
    if not 1 <= month <= 12:
        swapped = 1 <= day <= 12 and 1 <= month <= monthrange(year, day)[1]
        hint = f"; có phải là ngày {month}/{day}/{year} (ngày viết trước, tháng viết sau)?" if swapped else ""
        return f"không có tháng {month} (tháng từ 1 đến 12){hint}"
    if day == 0:
        return "không có ngày 0 (ngày bắt đầu từ 1)"
    days = monthrange(year, month)[1]
    if day <= days:
        return None
    if month == 2 and day == 29:
        return f"năm {year} không phải năm nhuận, tháng 2 chỉ có 28 ngày"
    if month == 2:
        return f"tháng 2 năm {year} chỉ có {days} ngày"
    return f"tháng {month} chỉ có {days} ngày"


def vn_date(value: date) -> str:
    """30/06/2021: how messages and tables write a date."""
    return f"{value.day:02d}/{value.month:02d}/{value.year}"


def nearest(word: str, choices: Iterable[str]) -> str | None:
    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return matches[0] if matches else None


class Reader:
    """Collects problems while walking nodes; ``unknown`` sets how bad an unknown key is."""

    def __init__(self, unknown: Severity = Severity.WARNING) -> None:
        self.problems: list[Problem] = []
        self.unknown = unknown

    def add(self, node: Node, code: str, message: str, severity: Severity = Severity.ERROR) -> None:
        line, column = position(node)
        self.problems.append(Problem(line, column, severity, code, message))

    def wrong_type(self, node: Node, what: str, expected: type[Node], example: str = "") -> None:
        got = "để trống" if is_empty(node) else f"là {KIND_NAMES[type(node)]}"
        tail = f" Ví dụ: {example}" if example else ""
        self.add(node, "wrong-type", f"{what} phải là {KIND_NAMES[expected]}, nhưng đang {got}.{tail}")

    def fields(
        self,
        node: Node,
        known: Iterable[str],
        what: str,
        example: str = "",
        unknown: list[tuple[ScalarNode, Node]] | None = None,
    ) -> dict[str, tuple[Node, Node]] | None:
        """The keys of a mapping as ``{key: (key_node, value_node)}``. Unknown keys are
        reported, or collected into ``unknown`` for a caller that knows better what they mean."""
        if not isinstance(node, MappingNode):
            self.wrong_type(node, what, MappingNode, example)
            return None
        known = list(known)
        result: dict[str, tuple[Node, Node]] = {}
        for key, value in node.value:
            if not isinstance(key, ScalarNode) or key.value in result:
                continue  # reported by the structure check
            if key.value not in known:
                if unknown is not None:
                    unknown.append((key, value))
                    continue
                guess = nearest(key.value, known)
                hint = f" Có phải là '{guess}'?" if guess else f" Các mục hợp lệ: {', '.join(known)}."
                self.add(
                    key,
                    "unknown-key",
                    f"Mục '{key.value}' không có trong mẫu báo cáo nên sẽ bị bỏ qua.{hint}",
                    self.unknown,
                )
                continue
            result[key.value] = (key, value)
        return result

    def text(self, node: Node, what: str) -> str | None:
        """A scalar's text exactly as written; YAML's idea of its type is ignored."""
        if not isinstance(node, ScalarNode):
            self.wrong_type(node, what, ScalarNode, '"nội dung"')
            return None
        return str(node.value)

    def optional_text(self, fields: dict[str, tuple[Node, Node]], key: str, default: str = "") -> str:
        if key not in fields:
            return default
        return self.text(fields[key][1], f"Mục '{key}'") or default

    def choice(self, fields: dict[str, tuple[Node, Node]], key: str, choices: Sequence[str], refusal: str) -> str:
        """An optional text that must be one of ``choices`` (the first is the default);
        another is refused with ``refusal`` ({value} is what was written) and the default kept."""
        value = self.optional_text(fields, key, choices[0])
        if value in choices:
            return value
        self.add(fields[key][1], "bad-value", refusal.format(value=value))
        return choices[0]

    def required_text(self, fields: dict[str, tuple[Node, Node]], key: str, parent: Node, what: str) -> str | None:
        if key not in fields:
            self.add(parent, "missing-field", f"Thiếu mục '{key}' ({what}).")
            return None
        value = self.text(fields[key][1], what)
        if value is not None and not value.strip():
            self.add(fields[key][1], "missing-field", f"Mục '{key}' ({what}) đang để trống.")
            return None
        return value

    def date(self, node: Node, what: str) -> date | None:
        text = self.text(node, what)
        if text is None:
            return None
        value = parse_date(text)
        if value is None and not text.strip():
            self.add(node, "bad-date", f"{what} đang để trống. Hãy ghi ngày, ví dụ 2021-06-30 hoặc 30/6/2021.")
        elif value is None:
            reason = impossible_date_reason(text)
            self.add(
                node,
                "bad-date",
                f"{what} '{text}' không phải là ngày có thật: {reason}. Hãy sửa lại (ngày/tháng/năm, "
                "ví dụ 30/6/2021)."
                if reason
                else f"{what} '{text}' không phải là ngày hợp lệ. Hãy viết theo dạng "
                "năm-tháng-ngày (2021-06-30) hoặc ngày/tháng/năm (30/6/2021).",
            )
        return value

    def boolean(self, node: Node, what: str) -> bool | None:
        text = self.text(node, what)
        if text is None:
            return None
        lowered = text.strip().lower()
        if lowered in {"true", "yes", "on", "có"}:
            return True
        if lowered in {"false", "no", "off", "không"}:
            return False
        self.add(node, "wrong-type", f"{what} phải là true (có) hoặc false (không), không phải '{text}'.")
        return None

    def sequence(self, node: Node, what: str, example: str = "") -> list[Node] | None:
        if not isinstance(node, SequenceNode):
            self.wrong_type(node, what, SequenceNode, example)
            return None
        return list(node.value)
