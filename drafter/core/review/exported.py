"""What each export printed, kept in the cache folder under the id the file carries, so a reviewed copy is compared
with the very text that was sent up, and a paragraph the project has changed since is told from one the reviewer
changed."""

from __future__ import annotations

import json
from pathlib import Path

from drafter.core.report import fileio
from drafter.core.rendering.render import Block, Rendered


def printed_text(block: Block) -> str:
    """A block's text as Word shows it: a table's cells by tabs and rows by line breaks."""
    if block.kind == "table":
        return "\n".join("\t".join(row) for row in block.rows)
    return block.text


def keep_export(folder: Path | None, export_id: str, rendered: Rendered) -> None:
    """Keep the printed text of every block of an export; a folder that cannot be written only loses the record."""
    if folder is None or not export_id:
        return
    record = {"blocks": [printed_text(block) for block in rendered.blocks]}
    try:
        path = _record(folder, export_id)
        path.parent.mkdir(parents=True, exist_ok=True)
        fileio.atomic_write(path, json.dumps(record, ensure_ascii=False).encode("utf-8"), keep_backup=False)
        _keep_newest(path.parent)
    except (OSError, fileio.FileWriteError):
        pass


KEPT_EXPORTS = 200  # a year of exports of several reports; older ones are seldom reviewed, and each may be ~1 MB


def _keep_newest(folder: Path) -> None:
    records = sorted(folder.glob("*.json"), key=lambda path: path.stat().st_mtime_ns, reverse=True)
    for old in records[KEPT_EXPORTS:]:
        old.unlink(missing_ok=True)


def exported_texts(folder: Path | None, export_id: str) -> list[str] | None:
    """The blocks' texts as that export printed them, or None when no record of it is here."""
    if folder is None or not export_id.isalnum():
        return None
    try:
        blocks = json.loads(_record(folder, export_id).read_text(encoding="utf-8"))["blocks"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return blocks if isinstance(blocks, list) and all(isinstance(text, str) for text in blocks) else None


def _record(folder: Path, export_id: str) -> Path:
    return Path(folder) / "exports" / f"{export_id}.json"
