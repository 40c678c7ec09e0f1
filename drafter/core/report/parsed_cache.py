"""Files that rarely change (the official style, its font facts, report templates) kept parsed, as JSON in the cache
folder: read back with the json module, the window starts without loading PyYAML and the datetime module it brings
(~25 ms of every start). A copy is used only while the file has the path, size and time it was made from.
Project files, which change at every save, are kept by content instead (by_content): a copy serves only the very
bytes it was parsed from, checked by their SHA-256 each time."""

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


_CONTENT_COPY_VERSION = 1  # raised when what a content copy holds changes: older copies are then parsed anew


def by_content(path: Path, raw: bytes, folder: Path | None) -> Any | None:
    """The data kept for `path` by keep_by_content, if it was parsed from exactly `raw`; None otherwise."""
    if folder is None:
        return None
    try:
        with open(_content_copy(path, folder), "rb") as stream:
            header = json.loads(stream.readline())
            if header != _content_header(raw):  # another version of the file: its data is not read at all
                return None
            return json.loads(stream.read().decode("utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return None  # no copy yet, or a damaged one: the caller parses


def keep_by_content(path: Path, raw: bytes, data: Any, folder: Path | None) -> None:
    """Keep `data`, parsed from the bytes `raw` of `path`, for by_content: one copy per file, replaced at every save,
    written only if JSON gives the data back equal. A folder that cannot be written only costs time."""
    if folder is None:
        return
    try:
        body = json.dumps(data, ensure_ascii=False)
        if json.loads(body) != data:
            return
        header = json.dumps(_content_header(raw))
        copy = _content_copy(path, folder)
        copy.parent.mkdir(parents=True, exist_ok=True)
        fileio.atomic_write(copy, f"{header}\n{body}".encode("utf-8"), keep_backup=False)
    except (TypeError, ValueError, OSError, fileio.FileWriteError):
        pass


def _content_copy(path: Path, folder: Path) -> Path:
    where = str(Path(path).resolve()).encode("utf-8")
    return Path(folder) / "projects" / f"{zlib.crc32(where):08x}-{len(where)}.json"


def _content_header(raw: bytes) -> dict:
    import hashlib  # loads OpenSSL (~5 ms): only when a project is read, not for the templates every start reads

    return {"version": _CONTENT_COPY_VERSION, "size": len(raw), "sha256": hashlib.sha256(raw).hexdigest()}
