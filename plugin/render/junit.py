"""JUnit XML: one test case per checked file, one failure per finding at or above
the ``--fail-on`` threshold. Findings below it are listed in the case's
``system-out`` so nothing is lost; a file that could not be read is an error.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Sequence

from checks.engine import Result
from plugin.render.common import InputProblem, at_or_above, display_path, findings


def render(results: Sequence[Result], *, fail_on: str = "error",
           problems: Sequence[InputProblem] = (), **_options) -> str:
    by_path: dict[str, list] = {}
    order: list[str] = []
    for result in results:
        path = display_path(result.source)
        if path not in by_path:
            by_path[path] = []
            order.append(path)
    for finding in findings(results):
        by_path[finding.path].append(finding)

    suite = ET.Element("testsuite", name="factcheck")
    failures = errors = 0
    for path in order:
        case = ET.SubElement(suite, "testcase", classname="factcheck", name=path, file=path)
        below = []
        for finding in by_path[path]:
            ann = finding.annotation
            where = f"{path}:{finding.line}:{finding.col}"
            if at_or_above(ann.severity, fail_on):
                failures += 1
                failure = ET.SubElement(case, "failure", message=ann.message,
                                        type=f"{ann.severity} {ann.check}/{ann.rule}")
                failure.text = f"{where}: {ann.severity} {ann.check}/{ann.rule}\n{ann.target.quote}"
            else:
                below.append(f"{where}: {ann.severity} {ann.check}/{ann.rule} {ann.message}")
        for result in results:
            if display_path(result.source) == path:
                for err in result.check_errors:
                    errors += 1
                    ET.SubElement(case, "error", message=f"check {err.check} failed: {err.message}",
                                  type="check-error")
        if below:
            ET.SubElement(case, "system-out").text = "\n".join(below)
    for problem in problems:
        path = display_path(problem.path)
        case = ET.SubElement(suite, "testcase", classname="factcheck", name=path, file=path)
        ET.SubElement(case, "error", message=problem.message, type="invalid-input")
        errors += 1
    tests = len(order) + len(problems)
    suite.set("tests", str(tests))
    suite.set("failures", str(failures))
    suite.set("errors", str(errors))
    suite.set("skipped", "0")
    root = ET.Element("testsuites", name="factcheck", tests=str(tests), failures=str(failures),
                      errors=str(errors))
    root.append(suite)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
