"""factcheck's consistency checks: the article model, the registry and the engine.

A check is a plain function over an ``Article`` that yields annotations. It
never reads the clock (the reference time comes in the ``Context``), the
network or Flask, so the CLI, the HTTP service and the benchmarks all run
exactly the same code.
"""
from checks.annotation import Annotation, Suggestion
from checks.engine import Context, Result, run_checks
from checks.model import Article, Block, DateField, Target, TextUnit
from checks.registry import Rule, UnknownCheck, all_checks, get_check

__all__ = [
    "Annotation", "Article", "Block", "Context", "DateField", "Result", "Rule", "Suggestion",
    "Target", "TextUnit", "UnknownCheck", "all_checks", "get_check", "run_checks",
]
