"""Copies kept parsed (report/parsed_cache.py), one rule per row, on real files: a copy serves only its own file,
is written readable where a folder must be made for it, leaves no backup, and a folder holds many."""

from __future__ import annotations

import json
import os

from drafter.core.report.parsed_cache import by_content, keep_by_content, parsed


def _parse(raw: bytes):
    return {"text": raw.decode("utf-8")}


def test_two_files_of_one_size_and_time_each_give_their_own_data(tmp_path):
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    first.write_text("学习", encoding="utf-8")
    second.write_text("工作", encoding="utf-8")
    for path in (first, second):
        os.utime(path, ns=(10**18, 10**18))
    cache = tmp_path / "cache"
    assert parsed(first, _parse, cache) == {"text": "学习"}
    assert parsed(second, _parse, cache) == {"text": "工作"}
    assert parsed(first, lambda raw: {"parsed": "again"}, cache) == {"text": "学习"}  # from its copy


def test_a_copy_is_written_readable_in_a_folder_made_for_it_with_no_backup(tmp_path):
    path = tmp_path / "style.yaml"
    path.write_text("公文", encoding="utf-8")
    cache = tmp_path / "cache" / "deeper"  # neither exists yet
    parsed(path, _parse, cache)
    copies = list(cache.iterdir())
    assert len(copies) == 1 and copies[0].name.startswith("parsed-") and copies[0].suffix == ".json"
    assert "公文".encode("utf-8") in copies[0].read_bytes()


def test_a_project_copy_serves_only_its_own_file_and_its_own_bytes(tmp_path):
    cache = tmp_path / "cache" / "deeper"
    first, second = tmp_path / "一.drafter", tmp_path / "二.drafter"
    keep_by_content(first, b"raw", {"title": "报告"}, cache)
    keep_by_content(second, b"other", {"title": "另一份"}, cache)  # the folder is there by now
    assert by_content(first, b"raw", cache) == {"title": "报告"}
    assert by_content(second, b"other", cache) == {"title": "另一份"}
    assert by_content(second, b"raw", cache) is None  # its own file's other bytes
    assert by_content(tmp_path / "三.drafter", b"raw", cache) is None  # the same bytes, never kept for this file
    copies = sorted((cache / "projects").iterdir())
    assert len(copies) == 2 and all(copy.suffix == ".json" for copy in copies)
    header, body = copies[0].read_bytes().split(b"\n", 1)
    assert set(json.loads(header)) == {"version", "size", "sha256"}
    assert "报告".encode("utf-8") in body or "另一份".encode("utf-8") in body


def test_without_a_folder_nothing_is_kept_or_found(tmp_path):
    keep_by_content(tmp_path / "a.drafter", b"raw", {"a": 1}, None)
    assert by_content(tmp_path / "a.drafter", b"raw", None) is None
    assert list(tmp_path.iterdir()) == []
