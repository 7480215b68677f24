"""bench/callgrind_workload.py runs the checks on its workloads (the count itself needs valgrind)."""
from bench import callgrind_workload


def test_unknown_workload_is_refused(shared, capsys):
    assert callgrind_workload.main(["everything"]) == 2
    assert "unknown workload" in capsys.readouterr().err


def test_the_long_article_workload_runs_the_checks(shared, monkeypatch):
    calls = []
    monkeypatch.setattr(callgrind_workload, "call", lambda fn, *a, **k: calls.append(fn(*a, **k)))
    assert callgrind_workload.main(["long10"]) == 0
    assert len(calls) == 1 and not calls[0].check_errors and calls[0].annotations
