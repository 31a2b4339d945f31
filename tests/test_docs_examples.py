"""The examples in the README and the docs pass, pasted into a test file as a user would."""

from __future__ import annotations

import re
from pathlib import Path

pytest_plugins = ["pytester"]

ROOT = Path(__file__).parent.parent
PAGES = ["README.md", "docs/index.md", "docs/quickstart.md", "docs/usage.md"]


def examples(page: str) -> str:
    """The page's Python blocks that hold tests, as one module."""
    blocks = re.findall(r"```python\n(.*?)```", (ROOT / page).read_text(), re.S)
    return "\n\n".join(
        block for block in blocks if re.search(r"^(def|class) Test|def test_", block, re.M)
    )


def test_examples_pass(pytester):
    modules = {f"test_{Path(page).stem.lower()}": examples(page) for page in PAGES}
    tests = sum(len(re.findall(r"^\s*def test_", module, re.M)) for module in modules.values())
    assert all(modules.values()), "every page listed shows at least one test"
    pytester.makepyfile(**modules)
    # as a user with pytest-asyncio installed configures it, or its warning stops the run
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-W", "error")
    result.assert_outcomes(passed=tests)
