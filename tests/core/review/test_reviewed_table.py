"""Reading a reviewed .docx (review/reviewed.py) from packages written here as Word writes them, one rule per row:
comments with their author, time and paragraphs, the export id among other properties, damaged parts named by the
file, and neighbouring pieces of one change joined."""

from __future__ import annotations

import io
import zipfile

import pytest

from drafter.core.lastyear.source import SourceError
from drafter.core.review.reviewed import read_reviewed

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CUSTOM = ('<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
          'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">{}</Properties>')
PROPERTY = ('<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{pid}" name="{name}">'
            '<vt:lpwstr>{value}</vt:lpwstr></property>')


def _package(body: str, comments: str | None = None, custom: str | None = None) -> bytes:
    members = {"[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/'
                                      '2006/content-types"/>',
               "word/document.xml": f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'}
    if comments is not None:
        members["word/comments.xml"] = f'<w:comments xmlns:w="{W_NS}">{comments}</w:comments>'
    if custom is not None:
        members["docProps/custom.xml"] = custom
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for name, text in members.items():
            package.writestr(name, text)
    return buffer.getvalue()


def test_a_comment_keeps_its_author_its_time_and_its_paragraphs_as_lines():
    comments = ('<w:comment w:id="7" w:author="李主任" w:date="2026-12-20T09:30:00Z">'
                '<w:p><w:r><w:t>数字</w:t></w:r><w:r><w:t>请核对</w:t></w:r></w:p><w:p/>'
                '<w:p><w:r><w:t> 与上年比较 </w:t></w:r></w:p></w:comment>'
                '<w:comment><w:p><w:r><w:t/></w:r></w:p></w:comment>')
    found = read_reviewed(_package("<w:p/>", comments), "修改稿.docx").comments
    assert (found["7"].text, found["7"].author, found["7"].date) == ("数字请核对\n 与上年比较", "李主任",
                                                                     "2026-12-20T09:30:00Z")
    assert (found[""].text, found[""].author, found[""].date) == ("", "", "")  # Word always names them; WPS may not


@pytest.mark.parametrize("properties, export_id", [
    ([("drafter.export", " abc123 ")], "abc123"),
    ([("Company", "示例局"), ("drafter.export", "def456")], "def456"),
    ([("Company", "示例局")], ""),
    ([], ""),
])
def test_the_export_id_is_read_among_other_properties(properties, export_id):
    custom = CUSTOM.format("".join(PROPERTY.format(pid=pid, name=name, value=value)
                                   for pid, (name, value) in enumerate(properties, 2)))
    assert read_reviewed(_package("<w:p/>", custom=custom), "修改稿.docx").export_id == export_id


def test_a_file_without_comments_or_properties_has_none():
    reviewed = read_reviewed(_package("<w:p><w:r><w:t>正文</w:t></w:r></w:p>"), "修改稿.docx")
    assert (reviewed.comments, reviewed.export_id) == ({}, "")
    assert [paragraph.after for paragraph in reviewed.paragraphs] == ["正文"]


@pytest.mark.parametrize("part", ["document", "comments", "custom"])
def test_a_damaged_part_is_named_by_the_file(part):
    broken = "<w:p><unclosed>"
    raw = _package(broken if part == "document" else "<w:p/>", broken if part == "comments" else None,
                   broken if part == "custom" else None)
    with pytest.raises(SourceError, match="修改稿.docx"):
        read_reviewed(raw, "修改稿.docx")


def test_a_package_without_its_document_is_named():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("word/comments.xml", "<x/>")
    with pytest.raises(SourceError, match="修改稿.docx"):
        read_reviewed(buffer.getvalue(), "修改稿.docx")


def test_a_document_without_a_body_reads_as_no_paragraphs():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("word/document.xml", f'<w:document xmlns:w="{W_NS}"/>')
    assert read_reviewed(buffer.getvalue(), "修改稿.docx").paragraphs == []


def test_pieces_of_one_change_are_one_and_pieces_of_two_stay_two():
    body = ('<w:p><w:r><w:t>开展</w:t></w:r><w:r><w:t>学习</w:t></w:r>'
            '<w:ins w:author="王科长" w:date="1"><w:r><w:t>1</w:t></w:r></w:ins>'
            '<w:ins w:author="王科长" w:date="1"><w:r><w:t>2次</w:t></w:r></w:ins>'
            '<w:ins w:author="张书记" w:date="1"><w:r><w:t>，</w:t></w:r></w:ins></w:p>')
    pieces = read_reviewed(_package(body), "修改稿.docx").paragraphs[0].pieces
    assert [(piece.kind, piece.text, piece.author) for piece in pieces] == [
        ("kept", "开展学习", ""), ("inserted", "12次", "王科长"), ("inserted", "，", "张书记")]
