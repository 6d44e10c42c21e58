"""The plan (kế hoạch): what every unit must report, who must report, by when, and how the
merged report is headed and signed."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from pathlib import Path

from sokket_cli.check import numbers
from sokket_cli.check.commendations import CommendationPlan, read_plan_block
from sokket_cli.check.schema import Reader
from sokket_cli.check.unitformat import RESERVED_KEYS, UnitFormat, unit_format
from sokket_cli.check.unitids import unusable_id
from sokket_cli.errors import PlanError
from sokket_cli.intake.discovery import read_input
from sokket_cli.intake.yamlnodes import Node, is_empty, load
from sokket_cli.problems import Severity, error

FORMATS = ("dang", "nha-nuoc")
LAYOUTS = ("theo-y", "theo-don-vi")  # the draft by point (shared points first) or by unit
RECOMMENDATIONS = "recommendations"  # the section whose points the appendix tables by default
AGGREGATES = ("sum", "mean", "none")
_DESCRIBED = ("key", "title", "required", "guidance", "aliases")  # keys of a section or part


@dataclass(frozen=True, slots=True)
class Part:
    key: str
    title: str
    required: bool = True
    guidance: str = ""  # the đề cương: what the plan asks units to report here
    aliases: tuple[str, ...] = ()  # other titles units use for it (Word import matching)


@dataclass(frozen=True, slots=True)
class Section:
    key: str
    title: str
    required: bool = True
    parts: tuple[Part, ...] = ()
    guidance: str = ""  # the đề cương: what the plan asks units to report here
    aliases: tuple[str, ...] = ()  # other titles units use for it (Word import matching)
    summary_table: bool | None = None  # its points tabled in the appendix; None: by its key

    @property
    def tabled(self) -> bool:
        """Whether the appendix tables this section's points (recommendations by default)."""
        return self.key == RECOMMENDATIONS if self.summary_table is None else self.summary_table


@dataclass(frozen=True, slots=True)
class Indicator:
    key: str
    label: str
    unit: str = ""
    type: str = numbers.INTEGER
    aggregate: str = "sum"
    sum_of: tuple[str, ...] = ()
    minimum: Decimal | None = None  # a figure below it is refused (plan's ``min``)
    maximum: Decimal | None = None  # a figure above it is refused (plan's ``max``)


@dataclass(frozen=True, slots=True)
class PlanUnit:
    id: str
    name: str
    group: str = ""


@dataclass(frozen=True, slots=True)
class Signer:
    authority: str = ""
    position: str = ""
    name: str = ""


@dataclass(frozen=True, slots=True)
class ReportSettings:
    format: str = "dang"
    parent_organ: str = ""
    organ: str = ""
    number: str = ""
    place: str = ""
    title: str = "BÁO CÁO"
    summary: str = ""
    signer: Signer = field(default_factory=Signer)
    recipients: tuple[str, ...] = ()
    layout: str = LAYOUTS[0]


@dataclass(frozen=True)
class Plan:
    path: Path
    code: str
    date: datetime.date | None
    issuer: str
    subject: str
    deadline: datetime.date | None
    report: ReportSettings
    sections: tuple[Section, ...]
    units: tuple[PlanUnit, ...]
    indicators: tuple[Indicator, ...] = ()
    commendations: CommendationPlan | None = None  # None: units are not asked for proposals

    @cached_property
    def unit_ids(self) -> dict[str, PlanUnit]:
        """Plan units by id; cached, since every unit file looks its id up."""
        return {unit.id: unit for unit in self.units}

    @cached_property
    def unit_format(self) -> UnitFormat:
        """What a unit file of this plan holds; derived once, read by every unit file."""
        return unit_format(self)

    @property
    def groups(self) -> list[str]:
        """Unit groups in the order they first appear."""
        return list(dict.fromkeys(unit.group for unit in self.units))



