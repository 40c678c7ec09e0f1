"""After a change of structure (a paragraph split, joined, moved, a part added) the page lays out again only the
blocks that differ from the report, not the whole report: on a 250-page report Enter took half a second."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor

from drafter.gui.page.page_plan import plan_blocks
from drafter.gui.page.printed_lines import FixedLine, TailLines


class PageSync:
    """Mixed into PageView, after PageLayout, whose blocks, slots and inserting helpers it uses."""

    def sync_report(self, title: FixedLine = (), tail: TailLines = ()) -> None:
        """Bring the page in step with the report after a change of structure, keeping the blocks that did not
        change (their text is redrawn where it did, as after an undo)."""
        self.finish_layout()
        plan = list(plan_blocks(self.outline, title, list(tail)))
        old, new = [slot.key for slot in self.slots], [item.key for item in plan]
        start = _common_prefix(old, new)
        end = _common_prefix(old[start:][::-1], new[start:][::-1])
        if start == 0 or end == 0:  # the title or the last line changed: lay it all out again
            self.show_report(self.outline, self.fields, self.style_, title, tail)
            return
        self.fixed_lines = (title, list(tail))
        old_stop, new_stop = len(old) - end, len(new) - end
        self._building = True
        cursor = QTextCursor(self.blocks[start - 1])
        cursor.beginEditBlock()
        try:
            self._replace_blocks(cursor, start, old_stop, plan[start:new_stop])
        finally:
            cursor.endEditBlock()
            self._building = False
        for index in (start - 1, start + new_stop - start):  # the blocks either side may have new words
            node = self.slots[index].node if index < len(self.slots) else None
            if node is not None:
                self.refresh_node(node)

    def _replace_blocks(self, cursor: QTextCursor, start: int, old_stop: int, items: list) -> None:
        """Blocks start..old_stop-1 out, the planned items in their place, slots and field indexes kept in step."""
        previous = self.blocks[start - 1]
        cursor.setPosition(previous.position() + previous.length() - 1)
        if old_stop > start:
            # From the end of the block before to the end of the last block out: the blocks either side keep their
            # own formats (taken from the start of the first block out, the next block would take its fonts).
            last = self.blocks[old_stop - 1]
            cursor.setPosition(last.position() + last.length() - 1, QTextCursor.KeepAnchor)
            cursor.removeSelectedText()
        kept_slots, kept_fields = self.slots, self.field_slots
        self.slots, self.blocks, self.field_slots = [], [], {}
        for item in items:
            self._insert(cursor, item)
        added_slots, added_fields = self.slots, self.field_slots
        self.slots = kept_slots[:start] + added_slots + kept_slots[old_stop:]
        # Qt keeps one of two joined blocks' handles and drops the other: take the blocks from the document again
        block, self.blocks = self.document().begin(), []
        while block.isValid():
            block.setUserState(len(self.blocks))
            self.blocks.append(block)
            block = block.next()
        shift = len(added_slots) - (old_stop - start)
        fields: dict[str, set[int]] = {}
        for name, indexes in kept_fields.items():
            for index in indexes:
                if index < start or index >= old_stop:
                    fields.setdefault(name, set()).add(index if index < start else index + shift)
        for name, indexes in added_fields.items():
            fields.setdefault(name, set()).update(start + index for index in indexes)
        self.field_slots = fields


def _common_prefix(old: list, new: list) -> int:
    count = 0
    while count < min(len(old), len(new)) and old[count] == new[count]:
        count += 1
    return count
