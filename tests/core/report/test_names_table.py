"""File names from titles and Word's path limit, one boundary per row (report/names.py)."""

from pathlib import Path

import pytest

from drafter.core.report.names import MAX_NAME, WORD_PATH_LIMIT, path_warning, safe_file_name


@pytest.mark.parametrize("title, name", [
    ("2025年工作报告", "2025年工作报告"),
    ('a\\b/c:d*e?f"g<h>i|j', "a_b_c_d_e_f_g_h_i_j"),
    ("a\x00b\x1fc d", "a_b_c d"),  # control characters go; a space inside stays
    ("报告.", "报告"), ("报告. . ", "报告"), ("  报告  ", "报告"),
    (".报告", ".报告"),  # a leading dot is a valid Windows name
    ("BOX", "BOX"), ("报告X.", "报告X"),  # only dots and spaces are taken off the end
    ("CON", "_CON"), ("con", "_con"), ("PRN", "_PRN"), ("AUX", "_AUX"), ("NUL.txt", "_NUL.txt"),
    ("COM1", "_COM1"), ("COM9", "_COM9"), ("LPT1", "_LPT1"), ("LPT9", "_LPT9"), ("CON. ", "_CON"),
    ("COM0", "COM0"), ("COM10", "COM10"), ("CONSOLE", "CONSOLE"), ("XCON", "XCON"),
    ("", "工作报告"), ("...", "工作报告"), ("?", "_"),
])
def test_a_title_becomes_a_windows_file_name(title, name):
    assert safe_file_name(title) == name


def test_a_long_title_is_cut_and_its_cut_end_cleaned():
    assert safe_file_name("报" * (MAX_NAME + 5)) == "报" * MAX_NAME
    assert safe_file_name("报" * MAX_NAME) == "报" * MAX_NAME
    # the cut falls just after a dot: the dot goes with it
    assert safe_file_name("报" * (MAX_NAME - 1) + ".告告告") == "报" * (MAX_NAME - 1)


def test_the_fallback_is_the_callers():
    assert safe_file_name(" ", fallback="未命名") == "未命名"


def test_word_opens_a_path_up_to_its_limit(tmp_path):
    room = WORD_PATH_LIMIT - len(str(tmp_path.resolve())) - 1
    at_limit, over = tmp_path / ("a" * room), tmp_path / ("a" * (room + 1))
    assert len(str(at_limit.resolve())) == WORD_PATH_LIMIT
    assert path_warning(at_limit) is None
    assert path_warning(over) == (f"路径长达 {WORD_PATH_LIMIT + 1} 个字符，超过 {WORD_PATH_LIMIT} 个字符时 Word 无法打开该文件，"
                                  "建议换一个较短的位置或文件名")


def test_a_relative_path_is_measured_in_full(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    room = WORD_PATH_LIMIT - len(str(tmp_path.resolve())) - 1
    assert path_warning(Path("a" * (room + 1))) is not None
