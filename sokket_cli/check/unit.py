"""A unit's report file: checked against the plan, read into plain data for merging."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from sokket_cli.check import item_text, numbers
from sokket_cli.check.commendations import REQUIRED_STATEMENT, ProposalList, read_proposals
from sokket_cli.check.plan import Plan
from sokket_cli.check.schema import Reader, nearest, vn_date
from sokket_cli.check.unitformat import (
    COMMENDATIONS_KEY,
    INDICATORS_KEY,
    ITEM_CHILDREN_KEY,
    ITEM_EXAMPLE,
    ITEM_KEYS,
    ITEM_TEXT_KEY,
    SUBMITTED_KEY,
    UNIT_KEY,
    UNPLACED_KEY,
    Field,
    Kind,
    unknown_item_key_message,
    unknown_key_message,
)
from sokket_cli.intake.discovery import read_input
from sokket_cli.intake.text import (
    CONTROL_CHARS,
    ETH_LOOKALIKES,
    control_char_message,
    eth_message,
    legacy_message,
    looks_legacy,
    yaml_lines,
)
from sokket_cli.intake.yamlnodes import (
    MappingNode,
    Node,
    ScalarNode,
    SequenceNode,
    is_empty,
    is_plain,
    load,
    position,
)
from sokket_cli.problems import FileReport, Problem, Severity, error

MAX_DEPTH = 8  # sub-items deeper than this are a mistake in indentation, not a report
_TRAILING_COMMENT = re.compile(r"\s+#")
_ESCAPE = re.compile(r"\\(.)")


@dataclass(frozen=True, slots=True)
class Item:
    """One reported item; ``items`` are its sub-items, to any depth."""

    text: str
    items: tuple[Item, ...] = ()


@dataclass(slots=True)
class UnitFile:
    """What one file says, and every problem found in it."""

    path: Path
    report: FileReport
    unit_id: str | None = None
    unit_position: tuple[int, int] = (1, 1)
    submitted: date | None = None
    content: dict[str, tuple[Item, ...]] = field(default_factory=dict)
    indicators: dict[str, Decimal] = field(default_factory=dict)
    commendations: ProposalList | None = None  # None: the file has no 'commendations:'

    @property
    def valid(self) -> bool:
        return self.report.errors == 0

    def late(self, deadline: date | None) -> bool:
        return bool(deadline and self.submitted and self.submitted > deadline)


def content_key(section: str, part: str | None = None) -> str:
    """Where a section's (or part's) items live in :attr:`UnitFile.content`."""
    return f"{section}.{part}" if part else section


class _UnitReader(Reader):
    def __init__(self, source: str) -> None:
        super().__init__(unknown=Severity.WARNING)
        self.lines = yaml_lines(source)
        self.legacy: list[Node] = []
        # Raw control characters were replaced when loading, so a text can only hold one
        # through an escape such as "\x0b", and there is none in a file without a backslash.
        self.escapes = "\\" in source
        self.lost = 0  # items dropped with an error of their own (so no 'empty-section' too)

    def check_text(self, node: ScalarNode) -> None:
        text = node.value
        if self.escapes and (match := CONTROL_CHARS.search(text)):
            self.add(node, "control-char", control_char_message(match.group()))
        if looks_legacy(text):
            self.legacy.append(node)
        else:
            for char in ETH_LOOKALIKES:
                if char in text:
                    self.add(node, "lookalike-char", eth_message(char), Severity.WARNING)
        if node.style == '"' and self.escapes:
            self.check_escapes(node)
        if not node.style and _TRAILING_COMMENT.match(self.rest_of_line(node)):  # plain: is_plain
            self.add(
                node,
                "comment-in-text",
                "Phần sau dấu ' #' trên dòng này bị YAML coi là ghi chú và bị bỏ đi. Nếu đó "
                "là nội dung báo cáo, hãy đặt cả câu trong ngoặc kép.",
                Severity.WARNING,
            )

    def rest_of_line(self, node: Node) -> str:
        """What follows a node on its last line: a ' # ...' there was taken as a comment."""
        end = node.end_mark
        return self.lines[end.line][end.column :] if end.line < len(self.lines) else ""

    def as_written(self, key: ScalarNode, value: ScalarNode) -> str:
        """The sentence a clerk wrote as ``- Kết quả: đạt 100% # ghi chú``, whole again."""
        sentence = f"{key.value}: {value.value}"
        if not value.style and _TRAILING_COMMENT.match(rest := self.rest_of_line(value)):
            sentence += rest.rstrip()
        return sentence

    def check_item_text(self, node: ScalarNode) -> None:
        """Text that would print wrong in the draft (see check/item_text.py). Called for
        non-blank items that do not start like a sentence (item_text.opens_sentence)."""
        if found := item_text.problem(node.value):
            self.add(node, *found, Severity.WARNING)

    def check_escapes(self, node: ScalarNode) -> None:
        """A backslash in double quotes starts an escape (``\\n`` is a line break, ``\\ `` a
        space); only ``\\"`` and ``\\\\`` are what a clerk means, so warn about the rest."""
        start, end = node.start_mark, node.end_mark
        if start.line != end.line:
            return
        raw = self.lines[start.line][start.column : end.column]
        odd = next((m.group() for m in _ESCAPE.finditer(raw) if m.group(1) not in '"\\'), None)
        if odd is not None:
            self.add(
                node,
                "escape-in-text",
                f"Trong ngoặc kép, '{odd}' không được giữ nguyên: YAML hiểu đó là một ký tự đặc "
                "biệt (xuống dòng, tab...) hoặc bỏ dấu '\\'. Nếu muốn giữ dấu '\\', hãy viết "
                "'\\\\' hoặc dùng dấu '/'.",
                Severity.WARNING,
            )

    def items(self, node: Node, where: str, depth: int = 0) -> tuple[Item, ...]:
        if is_empty(node):
            return ()
        if not isinstance(node, SequenceNode):
            if is_plain(node) and node.value.startswith("-"):
                self.add(node, "wrong-type", f"Trong {where}, sau dấu '-' đầu dòng phải có một dấu cách: viết '- \"...\"'.")
            else:
                self.wrong_type(node, where, SequenceNode, ITEM_EXAMPLE)
            return ()
        return tuple([item for child in node.value if (item := self.item(child, where, depth)) is not None])

    def item(self, node: Node, where: str, depth: int) -> Item | None:
        if isinstance(node, ScalarNode):
            self.check_text(node)
            if not node.value or node.value.isspace():  # blank, without copying it
                self.add(node, "empty-item", f"Một dòng trong {where} đang để trống. Hãy ghi nội dung hoặc xóa dòng '- ' này.")
                return None
            if not item_text.opens_sentence(node.value[0]):
                self.check_item_text(node)
            return Item(node.value)
        self.lost += 1  # until it turns out to be kept
        if isinstance(node, SequenceNode):
            self.add(node, "wrong-type", f"Trong {where} có một danh sách lồng trực tiếp vào danh sách ('- - '). Ý lớn ghi ở 'text:', các ý nhỏ ghi ở 'items:'.")
            return None
        assert isinstance(node, MappingNode)
        keys = [k.value for k, _ in node.value if isinstance(k, ScalarNode)]
        if len(node.value) == 1 and keys and not nearest(keys[0], ITEM_KEYS):
            key, value = node.value[0]
            if isinstance(value, ScalarNode):
                self.add(
                    node,
                    "wrong-type",
                    f"Dòng này có dấu hai chấm và dấu cách (': ') nên YAML hiểu thành cặp "
                    f"'tên: giá trị' và câu bị cắt đôi. Hãy đặt cả câu trong ngoặc kép: "
                    f'- "{item_text.quoted(self.as_written(key, value))}"',
                )
                return None
            self.add(
                node,
                "wrong-type",
                f"Ý có các ý nhỏ phải viết dạng 'text:' và 'items:': dòng '- text: \"{key.value}\"', "
                "dòng dưới 'items:', rồi các ý nhỏ, mỗi ý một dòng '- '.",
            )
            return None
        unknown: list[tuple[ScalarNode, Node]] = []
        fields = self.fields(node, ITEM_KEYS, f"Một ý trong {where}", unknown=unknown)
        if fields is None:
            return None
        for key_node, _ in unknown:  # whatever it holds is lost: an error, whatever it is
            self.add(key_node, "unknown-key", unknown_item_key_message(key_node.value, nearest(key_node.value, ITEM_KEYS)))
        text = ""
        if ITEM_TEXT_KEY in fields:
            text_node = fields[ITEM_TEXT_KEY][1]
            text = self.text(text_node, "Mục 'text'") or ""
            if isinstance(text_node, ScalarNode):
                self.check_text(text_node)
        if not text.strip():
            if not unknown:  # a misspelt 'text:' says so already
                self.add(node, "empty-item", f"Một ý trong {where} thiếu nội dung ở 'text:'.")
            return None
        assert isinstance(text_node, ScalarNode)
        if not item_text.opens_sentence(text[0]):
            self.check_item_text(text_node)
        self.lost -= 1
        children: tuple[Item, ...] = ()
        if ITEM_CHILDREN_KEY in fields:
            nested = fields[ITEM_CHILDREN_KEY][1]
            if depth >= MAX_DEPTH:
                self.add(nested, "wrong-type", f"Các ý lồng nhau quá {MAX_DEPTH} cấp; hãy kiểm tra thụt lề.")
            else:
                children = self.items(nested, where, depth + 1)
        return Item(text, children)

    def section(self, section: Field, key: Node, value: Node, unit: UnitFile) -> None:
        if section.kind is Kind.ITEMS:
            lost = self.lost
            items = self.items(value, section.where())
            unit.content[content_key(section.key)] = items
            # blank items are never kept; an item dropped with its own error needs no second one
            if section.required and not items and not self._wrong_shape(value) and self.lost == lost:
                self.add(key if is_empty(value) else value, "empty-section", section.empty_message())
            return
        part_keys = [part.key for part in section.children]
        example = ", ".join(f"'{key}:'" for key in part_keys)
        unknown: list[tuple[ScalarNode, Node]] = []
        fields = self.fields(value, part_keys, f"Mục '{section.key}' ({section.title})", f"chia thành các phần {example}, mỗi phần là một danh sách.", unknown)
        if fields is None:
            return
        misspelt = self.unknown_keys(unknown, section.children, fields)
        for part in section.children:
            if part.key not in fields:
                if part.required:
                    typo = misspelt.get(part.key)
                    self.add(typo or value, "missing-section", part.missing_message(section, typo.value if typo else ""))
                continue
            part_value = fields[part.key][1]
            lost = self.lost
            items = self.items(part_value, part.where(section))
            unit.content[content_key(section.key, part.key)] = items
            if part.required and not items and not self._wrong_shape(part_value) and self.lost == lost:
                self.add(fields[part.key][0] if is_empty(part_value) else part_value, "empty-section", part.empty_message(section))

    def unknown_keys(self, unknown: list[tuple[ScalarNode, Node]], known: tuple[Field, ...], present: dict[str, tuple[Node, Node]]) -> dict[str, ScalarNode]:
        """Report keys the plan does not have: an error when they hold items (the items would
        be lost), a warning otherwise. A key that looks like a typo of an absent required
        section (or part) is returned instead, as ``{section key: misspelt key}``: its one
        error is the 'missing-section' that names the typo."""
        misspelt: dict[str, ScalarNode] = {}
        if not unknown:
            return misspelt
        candidates = {field.key: field for field in known}
        for key, value in unknown:
            guess = candidates.get(nearest(key.value, candidates) or "")
            if guess is not None and guess.required and guess.holds_items and guess.key not in present and guess.key not in misspelt:
                misspelt[guess.key] = key
                continue
            holds_items = isinstance(value, (SequenceNode, MappingNode)) and not is_empty(value)
            severity = Severity.ERROR if holds_items else Severity.WARNING
            self.add(key, "unknown-key", unknown_key_message(key.value, guess, holds_items), severity)
        return misspelt

    @staticmethod
    def _wrong_shape(node: Node) -> bool:
        return not is_empty(node) and not isinstance(node, SequenceNode)

    def indicators(self, node: Node, plan: Plan, figures: tuple[Field, ...], unit: UnitFile) -> None:
        if is_empty(node):
            return
        if not isinstance(node, MappingNode):
            self.wrong_type(node, "Mục 'indicators'", MappingNode, "dòng 'indicators:' rồi các dòng thụt vào như '  conferences: 45'.")
            return
        known = {figure.key: figure for figure in figures}
        nodes: dict[str, Node] = {}
        unusable: set[str] = set()  # written, but not a number: no sum can be checked against it
        for key_node, value in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.value in nodes:
                continue
            key = key_node.value
            indicator = known.get(key)
            if indicator is None:
                guess = nearest(key, known)
                hint = f" Có phải là '{guess}'?" if guess else ""
                self.add(key_node, "unknown-indicator", f"Chỉ tiêu '{key}' không có trong kế hoạch nên sẽ không được tổng hợp.{hint}", Severity.WARNING)
                continue
            nodes[key] = value
            if is_empty(value):
                continue  # left blank: not reported, shown as '—', never as 0
            if not isinstance(value, ScalarNode):
                self.wrong_type(value, f"Chỉ tiêu '{key}'", ScalarNode, f"{key}: 45")
                unusable.add(key)
                continue
            number, problem = numbers.parse(value.value, indicator.number_type)
            if problem is not None:
                message = numbers.INDICATOR_PROBLEM.format(key=key, label=indicator.title, problem=problem)
                self.add(value, "bad-number", message)
                unusable.add(key)
            elif number is not None:
                if outside := indicator.bounds_message(number):
                    self.add(value, "bad-number", outside)
                    unusable.add(key)
                    continue
                if over := indicator.over_100_message(number):
                    self.add(value, "percent-over-100", over, Severity.WARNING)
                unit.indicators[key] = number
        for total_of in plan.indicators:
            total = unit.indicators.get(total_of.key)
            present = [p for p in total_of.sum_of if p in unit.indicators]
            if total is None or not present or unusable.intersection(total_of.sum_of):
                continue
            parts_sum = sum((unit.indicators[p] for p in present), Decimal(0))
            if parts_sum != total:
                detail = " + ".join(f"{known[p].title} ('{p}') {numbers.format_vn(unit.indicators[p])}" for p in present)
                self.add(
                    nodes[total_of.key],
                    "indicator-sum",
                    f"Chỉ tiêu '{total_of.key}' ({total_of.label}) ghi {numbers.format_vn(total)} "
                    f"nhưng tổng các thành phần là {numbers.format_vn(parts_sum)} ({detail}). Hãy "
                    "kiểm tra lại để tổng khớp với các thành phần.",
                )


