"""Reviewed files made as a reviewer makes them: an exported .docx changed with 修订 (w:ins, w:del, a paragraph's
mark), typed over without it, and commented (comments.xml), written here with lxml as Word writes them."""

from __future__ import annotations

import io
import zipfile

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
DATE = "2026-12-20T09:30:00Z"


class Reviewed:
    """An exported .docx opened for changes; save() gives the reviewed file's bytes."""

    def __init__(self, docx: bytes):
        with zipfile.ZipFile(io.BytesIO(docx)) as package:
            self.members = {name: package.read(name) for name in package.namelist()}
        self.document = etree.fromstring(self.members["word/document.xml"])
        self.comments: list[tuple[str, str, str]] = []

    def paragraph(self, containing: str, whole: bool = False):
        for paragraph in self.document.iter(f"{W}p"):
            text = "".join(paragraph.itertext())
            if (text == containing) if whole else (containing in text):
                return paragraph
        raise AssertionError(f"no paragraph with {containing!r}")

    def _runs(self, paragraph, pieces: list[tuple[str, str]], author: str) -> None:
        """The paragraph's runs replaced by pieces: (kept | inserted | deleted, text)."""
        for child in [c for c in paragraph if c.tag != f"{W}pPr"]:
            paragraph.remove(child)
        for number, (kind, text) in enumerate(pieces):
            if not text:
                continue
            run = etree.Element(f"{W}r")
            etree.SubElement(run, f"{W}delText" if kind == "deleted" else f"{W}t").text = text
            if kind == "kept":
                paragraph.append(run)
                continue
            wrapper = etree.SubElement(paragraph, f"{W}{'ins' if kind == 'inserted' else 'del'}")
            wrapper.set(f"{W}id", str(900 + number + len(paragraph)))
            wrapper.set(f"{W}author", author)
            wrapper.set(f"{W}date", DATE)
            wrapper.append(run)

    def track_replace(self, old: str, new: str, author: str = "王科长", whole: bool = False) -> None:
        """old → new with 修订, in the first paragraph holding old in its unchanged text (whole: the paragraph that
        is old, nothing more); changes made there before are kept."""
        paragraph = self.paragraph(old, whole)
        pieces, done = [], False
        for kind, text, by in _pieces(paragraph):
            if kind == "kept" and not done and old in text:
                at = text.index(old)
                pieces += [("kept", text[:at], ""), ("deleted", old, author), ("inserted", new, author),
                           ("kept", text[at + len(old):], "")]
                done = True
            else:
                pieces.append((kind, text, by))
        assert done, f"{old!r} is not in the unchanged text"
        self._runs(paragraph, [(kind, text) for kind, text, _by in pieces], author)

    def type_over(self, old: str, new: str) -> None:
        paragraph = self.paragraph(old)
        self._runs(paragraph, [("kept", "".join(paragraph.itertext()).replace(old, new, 1))], "")

    def track_delete_paragraph(self, containing: str, author: str = "王科长") -> None:
        paragraph = self.paragraph(containing)
        self._runs(paragraph, [("deleted", "".join(paragraph.itertext()))], author)
        self._mark(paragraph, "del", author)

    def track_insert_after(self, containing: str, text: str, author: str = "王科长") -> None:
        before = self.paragraph(containing)
        paragraph = etree.Element(f"{W}p")
        properties = before.find(f"{W}pPr")
        if properties is not None:
            paragraph.append(etree.fromstring(etree.tostring(properties)))
        before.addnext(paragraph)
        self._runs(paragraph, [("inserted", text)], author)
        self._mark(paragraph, "ins", author)

    def track_move(self, containing: str, after: str, author: str = "王科长") -> None:
        """The paragraph holding `containing` dragged to after the one holding `after`, as Word records a move with
        修订 on: w:moveFrom around its runs and its mark where it was, w:moveTo where it went, each stretch between
        its named range's start and end."""
        source = self.paragraph(containing)
        text = "".join(source.itertext())
        self._runs(source, [("deleted", text)], author)
        for wrapper in source.iter(f"{W}del"):
            wrapper.tag = f"{W}moveFrom"
            for deleted in wrapper.iter(f"{W}delText"):
                deleted.tag = f"{W}t"  # a move keeps its words as text, not as deleted text
        self._mark(source, "moveFrom", author)
        target = etree.Element(f"{W}p")
        properties = source.find(f"{W}pPr")
        target.append(etree.fromstring(etree.tostring(properties)))
        target.find(f"{W}pPr/{W}rPr/{W}moveFrom").tag = f"{W}moveTo"
        self.paragraph(after).addnext(target)
        self._runs(target, [("inserted", text)], author)
        for wrapper in target.iter(f"{W}ins"):
            wrapper.tag = f"{W}moveTo"
        for paragraph, kind in ((source, "moveFrom"), (target, "moveTo")):
            start, end = etree.Element(f"{W}{kind}RangeStart"), etree.Element(f"{W}{kind}RangeEnd")
            start.set(f"{W}id", "700")
            start.set(f"{W}name", "move1")
            start.set(f"{W}author", author)
            end.set(f"{W}id", "700")
            paragraph.find(f"{W}pPr").addnext(start)
            paragraph.append(end)

    def _mark(self, paragraph, kind: str, author: str) -> None:
        properties = paragraph.find(f"{W}pPr")
        if properties is None:
            properties = etree.Element(f"{W}pPr")
            paragraph.insert(0, properties)
        marks = properties.find(f"{W}rPr")
        if marks is None:
            marks = etree.SubElement(properties, f"{W}rPr")
        change = etree.SubElement(marks, f"{W}{kind}")
        change.set(f"{W}id", str(800 + len(self.comments)))
        change.set(f"{W}author", author)
        change.set(f"{W}date", DATE)

    def comment(self, containing: str, text: str, author: str = "李主任") -> None:
        paragraph = self.paragraph(containing)
        number = str(len(self.comments))
        start = etree.Element(f"{W}commentRangeStart")
        start.set(f"{W}id", number)
        first = next((i for i, c in enumerate(paragraph) if c.tag != f"{W}pPr"), len(paragraph))
        paragraph.insert(first, start)
        end = etree.SubElement(paragraph, f"{W}commentRangeEnd")
        end.set(f"{W}id", number)
        reference = etree.SubElement(etree.SubElement(paragraph, f"{W}r"), f"{W}commentReference")
        reference.set(f"{W}id", number)
        self.comments.append((number, text, author))

    def save(self) -> bytes:
        members = dict(self.members)
        members["word/document.xml"] = etree.tostring(self.document, xml_declaration=True, encoding="UTF-8",
                                                      standalone=True)
        if self.comments:
            members["word/comments.xml"] = _comments_xml(self.comments)
            members["word/_rels/document.xml.rels"] = members["word/_rels/document.xml.rels"].replace(
                b"</Relationships>", b'<Relationship Id="rIdComments" Type="http://schemas.openxmlformats.org/'
                b'officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>')
            members["[Content_Types].xml"] = members["[Content_Types].xml"].replace(
                b"</Types>", b'<Override PartName="/word/comments.xml" ContentType="application/'
                b'vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>')
        stream = io.BytesIO()
        with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as package:
            for name, data in members.items():
                package.writestr(name, data)
        return stream.getvalue()


