"""Packaging details pyproject.toml cannot express: the shipped data.

knowledge/ (the bundled show and the general language data) lives at the top of the
repository, where admins find it, and goes into the wheel as the package bot._knowledge,
so a plain `pip install .` answers from any directory. bot/config.py looks for it beside
the package in a checkout and inside it once installed.
"""
from setuptools import find_packages, setup

setup(
    packages=find_packages(include=["bot", "bot.*"]) + ["bot._knowledge"],
    package_dir={"bot._knowledge": "knowledge"},
    package_data={"bot._knowledge": ["**/*.toml", "**/*.md", "**/*.txt", "**/*.markdown"]},
)
