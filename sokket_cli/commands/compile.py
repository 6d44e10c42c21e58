"""``sokket compile``: the merged draft report."""

from __future__ import annotations

from sokket_cli.commands.common import guarded


@guarded
def compile_report() -> None:
    """Tổng hợp các báo cáo hợp lệ thành dự thảo báo cáo .docx theo thể thức văn bản."""
    raise NotImplementedError
