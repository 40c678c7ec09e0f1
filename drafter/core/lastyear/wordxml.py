"""The content of a .docx read once and honestly: accepted revisions, one branch of each alternative,
text boxes, footnotes, tables, list numbers by their form, and what was left out."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from drafter.core.report.model import NOTE_MARK
from drafter.core.text.numbers import chinese_count, to_full_width

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
SKIPPED_REVISIONS = {f"{W}del", f"{W}moveFrom"}  # what a reader of the accepted text never sees
TRANSPARENT = {f"{W}hyperlink", f"{W}smartTag", f"{W}customXml", f"{W}ins", f"{W}moveTo", f"{W}fldSimple",
               f"{W}bdo", f"{W}dir"}
CHINESE_FORMATS = {"chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographTraditional",
                   "japaneseCounting", "taiwaneseCounting", "ideographDigital"}
DECIMAL_FORMATS = {"decimal", "decimalFullWidth", "decimalHalfWidth", "decimalZero"}


@dataclass
class Piece:
    """One paragraph (or table) as read: text, bold start, outline level from style, list level by form."""

    text: str
    bold_prefix: int = 0
    outline_level: int = 0
    numbered: int = 0  # heading level its automatic number's form says (一、 1, （一） 2, 1. 3, （1） 4); 0: none
    toc: bool = False
    rows: list[list[str]] | None = None
    notes: list[str] = field(default_factory=list)  # footnote texts, each at a \ue010 in text
    number: str = ""  # that number as Word draws it (1.), kept should the paragraph turn out to be no heading




@dataclass
class Styles:
    """styleId → (outline level, bold, is a table-of-contents style, list level from its numbering)."""

    info: dict[str, tuple[int, bool, bool, tuple[str, int] | None]] = field(default_factory=dict)

    def of(self, style_id: str) -> tuple[int, bool, bool, tuple[str, int] | None]:
        return self.info.get(style_id, (0, False, False, None))


def read_styles(root) -> Styles:
    raw = {}
    for style in root.iter(f"{W}style") if root is not None else ():
        outline = style.find(f"{W}pPr/{W}outlineLvl")
        name = style.find(f"{W}name")
        based = style.find(f"{W}basedOn")
        num = style.find(f"{W}pPr/{W}numPr/{W}numId")
        ilvl = style.find(f"{W}pPr/{W}numPr/{W}ilvl")
        raw[style.get(f"{W}styleId")] = (
            _number(outline.get(f"{W}val"), -1) + 1 if outline is not None else 0,
            _is_on(style.find(f"{W}rPr/{W}b")),
            (name.get(f"{W}val", "") if name is not None else "").lower().startswith("toc"),
            (num.get(f"{W}val"), _number(ilvl.get(f"{W}val")) if ilvl is not None else 0) if num is not None else None,
            based.get(f"{W}val") if based is not None else None,
        )
    styles = Styles()
    for style_id, (level, bold, toc, numbering, base) in raw.items():
        seen = {style_id}
        while base in raw and base not in seen:
            seen.add(base)
            level, bold = level or raw[base][0], bold if bold is not None else raw[base][1]
            toc, numbering = toc or raw[base][2], numbering or raw[base][3]
            base = raw[base][4]
        styles.info[style_id] = (level if level <= 9 else 0, bool(bold), toc, numbering)
    return styles


def read_numbering(root) -> dict[str, dict[int, tuple[str, str]]]:
    """numId → {ilvl: (numFmt, lvlText)}, overrides applied."""
    if root is None:
        return {}
    abstracts = {}
    for abstract in root.iter(f"{W}abstractNum"):
        abstracts[abstract.get(f"{W}abstractNumId")] = _levels(abstract)
    numbering = {}
    for num in root.iter(f"{W}num"):
        base = num.find(f"{W}abstractNumId")
        levels = dict(abstracts.get(base.get(f"{W}val") if base is not None else None, {}))
        for override in num.iter(f"{W}lvlOverride"):
            levels.update(_levels(override))
        numbering[num.get(f"{W}numId")] = levels
    return numbering


def _levels(element) -> dict[int, tuple[str, str]]:
    levels = {}
    for lvl in element.findall(f"{W}lvl"):
        fmt, text = lvl.find(f"{W}numFmt"), lvl.find(f"{W}lvlText")
        if fmt is not None and text is not None:
            levels[_number(lvl.get(f"{W}ilvl"))] = (fmt.get(f"{W}val", ""), text.get(f"{W}val", ""))
    return levels


def level_of_form(number_format: str, level_text: str) -> int:
    """The heading level a list number's look stands for: 一、 1, （一） 2, 1. 3, （1） 4; 0 for bullets and others."""
    shape = re.sub(r"%\d", "#", level_text).strip()
    bracketed = re.fullmatch(r"[（(]#[）)]", shape) is not None
    if number_format in CHINESE_FORMATS:
        return 2 if bracketed else (1 if shape in ("#、", "#", "#.", "第#部分") else 0)
    if number_format in DECIMAL_FORMATS:
        return 4 if bracketed else (3 if shape in ("#.", "#．", "#、") else 0)
    return 0


