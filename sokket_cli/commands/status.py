"""``sokket status``: who has sent, who is missing, invalid or late."""

from __future__ import annotations

from sokket_cli.commands.common import guarded


@guarded
def status() -> None:
    """Xem đơn vị nào đã nộp, chưa nộp, nộp muộn hoặc có lỗi."""
    raise NotImplementedError
