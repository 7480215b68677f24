"""The code keeps the house style: flake8 (setup.cfg's [flake8]) reports nothing."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_flake8_reports_nothing():
    pytest.importorskip("flake8")
    done = subprocess.run([sys.executable, "-m", "flake8", "checks", "plugin", "bench", "tests", "wsgi.py"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