class _PlanReader(Reader):
    """Reads plan.yaml; unknown fields are errors here, since a misspelt plan key changes
    what every unit is held to."""

    def __init__(self) -> None:
        super().__init__(unknown=Severity.ERROR)

    def plan_info(self, node: Node) -> tuple[str, datetime.date | None, str, str, datetime.date | None]:
        fields = self.fields(node, ("code", "date", "issuer", "subject", "deadline"), "Mục 'plan'")
        if fields is None:
            return "", None, "", "", None
        code = self.required_text(fields, "code", node, "số, ký hiệu kế hoạch") or ""
        issuer = self.required_text(fields, "issuer", node, "cơ quan ban hành kế hoạch") or ""
        subject = self.required_text(fields, "subject", node, "nội dung sơ kết") or ""
        plan_date = self.date(fields["date"][1], "Ngày kế hoạch") if "date" in fields else None
        if "deadline" not in fields:
            self.add(node, "missing-field", "Thiếu mục 'deadline' (hạn nộp báo cáo).")
            deadline = None
        else:
            deadline = self.date(fields["deadline"][1], "Hạn nộp 'deadline'")
        return code, plan_date, issuer, subject, deadline

    def report(self, node: Node) -> ReportSettings:
        known = (
            "format", "parent_organ", "organ", "number", "place", "title", "summary", "signer",
            "recipients", "layout",
        )
        fields = self.fields(node, known, "Mục 'report'")
        if fields is None:
            return ReportSettings()
        fmt = self.choice(
            fields, "format", FORMATS,
            "Thể thức '{value}' không có. Chọn 'dang' (văn bản của Đảng, HD 36-HD/VPTW) hoặc "
            "'nha-nuoc' (Nghị định 30/2020/NĐ-CP).",
        )
        layout = self.choice(
            fields, "layout", LAYOUTS,
            "Cách trình bày '{value}' không có. Chọn 'theo-y' (gộp các ý giống nhau của "
            "các đơn vị, ý nhiều đơn vị nêu đứng trước) hoặc 'theo-don-vi' (từng đơn vị).",
        )
        signer = Signer()
        if "signer" in fields:
            sfields = self.fields(fields["signer"][1], ("authority", "position", "name"), "Mục 'signer'")
            if sfields:
                signer = Signer(*(self.optional_text(sfields, k) for k in ("authority", "position", "name")))
        recipients: list[str] = []
        if "recipients" in fields:
            items = self.sequence(fields["recipients"][1], "Mục 'recipients'") or []
            recipients = [self.text(item, "Nơi nhận") or "" for item in items]
        return ReportSettings(
            format=fmt,
            parent_organ=self.optional_text(fields, "parent_organ"),
            organ=self.optional_text(fields, "organ"),
            number=self.optional_text(fields, "number"),
            place=self.optional_text(fields, "place"),
            title=self.optional_text(fields, "title", "BÁO CÁO"),
            summary=self.optional_text(fields, "summary"),
            signer=signer,
            recipients=tuple(recipients),
            layout=layout,
        )

    def _keyed(self, node: Node, known: tuple[str, ...], what: str) -> tuple[dict[str, tuple[Node, Node]], str, str] | None:
        fields = self.fields(node, known, what)
        if fields is None:
            return None
        key = self.required_text(fields, "key", node, "mã mục, viết liền không dấu") or ""
        title = self.required_text(fields, "title", node, "tên mục in trong báo cáo") or ""
        return fields, key, title

    def _described(self, fields: dict[str, tuple[Node, Node]]) -> tuple[str, tuple[str, ...]]:
        """A section's or part's ``guidance`` and ``aliases``."""
        aliases: list[str] = []
        if "aliases" in fields:
            nodes = self.sequence(fields["aliases"][1], "Mục 'aliases'") or []
            aliases.extend(t for n in nodes if (t := self.text(n, "Một tên gọi khác")))
        return self.optional_text(fields, "guidance"), tuple(aliases)

    def _unique(self, node: Node, key: str, seen: set[str], what: str) -> None:
        if key in seen:
            self.add(node, "duplicate-id", f"{what} '{key}' bị trùng; mỗi mã chỉ được dùng một lần.")
        seen.add(key)

    def sections(self, node: Node) -> tuple[Section, ...]:
        items = self.sequence(node, "Mục 'sections'")
        if items is None:
            return ()
        sections: list[Section] = []
        seen: set[str] = set()
        for item in items:
            read = self._keyed(item, (*_DESCRIBED, "parts", "summary_table"), "Một mục của 'sections'")
            if read is None:
                continue
            fields, key, title = read
            self._unique(item, key, seen, "Mã mục")
            if "." in key:
                self.add(fields["key"][1], "bad-value", f"Mã mục '{key}' có dấu chấm; dấu chấm dùng để ghi phần của một mục (causes.objective) nên mã mục không được chứa nó. Hãy đặt mã viết liền, ví dụ '{key.replace('.', '_')}'.")
            elif key in RESERVED_KEYS:
                self.add(item, "bad-value", f"Mã mục '{key}' trùng với tên trường dành riêng của tệp báo cáo; hãy đặt mã khác.")
            required = self.boolean(fields["required"][1], "Mục 'required'") if "required" in fields else True
            parts: list[Part] = []
            if "parts" in fields:
                part_seen: set[str] = set()
                part_nodes = self.sequence(fields["parts"][1], "Mục 'parts'")
                if part_nodes == []:
                    self.add(fields["parts"][1], "missing-field", f"Mục '{key}' có 'parts' nhưng chưa có phần nào. Hãy liệt kê các phần (mỗi phần có 'key' và 'title'), hoặc xóa dòng 'parts' nếu mục không chia phần.")
                for part_node in part_nodes or []:
                    part_read = self._keyed(part_node, _DESCRIBED, "Một phần của mục")
                    if part_read is None:
                        continue
                    pfields, pkey, ptitle = part_read
                    self._unique(part_node, pkey, part_seen, "Mã phần")
                    preq = self.boolean(pfields["required"][1], "Mục 'required'") if "required" in pfields else True
                    parts.append(Part(pkey, ptitle, preq is not False, *self._described(pfields)))
            tabled = None  # by its key, unless the plan says yes or no
            if "summary_table" in fields:
                tabled = self.boolean(fields["summary_table"][1], "Mục 'summary_table'") is True
            sections.append(
                Section(
                    key, title, required is not False, tuple(parts), *self._described(fields), tabled
                )
            )
        if not sections:
            self.add(node, "missing-field", "Kế hoạch phải có ít nhất một mục trong 'sections'.")
        return tuple(sections)

    def indicators(self, node: Node) -> tuple[Indicator, ...]:
        if is_empty(node):
            return ()
        items = self.sequence(node, "Mục 'indicators'")
        if items is None:
            return ()
        known = ("key", "label", "unit", "type", "aggregate", "sum_of", "min", "max")
        result: list[Indicator] = []
        seen: set[str] = set()
        sum_refs: dict[str, list[tuple[Node, str]]] = {}
        for item in items:
            fields = self.fields(item, known, "Một chỉ tiêu của 'indicators'")
            if fields is None:
                continue
            key = self.required_text(fields, "key", item, "mã chỉ tiêu") or ""
            label = self.required_text(fields, "label", item, "tên chỉ tiêu") or ""
            self._unique(item, key, seen, "Mã chỉ tiêu")
            unit = self.optional_text(fields, "unit")
            kind = numbers.INTEGER
            if "type" in fields:
                kind = self.text(fields["type"][1], "Mục 'type'") or numbers.INTEGER
                if kind not in numbers.TYPES:
                    self.add(fields["type"][1], "bad-value", f"Kiểu số '{kind}' không có; chọn integer (số nguyên), decimal (số thập phân) hoặc percent (tỷ lệ %).")
                    kind = numbers.INTEGER
            # an unweighted mean of rates can mislead, so a percent is totalled only on request
            aggregate = "none" if kind == numbers.PERCENT else "sum"
            if "aggregate" in fields:
                aggregate = self.text(fields["aggregate"][1], "Mục 'aggregate'") or aggregate
                if aggregate not in AGGREGATES:
                    self.add(fields["aggregate"][1], "bad-value", f"Cách cộng '{aggregate}' không có; chọn sum (cộng), mean (trung bình) hoặc none (không tính).")
                    aggregate = "none"
            parts: list[str] = []
            if "sum_of" in fields:
                refs = sum_refs.setdefault(key, [])
                for ref in self.sequence(fields["sum_of"][1], "Mục 'sum_of'") or []:
                    text = self.text(ref, "Một chỉ tiêu thành phần")
                    if text in parts:
                        self.add(ref, "duplicate-id", f"'sum_of' của chỉ tiêu '{key}' ghi '{text}' hai lần; mỗi thành phần chỉ được cộng một lần.")
                    elif text == key:
                        self.add(ref, "bad-value", f"'sum_of' của chỉ tiêu '{key}' có chính nó; một chỉ tiêu không thể là tổng của chính nó. Hãy xóa '{key}' khỏi danh sách này.")
                    elif text:
                        parts.append(text)
                        refs.append((ref, text))
            minimum, maximum = self._bounds(fields)
            result.append(Indicator(key, label, unit, kind, aggregate, tuple(parts), minimum, maximum))
        for refs in sum_refs.values():
            for ref, name in refs:
                if name not in seen:
                    self.add(ref, "unknown-indicator", f"'sum_of' nhắc đến chỉ tiêu '{name}' nhưng kế hoạch không có chỉ tiêu này.")
        self._sum_cycles(sum_refs)
        return tuple(result)

    def _bounds(self, fields: dict[str, tuple[Node, Node]]) -> tuple[Decimal | None, Decimal | None]:
        """An indicator's ``min`` and ``max``, written like the figures they bound."""
        bounds: list[Decimal | None] = []
        for name in ("min", "max"):
            value = None
            if name in fields:
                text = self.text(fields[name][1], f"Mục '{name}'")
                if text is not None:
                    value, problem = numbers.parse(text, numbers.DECIMAL)
                    if problem is not None:
                        self.add(fields[name][1], "bad-number", f"Mục '{name}': {problem}")
            bounds.append(value)
        minimum, maximum = bounds
        if minimum is not None and maximum is not None and minimum > maximum:
            self.add(fields["min"][1], "bad-value", f"'min' ({numbers.format_vn(minimum)}) lớn hơn 'max' ({numbers.format_vn(maximum)}); hãy đổi lại cho đúng.")
        return minimum, maximum

    def _sum_cycles(self, sum_refs: dict[str, list[tuple[Node, str]]]) -> None:
        """Refuse ``sum_of`` lists that go round (a -> b -> a): each cycle once, at the
        reference that closes it. An iterative depth-first walk, linear in the references."""
        done: set[str] = set()
        for start, refs in sum_refs.items():
            if start in done:
                continue
            path = [start]  # the keys being walked, and where each one stands on it
            on_path = {start: 0}
            pending = [iter(refs)]
            while pending:
                step = next(pending[-1], None)
                if step is None:
                    pending.pop()
                    done.add(path[-1])
                    del on_path[path.pop()]
                    continue
                ref, name = step
                if name in on_path:
                    self._cycle(ref, path, on_path[name])
                elif name not in done and name in sum_refs:
                    on_path[name] = len(path)
                    path.append(name)
                    pending.append(iter(sum_refs[name]))

    def _cycle(self, ref: Node, path: list[str], start: int) -> None:
        """Name at most five keys of the cycle, so a long one costs no more than a short one."""
        back = path[start]
        keys = path[start : start + 5] if len(path) - start <= 5 else [*path[start : start + 4], "..."]
        shown = " → ".join([*keys, back])
        self.add(ref, "bad-value", f"'sum_of' tạo thành vòng: {shown}. Một chỉ tiêu không thể là tổng của chính nó (trực tiếp hay qua chỉ tiêu khác); hãy xóa '{back}' khỏi 'sum_of' của chỉ tiêu '{path[-1]}'.")

    def units(self, node: Node) -> tuple[PlanUnit, ...]:
        items = self.sequence(node, "Mục 'units'")
        if items is None:
            return ()
        result: list[PlanUnit] = []
        seen: set[str] = set()
        for item in items:
            fields = self.fields(item, ("id", "name", "group"), "Một đơn vị của 'units'")
            if fields is None:
                continue
            uid = self.required_text(fields, "id", item, "mã đơn vị") or ""
            name = self.required_text(fields, "name", item, "tên đơn vị") or ""
            if (unusable := unusable_id(uid)) is not None:
                self.add(fields["id"][1], "bad-unit-id", unusable)
            if uid in seen:
                self.add(fields["id"][1], "duplicate-unit", f"Mã đơn vị '{uid}' bị trùng trong danh sách 'units'.")
            seen.add(uid)
            group = self.optional_text(fields, "group")
            result.append(PlanUnit(uid, name, group))
        if not result:
            self.add(node, "missing-field", "Kế hoạch phải có ít nhất một đơn vị trong 'units'.")
        return tuple(result)


