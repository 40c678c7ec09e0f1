"""Entry point: `python -m drafter` and the `drafter` console script."""

import sys

from drafter.cli import run


def main() -> None:
    sys.exit(run(sys.argv[1:]))


if __name__ == "__main__":
    main()
