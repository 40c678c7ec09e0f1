"""The importer against damaged input: valid .docx packages broken on purpose, text in every encoding a
Chinese office writes, and random report text. Each case asserts its outcome, never only “did not crash”."""

from __future__ import annotations

import io
import re
import tempfile
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings, strategies as st

from corpus.wordml import Flavour, Writer
from drafter.core.lastyear import ImportFailed, SourceError, SourceParagraph, read_docx_bytes
from drafter.core.lastyear.textfile import decode_text
from drafter.core.rendering.render import render
from import_helpers import build_project, zip_bytes

NAME = "去年.docx"


def valid_package() -> bytes:
    """A small report with numbering, a footnote, a comment, a revision, a text box and a table."""
    writer = Writer(Flavour())
    parts = writer.new_list([("chineseCounting", "%1、"), ("chineseCounting", "（%2）")])
    start, end = writer.comment("请核实")
    writer.add(writer.paragraph(writer.runs("2023年度工作报告")))
    writer.add(writer.paragraph(writer.runs("主要工作"), numbering=(parts, 0)))
    writer.add(writer.paragraph(start + writer.runs("全年培训干部300人。") + writer.footnote("含线上120人次。") + end))
    writer.add(writer.paragraph(writer.tracked("del", "删去15次") + writer.tracked("ins", "新增走访企业20家。")))
    writer.add(writer.paragraph(writer.textbox(writer.paragraph(writer.runs("设立接种点32个。")))))
    writer.add(writer.table([["指标", "2023年"], ["培训", "1,260"]]))
    with tempfile.TemporaryDirectory() as folder:
        writer.save(Path(folder) / "base.docx")
        return (Path(folder) / "base.docx").read_bytes()


BASE = valid_package()
MEMBERS = zipfile.ZipFile(io.BytesIO(BASE)).namelist()


def base_members() -> dict[str, bytes]:
    archive = zipfile.ZipFile(io.BytesIO(BASE))
    return {name: archive.read(name) for name in archive.namelist()}


@st.composite
def damaged(draw) -> bytes:
    """The valid package with one realistic kind of damage."""
    kind = draw(st.sampled_from(["truncate", "overwrite", "drop", "cut_xml", "garble_xml", "bad_attribute"]))
    if kind == "truncate":
        return BASE[: draw(st.integers(0, len(BASE) - 1))]
    if kind == "overwrite":
        at = draw(st.integers(0, len(BASE) - 8))
        return BASE[:at] + draw(st.binary(min_size=1, max_size=8)) + BASE[at + 8:]
    members = base_members()
    member = draw(st.sampled_from(sorted(n for n in members if n.startswith("word/"))))
    if kind == "drop":
        del members[member]
    elif kind == "cut_xml":
        members[member] = members[member][: draw(st.integers(0, len(members[member]) - 1))]
    elif kind == "garble_xml":
        at = draw(st.integers(0, len(members[member]) - 1))
        members[member] = members[member][:at] + draw(st.sampled_from([b"<", b"&", b"\xff\xfe", b"]]>", b"<w:p>"])) \
            + members[member][at:]
    else:  # attributes Word would never write: numbers that are not numbers, ids that point nowhere
        members[member] = re.sub(rb'w:(val|id|ilvl|numId)="[^"]*"', draw(st.sampled_from(
            [b'w:val="x"', b'w:id="-9"', b'w:val=""', b'w:val="99999999999999999999"'])), members[member], count=3)
    return zip_bytes(members)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged())
def test_a_damaged_word_file_gives_paragraphs_or_a_message_naming_it(raw):
    try:
        pieces = read_docx_bytes(raw, NAME)
    except SourceError as error:
        assert NAME in str(error) and "Traceback" not in str(error)
        return
    assert all(isinstance(p.text, str) for p in pieces)
    assert all(p.rows is None or all(isinstance(c, str) for row in p.rows for c in row) for p in pieces)


def test_a_package_asking_for_a_newer_zip_version_is_refused_with_a_message():
    at = BASE.index(b"PK\x01\x02") + 6  # the central directory's first "version needed to extract"
    raw = BASE[:at] + (64).to_bytes(2, "little") + BASE[at + 2:]  # 6.4: what zipfile cannot read
    try:
        read_docx_bytes(raw, NAME)
    except SourceError as error:
        assert NAME in str(error)
    else:
        assert False, "a package zipfile cannot read was read"


def test_the_undamaged_package_reads_every_part_once():
    texts = [p.text for p in read_docx_bytes(BASE, NAME)]
    assert texts.count("设立接种点32个。") == 1 and "删去15次" not in "".join(texts)
    assert any(p.notes == ["含线上120人次。"] for p in read_docx_bytes(BASE, NAME))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(list("一二三四年月日工作开展学习人次名。，；：“”《》（）12345")),
                        min_size=1, max_size=30), min_size=1, max_size=8),
       st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"]))
def test_text_in_any_office_encoding_decodes_to_the_same_lines(lines, encoding):
    text = "\n".join(lines)
    assert decode_text(text.encode(encoding), "去年.txt").splitlines() == text.splitlines()


REPORT_WORDS = st.sampled_from(["一、", "（一）", "1.", "2023年", "2024年", "开展学习", "12次", "300余名", "1,260人次",
                                "“四个意识”", "第3次", "**", "。", "，", "下一步", "新的一年", "{{", "}}", "\n"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(REPORT_WORDS, max_size=12).map("".join), max_size=12))
def test_random_report_text_imports_to_a_project_whose_every_reference_resolves(lines):
    paragraphs = [SourceParagraph(line) for line in lines]
    try:
        result = build_project(paragraphs, None, "fuzz.txt")
    except ImportFailed as error:
        assert "fuzz.txt" in str(error)
        return
    rendered = render(result.report)  # raises on any reference to a field that does not exist
    assume(any("2023年" in line or "2024年" in line for line in lines))
    for field in result.report.fields.values():
        assert field.type == "text" or field.previous is not None or field.unit, field
    assert "**" not in "".join(block.text for block in rendered.blocks)
