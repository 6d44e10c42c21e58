"""Bounds on what a template may cost: time, size of what it builds, memory.

A template is untrusted (it travels by e-mail), and Jinja is a language: ``'x' * 10**9``,
nested ``range`` loops or a string doubled in a loop would otherwise eat the machine. The
sandbox checks sizes where values are made (:func:`check_size`, :func:`check_repeat`,
:func:`check_power`); :func:`time_limit` interrupts a template that runs too long, even a
loop that writes nothing; :func:`memory_ceiling` turns any allocation beyond a budget into
a ``MemoryError`` instead of a swapping machine.

The defaults are scaled on the 3,000-unit benchmark: 24 million characters of markup,
rendered in a few seconds in 160 MB; ten times that still fits.
"""

from __future__ import annotations

import _thread
import os
import re
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any

MAX_RENDER_SECONDS = 60.0
MAX_TEXT_CHARS = 200_000_000  # the whole markup, and any one string a template builds
MAX_ITEMS = 5_000_000  # any one list, tuple or mapping a template builds
MAX_INT_DIGITS = 4300  # Python's own limit for printing an int
MEMORY_BUDGET = 2 << 30  # address space a render may add, where the system can enforce it


@dataclass(frozen=True, slots=True)
class RenderLimits:
    seconds: float = MAX_RENDER_SECONDS
    chars: int = MAX_TEXT_CHARS
    items: int = MAX_ITEMS
    memory: int = MEMORY_BUDGET


class LimitExceeded(Exception):
    """A template went past one of its limits; the message is for the user."""


class RenderTimeout(BaseException):
    """Raised into the rendering code by the watchdog; a BaseException so that no
    ``except Exception`` on the way swallows it."""


def _figure(number: int) -> str:
    """1.234.567, as Vietnamese write it."""
    return f"{number:,}".replace(",", ".")


def too_long(chars: int, limits: RenderLimits) -> LimitExceeded:
    return LimitExceeded(
        f"Mẫu báo cáo tạo ra một đoạn chữ quá dài ({_figure(chars)} ký tự, tối đa "
        f"{_figure(limits.chars)})."
    )


def too_many(items: int, limits: RenderLimits) -> LimitExceeded:
    return LimitExceeded(
        f"Mẫu báo cáo tạo ra một danh sách quá dài ({_figure(items)} phần tử, tối đa "
        f"{_figure(limits.items)})."
    )


def check_size(value: Any, limits: RenderLimits) -> None:
    """Refuse a string, list, tuple or mapping beyond the limits."""
    if isinstance(value, str):
        if len(value) > limits.chars:
            raise too_long(len(value), limits)
    elif isinstance(value, (list, tuple, dict)) and len(value) > limits.items:
        raise too_many(len(value), limits)


def check_argument(value: Any, limits: RenderLimits) -> None:
    """An argument that asks for more text than allowed (a width, a count) or is too big."""
    if isinstance(value, int) and value > limits.chars:
        raise LimitExceeded(
            f"Mẫu báo cáo dùng số {value} quá lớn làm độ rộng hoặc số lần lặp "
            f"(tối đa {_figure(limits.chars)})."
        )
    check_size(value, limits)


_NUMBER = re.compile(r"\d+")


def check_format(pattern: str, limits: RenderLimits) -> None:
    """A ``%`` or ``str.format`` pattern asking for a huge width (``'%999999999d'``)."""
    for match in _NUMBER.finditer(pattern):
        digits = match.group()
        if len(digits) > len(str(limits.chars)) or int(digits) > limits.chars:
            raise too_long(int(digits[:19]), limits)


def check_repeat(left: Any, right: Any, limits: RenderLimits) -> None:
    """``'x' * n`` or ``[...] * n``: refuse before building, not after."""
    for sequence, count in ((left, right), (right, left)):
        if isinstance(sequence, (str, list, tuple)) and isinstance(count, int):
            size = len(sequence) * count
            if isinstance(sequence, str) and size > limits.chars:
                raise too_long(size, limits)
            if not isinstance(sequence, str) and size > limits.items:
                raise too_many(size, limits)


def check_power(base: Any, exponent: Any) -> None:
    """``10 ** 10 ** 9`` runs in C for minutes and cannot be interrupted: refuse it first."""
    if isinstance(base, int) and isinstance(exponent, int) and exponent > 0 and abs(base) > 1:
        digits = exponent * (abs(base).bit_length() - 1) * 0.30103
        if digits > MAX_INT_DIGITS:
            raise LimitExceeded(
                f"Mẫu báo cáo tính một số quá lớn (khoảng {_figure(int(digits))} chữ số, tối "
                f"đa {_figure(MAX_INT_DIGITS)})."
            )


@contextmanager
def time_limit(seconds: float, *, use_alarm: bool | None = None) -> Iterator[None]:
    """Raise :class:`RenderTimeout` in this (main) thread after ``seconds``.

    SIGALRM where the system has it and this is the main thread; elsewhere (Windows) a
    timer thread interrupts the main thread as Ctrl-C would, and a flag tells the two apart.
    """
    if use_alarm is None:
        use_alarm = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if use_alarm:
        with _alarm(seconds):
            yield
    else:
        with _interrupting_timer(seconds):
            yield


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    def ring(_signum: int, _frame: FrameType | None) -> None:
        raise RenderTimeout

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def _interrupting_timer(seconds: float) -> Iterator[None]:
    lock = threading.Lock()
    state = {"done": False, "fired": False}

    def ring() -> None:
        with lock:
            if not state["done"]:
                state["fired"] = True
                _thread.interrupt_main()

    timer = threading.Timer(seconds, ring)
    timer.daemon = True
    timer.start()
    try:
        yield
    except KeyboardInterrupt:
        if state["fired"]:
            raise RenderTimeout from None
        raise
    finally:
        with lock:
            state["done"] = True
        timer.cancel()
    if state["fired"]:  # rang as the work ended: take the pending interrupt here
        with suppress(KeyboardInterrupt):
            time.sleep(1)
        raise RenderTimeout


@contextmanager
def memory_ceiling(budget: int) -> Iterator[None]:
    """Let the process grow by at most ``budget`` bytes of address space (Linux only)."""
    try:
        import resource

        pages = int(Path("/proc/self/statm").read_text(encoding="ascii").split()[0])
        in_use = pages * os.sysconf("SC_PAGE_SIZE")
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    except (ImportError, OSError, ValueError):
        yield
        return
    ceiling = in_use + budget
    if hard != resource.RLIM_INFINITY:
        ceiling = min(ceiling, hard)
    if soft != resource.RLIM_INFINITY and soft <= ceiling:
        yield
        return
    resource.setrlimit(resource.RLIMIT_AS, (ceiling, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
