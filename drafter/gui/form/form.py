"""The statistics form: one row per field, grouped by the part it is used in, parsed as the core parses."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QColor, QPalette
from PySide6.QtWidgets import (
    QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QScrollArea, QVBoxLayout, QWidget,
)

from drafter.core.collect.departments import DRAFTING_OFFICE
from drafter.core.report.model import Field
from drafter.core.text.numbers import NumberError, check_bounds, entry_text, entry_unit, format_number, parse_entry
from drafter.core.years.compare import short_change
from drafter.gui.form.form_groups import GroupScrolling, Group
from drafter.gui.form.meta_form import MetaForm

_BAD_STYLE = "QLineEdit { border: 2px solid #dc2626; }"
_EMPTY_STYLE = "QLineEdit { background: #fef9c3; }"
_GREY, _RED = "#6b7280", "#dc2626"


def editable_text(field: Field) -> str:
    return entry_text(field.value, field.type, field.notation)


def _means(text: str, field: Field) -> bool:
    """Whether the box's text is a way of writing the field's value (12, １２ and 十二 all mean 12)."""
    if not text.strip():
        return field.value is None
    try:
        return parse_entry(text, field.type, field.notation) == field.value
    except NumberError:
        return False


def unit_text(field: Field) -> str:
    """What stands after the box: 次, 余名, 亿元, % (see numbers.entry_unit)."""
    return entry_unit(field.type, field.unit, field.qualifier, field.notation)


def group_name(places: list[str]) -> str:
    """第二部分（一）第3段 → 第二部分; fields used nowhere go under 其他."""
    if not places:
        return "其他"
    first = places[0]
    return first.split("部分")[0] + "部分" if "部分" in first else first[:2]


def in_report_order(groups: dict[str, Group], parts: list[str]) -> dict[str, Group]:
    """The groups as the report runs: 开头, the parts in their order, 结尾, then figures used nowhere (an imported
    report's opening figure was listed last, after 四, because its field was made last)."""
    order = ["开头", *parts, "结尾"]
    return dict(sorted(groups.items(), key=lambda item: order.index(item[0]) if item[0] in order else len(order)))


def source_text(field: Field) -> str:
    """Who is asked for the figure and who gave it, for the label's tooltip."""
    lines = [f"填报部门：{field.department or DRAFTING_OFFICE}"]
    if field.source is not None:
        taken = field.source.taken.replace("T", " ")[:16]
        lines.append(f"本年数值来自{field.source.department}（{field.source.file}），{taken} 导入")
    return "\n".join(lines)


def _coloured_label(colour: str) -> QLabel:
    """A label in a colour of its own: set in its palette, which is cheap, where a style sheet of its own made
    every row of the form slower to build and show."""
    label = QLabel()
    palette = label.palette()
    palette.setColor(QPalette.WindowText, QColor(colour))
    label.setPalette(palette)
    return label


def _show_text(label: QLabel, text: str, kept: int = 0) -> None:
    """An empty label is hidden (most rows have no department to show), unless the form keeps its column."""
    label.setText(text)
    label.setVisible(bool(text) or kept > 0)


def trailing_widths(metrics, fields) -> dict[str, int]:
    """The widths kept after every input box: the widest unit, last year's value and change any field shows (0 for
    a column no field uses), measured in the form's font."""
    def widest(texts) -> int:  # a little over the text: a label asks a pixel more than its text's advance
        return max((metrics.horizontalAdvance(text) + 4 for text in texts if text), default=0)

    fields = list(fields)
    previous = widest("去年 " + format_number(field.previous, field.type, field.unit, field.qualifier, field.notation)
                      for field in fields if field.previous is not None)
    # with last year's values there will be changes as this year's are filled in: room for a usual one from the start
    usual = "+000（+00.0%）" if previous else ""
    return {"unit": widest(unit_text(field) for field in fields), "previous": previous,
            "change": widest([usual, *(short_change(field) for field in fields)])}


class FieldLabel(QLabel):
    """A field's name in the form; double-click (or the context menu) to rename it or choose its department."""

    def __init__(self, form: StatisticsForm, field: Field, group: list[Field]):
        super().__init__(field.label)
        self.setWordWrap(True)
        self.setContextMenuPolicy(Qt.ActionsContextMenu)
        for text, signal, argument in ((form.tr("修改名称…"), form.rename_requested, field),
                                       (form.tr("填报部门…"), form.department_requested, [field]),
                                       (form.tr("本组全部由…填报"), form.department_requested, group)):
            action = QAction(text, self)
            action.triggered.connect(lambda _checked=False, s=signal, a=argument: s.emit(a))
            self.addAction(action)
        self._form, self._field = form, field
        self.show_source()

    def show_source(self) -> None:
        self.setToolTip(self._form.tr("双击修改名称") + "\n" + source_text(self._field))

    def mouseDoubleClickEvent(self, event):
        self._form.rename_requested.emit(self._field)


class FieldRow:
    """The widgets of one field: input, unit, last year's value, change and the reason for a bad entry."""

    def __init__(self, form: StatisticsForm, field: Field):
        self.field = field
        self.label: FieldLabel | None = None
        self.input = QLineEdit(editable_text(field))
        self.input.setObjectName(f"field:{field.name}")
        self.input.setPlaceholderText(form.tr("未填"))
        # 8 digits and a separator fit without scrolling; the label beside it wraps instead of the box shrinking
        self.input.setMinimumWidth(self.input.fontMetrics().horizontalAdvance("0" * 10) + 12)
        self.unit = QLabel(unit_text(field))
        self.department = _coloured_label(_GREY)
        self.previous = QLabel()  # 去年 12次: a click on the value takes it for this year too
        self.previous.setToolTip(form.tr("点击沿用去年的数值"))
        self.previous.linkActivated.connect(lambda _link: form.take_previous(self))
        self.change = QLabel()
        self.reserved = {"unit": 0, "previous": 0, "change": 0}  # until the form lays the row out
        self.error = _coloured_label(_RED)
        self.error.setWordWrap(True)
        self.input.textEdited.connect(lambda text: form.entered(self, text))

    def widget(self, columns: dict[str, int]) -> QWidget:
        """The row's line; `columns` are the widths the form keeps for unit, last year's value and change, so every
        input box is as wide as the others (they were ragged once last year's values were shown)."""
        self.reserved = columns
        for name in ("unit", "previous", "change"):
            getattr(self, name).setMinimumWidth(columns[name])
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        line = QHBoxLayout()
        for widget, stretch in ((self.input, 1), (self.unit, 0), (self.previous, 0), (self.change, 0),
                                (self.department, 0)):
            line.addWidget(widget, stretch)
        layout.addLayout(line)
        layout.addWidget(self.error)
        return box

    def show_state(self, tr) -> None:
        field = self.field
        previous = "" if field.previous is None else format_number(field.previous, field.type, field.unit,
                                                                  field.qualifier, field.notation)  # 1.2万 as written
        link = f'<a href="previous">{html.escape(previous)}</a>'
        _show_text(self.previous, tr("去年 %1").replace("%1", link) if previous else "", self.reserved["previous"])
        _show_text(self.change, short_change(field), self.reserved["change"])
        _show_text(self.unit, unit_text(field), self.reserved["unit"])  # the box's magnitude goes with the value's
        _show_text(self.department, field.department)
        if self.label is not None:
            self.label.show_source()
        if not self.error.text():
            self.input.setStyleSheet("" if field.filled else _EMPTY_STYLE)


class StatisticsForm(GroupScrolling, QWidget):
    """Emits value_entered(field, value) for every good entry (value None when cleared) and
    invalid_entered(field, text, reason) for one that cannot be read; `invalid` holds those still in their boxes."""

    value_entered = Signal(object, object)
    invalid_entered = Signal(object, str, str)
    rename_requested = Signal(object)
    department_requested = Signal(object)  # a list of fields to ask one department for

    ROWS_FIRST = 12  # rows built before the window shows: about what the form shows at the window's first size

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: dict[str, FieldRow] = {}
        self.invalid: dict[str, tuple[str, str]] = {}  # field name → (text in the box, why it cannot be read)
        self._groups: dict[str, Group] = {}
        self._group_of: dict[str, str] = {}  # field name → its group's name
        self._fields: dict[str, Field] = {}
        self.meta = MetaForm()
        self.counter = QLabel()
        self.scroll = QScrollArea()
        # Our own viewport: asked for the one Qt makes, PySide would look through every widget class to type it,
        # building each one's enums (45 of them, 13 ms of the window's start)
        self.scroll.setViewport(QWidget())
        self.scroll.setWidgetResizable(True)
        self._start_scrolling()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.meta)
        layout.addWidget(self.counter)
        layout.addWidget(self.scroll, 1)

    def rebuild(self, fields: dict[str, Field], used_in: dict[str, list[str]],
                part_titles: dict[str, str] | None = None) -> None:
        """New rows for a new set of fields, grouped by the part they appear in (shown by its heading). A group's
        rows are built when it comes into view: a long report's 1800 rows would take seconds and 150 MB."""
        part_titles = part_titles or {}
        place = self._place()
        self._rows, self._fields, self._groups, self._group_of = {}, fields, {}, {}
        self.columns = trailing_widths(self.fontMetrics(), fields.values())
        self._forget_place()
        content = QWidget()
        outer = QVBoxLayout(content)
        for field in fields.values():
            name = group_name(used_in.get(field.name, []))
            if name not in self._groups:
                box = QGroupBox(part_titles.get(name, name))
                layout = QFormLayout(box)
                layout.setRowWrapPolicy(QFormLayout.WrapLongRows)  # a narrow form puts long labels above their box
                self._groups[name] = Group(name, box, layout)
            self._groups[name].fields.append(field)
            self._group_of[field.name] = name
        self._groups = in_report_order(self._groups, list(part_titles))
        for group in self._groups.values():
            outer.addWidget(group.box)
        outer.addStretch(1)
        built = 0
        for group in self._groups.values():
            if built >= self.ROWS_FIRST:
                break
            built += self._build(group)
        self._per_row = 0.0
        first = self._first_built()
        if first is not None:  # until the form is laid out, the first group's size hint says what a row takes
            self._calibrate(first.box.sizeHint().height() / len(first.fields))
        self.scroll.setWidget(content)
        self._return_to(place)
        self.refresh()

    def retitle(self, part_titles: dict[str, str]) -> None:
        for name, group in self._groups.items():
            group.box.setTitle(part_titles.get(name, name))

    @property
    def rows(self) -> dict[str, FieldRow]:
        """Every field's row (building the groups not built yet, so callers always see them all)."""
        for group in self._groups.values():
            self._build(group)
        return self._rows

    def row(self, name: str) -> FieldRow:
        """One field's row, its group built if it was not yet (to go to its box)."""
        self._build(self._groups[self._group_of[name]])
        return self._rows[name]

    @property
    def built_groups(self) -> int:
        return sum(1 for group in self._groups.values() if group.built)

    def _build(self, group: Group) -> int:
        """The group's rows, once; how many rows that built."""
        if group.built:
            return 0
        group.built = True
        for field in group.fields:
            row = FieldRow(self, field)
            self._rows[field.name] = row
            row.label = FieldLabel(self, field, group.fields)
            group.layout.addRow(row.label, row.widget(self.columns))
            self._show_row(row)
        group.box.setMinimumHeight(0)
        return len(group.fields)

    def refresh(self) -> None:
        """Show current values and entries that cannot be read (after undo, say); a box whose text already means
        its value is left as typed (3,456 stays 3,456)."""
        for row in self._rows.values():  # rows still to be built show the current values when they are
            self._show_row(row)
        filled = sum(1 for field in self._fields.values() if field.filled)
        self.counter.setText(self.tr("已填 %1 / %2 项").replace("%1", str(filled)).replace("%2", str(len(self._fields))))

    def _show_row(self, row: FieldRow) -> None:
        text, reason = self.invalid.get(row.field.name, (None, ""))
        if text is not None:
            if row.input.text() != text:
                row.input.setText(text)
        elif not _means(row.input.text(), row.field):
            row.input.setText(editable_text(row.field))
        self._show_error(row, reason)
        row.show_state(self.tr)

    def take_previous(self, row: FieldRow) -> None:
        """Last year's value as this year's (a place name that has not changed, a count that stayed the same)."""
        text = entry_text(row.field.previous, row.field.type, row.field.notation)
        row.input.setText(text)
        self.entered(row, text)

    def entered(self, row: FieldRow, text: str) -> None:
        field = row.field
        if not text.strip():
            self._show_error(row, "")
            self.value_entered.emit(field, None)
            return
        try:
            value = parse_entry(text, field.type, field.notation)
            if field.type in ("integer", "decimal", "percent"):
                check_bounds(value, field.minimum, field.maximum)
        except NumberError as error:
            self._show_error(row, str(error))  # the text stays in the box: nothing typed is dropped
            self.invalid_entered.emit(field, text, str(error))
            return
        self._show_error(row, "")
        self.value_entered.emit(field, value)

    def _show_error(self, row: FieldRow, message: str) -> None:
        row.error.setText(message)
        row.error.setVisible(bool(message))
        row.input.setStyleSheet(_BAD_STYLE if message else "")
        row.input.setToolTip(message)
