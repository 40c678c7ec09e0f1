"""A yardstick between the bare window and drafter's: the window drafter shows at start, rebuilt with PySide6 alone.

What drafter's window shows once painted (menus, tool bar, outline rows, the page's text in its fonts, the form's
visible rows, the status bar) is read from a real start; a second process builds the same with plain widgets and no
drafter code, as a short PySide6 script would. Its start is about what any PySide6 window showing that much costs:
drafter's own share is what it adds on top. Used by bench_gui (time) and bench_instructions (instructions).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from bench_process import AS_INSTALLED

DESCRIBE = AS_INSTALLED + """
import json, sys
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QToolBar
from drafter.gui import app as gui
from drafter.gui.page.page_atoms import atom_text

application = gui.application(); window = gui.make_window(None); window.show(); application.processEvents()
model = window.tree.model()


def rows(parent, depth):
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        yield [depth, model.data(index)]
        yield from rows(index, depth + 1)


menus = [[menu.text(), [action.text() for action in menu.menu().actions()]] for menu in window.menuBar().actions()]
toolbar = window.findChild(QToolBar, 'main-toolbar')


def page_html():  # the page as rich text, each drawn figure, year or number as the text it shows
    document = window.page.document().clone()
    text = document.toPlainText()
    for place in reversed([i for i, char in enumerate(text) if char == '\ufffc']):
        cursor = QTextCursor(document)
        cursor.setPosition(place + 1)
        drawn = QTextCharFormat(cursor.charFormat())
        shown = atom_text(window.page, drawn)[0]
        drawn.setObjectType(0)
        cursor.setPosition(place, QTextCursor.KeepAnchor)
        cursor.insertText(shown, drawn)
    return document.toHtml()


def form_rows(box):  # each row of a part's box: its label, and the texts beside the input (unit, last year's)
    layout = box.layout()
    for row in range(layout.rowCount()):
        label, field = layout.itemAt(row, QFormLayout.LabelRole), layout.itemAt(row, QFormLayout.FieldRole)
        if label is not None and field is not None:
            beside = [text.text() for text in field.widget().findChildren(QLabel) if text.isVisible() and text.text()]
            yield [label.widget().text(), beside]


groups = [[QGroupBox.title(box), list(form_rows(box))]  # title(): the meta box keeps its title box there
          for box in window.form.findChildren(QGroupBox) if box.isVisible() and box is not window.form.meta]
print(json.dumps({
    'size': [window.width(), window.height()],
    'menus': menus,
    'tools': [action.text() for action in toolbar.actions()],
    'outline': list(rows(model.index(-1, 0), 0)),
    'page': page_html(),
    'notice': window.notice.findChild(QLabel).text() if window.notice.isVisible() else '',
    'page_width': window.page.lineWrapColumnOrWidth(),
    'tabs': [window.side_tabs.tabText(i) for i in range(window.side_tabs.count())],
    'meta': [label.text() for label in window.form.meta.findChildren(QLabel) if label.isVisible() and label.text()],
    'meta_inputs': len([e for e in window.form.meta.findChildren(QLineEdit) if e.isVisible()]),
    'groups': groups,
    'status': [label.text() for label in window.statusBar().findChildren(QLabel) if label.isVisible()],
}, ensure_ascii=False))
"""

PLAIN = """
import json, sys
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QApplication, QCheckBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
                               QMainWindow, QScrollArea, QSplitter, QTabWidget, QTextEdit, QTreeView, QVBoxLayout,
                               QWidget)

shown = json.load(open(sys.argv[1], encoding='utf-8'))
app = QApplication([])
window = QMainWindow()
for title, actions in shown['menus']:
    menu = window.menuBar().addMenu(title)
    for text in actions:
        menu.addAction(text)
tools = window.addToolBar('tools')
for text in shown['tools']:
    tools.addAction(text)
model = QStandardItemModel()
parents = [model.invisibleRootItem()]
for depth, text in shown['outline']:
    item = QStandardItem(text)
    del parents[depth + 1:]
    parents[depth].appendRow(item)
    parents.append(item)
tree = QTreeView(); tree.setHeaderHidden(True); tree.setModel(model); tree.expandAll()
tree.setDragDropMode(QTreeView.InternalMove); tree.setDefaultDropAction(Qt.MoveAction)
page = QTextEdit(); page.setLineWrapMode(QTextEdit.FixedPixelWidth); page.setLineWrapColumnOrWidth(shown['page_width'])
page.setHtml(shown['page'])
form = QWidget(); column = QVBoxLayout(form)
meta = QFormLayout()
for text in shown['meta'][:shown['meta_inputs']]:
    meta.addRow(QLabel(text), QLineEdit())
meta.addRow(QCheckBox(shown['meta'][-1] if shown['meta'] else ''))
column.addLayout(meta)
content = QWidget(); groups = QVBoxLayout(content)
for title, rows in shown['groups']:
    box = QGroupBox(title); layout = QFormLayout(box); layout.setLabelAlignment(Qt.AlignRight)
    for label, beside in rows:
        field = QWidget(); line = QHBoxLayout(field); line.addWidget(QLineEdit(), 1)
        for text in beside:
            line.addWidget(QLabel(text))
        layout.addRow(QLabel(label), field)
    groups.addWidget(box)
scroll = QScrollArea(); scroll.setWidgetResizable(True); scroll.setWidget(content)
column.addWidget(scroll, 1)
tabs = QTabWidget()
tabs.addTab(form, shown['tabs'][0])
for title in shown['tabs'][1:]:
    tabs.addTab(QWidget(), title)
splitter = QSplitter()
for widget, title in ((tree, '提纲'), (page, '正文')):
    box = QWidget(); layout = QVBoxLayout(box); layout.addWidget(QLabel(f'<b>{title}</b>')); layout.addWidget(widget, 1)
    splitter.addWidget(box)
splitter.addWidget(tabs)
splitter.setSizes([220, 700, 500])
central = QWidget(); layout = QVBoxLayout(central)
if shown['notice']:
    layout.addWidget(QLabel(shown['notice']))
layout.addWidget(splitter, 1)
window.setCentralWidget(central)
for text in shown['status']:
    window.statusBar().addPermanentWidget(QLabel(text))
window.resize(*shown['size'])
window.show()
app.processEvents()
"""


def describe_window(folder: Path) -> Path:
    """What drafter's window shows at start (a new annual report), written where PLAIN reads it."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=f"{folder}/data",
               XDG_CONFIG_HOME=f"{folder}/config")
    done = subprocess.run([sys.executable, "-c", DESCRIBE], capture_output=True, text=True, encoding="utf-8",
                          env=env, check=True)
    path = folder / "shown.json"
    path.write_text(done.stdout.strip().splitlines()[-1], encoding="utf-8")
    json.loads(path.read_text(encoding="utf-8"))  # a start that printed something else fails here, not later
    return path
