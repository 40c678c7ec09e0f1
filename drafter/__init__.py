"""公文报告起草助手: draft annual work reports and export them in the official Word style."""

# The one place the version is written: pyproject.toml reads it from here, and the program needs no package
# metadata to know it (a frozen build carries none; reading it took 20 ms of every start).
__version__ = "0.1.0"


def version() -> str:
    return __version__
