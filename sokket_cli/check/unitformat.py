"""What a unit file holds, derived from the plan: the one description of the format.

validate reads unit files against it; the JSON Schema, the YAML forms, the HTML form's checks
and the Word import's section matching are generated from it. So the format (its keys, titles,
shapes, what is required, the messages for a missing or empty section) is written here once,
and nowhere else.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Any

from sokket_cli.check import numbers
from sokket_cli.check.numbers import DECIMAL, INTEGER, PERCENT

if TYPE_CHECKING:
    from sokket_cli.check.commendations import CommendationPlan
    from sokket_cli.check.plan import Plan, PlanUnit

UNIT_KEY = "unit"
SUBMITTED_KEY = "submitted"
INDICATORS_KEY = "indicators"
ITEM_TEXT_KEY = "text"
ITEM_CHILDREN_KEY = "items"
ITEM_KEYS = (ITEM_TEXT_KEY, ITEM_CHILDREN_KEY)
UNPLACED_KEY = "unplaced"  # text a converter could not place: validate refuses it until moved
VALUE_SLOT = "{value}"  # where a message template takes the figure, in Python and the HTML form
GUESS_SLOT = "{guess}"  # where the over-100% warning takes the rate with its comma moved left
COMMENDATIONS_KEY = "commendations"  # the unit's proposals for commendation (plan's block)
# no section takes these
RESERVED_KEYS = (UNIT_KEY, SUBMITTED_KEY, INDICATORS_KEY, UNPLACED_KEY, COMMENDATIONS_KEY)
# One proposal for commendation: its keys, and the kinds as written in a file (with titles)
COLLECTIVE, INDIVIDUAL = "tap-the", "ca-nhan"
KIND_TITLES = {COLLECTIVE: "tập thể", INDIVIDUAL: "cá nhân"}
NAME_TITLES = {COLLECTIVE: "Tên tập thể", INDIVIDUAL: "Họ và tên"}  # what 'name' holds, by kind
GENDERS = ("nam", "nữ")
PROPOSED_BY_KEY = "proposed_by"  # a forwarded proposal: the unit that first proposed it
PROPOSAL_KEYS = ("kind", "name", "position", "birth_year", "gender", "form", "achievement", PROPOSED_BY_KEY)
# What the forms ask of a unit for one proposal (roll-up files carry proposed_by too)
FORM_PROPOSAL_KEYS = tuple(key for key in PROPOSAL_KEYS if key != PROPOSED_BY_KEY)
PERSON_ONLY_KEYS = ("birth_year", "gender")  # a collective has neither
PERSON_REQUIRED_KEYS = ("position",)  # required of a person; a form shows it for persons only
ITEM_EXAMPLE = '- "Đã tổ chức 45 hội nghị quán triệt."'
DATE_EXAMPLE = "2021-06-30"
SCHEMA_NAME = "unit.schema.json"  # the JSON Schema of unit files, written beside the forms
# How each indicator type is named to a clerk and written in a file (check/numbers.py types)
NUMBER_TYPE_NAMES = {INTEGER: "số nguyên", DECIMAL: "số thập phân", PERCENT: "tỷ lệ %"}
NUMBER_EXAMPLES = {INTEGER: "45", DECIMAL: '"12,5"', PERCENT: '"96,5"'}


class Kind(str, Enum):
    """The shape of a field's value in the unit file."""

    UNIT = "unit"  # one of the plan's unit ids
    DATE = "date"  # 2021-06-30 or 30/6/2021
    ITEMS = "items"  # a list of items: text, or {text, items}
    PARTS = "parts"  # a mapping of part keys, each holding items
    INDICATORS = "indicators"  # a mapping of indicator keys, each a number
    NUMBER = "number"  # one indicator's figure, as written
    PROPOSALS = "proposals"  # a list of mappings, one per proposal (children: their keys)
    TEXT = "text"  # one line of text
    CHOICE = "choice"  # one of ``choices``


