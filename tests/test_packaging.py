"""What a user checks before depending on ecsmock: the wheel's license and metadata."""

from __future__ import annotations

import os
import tomllib
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    build = pytest.importorskip("hatchling.build")
    out = tmp_path_factory.mktemp("wheel")
    here = Path.cwd()
    os.chdir(ROOT)
    try:
        name = build.build_wheel(str(out))
    finally:
        os.chdir(here)
    return zipfile.ZipFile(out / name)


def metadata(wheel):
    [path] = [n for n in wheel.namelist() if n.endswith(".dist-info/METADATA")]
    return Parser().parsestr(wheel.read(path).decode())


def test_the_wheel_ships_the_license(wheel):
    licenses = [n for n in wheel.namelist() if n.endswith("licenses/LICENSE")]
    assert len(licenses) == 1
    assert "Apache License" in wheel.read(licenses[0]).decode()
    assert metadata(wheel)["License-Expression"] == "Apache-2.0"
    assert "py.typed" in {Path(n).name for n in wheel.namelist()}


def test_classifiers_name_every_supported_python(wheel):
    classifiers = set(metadata(wheel).get_all("Classifier"))
    floor = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["requires-python"]
    assert floor == ">=3.11"
    for minor in range(11, 15):
        assert f"Programming Language :: Python :: 3.{minor}" in classifiers
    assert any(c.startswith("Development Status ::") for c in classifiers)
