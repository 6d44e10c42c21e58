"""A unit file with its legacy-font scalars turned into Unicode, every other byte kept.

Used by ``sokket fix``: the YAML is composed only to learn where each scalar is written; each
scalar that reads as TCVN3 or VNI (see :func:`guess_legacy`) is converted where it stands in
the source, so comments, quoting, indentation, line endings and the BOM stay as they were.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from sokket_cli.errors import UsageError
from sokket_cli.intake.legacy import Encoding, guess_legacy, to_unicode
from sokket_cli.intake.syntax_hints import syntax_problems
from sokket_cli.intake.text import decode, strip_control_chars
from sokket_cli.intake.yamlnodes import MappingNode, Node, ScalarNode, SequenceNode, compose, load
from sokket_cli.problems import Problem
from sokket_cli.write.atomic import output_status

_UTF8_BOM = b"\xef\xbb\xbf"
_LINE_BREAK = re.compile("\r\n|[\r\n\u2028\u2029]")  # NEL was made a space with the controls


@dataclass(frozen=True, slots=True)
class Converted:
    """One scalar that was converted: where it starts, and its text before and after."""

    line: int
    encoding: Encoding
    before: str
    after: str


@dataclass(slots=True)
class FixedFile:
    """The converted file's bytes (None when it could not be read) and what was done."""

    data: bytes | None
    converted: list[Converted] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def fix_legacy(data: bytes) -> FixedFile:
    """Convert every legacy-font scalar of a unit file; never raises for bad input.

    A file :func:`load` refuses (encoding, YAML syntax, aliases, nesting) is not converted:
    its problems are returned instead."""
    loaded = load(data)
    if loaded.root is None:
        return FixedFile(None, problems=[p for p in loaded.problems if p.is_error])
    decoded = decode(data)
    assert decoded.text is not None  # load() decoded it
    source = decoded.text
    parseable, _ = strip_control_chars(source)  # same length: positions stay valid
    try:
        root = compose(parseable)  # as written: load() composed the NFC form
    except yaml.YAMLError as exc:
        return FixedFile(None, problems=syntax_problems(exc, parseable))
    offsets = _LineOffsets(parseable)
    pieces: list[str] = []
    done = 0
    converted: list[Converted] = []
    for node in _scalars(root):
        guess = guess_legacy(node.value)
        if guess is None:
            continue
        start, end = offsets.of(node.start_mark), offsets.of(node.end_mark)
        pieces += [source[done:start], to_unicode(source[start:end], guess.encoding)]
        done = end
        converted.append(Converted(node.start_mark.line + 1, guess.encoding, node.value, guess.converted))
    if not converted:
        return FixedFile(data)
    pieces.append(source[done:])
    return FixedFile(_encode_like(data, "".join(pieces)), converted)


class _LineOffsets:
    """Character offset of a (line, column) mark, with YAML's line breaks, in O(1)."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [match.end() for match in _LINE_BREAK.finditer(text)]

    def of(self, mark: yaml.Mark) -> int:
        return self.starts[mark.line] + mark.column


def _scalars(root: Node | None) -> list[ScalarNode]:
    """Every scalar node, in file order (the tree has no aliases: load() refused them)."""
    found: list[ScalarNode] = []
    stack: list[Node] = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, ScalarNode):
            found.append(node)
        elif isinstance(node, MappingNode):
            stack.extend(child for pair in node.value for child in pair)
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
    found.sort(key=lambda node: (node.start_mark.line, node.start_mark.column))
    return found


def _encode_like(original: bytes, text: str) -> bytes:
    """``text`` in the encoding (and with the BOM) of ``original``."""
    if original.startswith(b"\xff\xfe"):
        return b"\xff\xfe" + text.encode("utf-16-le")
    if original.startswith(b"\xfe\xff"):
        return b"\xfe\xff" + text.encode("utf-16-be")
    bom = _UTF8_BOM if original.startswith(_UTF8_BOM) else b""
    return bom + text.encode("utf-8")


def fixed_copy_path(source: Path, output: Path | None, *, force: bool) -> Path:
    """Where ``sokket fix`` may write: never the input itself (after resolving links), and
    never over an existing file unless ``force``. Default: ``<name>-unicode.yaml`` beside it."""
    target = output if output is not None else source.with_name(f"{_stem(source)}-unicode.yaml")
    if target.resolve() == source.resolve():
        raise UsageError(
            "Tệp kết quả trùng với tệp gốc; sokket fix không bao giờ ghi đè tệp gốc. Hãy chọn "
            f"tên khác, ví dụ: -o {source.with_name(_stem(source) + '-unicode.yaml').name}",
            path=target,
        )
    if output_status(target) is not None and not force:
        raise UsageError(
            "Tệp kết quả đã có; sokket fix không ghi đè khi chưa được phép. Hãy chọn tên khác "
            "bằng -o, hoặc thêm --force nếu muốn ghi đè tệp này.",
            path=target,
        )
    return target


def _stem(path: Path) -> str:
    """'ba-dinh' for ba-dinh.yaml and for ba-dinh.yaml.txt (Notepad's way of saving)."""
    name = path.name
    for suffix in (".txt", ".yaml", ".yml"):
        if name.lower().endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)]
    return name
