"""The real install path: a plain (not editable) `pip install .` answers from any
directory, with the shipped knowledge inside the installed package.

The venv gets the project only (--no-deps); its dependencies come from this interpreter's
site-packages through PYTHONPATH, where .pth files (such as an editable install's finder)
are not run, so the code under test is the installed copy, not the checkout."""
from __future__ import annotations

import json
import os
import site
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    venv = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = venv / "bin" / "pip"
    if not pip.exists():
        pytest.skip("this Python's venv has no pip")
    work = tmp_path_factory.mktemp("src")
    # build from a copy: a build never writes into the checkout (build/, *.egg-info)
    subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", "-o", str(work / "src.tar"), "HEAD"],
                   check=True)
    subprocess.run(["tar", "-xf", str(work / "src.tar"), "-C", str(work)], check=True)
    result = subprocess.run([str(pip), "install", "-q", "--no-deps", str(work)], capture_output=True, text=True)
    if result.returncode:
        pytest.skip(f"could not build the wheel here: {(result.stderr or result.stdout)[-300:]}")
    return venv


def test_a_plain_install_answers_from_anywhere(installed, tmp_path):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(site.getsitepackages()),
           "SHOWBOT_DATA_DIR": str(tmp_path / "data")}
    env.pop("SHOWBOT_ARTICLES", None)
    result = subprocess.run([str(installed / "bin" / "showbot"), "ask", "--json", "Who plays Nam-ra?"],
                            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-1000:]
    answer = json.loads(result.stdout.splitlines()[0])
    assert answer["answered"] and "Cho Yi-hyun" in answer["answer"]
    where = subprocess.run([str(installed / "bin" / "python"), "-c", "import bot; print(bot.__file__)"],
                           cwd=tmp_path, env=env, capture_output=True, text=True)
    assert str(installed) in where.stdout, "the installed copy, not the checkout, answered"