def _unlikely_submitted(submitted: date, plan_date: date | None, today: date) -> str | None:
    """A sending date before the plan was issued, or still to come, is most likely a typo."""
    if plan_date is not None and submitted < plan_date:
        return (
            f"Ngày nộp {vn_date(submitted)} trước ngày kế hoạch ({vn_date(plan_date)}): báo cáo không thể "
            "gửi trước khi có kế hoạch. Hãy kiểm tra lại ngày, tháng, năm."
        )
    if submitted > today:
        return (
            f"Ngày nộp {vn_date(submitted)} sau hôm nay ({vn_date(today)}). Hãy ghi ngày gửi báo cáo, và "
            "kiểm tra lại ngày, tháng, năm (ngày/tháng/năm, ví dụ 30/6/2021)."
        )
    return None


def check_unit(path: Path, data: bytes, plan: Plan, today: date | None = None) -> UnitFile:
    """Check one unit file's bytes against the plan; never raises for bad content.
    ``today`` (default: the real one) is what a sending date may not come after."""
    loaded = load(data)
    unit = UnitFile(path, FileReport(path))
    report = unit.report
    report.problems.extend(loaded.problems)
    reader = _UnitReader(loaded.text)
    root = loaded.root
    if root is None or not isinstance(root, MappingNode):
        if root is not None or not loaded.problems:
            line, column = position(root) if root is not None else (1, 1)
            report.problems.append(_not_a_mapping(line, column, empty=root is None or is_empty(root)))
        report.sort()
        return unit
    file_format = plan.unit_format
    unknown: list[tuple[ScalarNode, Node]] = []
    known = dict.fromkeys((*file_format.keys, UNPLACED_KEY, COMMENDATIONS_KEY))
    fields = reader.fields(root, known, "Tệp báo cáo", unknown=unknown) or {}
    misspelt = reader.unknown_keys(unknown, file_format.fields, fields)
    if UNIT_KEY not in fields:
        reader.add(root, "missing-unit", "Thiếu dòng 'unit:' cho biết đây là báo cáo của đơn vị nào. Hãy thêm ở đầu tệp, ví dụ: unit: ba-dinh")
    else:
        value = fields[UNIT_KEY][1]
        unit.unit_position = position(value)
        uid = (reader.text(value, "Mục 'unit'") or "").strip()
        unit.unit_id = uid or None
        report.unit = unit.unit_id
        if not uid:
            reader.add(value, "missing-unit", "Mục 'unit:' đang để trống; hãy ghi mã đơn vị theo kế hoạch, ví dụ: unit: ba-dinh")
        elif uid not in plan.unit_ids:
            by_name = next((u.id for u in plan.units if u.name.casefold() == uid.casefold()), None)
            guess = by_name or nearest(uid, plan.unit_ids)
            hint = f" Có phải là '{guess}'?" if guess else ""
            reader.add(value, "unknown-unit", f"Mã đơn vị '{uid}' không có trong danh sách đơn vị của kế hoạch.{hint} Hãy ghi đúng mã đơn vị theo kế hoạch.")
    if SUBMITTED_KEY in fields:
        value = fields[SUBMITTED_KEY][1]
        unit.submitted = reader.date(value, "Ngày nộp 'submitted'")
        if unit.submitted is not None and (unlikely := _unlikely_submitted(unit.submitted, plan.date, today or date.today())):
            reader.add(value, "unlikely-date", unlikely, Severity.WARNING)
        elif unit.late(plan.deadline):
            assert unit.submitted is not None and plan.deadline is not None
            days = (unit.submitted - plan.deadline).days
            reader.add(value, "late", f"Báo cáo nộp ngày {vn_date(unit.submitted)}, sau hạn {vn_date(plan.deadline)} (muộn {days} ngày).", Severity.WARNING)
    for section in file_format.sections:
        if section.key in fields:
            reader.section(section, *fields[section.key], unit)
        elif section.required:
            typo = misspelt.get(section.key)
            reader.add(typo or root, "missing-section", section.missing_message(misspelt=typo.value if typo else ""))
    if INDICATORS_KEY in fields:
        reader.indicators(fields[INDICATORS_KEY][1], plan, file_format.field(INDICATORS_KEY).children, unit)
    _read_commendations(reader, root, fields, plan, unit, (today or date.today()).year)
    if UNPLACED_KEY in fields:
        first = file_format.sections[0].key if file_format.sections else UNIT_KEY
        _report_unplaced(reader, fields[UNPLACED_KEY][1], first)
    if reader.legacy:
        more = f" (còn {len(reader.legacy) - 1} chỗ khác trong tệp)" if len(reader.legacy) > 1 else ""
        reader.add(reader.legacy[0], "legacy-encoding", legacy_message(reader.legacy[0].value) + more)
    report.problems.extend(reader.problems)
    report.sort()
    return unit


