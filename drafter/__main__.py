"""Entry point: `python -m drafter` and the `drafter` console script."""

import os
import sys

from drafter.cli import run


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
