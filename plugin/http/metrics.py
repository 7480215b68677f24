"""Prometheus metrics for every endpoint and every check run.

- ``factcheck_http_requests_total{endpoint,method,status}`` and
  ``factcheck_http_request_duration_seconds{endpoint,status}`` (histogram):
  every request to any blueprint; ``endpoint`` is the URL rule
  (``/v1/checks/<check_id>``), or ``unmatched`` for addresses with no rule;
- ``factcheck_check_duration_seconds{check}`` (histogram): run time of each
  check family, from ``Result.timings``;
- ``factcheck_annotations_total{check,severity}`` and
  ``factcheck_check_errors_total{check}``; ``factcheck_articles_checked_total``.

Each app has its own registry, so apps built side by side (tests) do not
share counts. Under several gunicorn workers set ``PROMETHEUS_MULTIPROC_DIR``
(``factcheck serve`` does) and ``/metrics`` adds up every worker's figures.
"""
from __future__ import annotations

import os
from typing import Any

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client import disable_created_metrics

from checks.engine import Result

CONTENT_TYPE = CONTENT_TYPE_LATEST
MULTIPROC_VAR = "PROMETHEUS_MULTIPROC_DIR"

disable_created_metrics()  # no *_created series: half the exposition, no use here

REQUEST_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)
CHECK_BUCKETS = (0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 1.0)


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        r = self.registry
        self.requests = Counter("factcheck_http_requests", "HTTP requests answered.",
                                ["endpoint", "method", "status"], registry=r)
        self.latency = Histogram("factcheck_http_request_duration_seconds",
                                 "Time to answer an HTTP request.", ["endpoint", "status"],
                                 buckets=REQUEST_BUCKETS, registry=r)
        self.check_time = Histogram("factcheck_check_duration_seconds",
                                    "Run time of one check family on one article.", ["check"],
                                    buckets=CHECK_BUCKETS, registry=r)
        self.annotations = Counter("factcheck_annotations", "Annotations reported.",
                                   ["check", "severity"], registry=r)
        self.check_errors = Counter("factcheck_check_errors", "Check families that raised.",
                                    ["check"], registry=r)
        self.articles = Counter("factcheck_articles_checked", "Articles checked.", registry=r)

        # Labelled children, looked up once per label set: labels() costs more
        # than the increment itself, and the label sets are few.
        self._request_children: dict[tuple[str, str, int], tuple] = {}
        self._check_children: dict[str, Any] = {}
        self._annotation_children: dict[tuple[str, str], Any] = {}

    def observe_request(self, endpoint: str, method: str, status: int, seconds: float) -> None:
        key = (endpoint, method, status)
        children = self._request_children.get(key)
        if children is None:
            code = str(status)
            children = (self.requests.labels(endpoint, method, code), self.latency.labels(endpoint, code))
            self._request_children[key] = children
        children[0].inc()
        children[1].observe(seconds)

    def observe_result(self, result: Result) -> None:
        self.articles.inc()
        for check, seconds in result.timings.items():
            child = self._check_children.get(check)
            if child is None:
                child = self._check_children[check] = self.check_time.labels(check)
            child.observe(seconds)
        counts: dict[tuple[str, str], int] = {}
        for ann in result.annotations:
            key = (ann.check, ann.severity)
            counts[key] = counts.get(key, 0) + 1
        for key, n in counts.items():
            child = self._annotation_children.get(key)
            if child is None:
                child = self._annotation_children[key] = self.annotations.labels(*key)
            child.inc(n)
        for error in result.check_errors:
            self.check_errors.labels(error.check).inc()

    def exposition(self) -> bytes:
        if os.environ.get(MULTIPROC_VAR):
            from prometheus_client import multiprocess

            registry = CollectorRegistry()
            multiprocess.MultiProcessCollector(registry)
            return generate_latest(registry)
        return generate_latest(self.registry)
