"""公文报告起草助手: draft annual work reports and export them in the official Word style."""


def version() -> str:
    """The installed package's version, or 开发版 when running from a checkout that was never installed."""
    from importlib import metadata  # 30 ms to import: only when someone asks

    try:
        return metadata.version("drafter")
    except metadata.PackageNotFoundError:
        return "开发版"
