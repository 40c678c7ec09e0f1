"""What each export printed, kept for its review (review/exported.py), read back from real files: where the record
goes, that it stays readable as written, how many are kept, and every way a record may be missing or not one."""

from __future__ import annotations

import os

import pytest

from drafter.core.rendering.render import Block, Rendered, Run
from drafter.core.review import exported
from drafter.core.review.exported import exported_texts, keep_export, printed_text


def _rendered(*texts: str) -> Rendered:
    blocks = [Block("paragraph", [Run(text)]) for text in texts]
    blocks.append(Block("table", rows=[["项目", "数量"], ["学习", "12次"]]))
    return Rendered(blocks, [], {}, "报告")


def test_an_export_is_kept_as_it_printed_in_a_folder_made_for_it(tmp_path):
    folder = tmp_path / "cache" / "deeper"  # neither exists yet
    keep_export(folder, "abc123", _rendered("开展学习12次。"))
    record = folder / "exports" / "abc123.json"
    assert "开展学习12次".encode("utf-8") in record.read_bytes()  # readable as written, not \\u escapes
    assert [path.name for path in record.parent.iterdir()] == ["abc123.json"]  # no backup beside it
    assert exported_texts(folder, "abc123") == ["开展学习12次。", "项目\t数量\n学习\t12次"]


@pytest.mark.parametrize("folder_given, export_id", [(False, "abc123"), (True, "")])
def test_without_a_folder_or_an_id_nothing_is_kept(tmp_path, folder_given, export_id):
    keep_export(tmp_path if folder_given else None, export_id, _rendered("段落"))
    assert not (tmp_path / "exports").exists()


def test_a_folder_that_cannot_be_written_loses_only_the_record(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("不是文件夹", encoding="utf-8")
    keep_export(blocked, "abc123", _rendered("段落"))  # no error
    assert exported_texts(blocked, "abc123") is None


def test_only_the_newest_records_are_kept(tmp_path, monkeypatch):
    monkeypatch.setattr(exported, "KEPT_EXPORTS", 2)
    folder = tmp_path / "exports"
    folder.mkdir()
    for name in ("newer", "oldest", "newest"):
        (folder / f"{name}.json").write_text("{}", encoding="utf-8")
    for seconds, name in ((200, "newer"), (100, "oldest"), (300, "newest")):
        os.utime(folder / f"{name}.json", ns=(seconds * 10**9, seconds * 10**9))
    keep_export(tmp_path, "latest", _rendered("段落"))
    assert sorted(path.stem for path in folder.iterdir()) == ["latest", "newest"]


@pytest.mark.parametrize("content", ['{"blocks": "段落"}', '{"blocks": ["段落", 3]}', '{"other": []}', "[1, 2]",
                                     "not json", '{"blocks": null}'])
def test_a_record_of_another_shape_is_no_record(tmp_path, content):
    (tmp_path / "exports").mkdir()
    (tmp_path / "exports" / "abc123.json").write_text(content, encoding="utf-8")
    assert exported_texts(tmp_path, "abc123") is None


@pytest.mark.parametrize("export_id", ["../abc", "abc.def", "", "abc 123"])
def test_an_id_that_is_not_letters_and_digits_is_never_looked_up(tmp_path, export_id):
    assert exported_texts(tmp_path, export_id) is None


def test_no_folder_no_record(tmp_path):
    assert exported_texts(None, "abc123") is None
    assert exported_texts(tmp_path, "abc123") is None  # never kept


def test_a_table_prints_its_cells_by_tabs_and_its_rows_by_lines():
    assert printed_text(Block("table", rows=[["a", "b"], ["c", "d"]])) == "a\tb\nc\td"
    assert printed_text(Block("paragraph", [Run("正文")], number="一、")) == "一、正文"
