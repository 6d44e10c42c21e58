"""click's and typer's own words (help headings, usage lines, argument errors) in Vietnamese.

click marks every text it shows with gettext's ``_()``, imported into each of its modules
(``from gettext import gettext as _``); typer does the same, and its rich help keeps its panel
titles in module constants. :func:`install` points those at the table below, so a clerk sees
Vietnamese whichever way the app is run (the console script, ``python -m``, a test's
``CliRunner``). Texts not in the table (click internals a user cannot reach) stay as they are.
"""

from __future__ import annotations

import importlib

MESSAGES: dict[str, str] = {
    # help
    "Usage:": "Cách dùng:",
    "Options": "Tùy chọn",
    "Arguments": "Đối số",
    "Commands": "Các lệnh",
    "Show this message and exit.": "Hiện hướng dẫn này rồi thoát.",
    "Show the version and exit.": "Hiện phiên bản rồi thoát.",
    "default: {default}": "mặc định: {default}",
    "required": "bắt buộc",
    "env var: {var}": "biến môi trường: {var}",
    "(dynamic)": "(tùy lúc chạy)",
    "deprecated": "không còn dùng",
    "file": "tệp",
    "directory": "thư mục",
    "path": "đường dẫn",
    # usage errors
    "Error: {message}": "Lỗi: {message}",
    "Try '{command} {option}' for help.": "Xem hướng dẫn: {command} {option}",
    "Missing argument": "Thiếu đối số",
    "Missing option": "Thiếu tùy chọn",
    "Missing parameter": "Thiếu tham số",
    "Missing parameter: {param_name}": "Thiếu tham số: {param_name}",
    "Missing {param_type}": "Thiếu {param_type}",
    "Missing command.": "Thiếu tên lệnh (validate, status hoặc compile).",
    "No such option {name!r}.": "Không có tùy chọn {name!r}.",
    "No such command {name!r}.": "Không có lệnh {name!r}.",
    "Invalid value: {message}": "Giá trị không hợp lệ: {message}",
    "Invalid value for {param_hint}: {message}": "Giá trị không hợp lệ cho {param_hint}: {message}",
    "Could not open file {filename!r}: {message}": "Không mở được tệp {filename!r}: {message}",
    "unknown error": "lỗi không rõ",
    "Aborted!": "Đã dừng theo yêu cầu.",
    "Option {name!r} does not take a value.": "Tùy chọn {name!r} không nhận giá trị.",
    "Argument {name!r} takes {nargs} values.": "Đối số {name!r} cần {nargs} giá trị.",
    "Invalid start character for option ({option})": "Tùy chọn viết sai ({option})",
    "Value must be an iterable.": "Giá trị phải là một danh sách.",
    "Choose from:\n\t{choices}": "Chọn một trong:\n\t{choices}",
    "{value} is not in the range {range}.": "{value} không nằm trong khoảng {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}": (
        "{value!r} không phải là có/không. Các giá trị dùng được: {states}"
    ),
    "{value!r} is not a valid {number_type}.": "{value!r} không phải là một số hợp lệ.",
    # paths (the type's name, "file" or "directory", is left out: the sentence says it)
    "{name} {filename!r} does not exist.": "Không có tệp hay thư mục {filename!r}.",
    "{name} {filename!r} is a directory.": "{filename!r} là một thư mục; ở đây cần một tệp.",
    "{name} {filename!r} is a file.": "{filename!r} là một tệp; ở đây cần một thư mục.",
    "{name} {filename!r} is not readable.": "Không có quyền đọc {filename!r}.",
    "{name} {filename!r} is not writable.": "Không có quyền ghi {filename!r}.",
    "{name} {filename!r} is not executable.": "Không có quyền chạy {filename!r}.",
}

PLURALS: dict[str, tuple[str, str]] = {
    "Got unexpected extra argument ({args})": (
        "Thừa đối số ({args})",
        "Thừa các đối số ({args})",
    ),
    "Did you mean {possibility}?": ("Có phải là {possibility}?", "(Có phải là một trong: {possibilities}?)"),
    "Option {name!r} requires an argument.": (
        "Tùy chọn {name!r} cần một giá trị đi kèm.",
        "Tùy chọn {name!r} cần {nargs} giá trị đi kèm.",
    ),
    "{value!r} is not {choice}.": ("{value!r} không phải là {choice}.", "{value!r} không phải là một trong {choices}."),
    "Takes {nargs} values but 1 was given.": (
        "Cần {nargs} giá trị nhưng chỉ có 1.",
        "Cần {nargs} giá trị nhưng có {len}.",
    ),
}

#: typer's rich help: titles kept as constants when typer.rich_utils is first imported.
RICH_TEXTS: dict[str, str] = {
    "ARGUMENTS_PANEL_TITLE": "Đối số",
    "OPTIONS_PANEL_TITLE": "Tùy chọn",
    "COMMANDS_PANEL_TITLE": "Các lệnh",
    "ERRORS_PANEL_TITLE": "Lỗi",
    "ABORTED_TEXT": "Đã dừng theo yêu cầu.",
    "REQUIRED_LONG_STRING": "[bắt buộc]",
    "DEFAULT_STRING": "[mặc định: {}]",
    "ENVVAR_STRING": "[biến môi trường: {}]",
    "DEPRECATED_STRING": "(không còn dùng) ",
    "RICH_HELP": "Xem hướng dẫn: [blue]{command_path} {help_option}[/]",
}


def gettext(message: str) -> str:
    return MESSAGES.get(message, message)


def ngettext(singular: str, plural: str, count: int) -> str:
    forms = PLURALS.get(singular)
    if forms is None:
        return singular if count == 1 else plural
    return forms[0] if count == 1 else forms[1]


_MODULES = (
    "click.core", "click.decorators", "click.exceptions", "click.formatting", "click.parser",
    "click.types", "click.termui", "click.utils", "typer.core",
)


def install() -> None:
    """Point click's and typer's ``_``/``ngettext`` at the tables above."""
    for name in _MODULES:
        module = importlib.import_module(name)  # all loaded already by click and typer
        if hasattr(module, "_"):
            module._ = gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext  # type: ignore[attr-defined]


def install_rich_help() -> None:
    """typer's rich help titles; called when help is shown (rich is not loaded at start-up)."""
    from typer import rich_utils

    rich_utils._ = gettext  # type: ignore[attr-defined]
    for name, text in RICH_TEXTS.items():
        setattr(rich_utils, name, text)
