"""Safe YAML loading that keeps every node's position and every scalar's text as written.

PyYAML's constructors lose data users really write (duplicate keys, ``1.000`` -> 1.0,
``0123`` -> 83, ``no`` -> False), so nothing here constructs Python values: we compose a
node tree (libyaml when present) and the schema code reads ``node.value`` strings itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from sokket_cli.intake.text import decode, strip_control_chars, to_nfc
from sokket_cli.problems import Problem, error

Node = yaml.Node
MappingNode = yaml.MappingNode
SequenceNode = yaml.SequenceNode
ScalarNode = yaml.ScalarNode

_BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_CORE = "tag:yaml.org,2002:"
_STR, _SEQ, _MAP = _CORE + "str", _CORE + "seq", _CORE + "map"
ALLOWED_TAGS = frozenset(
    _CORE + name for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
)
TOO_DEEP = "Tệp lồng quá nhiều cấp; hãy kiểm tra lại thụt lề."
_NO_PATHS: dict[object, object] = {}


class _Loader(_BaseLoader):  # type: ignore[misc]
    """Composes without guessing types: every untagged scalar is text, read as written.

    PyYAML's resolver runs regular expressions on every scalar to guess int, float, bool...
    only for us to ignore the guess; skipping it makes loading a third faster.
    """

    def resolve(self, kind: type, value: object, implicit: object) -> str:  # noqa: ARG002
        if kind is ScalarNode:
            return _STR
        return _SEQ if kind is SequenceNode else _MAP

    # The composer calls these around every node for path resolvers, which sokket never
    # registers; built-in no-ops instead of PyYAML's Python methods: ~10% off composing.
    descend_resolver = _NO_PATHS.get  # (parent, index) -> ignored
    ascend_resolver = _NO_PATHS.clear  # () -> None, on an empty dict



def position(node: Node) -> tuple[int, int]:
    """1-based (line, column) of a node's start."""
    return node.start_mark.line + 1, node.start_mark.column + 1


@dataclass(slots=True)
class LoadedYaml:
    """A composed document (``root`` is None when it could not be parsed) and its problems."""

    root: Node | None
    text: str = ""
    problems: list[Problem] = field(default_factory=list)


# libyaml's and PyYAML's wording, mapped to what a clerk can act on.
_SYNTAX_HINTS: tuple[tuple[str, str], ...] = (
    (
        "mapping values are not allowed",
        (
            "Có dấu hai chấm và dấu cách (': ') trong một câu không đặt trong ngoặc kép, hoặc "
            "thụt lề sai. Hãy đặt cả câu trong ngoặc kép: - \"Kết quả: đạt 100%\"."
        ),
    ),
    (
        "could not find expected ':'",
        (
            "Thiếu dấu ':' sau tên mục, hoặc một câu dài bị xuống dòng mà không thụt lề thêm. "
            "Hãy viết cả câu trên một dòng, trong ngoặc kép."
        ),
    ),
    (
        "did not find expected key",
        (
            "Thụt lề không đúng: các mục cùng cấp phải thẳng cột với nhau, hoặc có dấu ngoặc kép "
            "thừa/thiếu trong câu. Kiểm tra dòng này và dòng ngay trên nó."
        ),
    ),
    (
        "did not find expected '-' indicator",
        (
            "Một dòng trong danh sách không bắt đầu bằng '- ' hoặc thụt lề lệch so với các dòng "
            "khác trong danh sách."
        ),
    ),
    (
        "found unexpected end of stream",
        "Thiếu dấu ngoặc kép đóng: một câu mở ngoặc kép nhưng không đóng lại.",
    ),
    (
        "found unknown escape character",
        "Trong ngoặc kép, dấu '\\' phải viết là '\\\\' (hoặc dùng dấu '/').",
    ),
    (
        "expected a single document",
        "Tệp chỉ được có một báo cáo: hãy bỏ dòng '---' thứ hai.",
    ),
    (
        "found undefined alias",
        "Câu bắt đầu bằng dấu '*'. Hãy đặt cả câu trong ngoặc kép.",
    ),
    (
        "that cannot start any token",
        (
            "Câu bắt đầu bằng một ký tự đặc biệt (như @, `, %, *, &, !). Hãy đặt cả câu trong "
            "ngoặc kép."
        ),
    ),
    ("exceeded maximum nesting depth", TOO_DEEP),
)


_DASH_WITHOUT_SPACE = re.compile(r"\s*-[^\s-]")
_QUOTE_THEN_TEXT = re.compile(r'\s*(-\s+)?("[^"]*"|\'[^\']*\')\s*[^\s#,\]}:]')


def _line_hint(source_line: str) -> str | None:
    """Hints read off the line itself, for the mistakes clerks make most."""
    if "\t" in source_line[: len(source_line) - len(source_line.lstrip())]:
        return "Dòng này thụt lề bằng phím Tab; YAML chỉ nhận dấu cách. Hãy thay Tab bằng dấu cách."
    if _DASH_WITHOUT_SPACE.match(source_line):
        return "Sau dấu '-' đầu dòng phải có một dấu cách: viết '- \"...\"'."
    if _QUOTE_THEN_TEXT.match(source_line) and not source_line.rstrip().endswith(":"):
        return (
            "Dòng này mở đầu bằng một cụm trong ngoặc kép rồi còn chữ phía sau, nên YAML hiểu "
            "sai. Hãy đặt cả câu trong ngoặc kép, và viết ngoặc kép bên trong là \\\": "
            '- "\\"Dân vận khéo\\" được nhân rộng".'
        )
    return None


