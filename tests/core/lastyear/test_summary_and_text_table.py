"""What the import says afterwards (lastyear.summary) and how a .txt is decoded (lastyear.textfile), one behaviour
per row."""

from __future__ import annotations

import codecs
from collections import Counter
from decimal import Decimal

import pytest

from drafter.core.lastyear.builder import ImportResult
from drafter.core.lastyear.summary import import_summary
from drafter.core.lastyear import textfile
from drafter.core.lastyear.textfile import decode_text
from drafter.core.report.model import Field, Report, Section


def _result(**given) -> ImportResult:
    report = Report()
    report.meta.year = 2024
    report.parts = [Section(heading="一、学习", children=[Section(heading="（一）理论")]), Section(heading="二、服务")]
    report.fields = {"a": Field(name="a", label="学习次数", type="integer", unit="次", previous=Decimal(12)),
                     "b": Field(name="b", label="党员人数", type="integer", unit="名"),
                     "c": Field(name="c", label="市名", type="text")}
    return ImportResult(report, from_year=2023, **given)


def test_the_summary_counts_parts_headings_figures_masked_ones_and_names():
    assert import_summary(_result(), "去年.docx", "今年.drafter") == [
        "已把“去年.docx”（2023年）导入为“今年.drafter”（2024年）：",
        "  2 个部分、3 个标题，2 项统计数据（去年数值已保留，其中 1 项原文被遮盖，需重新填写）",
        "  原文遮盖的名称 1 处已改为待填项：市名"]


def test_the_summary_says_every_kind_of_thing_the_import_did_in_its_order():
    result = _result(year_changes=["2023年 → 2024年"], dropped=["分享到微信"], contents=["一、学习……1"],
                     frame_lines=["某机关文件", "某发〔2023〕1号"], left_out=Counter(comments=2, images=1),
                     notes=["标题的年份比正文晚一年"])
    assert import_summary(result, "去年.docx", "今年.drafter")[3:] == [
        "  年份顺延 1 处，请核对：", "    2023年 → 2024年",
        "  删除了 1 行网页杂项：", "    分享到微信",
        "  跳过目录 1 行（提纲按正文标题生成）",
        "  未导入红头、文号、附注和版记：某机关文件 / 某发〔2023〕1号",
        "  批注 2 条（未导入）", "  图片或图形 1 个（未导入）",
        "  注意：标题的年份比正文晚一年"]


TEXT = "全年开展学习12次。“第一议题”（专题）"


@pytest.mark.parametrize("raw", [
    codecs.BOM_UTF8 + TEXT.encode("utf-8"),
    codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
    codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
    TEXT.encode("utf-8"),
    TEXT.encode("gbk"),  # Notepad on Chinese Windows
    TEXT.encode("gb18030"),
], ids=["utf-8 bom", "utf-16le bom", "utf-16be bom", "utf-8", "gbk", "gb18030"])
def test_a_text_file_reads_the_same_in_every_encoding_a_chinese_office_writes(raw):
    assert decode_text(raw, "去年.txt") == TEXT


@pytest.mark.parametrize("raw, text", [
    ("2023 report: 12 items".encode("utf-16-le"), "2023 report: 12 items"),  # no BOM: zeros in every other byte
    ("2023 report: 12 items".encode("utf-16-be"), "2023 report: 12 items"),
    (b"2023 report", "2023 report"),  # plain ASCII is UTF-8
    ("一".encode("gbk"), "一"),  # D2 BB is also UTF-8 (Cyrillic һ): the Chinese reading wins
    ("“学习”".encode("utf-8"), "“学习”"),
])
def test_text_without_a_bom_is_read_as_what_it_most_likely_is(raw, text):
    assert decode_text(raw, "去年.txt") == text


@pytest.mark.parametrize("char, chinese", [
    ("\u4e00", True), ("\u9fff", True), ("\u4dff", False), ("\ua000", False),  # 一 … the last CJK ideograph
    ("\u3000", True), ("\u303f", True), ("\u2fff", False), ("\u3040", False),  # the CJK marks: 　 、 。 「 」
    ("\uff00", True), ("\uffef", True), ("\ufeff", False), ("\ufff0", False),  # full-width forms: （ ） ， １
    ("\u2010", True), ("\u2027", True), ("\u200f", False), ("\u2028", False),  # — “ ” … ‧
])
def test_what_counts_as_written_in_chinese_at_each_edge_of_its_ranges(char, chinese):
    assert textfile._reads_as_chinese(f"ab{char}cd") is chinese
    assert textfile._has_chinese(f"ab{char}cd") is ("\u4e00" <= char <= "\u9fff")


@pytest.mark.parametrize("raw, utf16", [
    (b"a\x00b\x00", True), (b"\x00a\x00b", True), (b"a\x00b", False),  # four bytes at least
    (b"a\x00bcdefg", False), (b"a\x00bcd\x00ef", False),  # more than a quarter of one side's bytes are zero
    (b"a\x00b\x00c\x00defg", True), (b"a\x00b\x00cdefgh", False),
    (b"abcd" * 1000 + b"\x00\x00" * 10, False),  # only the first 4000 bytes are looked at
])
def test_utf16_without_a_bom_is_told_by_its_zeros(raw, utf16):
    assert textfile._looks_like_utf16(raw) is utf16


def test_big_and_little_endian_utf16_are_told_by_which_side_has_the_zeros():
    assert decode_text("ab".encode("utf-16-le"), "去年.txt") == "ab"
    assert decode_text("ab".encode("utf-16-be"), "去年.txt") == "ab"


def test_bytes_in_no_encoding_say_what_to_do_naming_the_file(monkeypatch):
    class Nothing:
        def best(self):
            return None

    import charset_normalizer

    monkeypatch.setattr(charset_normalizer, "from_bytes", lambda raw: Nothing())
    with pytest.raises(textfile.UnknownEncoding) as raised:
        decode_text(b"\x81\x20\xff\xfe\x81", "去年.txt")
    assert str(raised.value) == "“去年.txt”的文字编码无法识别，请用记事本打开后“另存为”UTF-8 编码再导入"


def test_bytes_no_usual_encoding_fits_are_read_by_the_best_guess():
    text = "Le café, le thé et la crème sont prêts. " * 3  # é before a comma is no GB18030: charset-normalizer guesses
    assert decode_text(text.encode("cp1252"), "去年.txt").startswith("Le café, le thé")


@pytest.mark.parametrize("raw, text", [
    (codecs.BOM_UTF8 + b"ab\xffcd", "ab\ufffdcd"),  # a stray byte in a file with a BOM: replaced, not refused
    (codecs.BOM_UTF16_LE + "ab".encode("utf-16-le") + b"\x00", "ab\ufffd"),  # an odd last byte
    ("ab".encode("utf-16-le") + b"c", "ab\ufffd"),  # UTF-16 without a BOM, cut short
])
def test_a_damaged_byte_is_replaced_and_the_rest_is_read(raw, text):
    assert decode_text(raw, "去年.txt") == text
