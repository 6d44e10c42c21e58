"""Commendations (đề nghị khen thưởng): the plan's block, and each unit's proposals read
against it. Plain frozen data, so the appendix, the sheet, JSON and the roll-up can be built
from it later without reshaping it."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sokket_cli.check.schema import Reader, nearest
from sokket_cli.check.unitformat import (
    COLLECTIVE,
    COMMENDATIONS_KEY,
    INDIVIDUAL,
    KIND_TITLES,
    PERSON_ONLY_KEYS,
    PERSON_REQUIRED_KEYS,
    PROPOSAL_KEYS,
    PROPOSED_BY_KEY,
)
from sokket_cli.intake.text import fold as ascii_fold
from sokket_cli.intake.yamlnodes import Node, ScalarNode, SequenceNode, is_empty, position

if TYPE_CHECKING:
    from sokket_cli.check.plan import PlanUnit

QUOTA_KEYS = {COLLECTIVE: "collectives", INDIVIDUAL: "individuals"}
PLAN_KEYS = ("title", "forms", "quota", "quota_by_group", "required")
OLDEST, YOUNGEST = 100, 16  # a birth year is plausible this many years before today, at most/least
ENTRY_EXAMPLE = (
    "- kind: ca-nhan\n    name: \"Nguyễn Văn A\"\n    position: \"Bí thư chi bộ ...\"\n"
    "    form: \"Giấy khen của ...\"\n    achievement: \"...\""
)
_SPACES = re.compile(r"\s+")
# how a kind may be typed by hand, folded (see fold): the canonical key and the Vietnamese words
_KIND_SPELLINGS = {
    COLLECTIVE: COLLECTIVE, "tập thể": COLLECTIVE, "tap the": COLLECTIVE,
    INDIVIDUAL: INDIVIDUAL, "cá nhân": INDIVIDUAL, "ca nhan": INDIVIDUAL,
}
_GENDER_SPELLINGS = {"nam": "nam", "nữ": "nữ", "nu": "nữ"}
# What validate says, as templates, so the HTML form says the same (see rules())
QUOTA_MESSAGE = (
    "Đơn vị đề nghị {sent} {title}, vượt chỉ tiêu {limit} {title} của kế hoạch. Hãy bớt "
    "{over} {title} khỏi mục '" + COMMENDATIONS_KEY + "'."
)
EMPTY_FIELD_MESSAGE = "Mục '{key}' ({what}) của đề nghị khen thưởng đang để trống."
FIELD_WHAT = {
    "name": "tên tập thể hoặc họ và tên",
    "achievement": "thành tích, một hai câu",
    "position": "chức vụ, đơn vị công tác",
    "form": "hình thức khen thưởng",
}
UNKNOWN_FORM_MESSAGE = "Hình thức '{text}' không có trong kế hoạch."
BIRTH_YEAR_MESSAGE = (
    "Năm sinh '{text}' không hợp lệ; hãy ghi năm có 4 chữ số, từ {low} đến {high}, ví dụ "
    "birth_year: 1975."
)
REQUIRED_STATEMENT = (
    "Thiếu mục '" + COMMENDATIONS_KEY + "' ({title}): kế hoạch yêu cầu các đơn vị gửi đề nghị "
    "khen thưởng."
)


def fold(text: str) -> str:
    """How names, kinds and forms are compared: NFC, case folded, whitespace collapsed."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text).casefold()).strip()


@dataclass(frozen=True, slots=True)
class Quota:
    """At most this many collectives and individuals per unit; None: no limit."""

    collectives: int | None = None
    individuals: int | None = None

    def limit(self, kind: str) -> int | None:
        return self.collectives if kind == COLLECTIVE else self.individuals


@dataclass(frozen=True, slots=True)
class CommendationPlan:
    """The plan's ``commendations:`` block; ``quota_by_group`` overrides ``quota`` key by key."""

    title: str
    forms: tuple[str, ...]
    quota: Quota = Quota()
    quota_by_group: tuple[tuple[str, Quota], ...] = ()
    required: bool = False

    def quota_for(self, group: str) -> Quota:
        """The quota of a unit in ``group``: the group's figures where given, else the plan's."""
        override = dict(self.quota_by_group).get(group)
        if override is None:
            return self.quota
        return Quota(
            self.quota.collectives if override.collectives is None else override.collectives,
            self.quota.individuals if override.individuals is None else override.individuals,
        )


