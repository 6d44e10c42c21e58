"""``sokket fix``: a copy of a unit file with its TCVN3/VNI text turned into Unicode."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from sokket_cli.commands.common import ExitStatus, guarded
from sokket_cli.errors import InputError, os_reason
from sokket_cli.render.output import problem_line, wants_color
from sokket_cli.write.atomic import write_atomic
from sokket_cli.write.targets import check_targets

_SHOWN = 5  # converted texts listed; the rest are counted
_FONTS = {"tcvn3": "TCVN3", "vni": "VNI"}


@guarded
def fix(
    file: Annotated[
        Path,
        typer.Argument(
            metavar="TỆP",
            help="Tệp báo cáo (.yaml) có chữ gõ bằng phông TCVN3 (.VnTime) hoặc VNI.",
            show_default=False,
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="TỆP",
            help="Ghi bản đã chuyển vào tệp này. Mặc định: <tên tệp>-unicode.yaml cạnh tệp gốc.",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Cho phép ghi đè tệp kết quả đã có (không bao giờ là tệp gốc).")
    ] = False,
) -> None:
    """Chuyển chữ gõ bằng phông TCVN3 hoặc VNI trong tệp báo cáo sang Unicode, ghi ra một tệp mới
    (tệp gốc giữ nguyên)."""
    from sokket_cli.intake.legacy_file import fix_legacy, fixed_copy_path

    target = fixed_copy_path(file, output, force=force)
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise InputError(f"Không đọc được tệp: {os_reason(exc)}.", path=file) from exc
    fixed = fix_legacy(data)
    if fixed.data is None:
        color = wants_color(sys.stdout)
        lines = [problem_line(file, problem, color) for problem in fixed.problems]
        lines.append("Chưa chuyển được: hãy sửa lỗi ở trên (xem 'sokket validate') rồi chạy lại lệnh.")
        typer.echo("\n".join(lines))
        raise typer.Exit(ExitStatus.PROBLEMS)
    if not fixed.converted:
        typer.echo("Không thấy đoạn văn bản nào gõ bằng phông TCVN3 hoặc VNI; không ghi tệp nào.")
        raise typer.Exit(ExitStatus.OK)
    converted_data = fixed.data
    (written,) = check_targets([target], [file])  # no device, symlink followed, name fits
    write_atomic(written, lambda stream: stream.write(converted_data))
    count = len(fixed.converted)
    lines = [f"Đã chuyển {count} đoạn văn bản sang Unicode, ghi vào tệp {target} (tệp gốc giữ nguyên):"]
    for item in fixed.converted[:_SHOWN]:
        lines.append(f"  dòng {item.line} ({_FONTS[item.encoding]}): {item.after}")
    if count > _SHOWN:
        lines.append(f"  ... và {count - _SHOWN} đoạn khác.")
    lines.append(
        "Hãy mở tệp mới kiểm tra lại, rồi dùng tệp này thay cho tệp cũ (đưa tệp cũ ra khỏi thư "
        "mục báo cáo, để không bị tính là hai báo cáo của cùng một đơn vị)."
    )
    typer.echo("\n".join(lines))
    raise typer.Exit(ExitStatus.OK)