@dataclass(frozen=True, slots=True)
class Field:
    """One key of the unit file; ``path`` is dotted (``causes.objective``, ``indicators.x``)."""

    key: str
    path: str
    title: str
    kind: Kind
    required: bool
    guidance: str = ""
    children: tuple[Field, ...] = ()
    number_type: str = ""  # for NUMBER: integer, decimal or percent (check/numbers.py)
    measure: str = ""  # for NUMBER: the unit of measure (người, hội nghị...)
    minimum: Decimal | None = None  # for NUMBER: the plan's ``min``; below it is an error
    maximum: Decimal | None = None  # for NUMBER: the plan's ``max``; above it is an error
    aliases: tuple[str, ...] = ()  # other titles units give a section or part (Word import)
    choices: tuple[str, ...] = ()  # for CHOICE: the values allowed, as written in a file

    @property
    def holds_items(self) -> bool:
        return self.kind in (Kind.ITEMS, Kind.PARTS)

    @property
    def example(self) -> str:
        """A value as a clerk would write it here (YAML), for forms and help texts."""
        if self.kind is Kind.NUMBER:
            return NUMBER_EXAMPLES.get(self.number_type, NUMBER_EXAMPLES[INTEGER])
        if self.kind is Kind.DATE:
            return DATE_EXAMPLE
        if self.kind is Kind.ITEMS:
            return ITEM_EXAMPLE
        return ""

    @property
    def type_name(self) -> str:
        """For a figure: its type in Vietnamese (số nguyên...); empty for other fields."""
        return NUMBER_TYPE_NAMES.get(self.number_type, "") if self.kind is Kind.NUMBER else ""

    def missing_message(self, parent: Field | None = None, misspelt: str = "") -> str:
        """What a clerk is told when this section (or part) is absent; ``misspelt`` is the
        key written in its place, when one looks like a typo of it."""
        where = f"mục '{self.key}' ({self.title})" if parent is None else self.where(parent)
        if misspelt:
            return (
                f"Thiếu {where}: dòng '{misspelt}:' có lẽ là '{self.key}:' viết sai. Hãy sửa "
                f"'{misspelt}:' thành '{self.key}:'."
            )
        if parent is None:
            return (
                f"Thiếu {where}. Hãy thêm dòng '{self.key}:' và các ý bên dưới, mỗi ý một dòng "
                "bắt đầu bằng '- '."
            )
        return (
            f"Thiếu {where}. Hãy thêm dòng '{self.key}:' (thụt vào dưới '{parent.key}:') và các "
            "ý bên dưới, mỗi ý một dòng bắt đầu bằng '- '."
        )

    def bounds_message(self, value: Decimal) -> str | None:
        """Why a figure lies outside the plan's ``min``/``max`` (an error); None if inside."""
        low, high = self.minimum, self.maximum
        if (low is None or value >= low) and (high is None or value <= high):
            return None
        below, above = self.bounds_templates()
        template = below if low is not None and value < low else above
        return (template or "").replace(VALUE_SLOT, numbers.format_vn(value))

    def bounds_templates(self) -> tuple[str | None, str | None]:
        """The messages for a figure below ``min`` and above ``max`` (None: no such bound),
        with :data:`VALUE_SLOT` for the figure: validate fills them, and so does the HTML form."""
        fmt = numbers.format_vn
        low, high = self.minimum, self.maximum
        both = f" (từ {fmt(low)} đến {fmt(high)})" if low is not None and high is not None else ""

        def said(broken: str) -> str:
            return (
                f"Chỉ tiêu '{self.key}' ({self.title}) ghi {VALUE_SLOT}, nhưng kế hoạch quy định "
                f"số liệu này {broken}{both}. Hãy kiểm tra lại số liệu."
            )

        return (
            None if low is None else said(f"ít nhất {fmt(low)}"),
            None if high is None else said(f"tối đa {fmt(high)}"),
        )

    def over_100_message(self, value: Decimal) -> str | None:
        """A rate above 100% with no plan bound: possible (beyond target), often a lost comma."""
        if value <= 100 or (template := self.over_100_template()) is None:
            return None
        guess = value
        while guess > 100:
            guess /= 10
        return template.replace(VALUE_SLOT, numbers.format_vn(value)).replace(GUESS_SLOT, numbers.format_vn(guess))

    def over_100_template(self) -> str | None:
        """The warning for a rate above 100%, with :data:`VALUE_SLOT` and :data:`GUESS_SLOT`
        (filled here and by the HTML form); None where there is none: not a rate, or the plan
        sets a ``max`` (then exceeding it is an error)."""
        if self.number_type != numbers.PERCENT or self.maximum is not None:
            return None
        return (
            f"Chỉ tiêu '{self.key}' ({self.title}) ghi {VALUE_SLOT}%, trên 100%. "
            f"Nếu đúng là vượt 100%, giữ nguyên; nếu là {GUESS_SLOT}%, hãy viết "
            f"\"{GUESS_SLOT}\" (dấu phẩy, trong ngoặc kép)."
        )

    def empty_message(self, parent: Field | None = None) -> str:
        """What a clerk is told when this required section (or part) has no item."""
        if parent is None:
            return f"{self.empty_statement()} Hãy ghi ít nhất một ý, mỗi ý một dòng bắt đầu bằng '- '."
        return self.empty_statement(parent)

    def empty_statement(self, parent: Field | None = None) -> str:
        """That this section (or part) has no item, without the YAML advice (for the HTML form)."""
        where = self.where(parent)
        return f"{where[0].upper()}{where[1:]} chưa có nội dung."

    def where(self, parent: Field | None = None) -> str:
        """How messages name this place: ``mục 'lessons' (Bài học kinh nghiệm)``."""
        if parent is None:
            return f"mục '{self.key}' ({self.title})"
        return f"phần '{self.key}' ({self.title}) của mục '{parent.key}'"


