"""Safe YAML loading that keeps every node's position and every scalar's text as written.

PyYAML's constructors lose data users really write (duplicate keys, ``1.000`` -> 1.0,
``0123`` -> 83, ``no`` -> False), so nothing here constructs Python values: we compose a
node tree (libyaml when present) and the schema code reads ``node.value`` strings itself.
"""

from __future__ import annotations

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
_NO_PATHS: dict[object, object] = {}
TOO_DEEP = "Tệp lồng quá nhiều cấp; hãy kiểm tra lại thụt lề."


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



def compose(text: str) -> Node | None:
    """libyaml's node tree of ``text``, as written; raises ``yaml.YAMLError``. Callers that
    walk the tree must have refused aliases first (as :func:`load` does)."""
    return yaml.compose(text, Loader=_Loader)


def position(node: Node) -> tuple[int, int]:
    """1-based (line, column) of a node's start."""
    return node.start_mark.line + 1, node.start_mark.column + 1


@dataclass(slots=True)
class LoadedYaml:
    """A composed document (``root`` is None when it could not be parsed) and its problems."""

    root: Node | None
    text: str = ""
    problems: list[Problem] = field(default_factory=list)


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
        root = compose(text)
    except yaml.YAMLError as exc:
        from sokket_cli.intake.syntax_hints import syntax_problems  # only files that fail

        problems.extend(syntax_problems(exc, text))
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
