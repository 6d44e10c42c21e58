"""Outputs are written whole or not at all, with ordinary file permissions."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

import pytest

from sokket_cli.errors import OutputError
from sokket_cli.write.atomic import write_atomic


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_new_output_gets_umask_permissions_not_owner_only(tmp_path: Path) -> None:
    mask = os.umask(0o022)
    try:
        out = tmp_path / "r.docx"
        write_atomic(out, lambda s: s.write(b"x"))
    finally:
        os.umask(mask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_replaced_output_keeps_its_permissions(tmp_path: Path) -> None:
    out = tmp_path / "r.docx"
    out.write_bytes(b"old")
    out.chmod(0o640)
    write_atomic(out, lambda s: s.write(b"new"))
    assert out.read_bytes() == b"new"
    assert stat.S_IMODE(out.stat().st_mode) == 0o640


def test_failure_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    out = tmp_path / "r.docx"
    out.write_bytes(b"old")

    def explode(stream: BinaryIO) -> None:
        stream.write(b"half")
        raise OSError(28, "No space left on device")

    with pytest.raises(OutputError) as info:
        write_atomic(out, explode)
    assert "Không ghi được tệp kết quả" in info.value.message
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["r.docx"]
