"""Packaging glue: drafter's packages are found, never listed by hand; resources/ and templates/ ride inside."""

from setuptools import find_packages, setup

# Every folder of drafter/ with an __init__.py is a package of the wheel; the two data folders sit beside the
# package in a checkout and are mapped into it (package-dir and package-data in pyproject.toml).
setup(packages=find_packages(include=["drafter", "drafter.*"]) + ["drafter.resources", "drafter.templates"])
