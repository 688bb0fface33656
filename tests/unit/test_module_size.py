"""No module in interview/ is over 400 lines: a module that grows past it is split by what its
parts are about."""

from pathlib import Path

import pytest

LIMIT = 400
PACKAGE = Path(__file__).parent.parent.parent / "interview"


def line_count(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


@pytest.mark.parametrize(
    "module", sorted(str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py"))
)
def test_no_module_is_over_the_limit(module: str) -> None:
    lines = line_count(PACKAGE / module)
    assert lines <= LIMIT, f"{module} is {lines} lines; split it by what its parts are about"
