"""The pre-commit hook and the GitHub Action call the CLI as it really is."""
from __future__ import annotations

import re
import shlex

import yaml

from plugin.cli import build_parser
from tests.conftest import ROOT


def _check_options() -> set[str]:
    parser = build_parser()
    check = parser._subparsers._group_actions[0].choices["check"]  # noqa: SLF001 (argparse has no public API)
    return {option for action in check._actions for option in action.option_strings}


def test_pre_commit_hook_runs_the_check_command_on_markdown():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "factcheck")
    assert hook["language"] == "python"
    assert shlex.split(hook["entry"]) == ["factcheck", "check"]
    files = re.compile(hook["files"])
    assert files.search("content/posts/budget.md") and files.search("a.markdown")
    assert not files.search("package.json") and not files.search("setup.py")


def test_action_is_composite_and_uses_only_real_cli_options():
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    scripts = "\n".join(step.get("run", "") for step in action["runs"]["steps"])
    used = set(re.findall(r"(?<![\w-])--[a-z][a-z-]+", scripts)) - {"--quiet", "--name-only", "--diff-filter",
                                                                    "--no-tags", "--depth"}
    assert {"--format", "--output", "--fail-on"} <= used
    assert used <= _check_options(), used - _check_options()
    uploads = [s for s in action["runs"]["steps"] if "upload-sarif" in s.get("uses", "")]
    assert uploads and uploads[0]["with"]["sarif_file"] == "${{ inputs.sarif-file }}"
    assert {"fail-on", "paths", "sarif-file", "config", "baseline"} <= set(action["inputs"])
    assert "sarif" in scripts and "github" in scripts
