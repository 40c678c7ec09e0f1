"""File names Windows and Word accept: a report title made safe, and paths Word cannot open."""

from __future__ import annotations

import re
from pathlib import Path

WORD_PATH_LIMIT = 250  # Word refuses to open a file whose full path is longer than this
_FORBIDDEN = re.compile(r'[\\/:*?"<>|\x00-\x1f]')
_RESERVED = re.compile(r"^(CON|PRN|AUX|NUL|COM[1-9]|LPT[1-9])(\..*)?$", re.IGNORECASE)
MAX_NAME = 120


def safe_file_name(title: str, fallback: str = "工作报告") -> str:
    """A title as a Windows file name: forbidden characters become _, no trailing dot or space, no CON/NUL."""
    name = _FORBIDDEN.sub("_", title).strip()  # a trailing dot or space goes last: CON. is reserved as CON is
    if _RESERVED.match(name):
        name = "_" + name
    return name[:MAX_NAME].rstrip(". ") or fallback


def path_warning(path: Path) -> str | None:
    """A warning when Word will not open the file at this path, else None."""
    full = str(Path(path).resolve())
    if len(full) > WORD_PATH_LIMIT:
        return f"路径长达 {len(full)} 个字符，超过 {WORD_PATH_LIMIT} 个字符时 Word 无法打开该文件，建议换一个较短的位置或文件名"
    return None
