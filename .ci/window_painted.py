"""Starts drafter's window as the installed `drafter` command does and ends once it is painted.

python window_painted.py OUT.png [PROJECT]: runs the program's own entry (drafter.__main__.main) with the arguments a
user gives; when the window is on screen and painted (run_app's finish_starting) it is grabbed to OUT.png, and the
run fails unless the picture shows a window's worth of different colours (menus, outline, page text, the form).
"""

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import drafter.__main__ as program  # noqa: E402  (what the `drafter` script runs)
import drafter.gui.app as gui_app  # noqa: E402

OUT = sys.argv[1]
MIN_COLOURS = 40  # a blank or one-colour window has a handful; drafter's first screen has hundreds


def colours(image) -> int:
    step = 4
    return len({image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)})


def grab_and_end() -> None:
    try:
        check_window()
    except BaseException:  # the program's error handler would show it in a box nobody can close here
        import traceback

        traceback.print_exc()
        os._exit(1)


def check_window() -> None:
    from PySide6.QtWidgets import QApplication

    window = next(widget for widget in QApplication.topLevelWidgets() if widget.isVisible() and hasattr(widget, "page"))
    image = window.grab().toImage()
    image.save(OUT)
    found = colours(image)
    print(f"window painted: {image.width()}×{image.height()}, {found} colours, title “{window.windowTitle()}”",
          flush=True)
    os._exit(0 if found >= MIN_COLOURS else 1)


gui_app.finish_starting = grab_and_end
sys.argv = ["drafter", *sys.argv[2:]]
program.main()
print("the window was never painted", file=sys.stderr)
sys.exit(1)