def drawn_number(number_format: str, level_text: str, level: int, count: int) -> str:
    """The number Word draws for a list paragraph that is no heading: ① for decimalEnclosedCircle, 1) for
    "%1)", a) for lowerLetter; "" for bullets and forms this reader does not draw."""
    if number_format in DECIMAL_FORMATS:
        shown = str(count) if number_format != "decimalFullWidth" else to_full_width(str(count))
    elif number_format.startswith("decimalEnclosedCircle") and count <= 20:
        shown = chr(0x2460 + count - 1)
    elif number_format in ("lowerLetter", "upperLetter") and count <= 26:
        shown = chr((0x60 if number_format == "lowerLetter" else 0x40) + count)
    elif number_format in CHINESE_FORMATS:
        shown = chinese_count(count)
    else:
        return ""
    return re.sub(r"%\d", lambda match: shown if match.group() == f"%{level + 1}" else "", level_text)



def read_notes(root, kind: str = "footnote") -> dict[str, str]:
    """Footnote (or endnote) id → its text, separators left out; endnote ids are prefixed endnote:."""
    notes = {}
    prefix = "" if kind == "footnote" else "endnote:"
    for note in root.iter(f"{W}{kind}") if root is not None else ():
        if note.get(f"{W}type") in (None, "normal"):
            reader = _Text(None, {}, {}, Counter())
            notes[prefix + (note.get(f"{W}id") or "")] = "".join(
                reader.paragraph_text(p) for p in note.iter(f"{W}p")).strip()
    return notes


class _Text:
    """Reads paragraphs' text in document order; remembers what it left out."""

    def __init__(self, styles: Styles | None, numbering: dict, notes: dict[str, str], left_out: Counter):
        self.styles, self.numbering, self.notes, self.left_out = styles or Styles(), numbering, notes, left_out
        self.boxes: list = []  # text box paragraphs met inside the current paragraph
        self.note_texts: list[str] = []
        self.bold_style = False

    def paragraph_text(self, paragraph) -> str:
        self.bold_prefix, self.still_bold = 0, True
        return "".join(self._content(paragraph))

    def _content(self, element):
        for child in element:
            tag = child.tag
            if tag == f"{W}r":
                yield from self._run(child)
            elif tag in SKIPPED_REVISIONS:
                self.left_out["tracked"] += 1
            elif tag in TRANSPARENT:
                yield from self._content(child)
            elif tag == f"{W}sdt":
                content = child.find(f"{W}sdtContent")
                if content is not None:
                    yield from self._content(content)
            elif tag == f"{MC}AlternateContent":
                yield from self._content(self._one_branch(child))

    @staticmethod
    def _one_branch(alternate):
        """The first choice a reader of WordprocessingML takes; the fallback only when there is none."""
        for tag in (f"{MC}Choice", f"{MC}Fallback"):
            branch = alternate.find(tag)
            if branch is not None:
                return branch
        return alternate

    def _run(self, run):
        if _is_on(run.find(f"{W}rPr/{W}vanish")):  # hidden text never printed: not part of the report
            self.left_out["hidden"] += 1
            return
        bold = _is_on(run.find(f"{W}rPr/{W}b"))
        character_style = run.find(f"{W}rPr/{W}rStyle")
        if bold is None and character_style is not None and self.styles.of(character_style.get(f"{W}val"))[1]:
            bold = True  # a bold character style: Word's 加粗 (Strong), or an office's own
        bold = self.bold_style if bold is None else bold
        for child in run:
            piece = self._run_child(child)
            if not piece:
                continue
            if self.still_bold and (bold or not piece.strip()) and piece != NOTE_MARK:
                self.bold_prefix += len(piece)  # typed spaces before a bold lead belong to its start
            elif piece.strip():
                self.still_bold = False
            yield piece

    def _run_child(self, child) -> str:
        tag = child.tag
        if tag == f"{W}t":
            return child.text or ""
        if tag == f"{W}tab":
            return "\t"
        if tag in (f"{W}br", f"{W}cr"):
            return "" if child.get(f"{W}type") in ("page", "column") else "\n"
        if tag == f"{W}noBreakHyphen":
            return "-"
        if tag in (f"{W}footnoteReference", f"{W}endnoteReference"):
            prefix = "" if tag == f"{W}footnoteReference" else "endnote:"
            text = self.notes.get(prefix + (child.get(f"{W}id") or ""))
            if text:
                self.note_texts.append(text)
                return NOTE_MARK
            return ""
        if tag == f"{W}commentReference":
            self.left_out["comments"] += 1
        elif tag == f"{MC}AlternateContent":
            self._drawing(self._one_branch(child))
        elif tag in (f"{W}drawing", f"{W}pict", f"{W}object"):
            self._drawing(child)
        return ""

    def _drawing(self, element) -> None:
        boxes = [box for box in element.iter(f"{W}txbxContent")
                 if not any(a.tag == f"{W}txbxContent" for a in box.iterancestors())]
        if boxes:
            self.left_out["textboxes"] += len(boxes)
            self.boxes += boxes
        else:
            self.left_out["images"] += 1


