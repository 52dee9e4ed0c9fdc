"""``--format junit``: JUnit XML, a testsuite per document and a testcase per claim.

A refuted claim fails; an unverifiable one is skipped, and so is a refuted one whose rule has no
error or warning finding left in the document (ignored, suppressed or turned into info by
configuration). A claim ``--fix`` rewrote passes, its system-out saying "fixed: ...". A finding without a claim (schema, parse) is a testcase of its own: failed, or
skipped when it is only info.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

from handoff_lint.reporters import ReportOptions, register

if TYPE_CHECKING:
    from handoff_lint.model import Claim, DocumentResult, RunResult

# Characters XML 1.0 cannot hold at all, not even escaped.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _text(value: str) -> str:
    return _NOT_XML.sub("\ufffd", value)


def _detail(claim: Claim) -> str:
    text = f"{claim.kind} claim '{claim.text}': {claim.reason}"
    return f"{text} ({claim.fix})" if claim.fix else text


def _case(suite: ET.Element, path: str, name: str) -> ET.Element:
    return ET.SubElement(suite, "testcase", name=_text(name), classname=_text(path), time="0")


def _suite(result: DocumentResult) -> ET.Element:
    suite = ET.Element("testsuite", name=_text(result.path))
    failures = skipped = 0
    failing = {f.rule for f in result.findings if f.severity != "info"}
    fixed = {id(f.claim): f.message for f in result.findings if f.fixed}
    for claim in result.claims:
        case = _case(suite, result.path, f"{claim.line}:{claim.column} {claim.kind} {claim.text}")
        rule = claim.rule or "HL901"
        if id(claim) in fixed:  # --fix rewrote it: the case passes, and says so
            ET.SubElement(case, "system-out").text = _text(f"{rule} {fixed[id(claim)]}")
        elif claim.verdict == "refuted" and rule in failing:
            failures += 1
            failure = ET.SubElement(case, "failure", message=_text(claim.reason), type=rule)
            failure.text = _text(_detail(claim))
        elif claim.verdict == "refuted":
            skipped += 1
            message = f"{rule} is not reported here (ignored or suppressed): {claim.reason}"
            ET.SubElement(case, "skipped", message=_text(message))
        elif claim.verdict != "verified":
            skipped += 1
            ET.SubElement(case, "skipped", message=_text(claim.reason))
    for finding in result.findings:
        if finding.claim is not None:
            continue
        what = f"{finding.rule} {finding.name}: {finding.message}"
        case = _case(suite, result.path, f"{finding.line}:{finding.column} {what}")
        if finding.severity == "info":
            skipped += 1
            ET.SubElement(case, "skipped", message=_text(finding.message))
        else:
            failures += 1
            failure = ET.SubElement(
                case, "failure", message=_text(finding.message), type=finding.rule
            )
            failure.text = _text(what)
    counts = {"tests": len(suite), "failures": failures, "errors": 0, "skipped": skipped}
    suite.attrib.update({k: str(v) for k, v in counts.items()}, time="0")
    return suite


def render(run: RunResult, options: ReportOptions) -> str:
    root = ET.Element("testsuites", name="handoff-lint")
    for result in run.documents:
        root.append(_suite(result))
    for key in ("tests", "failures", "errors", "skipped"):
        root.set(key, str(sum(int(suite.get(key, "0")) for suite in root)))
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


register("junit", render)