def _read_commendations(reader: _UnitReader, root: Node, fields: dict[str, tuple[Node, Node]], plan: Plan, unit: UnitFile, this_year: int) -> None:
    """The proposals for commendation: refused when the plan asks for none, required when it
    says so, held to the quota of the unit's group."""
    block = plan.commendations
    if COMMENDATIONS_KEY not in fields:
        if block is not None and block.required:
            reader.add(root, "missing-section", REQUIRED_STATEMENT.format(title=block.title) + f" Hãy thêm dòng '{COMMENDATIONS_KEY}:' và mỗi đề nghị một mục '- kind: ...'; nếu đơn vị không đề nghị, ghi '{COMMENDATIONS_KEY}: []'.")
        return
    key, value = fields[COMMENDATIONS_KEY]
    if block is not None and block.required and is_empty(value):  # left blank, as in a new form
        reader.add(key, "empty-section", f"Mục '{COMMENDATIONS_KEY}' ({block.title}) đang để trống: kế hoạch yêu cầu các đơn vị gửi đề nghị khen thưởng. Hãy ghi mỗi đề nghị một mục '- kind: ...' bên dưới dòng '{COMMENDATIONS_KEY}:'; nếu đơn vị không đề nghị, ghi '{COMMENDATIONS_KEY}: []'.")
    if block is None:
        if not is_empty(value):
            reader.add(key, "commendations-not-asked", "Kế hoạch không yêu cầu đề nghị khen thưởng nên danh sách ở mục 'commendations' sẽ không được tổng hợp. Hãy xóa mục này, hoặc gửi đề nghị theo hướng dẫn riêng của cơ quan tổng hợp.")
        return
    planned = plan.unit_ids.get(unit.unit_id or "")
    quota = block.quota_for(planned.group if planned is not None else "")
    unit.commendations = read_proposals(reader, value, block, quota, this_year, reader.check_text)


