"""Outline operations on a Report's tree: what the outline view shows and how it changes, without Qt."""

from __future__ import annotations

from dataclasses import dataclass, field as dc_field

from drafter.core.report.model import MAX_LEVEL, Paragraph, Report, Section, new_id
from drafter.core.text import fieldtext
from drafter.core.text.numbers import heading_number


@dataclass(eq=False)
class Group:
    """The opening or the closing: a run of paragraphs with no heading of its own."""

    title: str
    paragraphs: list[Paragraph]
    id: str = dc_field(default_factory=lambda: new_id("g"))


Node = Group | Section | Paragraph


class Outline:
    """The report as a tree: root items are the opening, the parts and the closing."""

    def __init__(self, report: Report):
        self.report = report
        self.opening = Group("开头", report.opening)
        self.closing = Group("结尾", report.closing)
        self._parents: dict[int, object] = {}
        self.refresh()

    def refresh(self) -> None:
        """Rebuild the parent index after any structural change."""
        self._parents = {}
        for node in self.children(None):
            self._index(node, None)

    def _index(self, node, parent) -> None:
        self._parents[id(node)] = parent
        for child in self.children(node):
            self._index(child, node)

    def children(self, node) -> list:
        if node is None:
            return [self.opening, *self.report.parts, self.closing]
        if isinstance(node, Group):
            return node.paragraphs
        if isinstance(node, Section):
            return [*node.paragraphs, *node.children]
        return []

    def parent(self, node):
        return self._parents.get(id(node))

    def row(self, node) -> int:
        return _index_of(self.children(self.parent(node)), node)

    def level(self, node) -> int:
        """1 for a part, 2 for （一） and so on; 0 for anything that is not a section."""
        if not isinstance(node, Section):
            return 0
        depth, parent = 1, self.parent(node)
        while isinstance(parent, Section):
            depth, parent = depth + 1, self.parent(parent)
        return depth

    def number(self, node) -> str:
        """The heading number the section has now: renumbering is implicit in the position."""
        if not isinstance(node, Section):
            return ""
        siblings = self.section_list(self.parent(node))
        return heading_number(self.level(node), _index_of(siblings, node) + 1)

    def title(self, section: Section) -> str:
        """一、2025年工作开展情况: the number and the heading as the page prints it, a year or a figure in place of its
        code ({{ year }}), as the outline's rows and the form's groups show it."""
        report = self.report
        if "{{" not in section.heading:  # most headings: no labels to look up for the rows of a long report
            return self.number(section) + section.heading
        return self.number(section) + fieldtext.to_display(section.heading, report.fields,
                                                           fieldtext.labels_by_name(report.fields),
                                                           fieldtext.built_in_values(report.meta))

    def section_list(self, parent) -> list[Section]:
        return self.report.parts if parent is None else parent.children

    def find(self, node_id: str):
        for node in self.walk():
            if node.id == node_id:
                return node
        return None

    def walk(self):
        stack = list(reversed(self.children(None)))
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(self.children(node)))

    # Structural changes. Each returns what undo needs to put things back.

    def insert_section(self, parent: Section | None, index: int, section: Section) -> None:
        if parent is not None and self.level(parent) >= MAX_LEVEL:
            raise ValueError(f"标题最多{MAX_LEVEL}级")
        self.section_list(parent).insert(index, section)
        self.refresh()

    def insert_paragraph(self, container: Group | Section, index: int, paragraph: Paragraph) -> None:
        container.paragraphs.insert(index, paragraph)
        self.refresh()

    def remove(self, node) -> tuple[object, int]:
        """Take a section or paragraph out; returns (parent, index in its own list) for undo."""
        parent = self.parent(node)
        owner = self._owner_list(node)
        index = _index_of(owner, node)
        del owner[index]
        self.refresh()
        return parent, index

    def move(self, node, delta: int) -> bool:
        """Move a node among its own kind of siblings; False when it is already at the end."""
        owner = self._owner_list(node)
        index = _index_of(owner, node)
        target = index + delta
        if not 0 <= target < len(owner):
            return False
        owner.insert(target, owner.pop(index))
        self.refresh()
        return True

    def can_hold(self, parent, node) -> bool:
        """Whether node may move under parent: paragraphs under a section or the opening/closing,
        sections under a section or the root, never into themselves, never deeper than four levels."""
        if isinstance(node, Paragraph):
            return isinstance(parent, (Section, Group))
        if not isinstance(node, Section) or isinstance(parent, (Group, Paragraph)):
            return False
        ancestor = parent
        while ancestor is not None:
            if ancestor is node:
                return False
            ancestor = self.parent(ancestor)
        return (self.level(parent) if parent is not None else 0) + _depth(node) <= MAX_LEVEL

    def relocate(self, node, parent, own_index: int) -> tuple[object, int]:
        """Move node under another parent at own_index of its own kind; returns where it was, for undo."""
        if not self.can_hold(parent, node):
            raise ValueError("不能移到这里")
        old_parent, old_index = self.parent(node), self.own_index(node)
        self._owner_list(node).pop(old_index)
        target = self.section_list(parent) if isinstance(node, Section) else parent.paragraphs
        target.insert(min(own_index, len(target)), node)
        self.refresh()
        return old_parent, old_index

    def child_row(self, parent, node, own_index: int) -> int:
        """The row among parent's children that own_index of node's kind stands at."""
        if isinstance(node, Section):
            return own_index + (len(parent.paragraphs) if isinstance(parent, Section) else 1 if parent is None else 0)
        return own_index

    def own_index(self, node) -> int:
        return _index_of(self._owner_list(node), node)

    def _owner_list(self, node) -> list:
        parent = self.parent(node)
        if isinstance(node, Section):
            return self.section_list(parent)
        if isinstance(node, Paragraph):
            return parent.paragraphs
        raise ValueError("开头和结尾不能移动或删除")


def _depth(section: Section) -> int:
    return 1 + max((_depth(child) for child in section.children), default=0)


def _index_of(items: list, node) -> int:
    for index, item in enumerate(items):
        if item is node:
            return index
    raise ValueError("节点不在提纲中")
