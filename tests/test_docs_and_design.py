"""The generated pages are current, the error table is sound, and imports point one way."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import botocore.session
import pytest
from support import PROTOCOL_CODES

from ecsmock import ledger
from ecsmock.messages import TABLES

ENTRIES = [entry for table in TABLES for entry in table]

ROOT = Path(__file__).parent.parent
PACKAGE = ROOT / "ecsmock"


def test_generated_docs_are_current(tmp_path):
    (tmp_path / "docs").mkdir()
    for name in ledger.SUMMARIZED:
        (tmp_path / name).write_text((ROOT / name).read_text())
    subprocess.run([sys.executable, "-m", "ecsmock.ledger", tmp_path], check=True)
    for name in [*(f"docs/{page}" for page in ledger.PAGES), *ledger.SUMMARIZED]:
        assert (ROOT / name).read_text() == (tmp_path / name).read_text(), (
            "run: python -m ecsmock.ledger"
        )


def test_a_page_without_the_served_block_is_refused():
    with pytest.raises(ValueError, match="no block"):
        ledger.with_summary("# A page\n")


def test_every_error_code_is_one_botocore_maps():
    model = botocore.session.get_session().get_service_model("ecs")
    modeled = {shape.name for shape in model.error_shapes}
    assert {entry.message.code for entry in ENTRIES} <= modeled | PROTOCOL_CODES


def test_every_error_entry_is_used():
    source = "\n".join(path.read_text() for path in PACKAGE.rglob("*.py"))
    unused = [
        entry.name for entry in ENTRIES if f"{type(entry).__name__}.{entry.name}" not in source
    ]
    assert unused == []


def test_every_aws_text_names_where_it_was_seen():
    """A text marked AWS is a quotation: its source names the public place it was seen."""
    for entry in ENTRIES:
        spec = entry.message
        if spec.provenance.value == "AWS":
            assert re.search(
                r"github\.com/|docs\.aws\.amazon\.com/|PR \d+|issue \d+", spec.source
            ), entry


def test_modules_stay_small():
    """No exemptions: a module past 400 lines holds two things."""
    for path in PACKAGE.rglob("*.py"):
        assert len(path.read_text().splitlines()) <= 400, path


def test_readme_starts_with_the_two_commands():
    blocks = re.findall(r"```bash\n(.*?)\n```", (ROOT / "README.md").read_text(), re.S)
    assert "examples/demo.py" in blocks[0]
    assert "pytest" in blocks[1]
    assert "python -m pytest -n 2" in blocks[1]
    assert "-m pytest -n 2" in (ROOT / ".ci" / "run").read_text()


def test_tests_cite_pages_and_sections_that_exist():
    """A test names the rule it checks by page and section: both must be there to read."""
    citations = []
    for path in (ROOT / "tests").glob("*.py"):
        text = " ".join(path.read_text().split())
        citations += re.findall(r'docs/([\w-]+\.md)(?:, "([^"]+)")?', text)
    assert citations
    for page, section in citations:
        text = (ROOT / "docs" / page).read_text()
        if section:
            assert re.search(rf"^#+ {re.escape(section)}$", text, re.M), (page, section)