@dataclass(frozen=True, slots=True)
class Proposal:
    """One entry of a unit's list; ``line``/``column`` locate its name, for later warnings."""

    kind: str  # COLLECTIVE or INDIVIDUAL
    name: str
    form: str  # as the plan spells it
    achievement: str
    position: str = ""
    birth_year: int | None = None
    gender: str = ""  # "nam", "nữ" or ""
    proposed_by: str = ""  # forwarded from a lower level: the unit that first proposed it
    line: int = 1
    column: int = 1


@dataclass(frozen=True, slots=True)
class ProposalList:
    """A unit's ``commendations:``: the complete entries, and how many entries of each kind
    it wrote (complete or not), which is what the quota is held against."""

    entries: tuple[Proposal, ...] = ()
    collectives: int = 0
    individuals: int = 0


def quota_message(kind: str, sent: int, limit: int) -> str:
    return QUOTA_MESSAGE.format(sent=sent, title=KIND_TITLES[kind], limit=limit, over=sent - limit)


def rules() -> dict[str, object]:
    """validate's wording and limits for one proposal, as data for the HTML form's script."""
    return {
        "messages": {
            "quota": QUOTA_MESSAGE,
            "empty_field": EMPTY_FIELD_MESSAGE,
            "unknown_form": UNKNOWN_FORM_MESSAGE,
            "birth_year": BIRTH_YEAR_MESSAGE,
            "required": REQUIRED_STATEMENT,
        },
        "what": dict(FIELD_WHAT),
        "oldest": OLDEST,
        "youngest": YOUNGEST,
        "kind_spellings": dict(_KIND_SPELLINGS),
        "gender_spellings": dict(_GENDER_SPELLINGS),
    }


# -- the plan's block -------------------------------------------------------------------------


def read_plan_block(reader: Reader, node: Node, units: tuple[PlanUnit, ...]) -> CommendationPlan | None:
    """The ``commendations:`` block of a plan; problems go to ``reader`` (its unknown keys are
    errors there). ``units`` are the plan's, for the group names of ``quota_by_group``."""
    fields = reader.fields(node, PLAN_KEYS, "Mục 'commendations'", "title:, forms:, quota:")
    if fields is None:
        return None
    title = reader.required_text(fields, "title", node, "tên phần đề nghị khen thưởng") or ""
    forms: list[str] = []
    if "forms" not in fields:
        reader.add(node, "missing-field", "Thiếu mục 'forms' (các hình thức khen thưởng), ví dụ: forms: [\"Giấy khen của Ban Thường vụ Thành ủy\"].")
    else:
        seen: set[str] = set()
        for item in reader.sequence(fields["forms"][1], "Mục 'forms'", '["Giấy khen của ..."]') or []:
            text = (reader.text(item, "Một hình thức khen thưởng") or "").strip()
            if not text:
                reader.add(item, "missing-field", "Một hình thức khen thưởng trong 'forms' đang để trống.")
            elif fold(text) in seen:
                reader.add(item, "duplicate-id", f"Hình thức '{text}' được ghi hai lần trong 'forms'.")
            else:
                seen.add(fold(text))
                forms.append(text)
        if not forms and isinstance(fields["forms"][1], SequenceNode):
            reader.add(fields["forms"][1], "missing-field", "Mục 'forms' chưa có hình thức khen thưởng nào; hãy liệt kê ít nhất một.")
    quota = _quota(reader, fields["quota"][1], "Mục 'quota'") if "quota" in fields else Quota()
    by_group: list[tuple[str, Quota]] = []
    if "quota_by_group" in fields:
        by_group = _quota_by_group(reader, fields["quota_by_group"][1], units)
    required = False
    if "required" in fields:
        required = reader.boolean(fields["required"][1], "Mục 'required'") is True
    return CommendationPlan(title, tuple(forms), quota, tuple(by_group), required)


def _quota(reader: Reader, node: Node, what: str) -> Quota:
    fields = reader.fields(node, QUOTA_KEYS.values(), what, "{collectives: 2, individuals: 3}")
    if fields is None:
        return Quota()
    figures: dict[str, int | None] = {}
    for key in QUOTA_KEYS.values():
        figures[key] = None
        if key in fields:
            value = fields[key][1]
            text = (reader.text(value, f"Mục '{key}'") or "").strip()
            if text.isascii() and text.isdigit() and len(text) <= 6:
                figures[key] = int(text)
            else:
                reader.add(value, "bad-value", f"Chỉ tiêu '{key}' ghi '{text}'; hãy ghi một số nguyên không âm, ví dụ {key}: 2.")
    return Quota(figures["collectives"], figures["individuals"])


