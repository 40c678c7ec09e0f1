"""Project files kept parsed by content: a copy serves only the bytes it was made from, and says what PyYAML says."""

import json
import string
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.core.report import parsed_cache, project
from drafter.core.report.convert import report_to_data
from drafter.core.report.project import ProjectError, load_project, save_project
from drafter.core.report.project_yaml import load_yaml


@pytest.fixture
def copies(tmp_path):
    folder = tmp_path / "cache"
    project.keep_parsed_copies(folder)
    yield folder
    project.keep_parsed_copies(None)


def _no_yaml(monkeypatch):
    """Reading YAML from here on fails the test: what is read must come from the kept copy."""
    def refuse(text):
        raise AssertionError("the project's YAML was parsed again")
    monkeypatch.setattr("drafter.core.report.project_yaml.load_yaml", refuse)


def test_a_saved_project_opens_from_its_copy_without_parsing_yaml(tmp_path, filled_report, copies, monkeypatch):
    path = tmp_path / "报告.drafter"
    save_project(filled_report, path)
    _no_yaml(monkeypatch)
    assert report_to_data(load_project(path)) == report_to_data(filled_report)


def test_a_project_edited_elsewhere_is_parsed_again_even_at_the_same_size(tmp_path, filled_report, copies):
    path = tmp_path / "p.drafter"
    save_project(filled_report, path)
    text = path.read_text(encoding="utf-8")
    same_size = filled_report.meta.organisation[:-1] + "部"
    edited = text.replace(filled_report.meta.organisation, same_size)
    assert edited != text and len(edited.encode("utf-8")) == len(text.encode("utf-8"))
    path.write_text(edited, encoding="utf-8")
    assert load_project(path).meta.organisation == same_size


def test_a_file_read_first_keeps_a_copy_for_the_next_read(tmp_path, filled_report, copies, monkeypatch):
    path = tmp_path / "p.drafter"
    path.write_text(project.dump_project(filled_report), encoding="utf-8")  # written by hand, not by the program
    first = load_project(path)
    _no_yaml(monkeypatch)
    assert report_to_data(load_project(path)) == report_to_data(first)


def test_the_copy_saved_is_what_pyyaml_reads_from_the_file(tmp_path, filled_report, copies):
    filled_report.fields[next(iter(filled_report.fields))].value = Decimal("12.50")
    filled_report.meta.organisation = "yes: 'no' # 1e3 ~ null 0x1F 2024-01-08 “引号”\n第二行 "
    path = tmp_path / "p.drafter"
    written = save_project(filled_report, path)
    kept = parsed_cache.by_content(path, written, copies)
    assert kept is not None
    assert kept == load_yaml(written.decode("utf-8"))[0]


def test_a_damaged_copy_is_parsed_past(tmp_path, filled_report, copies):
    path = tmp_path / "p.drafter"
    save_project(filled_report, path)
    for copy in (copies / "projects").iterdir():
        copy.write_bytes(copy.read_bytes()[:-40])
    assert load_project(path).meta.organisation == filled_report.meta.organisation


def test_a_copy_is_never_taken_for_another_file_with_other_bytes(tmp_path, filled_report, copies):
    first, second = tmp_path / "a.drafter", tmp_path / "b.drafter"
    save_project(filled_report, first)
    filled_report.meta.organisation = "另一单位"
    save_project(filled_report, second)
    assert load_project(first).meta.organisation != load_project(second).meta.organisation == "另一单位"


def test_a_file_with_a_fault_keeps_no_copy_and_names_its_line_every_time(tmp_path, copies):
    path = tmp_path / "p.drafter"
    path.write_text("format: 1\nmeta:\n  title: 标题\n  year: 二〇二四\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(ProjectError, match="第3行"):
            load_project(path)
    assert not (copies / "projects").exists()


def test_without_a_folder_nothing_is_kept(tmp_path, filled_report):
    path = tmp_path / "p.drafter"
    save_project(filled_report, path)
    load_project(path)
    assert [p.name for p in tmp_path.iterdir()] == ["p.drafter"]


# What a project file holds (text, whole numbers, lists, mappings with text keys), with the texts YAML reads as
# something else when written plainly.
_TRICKY = st.sampled_from(["yes", "No", "null", "~", "1e3", "0x1F", "0o17", "2024-01-08", "12:30", "-", "'", '"',
                           "# x", "a: b", "- a", "", " ", "\t", "…", "１２", "1_000", ".inf", "<<", "=", "!x", "&a",
                           "*a", "%", "@", "`", "\n", "a\n", "\u2028", "\ufeff", "\x85"])
_TEXT = st.one_of(_TRICKY, st.text(alphabet=string.printable + "年度工作报告，。“”、％", max_size=12))
_DATA = st.recursive(st.one_of(_TEXT, st.integers(-10 ** 20, 10 ** 20)),
                     lambda inner: st.one_of(st.lists(inner, max_size=4),
                                             st.dictionaries(_TEXT, inner, max_size=4)), max_leaves=12)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(_TEXT, _DATA, max_size=5))
def test_what_the_program_writes_reads_back_as_the_same_data(data):
    """The copy made at save is the data written, not the data read: the two must never differ."""
    assert load_yaml(project.dump_data(data))[0] == json.loads(json.dumps(data))