def unknown_key_message(key: str, guess: Field | None, holds_items: bool) -> str:
    """A key of the file (or of a section's parts) that the plan does not have. Holding
    items, it is an error: the items under it would be lost from the report."""
    lost = "nội dung bên dưới sẽ bị mất khỏi báo cáo" if holds_items else "sẽ bị bỏ qua"
    hint = f" Có phải là '{guess.key}' ({guess.title})?" if guess else ""
    return f"Mục '{key}' không có trong mẫu báo cáo nên {lost}.{hint}"


def unknown_item_key_message(key: str, guess: str | None) -> str:
    """A key inside an item other than ``text`` and ``items``: always lost text."""
    hint = f" Có phải là '{guess}'?" if guess else ""
    return (
        f"Trong một ý chỉ dùng '{ITEM_TEXT_KEY}:' (nội dung) và '{ITEM_CHILDREN_KEY}:' (các ý "
        f"nhỏ); nội dung ghi ở '{key}:' sẽ bị mất.{hint}"
    )


@dataclass(frozen=True, slots=True)
class UnitFormat:
    """The fields of a unit file in the order a file (and the report) lists them."""

    fields: tuple[Field, ...]
    unit_choices: tuple[tuple[str, str], ...]  # (id, name) in plan order
    # Commendations: the distinct (collectives, individuals) quotas, the plan's own first
    # (None: no limit), and for each unit of ``unit_choices`` the index of its quota
    quotas: tuple[tuple[int | None, int | None], ...] = ()
    unit_quotas: tuple[int, ...] = ()

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields)

    @property
    def sections(self) -> tuple[Field, ...]:
        """The fields that hold report items (sections), in plan order."""
        return tuple(f for f in self.fields if f.holds_items)

    def field(self, path: str) -> Field:
        """The field at a dotted path; KeyError if the plan has none."""
        head, _, rest = path.partition(".")
        for top in self.fields:
            if top.key == head:
                if not rest:
                    return top
                for child in top.children:
                    if child.key == rest:
                        return child
        raise KeyError(path)

    def to_data(self) -> dict[str, Any]:
        """A plain, JSON-ready description (for generated checks outside Python). With
        commendations, each unit names its quota by index (a page lists hundreds of units);
        a quota maps each kind to its limit (None: no limit)."""
        units: list[dict[str, Any]] = [{"id": uid, "name": name} for uid, name in self.unit_choices]
        if self.unit_quotas:
            for unit, index in zip(units, self.unit_quotas, strict=True):
                unit["quota"] = index
        fields = [_field_data(f, None) for f in self.fields]
        for data in fields:
            if data["kind"] == Kind.PROPOSALS.value:
                data["quotas"] = [{COLLECTIVE: c, INDIVIDUAL: i} for c, i in self.quotas]
        return {"units": units, "fields": fields}


def _field_data(field: Field, parent: Field | None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "key": field.key,
        "path": field.path,
        "title": field.title,
        "kind": field.kind.value,
        "required": field.required,
        "guidance": field.guidance,
    }
    if field.holds_items or (parent is not None and parent.kind is Kind.PARTS):
        data["missing_message"] = field.missing_message(parent)
        data["empty_message"] = field.empty_message(parent)
        data["empty_statement"] = field.empty_statement(parent)
    if field.kind is Kind.NUMBER:
        data["number_type"] = field.number_type
        data["measure"] = field.measure
        data["type_name"] = field.type_name
        data["minimum"] = None if field.minimum is None else str(field.minimum)
        data["maximum"] = None if field.maximum is None else str(field.maximum)
        data["below_message"], data["above_message"] = field.bounds_templates()
        data["over_100_message"] = field.over_100_template()
    if field.choices:
        data["choices"] = list(field.choices)
    if field.kind is Kind.PROPOSALS:
        data["kinds"] = [
            {"key": key, "title": title, "name_title": NAME_TITLES[key]} for key, title in KIND_TITLES.items()
        ]
        data["form_keys"] = list(FORM_PROPOSAL_KEYS)
        data["person_kind"] = INDIVIDUAL
        data["person_keys"] = [*PERSON_REQUIRED_KEYS, *PERSON_ONLY_KEYS]
        data["person_required"] = list(PERSON_REQUIRED_KEYS)
    if field.example:
        data["example"] = field.example
    if field.children:
        data["children"] = [_field_data(child, field) for child in field.children]
    return data


