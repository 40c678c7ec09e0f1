"""Reading a reviewed .docx: each body paragraph's text before and after its tracked changes (w:ins, w:del,
w:moveFrom, w:moveTo, in runs and in paragraph marks), who made each and when, and the comments (批注) anchored in
it; formatting changes are no change of text. Read as safely as last year's files are (source.read_docx's checks)."""

from __future__ import annotations

from dataclasses import dataclass, field

from drafter.core.lastyear.source import SourceError, docx_members, parse_xml
from drafter.core.word.wordmeta import EXPORT_PROPERTY

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_INSERTED = {f"{W}ins", f"{W}moveTo"}
_DELETED = {f"{W}del", f"{W}moveFrom"}
_TEXT = {f"{W}t": None, f"{W}delText": None, f"{W}instrText": "", f"{W}tab": "\t", f"{W}br": "\n", f"{W}cr": "\n",
         f"{W}noBreakHyphen": "-", f"{W}softHyphen": ""}
_SKIPPED = {f"{W}pPr", f"{W}rPr", f"{W}footnoteReference", f"{W}endnoteReference", f"{W}rPrChange",
            f"{W}fldChar", f"{W}drawing", f"{W}object", f"{W}pict"}


@dataclass
class Piece:
    """A stretch of a paragraph: kept, inserted or deleted, by whom and when (empty for kept text)."""

    kind: str  # kept, inserted, deleted
    text: str
    author: str = ""
    date: str = ""


@dataclass
class ReviewedParagraph:
    """One body paragraph of the reviewed file (a table is one, its cells by tabs and rows by line breaks)."""

    pieces: list[Piece] = field(default_factory=list)
    mark: Piece | None = None  # the paragraph mark inserted or deleted, if it was
    comments: list[str] = field(default_factory=list)  # ids of the comments that start here
    table: bool = False

    @property
    def before(self) -> str:
        """The text with every change rejected: what the reviewer was given."""
        return "".join(piece.text for piece in self.pieces if piece.kind != "inserted")

    @property
    def after(self) -> str:
        """The text with every change accepted: what the reviewer wants."""
        return "".join(piece.text for piece in self.pieces if piece.kind != "deleted")

    @property
    def tracked(self) -> bool:
        return self.mark is not None or any(piece.kind != "kept" for piece in self.pieces)


@dataclass
class Comment:
    text: str
    author: str
    date: str


@dataclass
class ReviewedFile:
    paragraphs: list[ReviewedParagraph]
    comments: dict[str, Comment]
    export_id: str  # "" when the file carries none: not exported by this program, or its properties were dropped


def read_reviewed(raw: bytes, name: str) -> ReviewedFile:
    """The reviewed file's paragraphs, comments and export id; SourceError naming the file for anything else."""
    if not raw.startswith(b"PK"):
        raise SourceError(f"“{name}”不是 Word 文档（.docx）；WPS 或 Word 中请“另存为”Word 文档后再收回")
    parts = docx_members(raw, name, {"word/document.xml": True, "word/comments.xml": False,
                                     "docProps/custom.xml": False})
    document, comments, custom = parts.values()
    body = parse_xml(document, name).find(f"{W}body")
    paragraphs = [] if body is None else [_paragraph(child) for child in body
                                          if child.tag in (f"{W}p", f"{W}tbl")]
    seen: set[str] = set()
    for paragraph in paragraphs:  # a comment over several paragraphs is the first one's (its reference ends it)
        paragraph.comments = [number for number in paragraph.comments if number not in seen]
        seen.update(paragraph.comments)
    return ReviewedFile(paragraphs, _comments(comments, name), _export_id(custom, name))


def _paragraph(element) -> ReviewedParagraph:
    paragraph = ReviewedParagraph(table=element.tag == f"{W}tbl")
    if paragraph.table:  # cells by tabs and rows by line breaks, each cell's changes kept as changes
        pieces: list[Piece] = []
        for number, row in enumerate(element.iter(f"{W}tr")):
            pieces += [Piece("kept", "\n")] if number else []
            for index, cell in enumerate(row.findall(f"{W}tc")):
                pieces += [Piece("kept", "\t")] if index else []
                for inner in cell.findall(f"{W}p"):
                    pieces += _walk(inner, paragraph.comments)
        paragraph.pieces = _joined(pieces)
        return paragraph
    mark = element.find(f"{W}pPr/{W}rPr")
    for change in () if mark is None else mark:
        if change.tag in _INSERTED | _DELETED:
            kind = "inserted" if change.tag in _INSERTED else "deleted"
            paragraph.mark = Piece(kind, "", change.get(f"{W}author", ""), change.get(f"{W}date", ""))
    paragraph.pieces = _walk(element, paragraph.comments)
    return paragraph


def _walk(element, comments: list[str], change: Piece | None = None) -> list[Piece]:
    """The element's text in document order as pieces, each kept or changed as the change around it says."""
    pieces: list[Piece] = []
    for child in element:
        tag = child.tag
        if tag in _SKIPPED or not isinstance(tag, str):
            continue
        if tag in (f"{W}commentRangeStart", f"{W}commentReference"):
            # a comment on a point rather than a stretch is its reference alone (WPS writes them so)
            if child.get(f"{W}id", "") not in comments:
                comments.append(child.get(f"{W}id", ""))
        elif tag in _INSERTED | _DELETED:
            kind = "inserted" if tag in _INSERTED else "deleted"
            pieces += _walk(child, comments, Piece(kind, "", child.get(f"{W}author", ""), child.get(f"{W}date", "")))
        elif tag in _TEXT:
            text = child.text or "" if _TEXT[tag] is None else _TEXT[tag]
            if text:
                pieces.append(Piece(change.kind, text, change.author, change.date) if change else Piece("kept", text))
        else:
            pieces += _walk(child, comments, change)
    return _joined(pieces)


def _joined(pieces: list[Piece]) -> list[Piece]:
    """Neighbouring pieces of the same change as one."""
    joined: list[Piece] = []
    for piece in pieces:
        last = joined[-1] if joined else None
        if last and (last.kind, last.author, last.date) == (piece.kind, piece.author, piece.date):
            last.text += piece.text
        else:
            joined.append(Piece(piece.kind, piece.text, piece.author, piece.date))
    return joined


def _comments(data: bytes | None, name: str) -> dict[str, Comment]:
    if not data:
        return {}
    found = {}
    for comment in parse_xml(data, name).iter(f"{W}comment"):
        paragraphs = ["".join(node.text or "" for node in paragraph.iter(f"{W}t"))
                      for paragraph in comment.iter(f"{W}p")]
        found[comment.get(f"{W}id", "")] = Comment("\n".join(text for text in paragraphs if text).strip(),
                                                   comment.get(f"{W}author", ""), comment.get(f"{W}date", ""))
    return found


def _export_id(data: bytes | None, name: str) -> str:
    if not data:
        return ""
    root = parse_xml(data, name)
    for prop in root:
        if prop.get("name") == EXPORT_PROPERTY:
            return "".join(prop.itertext()).strip()
    return ""
