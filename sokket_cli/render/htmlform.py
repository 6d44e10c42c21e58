"""The offline HTML form: one self-contained page on which a unit writes its YAML file.

The page's rules are not rewritten by hand in JavaScript: the unit format
(:meth:`UnitFormat.to_data`), the number rules (:func:`numbers.rules`), validate's warnings on
an item's text (:func:`item_text.rules`), validate's wording for proposals
(:func:`commendations.rules`), each quota in the YAML form's words (:func:`quota_limits`)
and the YAML quoting (:func:`unitfile.quote_rules`) are embedded as JSON, and the script
only applies them. The page's HTML, CSS and script are package files, assembled here into
one file that needs no network (it is opened from a USB stick or an e-mail attachment).
"""

from __future__ import annotations

import html
import json
import re
from importlib.resources import files
from typing import Any

from sokket_cli.check import commendations, item_text, numbers
from sokket_cli.check.plan import Plan
from sokket_cli.check.schema import vn_date
from sokket_cli.render.form_yaml import quota_limits
from sokket_cli.write.unitfile import quote_rules

_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")
# In a <script> element, "</" could close it, and U+2028/U+2029 are line breaks to old
# JavaScript parsers; "<", ">" and "&" as \u escapes keep the JSON inert in HTML.
_SCRIPT_SAFE = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def html_form(plan: Plan) -> str:
    """The whole page for ``plan``: pick a unit, fill in, save ``<unit-id>.yaml``."""
    model: dict[str, Any] = {
        "plan": {
            "code": plan.code,
            "issuer": plan.issuer,
            "subject": plan.subject,
            "deadline": vn_date(plan.deadline) if plan.deadline else "",
        },
        "format": plan.unit_format.to_data(),
        "numbers": numbers.rules(),
        "item_text": item_text.rules(),
        "quote": quote_rules(),
    }
    if plan.commendations is not None:
        model["commendations"] = commendations.rules()
        model["quota_limits"] = [quota_limits(quota) for quota in plan.unit_format.quotas]
    parts = {
        "title": html.escape(f"Biểu mẫu báo cáo – {plan.code}"),
        "style": _asset("form.css"),
        "data": script_json(model),
        "script": _asset("form.js"),
    }
    return _PLACEHOLDER.sub(lambda match: parts[match.group(1)], _asset("form.html"))


def script_json(data: Any) -> str:
    """``data`` as JSON that can sit inside a ``<script>`` element without ending it."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_SAFE)


def _asset(name: str) -> str:
    return (files("sokket_cli.render") / "htmlform_files" / name).read_text(encoding="utf-8")
