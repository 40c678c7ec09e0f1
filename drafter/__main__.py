"""Entry point: `python -m drafter` and the `drafter` console script."""

import gc
import os
import sys

# Starting builds a few hundred thousand objects (modules, classes, Qt's enums) that all live as long as the
# program; the collector's passes over them while they are made took ~17 ms of the window's start. entry.run
# turns it back on before a command does its work, run_app once the window is on screen.
gc.disable()

from drafter.entry import run  # noqa: E402


def speak_any_code_page() -> None:
    """Chinese output that cannot crash: a stream whose code page has no Chinese (an English Windows' cp1252, piped
    or redirected) writes UTF-8 instead, and a character the code page lacks (GBK has no emoji) becomes "?"."""
    for stream in (sys.stdout, sys.stderr):
        if stream is None or not hasattr(stream, "reconfigure"):  # a windowed program on Windows has no console
            continue
        try:
            "公文报告".encode(stream.encoding)
        except (UnicodeEncodeError, LookupError):
            stream.reconfigure(encoding="utf-8", errors="replace")
        else:
            if stream.errors == "strict":
                stream.reconfigure(errors="replace")


def main() -> None:
    speak_any_code_page()
    try:
        code = run(sys.argv[1:])
        sys.stdout.flush()
    except BrokenPipeError:  # `drafter fields x | head`: the reader left; that is no error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = 0
    sys.exit(code)


if __name__ == "__main__":
    main()
