"""A thin QAbstractItemModel over core.outline: rows are the opening, parts, sections, paragraphs, closing."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QByteArray, QMimeData, QModelIndex, Qt

from drafter.core.report.model import Paragraph, Section
from drafter.core.report.outline import Group, Outline
from drafter.core.text import fieldtext

MIME_TYPE = "application/x-drafter-node"
_PREVIEW_CHARS = 16
# Made once: the tree asks for every row's flags and data again and again, and combining Qt's flags (Python enums)
# anew each time took a tenth of opening a long report.
_SHOWN_ROLES = frozenset({int(Qt.DisplayRole), int(Qt.ToolTipRole)})
_EDIT_ROLE = int(Qt.EditRole)
_ROW = Qt.ItemIsEnabled | Qt.ItemIsSelectable | Qt.ItemIsDropEnabled
_MOVABLE_ROW = _ROW | Qt.ItemIsDragEnabled
_SECTION_ROW = _MOVABLE_ROW | Qt.ItemIsEditable


class OutlineModel(QAbstractItemModel):
    """Shows the outline; every change goes through the Outline and the begin/end signals."""

    def __init__(self, outline: Outline, parent=None):
        super().__init__(parent)
        self.outline = outline
        self._labels: dict[str, str] | None = None  # field name → label, built on first need

    # Reading

    def index(self, row, column, parent=QModelIndex()):
        if column != 0 or row < 0:
            return QModelIndex()
        children = self.outline.children(self.node(parent))
        if row >= len(children):
            return QModelIndex()
        return self.createIndex(row, 0, children[row])

    def parent(self, index=QModelIndex()):
        if not index.isValid():
            return QModelIndex()
        parent = self.outline.parent(index.internalPointer())
        if parent is None:
            return QModelIndex()
        return self.createIndex(self.outline.row(parent), 0, parent)

    def rowCount(self, parent=QModelIndex()):
        if parent.column() > 0:
            return 0
        return len(self.outline.children(self.node(parent)))

    def columnCount(self, parent=QModelIndex()):
        return 1

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        role = int(role)
        if role in _SHOWN_ROLES:
            return self.label(index.internalPointer())
        if role == _EDIT_ROLE:
            node = index.internalPointer()
            return node.heading if isinstance(node, Section) else None
        return None

    def setData(self, index, value, role=Qt.EditRole):
        node = self.node(index)
        if role != Qt.EditRole or not isinstance(node, Section) or not str(value).strip():
            return False
        if self.on_rename is not None:
            self.on_rename(node, str(value).strip())  # through the undo stack, which calls set_heading
        else:
            self.set_heading(node, str(value).strip())
        return True

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemIsDropEnabled
        node = index.internalPointer()
        if isinstance(node, Section):
            return _SECTION_ROW
        return _MOVABLE_ROW if isinstance(node, Paragraph) else _ROW

    def node(self, index):
        return index.internalPointer() if index.isValid() else None

    def index_of(self, node) -> QModelIndex:
        if node is None:
            return QModelIndex()
        return self.createIndex(self.outline.row(node), 0, node)

    def label(self, node) -> str:
        if isinstance(node, Group):
            return node.title
        if isinstance(node, Section):
            return self.outline.title(node)
        if self._labels is None:  # once per set of fields, not per row: a long report has 1800 of them
            self._labels = fieldtext.labels_by_name(self.outline.report.fields)
        text = fieldtext.to_display(node.lead or node.body, self.outline.report.fields, self._labels,
                                    fieldtext.built_in_values(self.outline.report.meta))  # 2026年, as the page
        return text[:_PREVIEW_CHARS] + ("…" if len(text) > _PREVIEW_CHARS else "") or "（空段落）"

    def forget_labels(self) -> None:
        """Fields were added, removed or renamed: rows show their new labels."""
        self._labels = None

    # Changing: the undo commands call these, never the Outline directly.

    def insert_node(self, parent, node, own_index: int) -> None:
        """Insert a section or paragraph at `own_index` of its own list under parent."""
        if isinstance(node, Section):
            row = own_index + (len(parent.paragraphs) if isinstance(parent, Section) else 0)
            if parent is None:
                row += 1  # the opening comes first among the root rows
            self.beginInsertRows(self.index_of(parent), row, row)
            self.outline.insert_section(parent, own_index, node)
        else:
            self.beginInsertRows(self.index_of(parent), own_index, own_index)
            self.outline.insert_paragraph(parent, own_index, node)
        self.endInsertRows()
        self._renumbered(parent)

    def remove_node(self, node) -> tuple[object, int]:
        parent = self.outline.parent(node)
        row = self.outline.row(node)
        self.beginRemoveRows(self.index_of(parent), row, row)
        result = self.outline.remove(node)
        self.endRemoveRows()
        self._renumbered(parent)
        return result

    def move_node(self, node, delta: int) -> bool:
        parent = self.outline.parent(node)
        row = self.outline.row(node)
        siblings = self.outline.children(parent)
        target = row + delta
        if not 0 <= target < len(siblings) or type(siblings[target]) is not type(node):
            return False
        parent_index = self.index_of(parent)
        destination = target + 1 if delta > 0 else target
        if not self.beginMoveRows(parent_index, row, row, parent_index, destination):
            return False
        self.outline.move(node, delta)
        self.endMoveRows()
        self._renumbered(parent)
        return True

    def relocate_node(self, node, parent, own_index: int) -> tuple[object, int]:
        """Move a node under another parent (drag and drop across parts); returns where it was."""
        old_parent = self.outline.parent(node)
        row = self.outline.row(node)
        target_list = self.outline.section_list(parent) if isinstance(node, Section) else parent.paragraphs
        own_index = min(own_index, len(target_list))
        destination = self.outline.child_row(parent, node, own_index)
        if old_parent is parent:
            return old_parent, self.outline.own_index(node)
        if not self.beginMoveRows(self.index_of(old_parent), row, row, self.index_of(parent), destination):
            raise ValueError("不能移到这里")
        result = self.outline.relocate(node, parent, own_index)
        self.endMoveRows()
        self._renumbered(old_parent)
        self._renumbered(parent)
        return result

    def set_heading(self, section: Section, heading: str) -> None:
        section.heading = heading
        index = self.index_of(section)
        self.dataChanged.emit(index, index, [Qt.DisplayRole])

    def paragraph_changed(self, paragraph: Paragraph) -> None:
        index = self.index_of(paragraph)
        self.dataChanged.emit(index, index, [Qt.DisplayRole])

    def _renumbered(self, parent) -> None:
        """Numbers come from positions, so every sibling heading's label may have changed."""
        count = self.rowCount(self.index_of(parent))
        if count:
            self.dataChanged.emit(self.index(0, 0, self.index_of(parent)),
                                  self.index(count - 1, 0, self.index_of(parent)), [Qt.DisplayRole])

    # Drag and drop reorders among siblings; the view hands the move to the window's undo stack.

    def supportedDropActions(self):
        return Qt.MoveAction

    def mimeTypes(self):
        return [MIME_TYPE]

    def mimeData(self, indexes):
        data = QMimeData()
        if indexes:
            data.setData(MIME_TYPE, QByteArray(indexes[0].internalPointer().id.encode("utf-8")))
        return data

    def dropMimeData(self, data, action, row, column, parent):
        if not data.hasFormat(MIME_TYPE):
            return False
        node = self.outline.find(bytes(data.data(MIME_TYPE)).decode("utf-8"))
        target_parent = self.node(parent)
        if node is None:
            return False
        if self.outline.parent(node) is not target_parent:
            return self._drop_elsewhere(node, target_parent, row)
        current = self.outline.row(node)
        target = self.rowCount(parent) - 1 if row < 0 else (row - 1 if row > current else row)
        if target != current and self.on_drop_move is not None:
            self.on_drop_move(node, target - current)
        return False  # the move has been done by the command; Qt must not remove the source row

    def _drop_elsewhere(self, node, parent, row: int) -> bool:
        if isinstance(parent, Paragraph):  # dropped onto a paragraph: go after it, in its container
            row, parent = self.outline.row(parent) + 1, self.outline.parent(parent)
        if not self.outline.can_hold(parent, node) or self.on_drop_relocate is None:
            return False
        own_index = len(self.outline.section_list(parent) if isinstance(node, Section) else parent.paragraphs)
        if row >= 0:
            offset = self.outline.child_row(parent, node, 0)
            own_index = max(0, min(own_index, row - offset))
        self.on_drop_relocate(node, parent, own_index)
        return False

    on_drop_move = None
    on_drop_relocate = None
    on_rename = None
