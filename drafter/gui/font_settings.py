"""The fonts chosen to stand in for official ones this computer lacks, kept in QSettings (the window reads them
at start; the dialog that changes them is loaded only when opened)."""

from __future__ import annotations

import json

SETTINGS_KEY = "fonts/substitutions"


def saved_substitutions(settings) -> dict[str, str]:
    try:
        value = json.loads(settings.value(SETTINGS_KEY, "{}") or "{}")
    except (TypeError, ValueError):
        return {}
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}


def save_substitutions(settings, substitutions: dict[str, str]) -> None:
    settings.setValue(SETTINGS_KEY, json.dumps(substitutions, ensure_ascii=False))
