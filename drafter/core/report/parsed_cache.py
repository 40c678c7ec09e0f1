"""Files that rarely change (the official style, its font facts, report templates) kept parsed, as JSON in the cache
folder: read back with the json module, the window starts without loading PyYAML and the datetime module it brings
(~25 ms of every start). A copy is used only while the file has the path, size and time it was made from."""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from drafter.core.report import fileio


def parsed(path: Path, parse: Callable[[bytes], Any], folder: Path | None) -> Any:
    """parse(the file's bytes), or the copy kept in `folder` (None: no copy) from an earlier parse of the same file.
    Data JSON would not give back as it is (dates, keys that are not text) is parsed every time."""
    path = Path(path)
    if folder is None:
        return parse(path.read_bytes())
    stat = path.stat()
    source = [str(path.resolve()), stat.st_size, stat.st_mtime_ns]
    copy = Path(folder) / f"parsed-{zlib.crc32(json.dumps(source).encode('utf-8')):08x}.json"
    try:
        kept = json.loads(copy.read_text(encoding="utf-8"))
        if kept["source"] == source:
            return kept["data"]
    except (OSError, ValueError, KeyError, TypeError):
        pass  # no copy yet, or one of another file or version: parse
    data = parse(path.read_bytes())
    _keep(copy, source, data)
    return data


def _keep(copy: Path, source: list, data: Any) -> None:
    """Write the copy, if the data comes back from JSON the same; a folder that cannot be written only costs time."""
    try:
        text = json.dumps({"source": source, "data": data}, ensure_ascii=False)
        if json.loads(text)["data"] != data:
            return
        copy.parent.mkdir(parents=True, exist_ok=True)
        fileio.atomic_write(copy, text.encode("utf-8"), keep_backup=False)
    except (TypeError, ValueError, OSError, fileio.FileWriteError):
        pass
