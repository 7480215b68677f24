"""JSON Lines: one result object (``schemas/result.schema.json``) per input."""
from __future__ import annotations

import json
from typing import Sequence

from checks.engine import Result


def render(results: Sequence[Result], **_options) -> str:
    return "".join(json.dumps(r.to_json(), ensure_ascii=False) + "\n" for r in results)