def _quota_by_group(reader: Reader, node: Node, units: tuple[PlanUnit, ...]) -> list[tuple[str, Quota]]:
    groups = list(dict.fromkeys(unit.group for unit in units if unit.group))
    found: list[tuple[ScalarNode, Node]] = []  # every key is a group name
    fields = reader.fields(node, (), "Mục 'quota_by_group'", '"Các huyện ủy": {collectives: 3, individuals: 5}', found)
    if fields is None:
        return []
    result: list[tuple[str, Quota]] = []
    for key, value in found:
        if key.value not in groups:
            guess = nearest(key.value, groups)
            hint = f" Có phải là '{guess}'?" if guess else f" Các nhóm có trong 'units': {', '.join(groups) or '(chưa có nhóm nào)'}."
            reader.add(key, "bad-value", f"Nhóm '{key.value}' không có trong danh sách đơn vị của kế hoạch.{hint}")
            continue
        result.append((key.value, _quota(reader, value, f"Chỉ tiêu của nhóm '{key.value}'")))
    return result


# -- a unit's proposals -----------------------------------------------------------------------


def read_proposals(
    reader: Reader,
    node: Node,
    block: CommendationPlan,
    quota: Quota,
    this_year: int,
    check_text: Callable[[ScalarNode], None],
) -> ProposalList:
    """A unit's ``commendations:`` list: every entry checked, the complete ones returned, and
    the count of each kind held to ``quota``. ``check_text`` is the unit reader's own check of
    a text (old fonts, control characters)."""
    if is_empty(node):
        return ProposalList()
    entries = reader.sequence(node, "Mục 'commendations' (đề nghị khen thưởng)", ENTRY_EXAMPLE)
    if entries is None:
        return ProposalList()
    proposals: list[Proposal] = []
    counts = dict.fromkeys(KIND_TITLES, 0)
    for entry in entries:
        kind, proposal = _entry(reader, entry, block, this_year, check_text)
        if kind is not None:
            counts[kind] += 1
        if proposal is not None:
            proposals.append(proposal)
    for kind, sent in counts.items():
        limit = quota.limit(kind)
        if limit is not None and sent > limit:
            reader.add(node, "over-quota", quota_message(kind, sent, limit))
    return ProposalList(tuple(proposals), counts[COLLECTIVE], counts[INDIVIDUAL])


def _entry(
    reader: Reader, node: Node, block: CommendationPlan, this_year: int, check_text: Callable[[ScalarNode], None]
) -> tuple[str | None, Proposal | None]:
    """The kind an entry counts as (None if unreadable) and the entry, if complete."""
    unknown: list[tuple[ScalarNode, Node]] = []
    fields = reader.fields(node, PROPOSAL_KEYS, "Một đề nghị khen thưởng", ENTRY_EXAMPLE, unknown)
    if fields is None:
        return None, None
    for stray, _ in unknown:
        guess = nearest(stray.value, PROPOSAL_KEYS)
        hint = f" Có phải là '{guess}'?" if guess else f" Chỉ dùng: {', '.join(PROPOSAL_KEYS)}."
        reader.add(stray, "unknown-key", f"Một đề nghị khen thưởng không có mục '{stray.value}' nên nội dung ghi ở đó sẽ bị mất.{hint}")
    texts: dict[str, str] = {}
    for key, (_, value) in fields.items():
        text = reader.text(value, f"Mục '{key}' của đề nghị khen thưởng")
        if text is not None:
            assert isinstance(value, ScalarNode)
            check_text(value)
            texts[key] = text.strip()
    complete = not unknown and len(texts) == len(fields)
    kind = _kind(reader, node, fields, texts)
    complete &= kind is not None
    for key in ("name", "achievement"):
        complete &= _present(reader, node, fields, texts, key)
    if kind == INDIVIDUAL:
        for key in PERSON_REQUIRED_KEYS:
            complete &= _present(reader, node, fields, texts, key)
    elif kind == COLLECTIVE:
        for key in PERSON_ONLY_KEYS:
            if key in fields:
                complete = False
                reader.add(fields[key][0], "bad-value", f"Mục '{key}' chỉ ghi cho cá nhân; đề nghị này là tập thể nên '{key}' sẽ bị mất. Hãy xóa dòng này, hoặc sửa 'kind: ca-nhan' nếu đây là một người.")
    form = _form(reader, node, fields, texts, block)
    person = kind != COLLECTIVE  # a collective's year and gender are refused above
    birth_year = _birth_year(reader, fields, texts, this_year) if person else None
    gender = _gender(reader, fields, texts) if person else ""
    complete &= form is not None and (birth_year is not None or "birth_year" not in fields)
    complete &= bool(gender) or "gender" not in fields
    if not complete or kind is None or form is None:
        return kind, None
    line, column = position(fields["name"][1])
    return kind, Proposal(
        kind, texts["name"], form, texts["achievement"], texts.get("position", ""), birth_year, gender,
        texts.get(PROPOSED_BY_KEY, ""), line, column,
    )


