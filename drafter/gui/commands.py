"""Undoable edits: text, outline structure and field values all go on one QUndoStack."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from drafter.core.report.model import Field, Paragraph, Section

# Typing in one place merges into one undo step, as in Word.
TEXT_EDIT_ID = 1001
META_EDIT_ID = 1002
FIELD_EDIT_ID = 1003


class EditText(QUndoCommand):
    """Change one text attribute (body, lead or heading) of a paragraph or section."""

    def __init__(self, window, node, attribute: str, new_text: str):
        super().__init__(window.tr("编辑文字"))
        self.window, self.node, self.attribute = window, node, attribute
        self.old_text = getattr(node, attribute)
        self.new_text = new_text

    def redo(self):
        self._apply(self.new_text)

    def undo(self):
        self._apply(self.old_text)

    def _apply(self, text: str):
        if isinstance(self.node, Section) and self.attribute == "heading":
            self.window.outline_model.set_heading(self.node, text)
        else:
            setattr(self.node, self.attribute, text)
            if isinstance(self.node, Paragraph):
                self.window.outline_model.paragraph_changed(self.node)
        self.window.text_changed_by_command(self.node)

    def id(self):
        return TEXT_EDIT_ID

    def mergeWith(self, other):
        if other.node is not self.node or other.attribute != self.attribute:
            return False
        if not word_sized(self.old_text, self.new_text, other.new_text):
            return False
        self.new_text = other.new_text
        return True


def _insertion(old: str, new: str) -> tuple[int, str] | None:
    """(where, what) when new is old with one stretch inserted."""
    if len(new) <= len(old):
        return None
    start = 0
    while start < len(old) and old[start] == new[start]:
        start += 1
    inserted = new[start: start + len(new) - len(old)]
    return (start, inserted) if new[:start] + inserted + old[start:] == new else None


def word_sized(start: str, typed: str, following: str) -> bool:
    """Typing merges into steps of about a word: letters and digits typed one after another (with the space or
    mark that ends them), or one run of deletions. An input method's committed phrase is a step of its own."""
    first, then = _insertion(start, typed), _insertion(typed, following)
    if first and then:
        return (then[0] == first[0] + len(first[1]) and len(then[1]) == 1
                and all(c.isascii() and c.isalnum() for c in first[1]))
    first, then = _insertion(typed, start), _insertion(following, typed)  # deletions are insertions backwards
    return bool(first and then) and len(then[1]) == 1 and then[0] in (first[0], first[0] - 1)


class PlaceCaret(QUndoCommand):
    """Where the caret goes when a step of several commands is redone (placed last) or undone (placed first): after
    Ctrl+Y on a join it stood at the start of the paragraph the outline selected, not at the join."""

    def __init__(self, window, node, offset: int, on_redo: bool):
        super().__init__()
        self.window, self.node, self.offset, self.on_redo = window, node, offset, on_redo

    def redo(self):
        if self.on_redo:
            self.window.page.show_node(self.node, self.offset)

    def undo(self):
        if not self.on_redo:
            self.window.page.show_node(self.node, self.offset)


class InsertNode(QUndoCommand):
    def __init__(self, window, parent, node, own_index: int, text: str):
        super().__init__(text)
        self.window, self.parent_node, self.node, self.own_index = window, parent, node, own_index

    def redo(self):
        self.window.outline_model.insert_node(self.parent_node, self.node, self.own_index)
        self.window.structure_changed(self.node)

    def undo(self):
        self.window.outline_model.remove_node(self.node)
        self.window.structure_changed(self.parent_node)


class RemoveNode(QUndoCommand):
    def __init__(self, window, node):
        super().__init__(window.tr("删除"))
        self.window, self.node = window, node
        self.parent_node, self.own_index = None, 0

    def redo(self):
        outline = self.window.outline
        self.parent_node, self.own_index = outline.parent(self.node), outline.own_index(self.node)
        self.window.outline_model.remove_node(self.node)
        self.window.structure_changed(self.parent_node)

    def undo(self):
        self.window.outline_model.insert_node(self.parent_node, self.node, self.own_index)
        self.window.structure_changed(self.node)


class MoveNode(QUndoCommand):
    def __init__(self, window, node, delta: int):
        super().__init__(window.tr("移动"))
        self.window, self.node, self.delta = window, node, delta
        self.done = False

    def redo(self):
        self.done = self.window.outline_model.move_node(self.node, self.delta)
        self.window.structure_changed(self.node)

    def undo(self):
        if self.done:
            self.window.outline_model.move_node(self.node, -self.delta)
            self.window.structure_changed(self.node)


class RelocateNode(QUndoCommand):
    """Move a paragraph or section under another part (drag and drop)."""

    def __init__(self, window, node, parent, own_index: int):
        super().__init__(window.tr("移动"))
        self.window, self.node, self.parent_node, self.own_index = window, node, parent, own_index
        self.old_parent, self.old_index = None, 0

    def redo(self):
        self.old_parent, self.old_index = self.window.outline_model.relocate_node(
            self.node, self.parent_node, self.own_index)
        self.window.structure_changed(self.node)

    def undo(self):
        self.window.outline_model.relocate_node(self.node, self.old_parent, self.old_index)
        self.window.structure_changed(self.node)