def _number(value: str | None, default: int = 0) -> int:
    """An attribute's whole number; what Word would never write (x, "", huge) counts as the default."""
    return int(value) if value and value.isdigit() and len(value) < 6 else default


def _is_on(element) -> bool | None:
    if element is None:
        return None
    return element.get(f"{W}val", "true") not in ("0", "false", "off")


def _children(element, tag: str) -> list:
    """Direct children with this tag, looking through what wraps them without changing them (content controls,
    custom XML, accepted insertions) and never into a nested table."""
    found = []
    for child in element:
        if child.tag == tag:
            found.append(child)
        elif child.tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}ins", f"{W}moveTo"):
            found += _children(child, tag)
    return found


class BodyReader:
    """Yields the body's paragraphs and tables as Pieces, in order."""

    def __init__(self, styles: Styles, numbering: dict, notes: dict[str, str]):
        self.styles, self.numbering, self.notes = styles, numbering, notes
        self.left_out: Counter = Counter()
        self.counters: dict[tuple[str, int], int] = {}  # (numId, level) → the last number drawn

    def pieces(self, body, in_toc: bool = False):
        for child in body:
            if child.tag == f"{W}p":
                yield from self._paragraph(child, in_toc)
            elif child.tag == f"{W}tbl":
                yield from self._tables(child)
            elif child.tag == f"{W}sdt":
                content = child.find(f"{W}sdtContent")
                gallery = child.find(f"{W}sdtPr/{W}docPartObj/{W}docPartGallery")
                toc = in_toc or (gallery is not None and "Contents" in gallery.get(f"{W}val", ""))
                if content is not None:
                    yield from self.pieces(content, toc)
            elif child.tag in (f"{W}customXml", f"{W}ins", f"{W}moveTo"):
                yield from self.pieces(child, in_toc)
            elif child.tag in SKIPPED_REVISIONS:
                self.left_out["tracked"] += 1
            elif child.tag == f"{MC}AlternateContent":
                yield from self.pieces(_Text._one_branch(child), in_toc)

    def _paragraph(self, paragraph, in_toc: bool):
        style = paragraph.find(f"{W}pPr/{W}pStyle")
        level, bold, toc, style_numbering = self.styles.of(style.get(f"{W}val") if style is not None else "")
        outline = paragraph.find(f"{W}pPr/{W}outlineLvl")
        if outline is not None and _number(outline.get(f"{W}val"), -1) >= 0:
            level = _number(outline.get(f"{W}val")) + 1
        reader = _Text(self.styles, self.numbering, self.notes, self.left_out)
        reader.bold_style = bold
        text = reader.paragraph_text(paragraph)
        stripped = text.strip()
        lead_space = len(text) - len(text.lstrip())
        bold_prefix = max(0, min(reader.bold_prefix - lead_space, len(stripped)))
        numbered, shown = self._numbered(paragraph, style_numbering)
        if shown and stripped and not numbered:  # ① or 1) that Word draws: not a heading number, so it stays
            stripped, bold_prefix = shown + stripped, bold_prefix + len(shown) if bold_prefix else 0
        yield Piece(stripped, bold_prefix, level if level <= 9 else 0, numbered, toc or in_toc,
                    notes=reader.note_texts, number=shown if numbered else "")
        for box in reader.boxes:  # a text box's paragraphs follow the paragraph it is anchored in
            yield from self.pieces(box, in_toc)

    def _numbered(self, paragraph, style_numbering) -> tuple[int, str]:
        """(the heading level Word's automatic number stands for, or 0; the number as drawn, such as 1. or ① or 1),
        counted as Word counts)."""
        num = paragraph.find(f"{W}pPr/{W}numPr/{W}numId")
        ilvl = paragraph.find(f"{W}pPr/{W}numPr/{W}ilvl")
        if num is not None:
            key, level = num.get(f"{W}val"), _number(ilvl.get(f"{W}val")) if ilvl is not None else 0
        elif style_numbering:
            key, level = style_numbering
        else:
            return 0, ""
        if key == "0":  # numId 0 switches a style's numbering off
            return 0, ""
        if key not in self.numbering:  # no numbering part to say how it looks: the list level is all there is
            return level + 1, ""
        number_format, level_text = self.numbering[key].get(level, ("", ""))
        heading = level_of_form(number_format, level_text)
        count = self.counters.get((key, level), 0) + 1
        self.counters[(key, level)] = count
        for deeper in [k for k in self.counters if k[0] == key and k[1] > level]:
            del self.counters[deeper]
        return heading, drawn_number(number_format, level_text, level, count)

    def _tables(self, table):
        """The table as rows of cell texts, then any table nested in a cell as a table of its own."""
        rows, nested = [], []
        for row in _children(table, f"{W}tr"):
            cells = []
            for cell in _children(row, f"{W}tc"):
                reader = _Text(self.styles, self.numbering, self.notes, self.left_out)
                cells.append("".join(reader.paragraph_text(p) for p in _children(cell, f"{W}p")).strip())
                nested += _children(cell, f"{W}tbl")
            if any(cells):
                rows.append(cells)
        yield Piece("", rows=rows)
        for inner in nested:
            yield from self._tables(inner)