def _pieces(paragraph) -> list[tuple[str, str, str]]:
    """The paragraph's text as (kept | inserted | deleted, text, author), as _runs writes it."""
    found = []
    for child in paragraph:
        if child.tag == f"{W}r" and found and found[-1][0] == "kept":  # one stretch of unchanged text
            found[-1] = ("kept", found[-1][1] + "".join(child.itertext()), "")
        elif child.tag == f"{W}r":
            found.append(("kept", "".join(child.itertext()), ""))
        elif child.tag in (f"{W}ins", f"{W}del"):
            kind = "inserted" if child.tag == f"{W}ins" else "deleted"
            found.append((kind, "".join(child.itertext()), child.get(f"{W}author", "")))
    return found


def _comments_xml(comments: list[tuple[str, str, str]]) -> bytes:
    items = "".join(f'<w:comment w:id="{number}" w:author="{author}" w:date="{DATE}"><w:p><w:r><w:t>{text}</w:t>'
                    f"</w:r></w:p></w:comment>" for number, text, author in comments)
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="{W_NS}">{items}'
            "</w:comments>").encode("utf-8")


def as_resaved_elsewhere(reviewed: bytes, keep_properties: bool = True) -> bytes:
    """A reviewed file as another program writes it back (WPS and older Words do each of these): every run split
    into one per character with its own properties, proofing and bookmark marks between them, the revision ids
    numbered anew from 0, dates without their zone, comments as a bare reference (no range) and, unless kept, the
    document's custom properties (the export's id) dropped."""
    with zipfile.ZipFile(io.BytesIO(reviewed)) as package:
        members = {name: package.read(name) for name in package.namelist()}
    document = etree.fromstring(members["word/document.xml"])
    for run in list(document.iter(f"{W}r")):
        texts = [child for child in run if child.tag in (f"{W}t", f"{W}delText")]
        if len(texts) != 1 or len(texts[0].text or "") < 2:
            continue
        text, tag = texts[0].text, texts[0].tag
        for character in reversed(text):
            single = etree.Element(f"{W}r")
            fonts = etree.SubElement(etree.SubElement(single, f"{W}rPr"), f"{W}rFonts")
            fonts.set(f"{W}hint", "eastAsia")
            etree.SubElement(single, tag).text = character
            run.addnext(single)
            run.addnext(etree.Element(f"{W}proofErr"))
        run.addprevious(etree.Element(f"{W}bookmarkStart"))
        run.getparent().remove(run)
    for number, change in enumerate(element for element in document.iter(f"{W}ins", f"{W}del")):
        change.set(f"{W}id", str(number))
        change.set(f"{W}date", change.get(f"{W}date", "").rstrip("Z"))
    for mark in list(document.iter(f"{W}commentRangeStart", f"{W}commentRangeEnd")):
        mark.getparent().remove(mark)
    members["word/document.xml"] = etree.tostring(document, xml_declaration=True, encoding="UTF-8", standalone=True)
    if not keep_properties:
        members.pop("docProps/custom.xml", None)
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in members.items():
            package.writestr(name, data)
    return stream.getvalue()