UNPLACED_MESSAGE = (
    "Ý này nằm trong 'unplaced:' (chưa thuộc mục nào, thường do 'sokket import' không nhận ra "
    "tiêu đề trong tệp Word). Hãy chuyển ý này vào đúng mục của báo cáo (ví dụ dưới "
    "'{example}:'), hoặc xóa nếu không cần; khi 'unplaced:' không còn ý nào thì xóa luôn dòng đó."
)


def _report_unplaced(reader: _UnitReader, node: Node, example: str) -> None:
    """Text a converter could not place: an error per item, so nothing compiles unread."""
    if is_empty(node):
        return
    items = node.value if isinstance(node, SequenceNode) else [node]
    for item in items:
        reader.add(item, "unplaced", UNPLACED_MESSAGE.format(example=example))


def _not_a_mapping(line: int, column: int, *, empty: bool) -> Problem:
    if empty:
        return error(line, column, "not-a-mapping", "Tệp đang trống. Một báo cáo bắt đầu bằng 'unit: <mã đơn vị>', sau đó là các mục báo cáo.")
    return error(line, column, "not-a-mapping", "Nội dung tệp phải là các mục dạng 'tên: giá trị' (unit:, achievements:, ...), không phải một danh sách hay một đoạn chữ.")


def read_unit(path: Path, plan: Plan, today: date | None = None) -> UnitFile:
    """Read and check one unit file; an unreadable file raises :class:`InputError`."""
    return check_unit(path, read_input(path), plan, today)
