"""Taking a reviewed file back, as the command line and the window do it: read it, compare it with the project
and with what the export printed, and apply it whole or not at all."""

from __future__ import annotations

import copy
from pathlib import Path

from drafter.core.errors import UserFacingError
from drafter.core.lastyear.source import SourceError, file_bytes
from drafter.core.rendering.render import Rendered, render
from drafter.core.report.model import Report, Source
from drafter.core.review.applying import ReviewError, accept_all
from drafter.core.review.changes import Review, review
from drafter.core.review.exported import exported_texts
from drafter.core.review.reviewed import read_reviewed
from drafter.core.text.lexicon import Lexicon

class ReviewFileError(UserFacingError, ValueError):
    """A reviewed file that cannot be read; the message names it and says why, in Chinese."""


def review_file(report: Report, path: Path, cache_folder: Path | None) -> tuple[Review, Rendered]:
    """The review of the file at `path` against the report as it is now (nothing is changed)."""
    path = Path(path)
    try:
        reviewed = read_reviewed(file_bytes(path), path.name)
    except SourceError as error:
        raise ReviewFileError(str(error)) from None
    rendered = render(report)
    return review(report, rendered, reviewed, exported_texts(cache_folder, reviewed.export_id)), rendered


def accept_review(report: Report, rendered: Rendered, found: Review, path: Path,
                  lexicon: Lexicon | None = None) -> None:
    """Every change of `found` applied to the report; ReviewFileError, the report unchanged, if one cannot be."""
    author = next((change.author for change in found.changes if change.author), "")
    date = next((change.date for change in found.changes if change.date), "")
    source = Source(f"修改稿（{author}）" if author else "修改稿", Path(path).name, date[:19])
    before = copy.deepcopy(report)
    try:
        accept_all(report, rendered, found, source, lexicon)
    except ReviewError as error:
        report.__dict__.update(before.__dict__)  # the report as it was, in the object the caller holds
        raise ReviewFileError(str(error)) from None
