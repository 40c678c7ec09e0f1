"""Speed work must not change what is written: word/document.xml and word/styles.xml of the built-in report
and the imported sample are the same (as canonical XML) as the files in tests/core/golden."""

from __future__ import annotations

import pytest

from golden_export import GOLDEN, exports, members


@pytest.mark.parametrize("name", ["annual", "sample"])
def test_export_writes_the_same_document_and_styles(name):
    written = members(exports()[name])
    for member, xml in written.items():
        assert xml == (GOLDEN / f"{name}-{member.split('/')[-1]}").read_bytes(), f"{name}: {member} changed"
