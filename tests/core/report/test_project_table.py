"""A project file read back, one behaviour per row: the exact words and line of every refusal, and the YAML a
person may write by hand (anchors and << merges) read as they mean."""

from __future__ import annotations

import pytest

from drafter.core.report.project import ProjectError, parse_project, read_project

HEAD = "format: 1\nmeta: {title: t, year: 2024}\n"


@pytest.mark.parametrize("raw, message", [
    ("format: 1\nkind: 年度\n".encode() + "meta:\n  title: 报告\n".encode("gbk"),
     "不是 UTF-8 编码（第4行附近；可能以 GBK 保存），请用记事本“另存为”UTF-8 后再打开"),
    (b"", "：文件是空的"),
    ("format: 1\nkind: a\nkind: b\n".encode(), "：第3行：键“kind”重复出现，请删去多余的一处"),
    ("format: 1\n? [a, b]\n: 1\n".encode(), "：第2行：键不能是列表或键值对"),
    ("format: 1\nmeta:\n  title: [unclosed\n".encode(), "：第4行第1列格式有误（列表缺少“,”或“]”）"),
    ("format: 1\nmeta:\n  title: 一是: 二是\n".encode(),
     "：第3行第12列格式有误（这里不能出现“键: 值”（文字中的冒号后有空格时，请给整段文字加引号））"),
    ("format: 1\nmeta: {title: t\n".encode(), "：第3行第1列格式有误（键值对缺少“,”或“}”）"),
    (b"PK\x03\x04\x14\x00\x06\x00", "是 Word 文档（.docx）或其他压缩文件，不是起草助手的项目文件；要把去年的文稿变成项目，"
                                 "请用“导入去年文稿”（drafter import）"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "是旧版 Word 或 WPS 文档（.doc/.wps），不是起草助手的项目文件；要把去年的文稿变成项目，"
                                         "请用“导入去年文稿”（drafter import）"),
    ("format: 1\nmeta: !!python/object:os.system {}\n".encode(),
     "：第2行第7列格式有误（含有不允许的标签，项目文件只能包含文字、数字和列表）"),
    ((HEAD + "fields:\n- {label: 会议}\n").encode(),
     "：第4行附近：fields 第1项：字段名“”不可用，应由字母、数字、下划线组成且不以数字开头"),
    # the same mistakes in a file that uses << go through PyYAML's own constructor and are named alike
    ("format: 1\nbase: &b {x: 1}\nmeta:\n  <<: *b\n  title: t\n  title: u\n".encode(),
     "：第6行：键“title”重复出现，请删去多余的一处"),
    ("format: 1\nd: &d {type: integer}\nmeta: {title: t, year: 2024}\nfields:\n- {<<: *d, label: 会议}\n".encode(),
     "：第5行附近：fields 第1项：字段名“”不可用，应由字母、数字、下划线组成且不以数字开头"),
    ("- a\n- b\n".encode(), "：不是项目文件（最外层应是键值对）"),
    (b"kind: a\n", "：缺少 format 版本号，不是起草助手的项目文件"),
    (b"format: true\n", "：缺少 format 版本号，不是起草助手的项目文件"),
    (b"format: 0\n", "：格式版本 0 无法识别"),
    (b"format: 99\n", "：由较新版本的起草助手保存（格式 99），请升级本程序后再打开"),
    ((HEAD + "parts:\n- 5\n").encode(), "：第4行附近：parts 第1项 应是键值对"),  # the list's own line
    ("format: 1\nd: &d {title: t}\nmeta: {<<: *d, year: 2024}\nparts:\n- 5\n".encode(),
     "：第5行附近：parts 第1项 应是键值对"),
    (("format: 1\nx: " + "[" * 3000 + "]" * 3000 + "\n").encode(), "：文件嵌套过深，不是项目文件"),
    (("format: 1\na: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + level)}: &{chr(98 + level)} [{', '.join(['*' + chr(97 + level)] * 10)}]\n" for level in range(6))
      ).encode(), "：文件展开后过大（可能含有大量重复引用），已拒绝打开"),
])
def test_a_file_that_cannot_be_used_is_refused_in_these_words(raw, message):
    with pytest.raises(ProjectError) as raised:
        parse_project(raw)
    assert str(raised.value) == message


def test_a_merge_key_brings_its_keys_and_a_mapping_may_override_them():
    raw = (HEAD + "defaults: &d {type: integer, unit: 次}\nfields:\n- {<<: *d, name: a, label: 会议}\n"
           "- {<<: *d, name: b, label: 座谈, unit: 场}\n").encode()
    fields = parse_project(raw).fields
    assert [(f.name, f.type, f.unit) for f in fields.values()] == [("a", "integer", "次"), ("b", "integer", "场")]


def test_the_file_is_named_before_what_is_wrong_with_it(tmp_path):
    empty = tmp_path / "空.drafter"
    empty.write_bytes(b"")
    with pytest.raises(ProjectError) as raised:
        read_project(empty)
    assert str(raised.value) == f"项目文件“{empty}”：文件是空的"


def test_a_folder_given_as_a_project_says_it_cannot_be_read(tmp_path):
    with pytest.raises(ProjectError) as raised:
        read_project(tmp_path)
    assert str(raised.value).startswith(f"无法读取项目文件“{tmp_path}”：")


def test_a_missing_project_says_so(tmp_path):
    with pytest.raises(ProjectError) as raised:
        read_project(tmp_path / "无.drafter")
    assert str(raised.value) == f"找不到项目文件“{tmp_path / '无.drafter'}”"


def test_a_byte_order_mark_is_allowed():
    assert parse_project("\ufeff".encode() + HEAD.encode()).meta.year == 2024


def test_a_new_project_from_a_template_leaves_the_template_as_it_was():
    from decimal import Decimal

    from drafter.core.report.model import Field, Meta, Report
    from drafter.core.report.project import new_from_template

    template = Report(meta=Meta(year=2023), fields={"a": Field("a", "会议次数", value=Decimal(3))})
    fresh = new_from_template(template, 2024)
    fresh.fields["a"].label = "改过的名称"
    assert (fresh.meta.year, fresh.fields["a"].value) == (2024, None)
    assert (template.meta.year, template.fields["a"].value, template.fields["a"].label) == (2023, Decimal(3), "会议次数")


@pytest.mark.parametrize("items_per_step", [1, 2, 40])
def test_the_text_written_in_steps_is_the_text_written_at_once(items_per_step):
    from conftest_paths import SAMPLE
    from import_helpers import import_last_year

    from drafter.core.report.project import dump_data, dump_in_steps, project_data

    for report in (import_last_year(SAMPLE).report, _builtin_report()):
        data = project_data(report)
        assert "".join(dump_in_steps(data, items_per_step)) == dump_data(data)


def _builtin_report():
    from drafter import paths
    from drafter.core import actions

    return actions.new_project("年度工作报告", 2026, [paths.templates_dir()])
