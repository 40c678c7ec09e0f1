"""Entry point: `python -m drafter` and the `drafter` console script."""

import gc
import os
import sys

# Starting builds a few hundred thousand objects (modules, classes, Qt's enums) that all live as long as the
# program; the collector's passes over them while they are made took ~17 ms of the window's start. entry.run
# turns it back on before a command does its work, run_app once the window is on screen.
gc.disable()

from drafter.entry import run  # noqa: E402


def main() -> None:
    try:
        code = run(sys.argv[1:])
        sys.stdout.flush()
    except BrokenPipeError:  # `drafter fields x | head`: the reader left; that is no error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = 0
    sys.exit(code)


if __name__ == "__main__":
    main()
