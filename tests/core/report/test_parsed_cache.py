"""Files kept parsed as JSON in the cache folder: used while the file is as it was, parsed again otherwise, never
wrong data and never an error of their own."""

from __future__ import annotations

import datetime
import json
import os

import pytest

from drafter import paths
from drafter.core import actions
from drafter.core.report.convert import report_to_data
from drafter.core.report.parsed_cache import parsed
from drafter.core.report.project import ProjectError, load_project, load_template
from drafter.core.word.style import load_style


class Parser:
    """json.loads, counting its calls; `result` in place of what the text says, when set."""

    def __init__(self, result=None):
        self.calls, self.result = 0, result

    def __call__(self, raw: bytes):
        self.calls += 1
        return self.result if self.result is not None else json.loads(raw)


@pytest.fixture
def source(tmp_path):
    path = tmp_path / "data.yaml"
    path.write_text('{"名称": "示例", "数": [1, 2.5, true, null]}', encoding="utf-8")
    return path


def test_a_second_read_uses_the_copy_and_gives_the_same_data(source, tmp_path):
    parse = Parser()
    first = parsed(source, parse, tmp_path / "cache")
    assert parsed(source, parse, tmp_path / "cache") == first == {"名称": "示例", "数": [1, 2.5, True, None]}
    assert parse.calls == 1


def test_a_changed_file_is_parsed_again(source, tmp_path):
    parse = Parser()
    parsed(source, parse, tmp_path / "cache")
    source.write_text('{"名称": "改过"}', encoding="utf-8")
    stat = source.stat()
    os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # a clock too coarse to tell
    assert parsed(source, parse, tmp_path / "cache") == {"名称": "改过"} and parse.calls == 2


def test_data_json_would_change_is_never_kept(source, tmp_path):
    parse = Parser(result={"date": datetime.date(2024, 1, 8), 1: "key that is not text"})
    for _ in range(2):
        assert parsed(source, parse, tmp_path / "cache")["date"] == datetime.date(2024, 1, 8)
    assert parse.calls == 2 and not list((tmp_path / "cache").glob("*"))


def test_a_damaged_copy_is_parsed_past_and_replaced(source, tmp_path):
    parse = Parser()
    parsed(source, parse, tmp_path / "cache")
    [copy] = (tmp_path / "cache").glob("parsed-*.json")
    copy.write_text('{"source": ', encoding="utf-8")
    assert parsed(source, parse, tmp_path / "cache")["名称"] == "示例"
    assert parsed(source, parse, tmp_path / "cache")["名称"] == "示例" and parse.calls == 2


def test_a_cache_folder_that_cannot_be_made_only_costs_time(source, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    parse = Parser()
    assert parsed(source, parse, blocker / "cache")["名称"] == "示例"
    assert parsed(source, parse, None)["名称"] == "示例" and parse.calls == 2


def test_a_template_and_the_style_read_from_their_copies_equal_those_parsed(tmp_path):
    template = paths.templates_dir() / "年度工作报告" / "project.drafter"
    cache = tmp_path / "cache"
    for _ in range(2):  # the first read makes the copies, the second uses them
        assert _without_ids(load_template(template, cache)) == _without_ids(load_project(template))
        assert load_style(paths.official_style_file(), cache) == load_style(paths.official_style_file())
    assert len(list(cache.glob("parsed-*.json"))) == 3  # the template, the style and its font facts
    assert actions.new_project("年度工作报告", 2025, [paths.templates_dir()], cache).meta.year == 2025


def _without_ids(report):
    """The report's data, but for the ids each reading gives its paragraphs and sections anew."""
    def strip(data):
        if isinstance(data, dict):
            return {key: strip(value) for key, value in data.items() if key != "id"}
        return [strip(item) for item in data] if isinstance(data, list) else data
    return strip(report_to_data(report))


def test_a_broken_template_is_named_whether_or_not_copies_are_kept(tmp_path):
    template = tmp_path / "project.drafter"
    template.write_text("format: 1\nmeta: [未闭合\n", encoding="utf-8")
    for cache in (None, tmp_path / "cache"):
        with pytest.raises(ProjectError, match="project.drafter"):
            load_template(template, cache)
