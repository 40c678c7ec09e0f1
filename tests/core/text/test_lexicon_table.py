"""The word lists' file (text/lexicon.py), one rule per row: each key read into its own field, the keys left out
empty, the errors naming the file, and a fixed phrase matching whole numbers only."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
import yaml

from drafter.core.text.lexicon import Lexicon, LexiconError, load_lexicon

MAPPINGS = {"magnitudes", "label_suffixes", "label_age_groups", "label_paired_words", "label_short_forms"}


def _written(folder, data) -> object:
    path = folder / "lexicon.yaml"
    path.write_text(data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_each_key_is_read_into_its_own_field(tmp_path):
    data = {}
    for field in dataclasses.fields(Lexicon):
        name = field.name
        data[name] = {"magnitudes": {"万": 10000}, "label_suffixes": {"次": f"{name}次数"},
                      "label_age_groups": {"35岁以下": f"{name}青年"}, "label_paired_words": {"城乡": [name, "农村"]},
                      "label_short_forms": {"非物质文化遗产": name}}.get(name, [f"{name}甲", 12])
    lexicon = load_lexicon(_written(tmp_path, data))
    for field in dataclasses.fields(Lexicon):
        value = getattr(lexicon, field.name)
        if field.name in MAPPINGS:
            continue
        assert sorted(value) == sorted([f"{field.name}甲", "12"]), field.name  # read as text, in a field of its own
    assert lexicon.magnitudes == {"万": Decimal(10000)}
    assert lexicon.label_suffixes == {"次": "label_suffixes次数"}
    assert lexicon.label_age_groups == {"35岁以下": "label_age_groups青年"}
    assert lexicon.label_paired_words == {"城乡": ("label_paired_words", "农村")}
    assert lexicon.label_short_forms == {"非物质文化遗产": "label_short_forms"}
    assert lexicon.groups_of_people == {"label_age_groups青年", "label_person_groups甲", "12"}


def test_keys_left_out_are_empty(tmp_path):
    lexicon = load_lexicon(_written(tmp_path, {"units": ["次"], "label_suffixes": None, "magnitudes": None}))
    assert lexicon.units == ("次",)
    for field in dataclasses.fields(Lexicon):
        if field.name != "units":
            assert not getattr(lexicon, field.name), field.name
    assert lexicon.fixed is None
    assert lexicon.rate_alone.search("办结率") is None  # no rate actions: nothing is a rate alone


@pytest.mark.parametrize("content, message", [
    ("units: [次\n", "格式有误"), ("- 次\n", "缺少 units（量词）"), ("units: []\n", "缺少 units（量词）"),
    ("magnitudes: {万: 10000}\n", "缺少 units（量词）"),
])
def test_a_broken_file_is_named_with_what_is_wrong(tmp_path, content, message):
    path = _written(tmp_path, content)
    with pytest.raises(LexiconError) as raised:
        load_lexicon(path)
    assert f"“{path}”" in str(raised.value) and message in str(raised.value)


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(LexiconError, match=f"^无法读取词表“{tmp_path / 'none.yaml'}”："):
        load_lexicon(tmp_path / "none.yaml")


@pytest.mark.parametrize("text, fixed", [
    ("拨打110报警", "110"), ("受理诉求1108件", None), ("编号2110", None), ("1.110", None), ("1,110", None),
    ("110.5", None), ("110,000", None), ("110，000", None), ("１１０", None),
    ("落实八项规定", "八项规定"), ("十八项规定", None),  # 十八项 is a count, not the eight-point rules
    ("十四五规划", "十四五"), ("二十四五", None), ("十四五六", None), ("学习二十大精神", "二十大"), ("一二十大", None),
])
def test_a_fixed_phrase_matches_whole_numbers_only(tmp_path, text, fixed):
    lexicon = load_lexicon(_written(tmp_path, {"units": ["件"], "fixed_phrases": ["110", "八项规定", "二十大", "十四五"]}))
    found = lexicon.fixed.search(text)
    assert (found.group() if found else None) == fixed