def read_plan(path: Path) -> Plan:
    """Load and check a plan; any problem at all raises :class:`PlanError` with all of them."""
    data = read_input(path, "tệp kế hoạch")
    loaded = load(data)
    reader = _PlanReader()
    reader.problems.extend(loaded.problems)
    plan: Plan | None = None
    if loaded.root is not None:
        known = ("plan", "report", "sections", "indicators", "units", "commendations")
        fields = reader.fields(loaded.root, known, "Tệp kế hoạch")
        if fields is not None:
            for required in ("plan", "sections", "units"):
                if required not in fields:
                    reader.add(loaded.root, "missing-field", f"Kế hoạch thiếu mục '{required}'.")
            code, plan_date, issuer, subject, deadline = (
                reader.plan_info(fields["plan"][1]) if "plan" in fields else ("", None, "", "", None)
            )
            units = reader.units(fields["units"][1]) if "units" in fields else ()
            plan = Plan(
                path=path,
                code=code,
                date=plan_date,
                issuer=issuer,
                subject=subject,
                deadline=deadline,
                report=reader.report(fields["report"][1]) if "report" in fields else ReportSettings(),
                sections=reader.sections(fields["sections"][1]) if "sections" in fields else (),
                units=units,
                indicators=reader.indicators(fields["indicators"][1]) if "indicators" in fields else (),
                commendations=(
                    read_plan_block(reader, fields["commendations"][1], units)
                    if "commendations" in fields
                    else None
                ),
            )
    elif not reader.problems:
        reader.problems.append(error(1, 1, "not-a-mapping", "Tệp kế hoạch đang trống."))
    errors = [p for p in reader.problems if p.severity is Severity.ERROR]
    if errors or plan is None:
        reader.problems.sort(key=lambda p: (p.line, p.column))
        raise PlanError(
            f"Kế hoạch có {len(errors)} lỗi, cần sửa trước khi chạy tiếp.",
            path=path,
            problems=reader.problems,
        )
    return plan