class SetField(QUndoCommand):
    """Fill, change or clear one field's value. Typing in one box merges into one step; an entry that cannot be
    read (abc, -5) is a step too: the field has no value while the box holds it, and undo brings the old one back."""

    def __init__(self, window, field: Field, value, invalid: tuple[str, str] | None = None):
        super().__init__(window.tr("填写“%1”").replace("%1", field.label))
        self.window, self.field = window, field
        self.old = (field.value, window.form.invalid.get(field.name))
        self.new = (value, invalid)

    def redo(self):
        self._set(*self.new)

    def undo(self):
        self._set(*self.old)

    def _set(self, value, invalid) -> None:
        self.field.value = value
        if invalid is None:
            self.window.form.invalid.pop(self.field.name, None)
        else:
            self.window.form.invalid[self.field.name] = invalid
        self.window.field_changed(self.field)

    def id(self):
        return FIELD_EDIT_ID

    def mergeWith(self, other):
        if other.field is not self.field:
            return False
        self.new = other.new
        return True


class SetMeta(QUndoCommand):
    """Change the title, year, signature, date or recipient; typing in one box merges into one step."""

    def __init__(self, window, key: str, value):
        super().__init__(window.tr("修改报告信息"))
        self.window, self.key = window, key
        self.old_value, self.new_value = getattr(window.report.meta, key), value

    def redo(self):
        setattr(self.window.report.meta, self.key, self.new_value)
        self.window.meta_changed()

    def undo(self):
        setattr(self.window.report.meta, self.key, self.old_value)
        self.window.meta_changed()

    def id(self):
        return META_EDIT_ID

    def mergeWith(self, other):
        if other.key != self.key:
            return False
        self.new_value = other.new_value
        return True


class RenameField(QUndoCommand):
    """A field's Chinese label; the text keeps referring to it by name, so only what is shown changes."""

    def __init__(self, window, field: Field, label: str):
        super().__init__(window.tr("修改名称"))
        self.window, self.field, self.old_label, self.new_label = window, field, field.label, label

    def redo(self):
        self.field.label = self.new_label
        self.window.fields_changed()

    def undo(self):
        self.field.label = self.old_label
        self.window.fields_changed()


class AddField(QUndoCommand):
    """Create a field (from a selected figure) and put its token where the figure was."""

    def __init__(self, window, field: Field, paragraph, attribute: str, new_text: str):
        super().__init__(window.tr("新建字段“%1”").replace("%1", field.label))
        self.window, self.field = window, field
        self.text_edit = EditText(window, paragraph, attribute, new_text)

    def redo(self):
        self.window.report.fields[self.field.name] = self.field
        self.text_edit.redo()
        self.window.fields_changed()

    def undo(self):
        self.text_edit.undo()
        del self.window.report.fields[self.field.name]
        self.window.fields_changed()


class ApplyFix(QUndoCommand):
    """A one-click fix from the 检查 panel, undoable like typing."""

    TEXT_ATTRIBUTES = ("lead", "body", "heading", "remarks")  # remarks: a reviewer's comment marked done

    def __init__(self, window, finding, apply):
        super().__init__(window.tr("自动修正"))
        self.window = window
        targets = [(window.report.meta, "title"), (window.report.meta, "organisation")]
        node = window.outline.find(finding.node_id) if finding.node_id else None
        if node is not None:
            targets += [(node, name) for name in self.TEXT_ATTRIBUTES if hasattr(node, name)]
        before = [getattr(obj, name) for obj, name in targets]
        apply()
        self.changes = [(obj, name, old, getattr(obj, name)) for (obj, name), old in zip(targets, before)
                        if getattr(obj, name) != old]

    def redo(self):
        self._set(new=True)

    def undo(self):
        self._set(new=False)

    def _set(self, new: bool):
        for obj, name, old, changed in self.changes:
            if isinstance(obj, Section) and name == "heading":
                self.window.outline_model.set_heading(obj, changed if new else old)
            else:
                setattr(obj, name, changed if new else old)
            if isinstance(obj, Paragraph):
                self.window.outline_model.paragraph_changed(obj)
            self.window.text_changed_by_command(obj)


class SetDepartment(QUndoCommand):
    """Ask one department for a set of fields (one field, or all of a part's)."""

    def __init__(self, window, fields: list[Field], department: str):
        super().__init__(window.tr("指定填报部门"))
        self.window, self.department = window, department
        self.before = [(field, field.department) for field in fields]

    def redo(self):
        for field, _old in self.before:
            field.department = self.department
        self.window.field_changed(None)

    def undo(self):
        for field, old in self.before:
            field.department = old
        self.window.field_changed(None)


class ApplyCollection(QUndoCommand):
    """Take in returned collection workbooks: every value and its source in one step."""

    def __init__(self, window, plan):
        super().__init__(window.tr("导入征集表"))
        self.window, self.plan = window, plan
        fields = window.report.fields
        self.before = [(fields[change.name], fields[change.name].value, fields[change.name].source)
                       for change in plan.changes + plan.confirmed]
        self.after = None

    def redo(self):
        if self.after is None:
            from drafter.core.collect import apply_plan

            apply_plan(self.window.report, self.plan)
            self.after = [(field, field.value, field.source) for field, _value, _source in self.before]
        else:  # redo puts back exactly what the first apply wrote, taken-in time included
            self._set(self.after)
        self.window.field_changed(None)

    def undo(self):
        self._set(self.before)
        self.window.field_changed(None)

    @staticmethod
    def _set(states):
        for field, value, source in states:
            field.value, field.source = value, source


class AddFields(QUndoCommand):
    """New fields for figures in pasted text; the text that refers to them is a separate command in the same step."""

    def __init__(self, window, fields: list[Field]):
        super().__init__(window.tr("新建 %1 项统计数据").replace("%1", str(len(fields))))
        self.window, self.fields = window, fields

    def redo(self):
        for field in self.fields:
            self.window.report.fields[field.name] = field
        self.window.fields_changed()

    def undo(self):
        for field in self.fields:
            del self.window.report.fields[field.name]
        self.window.fields_changed()