def _present(reader: Reader, node: Node, fields: dict[str, tuple[Node, Node]], texts: dict[str, str], key: str) -> bool:
    what = FIELD_WHAT[key]
    if key not in fields:
        reader.add(node, "missing-field", f"Đề nghị khen thưởng thiếu mục '{key}' ({what}). Hãy thêm dòng '{key}: \"...\"'.")
        return False
    if not texts.get(key):
        reader.add(fields[key][1], "missing-field", EMPTY_FIELD_MESSAGE.format(key=key, what=what))
        return False
    return True


def _kind(reader: Reader, node: Node, fields: dict[str, tuple[Node, Node]], texts: dict[str, str]) -> str | None:
    how = "Hãy ghi 'kind: tap-the' (tập thể) hoặc 'kind: ca-nhan' (cá nhân)."
    if "kind" not in fields:
        reader.add(node, "missing-field", f"Đề nghị khen thưởng thiếu mục 'kind' (tập thể hay cá nhân). {how}")
        return None
    if "kind" not in texts:
        return None
    kind = _KIND_SPELLINGS.get(fold(texts["kind"]))
    if kind is None:
        guess = _KIND_SPELLINGS.get(_bare(texts["kind"]))
        meant = f" Có phải là 'kind: {guess}' ({KIND_TITLES[guess]})?" if guess else ""
        reader.add(fields["kind"][1], "bad-value", f"Loại '{texts['kind']}' không có.{meant} {how}")
    return kind


def _bare(text: str) -> str:
    """Folded without diacritics and with hyphens as spaces: 'Ca Nhân', 'tap-thể' → 'ca nhan',
    'tap the'; used only to suggest the spelling meant, never to accept one."""
    return fold(ascii_fold(text).replace("-", " "))


def _form(reader: Reader, node: Node, fields: dict[str, tuple[Node, Node]], texts: dict[str, str], block: CommendationPlan) -> str | None:
    if not _present(reader, node, fields, texts, "form"):
        return None
    by_fold = {fold(form): form for form in block.forms}
    form = by_fold.get(fold(texts["form"]))
    if form is None:
        guess = nearest(texts["form"], block.forms)
        hint = f" Có phải là \"{guess}\"?" if guess else " Các hình thức của kế hoạch: " + "; ".join(f'"{f}"' for f in block.forms) + "."
        reader.add(fields["form"][1], "unknown-form", UNKNOWN_FORM_MESSAGE.format(text=texts["form"]) + f"{hint} Hãy chép đúng tên hình thức trong kế hoạch.")
    return form


def _birth_year(reader: Reader, fields: dict[str, tuple[Node, Node]], texts: dict[str, str], this_year: int) -> int | None:
    if "birth_year" not in texts:
        return None
    text = texts["birth_year"]
    low, high = this_year - OLDEST, this_year - YOUNGEST
    if len(text) == 4 and text.isascii() and text.isdigit() and low <= int(text) <= high:
        return int(text)
    reader.add(fields["birth_year"][1], "bad-value", BIRTH_YEAR_MESSAGE.format(text=text, low=low, high=high))
    return None


def _gender(reader: Reader, fields: dict[str, tuple[Node, Node]], texts: dict[str, str]) -> str:
    if "gender" not in texts:
        return ""
    gender = _GENDER_SPELLINGS.get(fold(texts["gender"]), "")
    if not gender:
        reader.add(fields["gender"][1], "bad-value", f"Giới tính '{texts['gender']}' không hợp lệ; hãy ghi 'gender: nam' hoặc 'gender: nữ'.")
    return gender
