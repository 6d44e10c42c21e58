"""Benchmarks of starting a review: ``init --don-vi`` with a 3,400-unit list, then ``forms``.

Usage: ``python benchmarks/intake.py [--units 3400] [--runs 5]``. Prints the median wall time
and the median CPU time (user + system) of each command; on a busy machine the CPU time is
the steadier figure. Target (issue 10): each under 2 s. A benchmark: it reports, never fails.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from run import sokket_command


def unit_list(path: Path, count: int) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["STT", "Tên đơn vị", "Nhóm"])
    kinds = ("phường", "xã", "đặc khu")
    for number in range(1, count + 1):
        sheet.append([number, f"Đảng ủy {kinds[number % 3]} Hòa Bình {number}", f"Cụm {number // 200 + 1}"])
    book.save(path)


def timed(args: Sequence[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one run."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(args)} failed")
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--units", type=int, default=3400)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    sokket = sokket_command()
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp)
        unit_list(root / "ds.xlsx", options.units)
        # Each run writes a new folder: deleting thousands of files just before a run makes
        # the file system, not sokket, the thing measured.
        cases: dict[str, Callable[[int], list[str]]] = {
            "init --don-vi": lambda n: [*sokket, "init", str(root / f"dot{n}"), "--don-vi", str(root / "ds.xlsx")],
            "forms": lambda n: [*sokket, "forms", str(root / "dot0"), "-o", str(root / f"bieu-mau{n}")],
        }
        for name, args in cases.items():
            results = [timed(args(n)) for n in range(options.runs)]
            wall = statistics.median(r[0] for r in results)
            cpu = statistics.median(r[1] for r in results)
            print(f"{name} ({options.units} units): median {wall * 1000:.0f} ms wall, "
                  f"{cpu * 1000:.0f} ms CPU (n={options.runs})  target < 2000 ms")


if __name__ == "__main__":
    main()