def _syntax_problem(exc: yaml.YAMLError, text: str) -> Problem:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    raw = " ".join(
        str(part) for part in (getattr(exc, "context", None), getattr(exc, "problem", None)) if part
    ) or str(exc)
    lines = text.split("\n")
    hint = None
    for number in (line, line - 1):  # libyaml often marks the line after the mistake
        source_line = lines[number - 1] if 0 < number <= len(lines) else ""
        hint = _line_hint(source_line)
        if hint:
            if number != line:
                line, column = number, len(source_line) - len(source_line.lstrip()) + 1
            break
    hint = hint or next((h for needle, h in _SYNTAX_HINTS if needle in raw), None)
    if hint is None:
        hint = "Kiểm tra thụt lề (chỉ dùng dấu cách) và dấu ngoặc kép ở dòng này."
    return error(line, column, "yaml-syntax", f"Lỗi cú pháp YAML: {hint} (YAML báo: {raw})")


def _alias_problems(text: str) -> list[Problem]:
    """Aliases (``*name``) are refused: a unit report has no use for them, and expanding them
    is how an 'alias bomb' eats memory. Only files holding ``&`` can define an anchor.

    Read from the event stream, before anything is composed; one problem names the first
    alias and counts the others."""
    if "&" not in text or "*" not in text:
        return []
    aliases = [event for event in yaml.parse(text, Loader=_Loader) if isinstance(event, yaml.AliasEvent)]
    if not aliases:
        return []
    first = aliases[0]
    mark = first.start_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    more = f" (còn {len(aliases) - 1} bí danh khác trong tệp)" if len(aliases) > 1 else ""
    return [
        error(
            line,
            column,
            "yaml-syntax",
            f"Không dùng bí danh YAML (*{first.anchor}) trong báo cáo{more}: hãy viết đầy đủ "
            "nội dung tại đây. Nếu dấu '*' hoặc '&' là một phần của câu, hãy đặt cả câu "
            "trong ngoặc kép.",
        )
    ]


def _structure_problems(root: Node) -> list[Problem]:
    """Duplicate keys, non-text keys and unsafe tags, anywhere in the tree (iteratively).

    The tree is a tree: files with aliases never get composed (see :func:`load`)."""
    problems: list[Problem] = []
    stack: list[Node] = [root]
    allowed = ALLOWED_TAGS
    while stack:
        node = stack.pop()
        if node.tag not in allowed:
            line, column = position(node)
            problems.append(
                error(
                    line,
                    column,
                    "yaml-syntax",
                    f"Thẻ YAML '{node.tag}' không được phép trong báo cáo. Hãy bỏ phần bắt đầu "
                    "bằng '!' hoặc đặt cả câu trong ngoặc kép.",
                )
            )
            continue
        if type(node) is MappingNode:
            keys: dict[str, Node] = {}
            for key, value in node.value:
                stack.append(value)
                if type(key) is not ScalarNode:
                    line, column = position(key)
                    problems.append(
                        error(line, column, "wrong-type", "Tên mục phải là chữ, không phải danh sách.")
                    )
                    continue
                first = keys.setdefault(key.value, key)
                if first is not key:
                    line, column = position(key)
                    problems.append(
                        error(
                            line,
                            column,
                            "duplicate-key",
                            f"Mục '{key.value}' xuất hiện hai lần (lần đầu ở dòng "
                            f"{position(first)[0]}); YAML sẽ âm thầm bỏ lần đầu. Hãy gộp nội "
                            "dung hai mục làm một.",
                        )
                    )
        elif type(node) is SequenceNode:
            stack.extend(node.value)
    return problems


def load(data: bytes) -> LoadedYaml:
    """Decode, clean and compose one YAML file; never raises for bad input."""
    decoded = decode(data)
    if decoded.text is None:
        assert decoded.problem is not None
        return LoadedYaml(None, problems=[decoded.problem])
    text, problems = strip_control_chars(decoded.text)
    text, nfc_problem = to_nfc(text)
    if nfc_problem is not None:
        problems.append(nfc_problem)
    try:
        aliases = _alias_problems(text)
        if aliases:  # refused before composing: nothing may walk a graph that shares nodes
            problems.extend(aliases)
            return LoadedYaml(None, text, problems)
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        problems.append(_syntax_problem(exc, text))
        return LoadedYaml(None, text, problems)
    except RecursionError:  # only the pure-Python loader recurses; libyaml caps depth itself
        problems.append(error(1, 1, "yaml-syntax", TOO_DEEP))
        return LoadedYaml(None, text, problems)
    if root is not None:
        problems.extend(_structure_problems(root))
    return LoadedYaml(root, text, problems)


def is_plain(node: Node) -> bool:
    """Written without quotes or block indicators (libyaml says '' where PyYAML says None)."""
    return isinstance(node, ScalarNode) and not node.style


def is_empty(node: Node) -> bool:
    """A value left empty (``key:`` with nothing after it). ``~`` and ``null`` are text."""
    return is_plain(node) and node.value == ""
