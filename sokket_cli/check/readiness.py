"""Whether a compile may go on: the decision and its words, apart from the command line.

A draft built from a pile with broken files would leave units out without a word, so the
compile stops unless the clerk asked to skip them (``--skip-invalid``); with
``--require-all`` it also stops while any unit of the plan is missing or skipped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sokket_cli.check.plan import PlanUnit
    from sokket_cli.check.unit import UnitFile


@dataclass(frozen=True, slots=True)
class Refusal:
    """A compile that must not write anything: the files whose problems to list first, then
    the sentences that say why and what to do."""

    files: tuple[UnitFile, ...]
    reasons: tuple[str, ...]


def refuse_invalid(invalid: Sequence[UnitFile], total: int, *, skip_invalid: bool) -> Refusal | None:
    """Stop when some of the ``total`` files have errors and they are not to be skipped."""
    if not invalid or skip_invalid:
        return None
    reason = (
        f"Chưa tạo dự thảo: {len(invalid)}/{total} tệp báo cáo có lỗi (liệt kê ở trên); "
        "không có tệp nào được ghi. Hãy sửa các lỗi rồi chạy lại, hoặc thêm --skip-invalid "
        "để tổng hợp các báo cáo hợp lệ và nêu tên các đơn vị bị bỏ qua trong dự thảo."
    )
    return Refusal(tuple(invalid), (reason,))


def refuse_incomplete(
    missing: Sequence[PlanUnit], skipped: Sequence[PlanUnit], *, require_all: bool
) -> Refusal | None:
    """With ``--require-all``, stop while a unit of the plan has no valid report."""
    if not require_all or not (missing or skipped):
        return None
    reasons = []
    if missing:
        reasons.append(f"Còn {len(missing)} đơn vị chưa gửi báo cáo: {_names(missing)}.")
    if skipped:
        reasons.append(f"{len(skipped)} đơn vị có báo cáo lỗi, bị bỏ qua: {_names(skipped)}.")
    reasons.append("Chưa tạo dự thảo vì có --require-all: cần đủ báo cáo hợp lệ của mọi đơn vị.")
    return Refusal((), tuple(reasons))


def _names(units: Sequence[PlanUnit]) -> str:
    return ", ".join(unit.name for unit in units)