def unit_format(plan: Plan) -> UnitFormat:
    """Derive the unit-file format from the plan's sections and indicators."""
    fields: list[Field] = [
        Field(UNIT_KEY, UNIT_KEY, "Mã đơn vị", Kind.UNIT, True,
              "Mã đơn vị đúng như trong danh sách đơn vị của kế hoạch."),
        Field(SUBMITTED_KEY, SUBMITTED_KEY, "Ngày gửi báo cáo", Kind.DATE, False,
              "Ngày đơn vị gửi báo cáo, viết 2021-06-30 hoặc 30/6/2021."),
    ]
    for section in plan.sections:
        if section.parts:
            parts = tuple(
                Field(part.key, f"{section.key}.{part.key}", part.title, Kind.ITEMS,
                      section.required and part.required, part.guidance, aliases=part.aliases)
                for part in section.parts
            )
            fields.append(Field(section.key, section.key, section.title, Kind.PARTS,
                                section.required, section.guidance, parts,
                                aliases=section.aliases))
        else:
            fields.append(Field(section.key, section.key, section.title, Kind.ITEMS,
                                section.required, section.guidance, aliases=section.aliases))
    figures = tuple(
        Field(ind.key, f"{INDICATORS_KEY}.{ind.key}", ind.label, Kind.NUMBER, False,
              number_type=ind.type, measure=ind.unit, minimum=ind.minimum, maximum=ind.maximum)
        for ind in plan.indicators
    )
    fields.append(Field(INDICATORS_KEY, INDICATORS_KEY, "Số liệu", Kind.INDICATORS, False,
                        "Số liệu theo các chỉ tiêu của kế hoạch; để trống nếu không có.",
                        figures))
    choices = tuple((unit.id, unit.name) for unit in plan.units)
    if plan.commendations is None:
        return UnitFormat(tuple(fields), choices)
    fields.append(_commendations_field(plan))
    return UnitFormat(tuple(fields), choices, *_quotas(plan.commendations, plan.units))


def _quotas(
    block: CommendationPlan, units: Iterable[PlanUnit]
) -> tuple[tuple[tuple[int | None, int | None], ...], tuple[int, ...]]:
    """The distinct quotas (the plan's own first) and each unit's index among them."""
    own = block.quota
    found = {(own.collectives, own.individuals): 0}
    indexes = []
    for unit in units:
        quota = block.quota_for(unit.group)
        indexes.append(found.setdefault((quota.collectives, quota.individuals), len(found)))
    return tuple(found), tuple(indexes)


def _commendations_field(plan: Plan) -> Field:
    """The ``commendations:`` list, when the plan asks for proposals: one mapping a proposal."""
    block = plan.commendations
    assert block is not None
    path = COMMENDATIONS_KEY + "."
    entry = (
        Field("kind", path + "kind", "Tập thể hay cá nhân", Kind.CHOICE, True,
              f"'{COLLECTIVE}' (tập thể) hoặc '{INDIVIDUAL}' (cá nhân).",
              choices=(COLLECTIVE, INDIVIDUAL)),
        Field("name", path + "name", " / ".join(NAME_TITLES.values()), Kind.TEXT, True,
              "Tên tập thể, hoặc họ và tên đầy đủ của cá nhân."),
        Field("position", path + "position", "Chức vụ, đơn vị công tác", Kind.TEXT, False,
              "Bắt buộc với cá nhân: chức vụ, đơn vị công tác."),
        Field("birth_year", path + "birth_year", "Năm sinh", Kind.NUMBER, False,
              "Chỉ ghi cho cá nhân: năm sinh 4 chữ số, ví dụ 1975.", number_type=INTEGER),
        Field("gender", path + "gender", "Giới tính", Kind.CHOICE, False,
              "Chỉ ghi cho cá nhân: 'nam' hoặc 'nữ'.", choices=GENDERS),
        Field("form", path + "form", "Hình thức khen thưởng", Kind.CHOICE, True,
              "Chép đúng một hình thức khen thưởng của kế hoạch.", choices=block.forms),
        Field("achievement", path + "achievement", "Thành tích", Kind.TEXT, True,
              "Thành tích nổi bật, một hai câu."),
        Field(PROPOSED_BY_KEY, path + PROPOSED_BY_KEY, "Đơn vị đề nghị ban đầu", Kind.TEXT, False,
              "Chỉ ghi khi chuyển lên đề nghị của đơn vị cấp dưới: tên đơn vị đã đề nghị "
              "(sokket compile --as-unit tự ghi). Đơn vị tự đề nghị thì bỏ trống."),
    )
    return Field(COMMENDATIONS_KEY, COMMENDATIONS_KEY, block.title, Kind.PROPOSALS,
                 block.required, "Mỗi đề nghị khen thưởng một mục '- kind: ...', trong chỉ tiêu "
                 "của kế hoạch; không đề nghị thì ghi 'commendations: []'.", entry)
