"""Read a JUnit XML report (pytest --junitxml, jest-junit, surefire...) into pass counts."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Counts:
    total: int
    passed: int
    skipped: int

    def agrees(self, passed: int, total: int) -> bool:
        """X/Y agrees with the report, counting skipped tests in Y or not."""
        return passed == self.passed and total in (self.total, self.total - self.skipped)


def read(path: Path) -> Counts:
    """Count the report's test cases; raise ValueError with a message when it cannot be read."""
    import xml.etree.ElementTree as ET

    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise ValueError(f"cannot read JUnit report {path}: {exc}") from None
    cases = list(root.iter("testcase"))
    if not cases:
        raise ValueError(f"JUnit report {path} has no <testcase>")
    failed = sum(1 for c in cases if c.find("failure") is not None or c.find("error") is not None)
    skipped = sum(1 for c in cases if c.find("skipped") is not None)
    return Counts(len(cases), len(cases) - failed - skipped, skipped)
