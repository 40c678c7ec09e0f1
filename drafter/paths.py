"""Where resources/ and templates/ are: in a checkout, an installed wheel or a frozen bundle."""

from __future__ import annotations

import os
import sys
from functools import lru_cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _data_root(name: str) -> Path:
    """The folder `name` (resources or templates) wherever this copy of the app keeps it."""
    frozen = getattr(sys, "_MEIPASS", None)
    candidates = [Path(frozen) / name] if frozen else []
    # An installed wheel carries the folders inside the package; a checkout has them beside it.
    candidates += [_PACKAGE / name, _PACKAGE.parent / name]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"找不到程序自带的“{name}”文件夹，请重新安装本程序")


def resources_dir() -> Path:
    return _data_root("resources")


def templates_dir() -> Path:
    return _data_root("templates")


def user_templates_dir() -> Path:
    """Templates a user adds without touching the install (DRAFTER_TEMPLATES overrides)."""
    override = os.environ.get("DRAFTER_TEMPLATES")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming"))
    else:
        base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    return base / "drafter" / "templates"


def cache_dir() -> Path:
    """Where made-once files (the export's empty document per style) are kept between runs."""
    override = os.environ.get("DRAFTER_CACHE")
    if override:
        return Path(override)
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local")) / "drafter" / "cache"
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "drafter"


def official_style_file() -> Path:
    return resources_dir() / "styles" / "official.yaml"


def user_guide_file() -> Path:
    """使用说明, shipped with the program so 帮助 works offline."""
    return resources_dir() / "user-guide.md"


def lexicon_file() -> Path:
    """Measure words, fixed phrases and label words the importer reads figures by."""
    return resources_dir() / "lexicon.yaml"


@lru_cache(maxsize=1)
def lexicon():
    """The app's own word lists, read once (the core gets them as an argument)."""
    from drafter.core.text.lexicon import load_lexicon

    return load_lexicon(lexicon_file())
