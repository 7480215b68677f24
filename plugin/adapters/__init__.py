"""Adapters: every input shape becomes one ``checks.model.Article``."""
