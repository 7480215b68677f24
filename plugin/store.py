"""The embedded store: results, webhook deliveries seen, and the callback outbox.

``Store`` is the small interface the rest of the app uses; ``SQLiteStore`` is the
embedded default (one SQLite file, ``STORE_PATH``, WAL mode, safe to share between
the threads and worker processes of one host). Another database can replace it
by implementing ``Store`` and putting the instance in ``app.config["STORE"]``.

Writes that belong together happen in one transaction (``save_outcome``): the
result, the record of the delivery that produced it and the callback to send
are stored all together or not at all.

Other features keep their own tables in the same file: ``register_tables(name,
ddl)`` runs their ``CREATE TABLE IF NOT EXISTS ...`` once, and ``connect()``
gives a connection inside a transaction (committed on success, rolled back on
an exception).
"""
from __future__ import annotations

import json
import sqlite3
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

PENDING, DELIVERED, FAILED = "pending", "delivered", "failed"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS results (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id TEXT NOT NULL,
    revision TEXT NOT NULL,
    source TEXT NOT NULL,
    stored_at REAL NOT NULL,
    result TEXT NOT NULL,
    edited_at REAL,
    UNIQUE (article_id, revision)
);
CREATE INDEX IF NOT EXISTS results_latest ON results (article_id, seq);
CREATE TABLE IF NOT EXISTS deliveries (
    source TEXT NOT NULL,
    delivery_id TEXT NOT NULL,
    body_sha256 TEXT NOT NULL,
    status INTEGER NOT NULL,
    response TEXT NOT NULL,
    received_at REAL NOT NULL,
    PRIMARY KEY (source, delivery_id)
);
CREATE TABLE IF NOT EXISTS outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id TEXT NOT NULL UNIQUE,
    url TEXT NOT NULL,
    body BLOB NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    created_at REAL NOT NULL,
    next_attempt_at REAL NOT NULL,
    lease_until REAL,
    last_error TEXT,
    finished_at REAL
);
CREATE INDEX IF NOT EXISTS outbox_due ON outbox (state, next_attempt_at);
"""


@dataclass(frozen=True)
class StoredResult:
    article_id: str
    revision: str
    source: str
    stored_at: float
    result: dict
    # When the CMS last edited this revision (its updated_at, else published_at,
    # as a Unix time), if the draft said: it decides which stored result is the
    # latest, so that a late retry of an older revision does not become it.
    edited_at: float | None = None


@dataclass(frozen=True)
class Delivery:
    """A webhook delivery already processed, and the answer it got."""

    source: str
    delivery_id: str
    body_sha256: str
    status: int
    response: dict


@dataclass(frozen=True)
class Callback:
    """A result to POST to ``url``; ``body`` is fixed once, so every attempt sends the same bytes."""

    message_id: str
    url: str
    body: bytes


@dataclass(frozen=True)
class OutboxItem:
    seq: int
    message_id: str
    url: str
    body: bytes
    state: str
    attempts: int
    next_attempt_at: float
    last_error: str | None


class DuplicateDelivery(Exception):
    """Another request stored the same delivery first."""


class Store:
    """What the webhooks, results and callbacks need from storage.

    Other features sharing the store use ``connect()`` (a connection in one
    transaction) and ``register_tables(name, ddl)``; see ``SQLiteStore``.
    """

    def connect(self):
        raise NotImplementedError

    def register_tables(self, name: str, ddl: str) -> None:
        raise NotImplementedError

    def save_outcome(self, result: StoredResult, *, delivery: Delivery | None = None,
                     callback: Callback | None = None, now: float) -> None:
        """Store a result, the delivery that produced it and its callback, atomically.

        Raises ``DuplicateDelivery`` (storing nothing) when the delivery id is taken.
        """
        raise NotImplementedError

    def result(self, article_id: str, revision: str | None = None) -> StoredResult | None:
        raise NotImplementedError

    def delivery(self, source: str, delivery_id: str) -> Delivery | None:
        raise NotImplementedError

    # outbox
    def claim_due(self, now: float, lease_seconds: float, limit: int = 10) -> list[OutboxItem]:
        """Pending callbacks due by ``now`` that nobody holds; each is leased and its attempt counted."""
        raise NotImplementedError

    def mark_delivered(self, seq: int, now: float) -> None:
        raise NotImplementedError

    def retry_later(self, seq: int, next_attempt_at: float, error: str) -> None:
        raise NotImplementedError

    def mark_failed(self, seq: int, now: float, error: str) -> None:
        raise NotImplementedError

    def outbox_item(self, message_id: str) -> OutboxItem | None:
        raise NotImplementedError

    def next_due(self) -> float | None:
        """When the earliest pending callback is due, or None when there is none."""
        raise NotImplementedError

    def prune(self, before: float) -> int:
        """Forget delivery records, and finished callbacks, older than ``before``; results stay."""
        raise NotImplementedError


class SQLiteStore(Store):
    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._ready = False
        self._lock = threading.Lock()
        self._extra: dict[str, str] = {}

    # -- connections and other features' tables --------------------------------------
    def _open(self) -> sqlite3.Connection:
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA busy_timeout = 30000")
        conn.execute("PRAGMA foreign_keys = ON")
        if not self._ready:
            with self._lock:
                if not self._ready:
                    conn.execute("PRAGMA journal_mode = WAL")
                    conn.executescript(_SCHEMA)
                    _add_missing_columns(conn)
                    for ddl in self._extra.values():
                        conn.executescript(ddl)
                    self._ready = True
        return conn

    def exists(self) -> bool:
        return self.path != ":memory:" and Path(self.path).exists()

    @contextmanager
    def connect(self) -> Iterator[sqlite3.Connection]:
        """A connection inside one write transaction: committed on success, else rolled back."""
        conn = self._open()
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        finally:
            conn.close()

    def register_tables(self, name: str, ddl: str) -> None:
        """Have ``ddl`` (idempotent: CREATE ... IF NOT EXISTS) run on this database."""
        self._extra[name] = ddl
        if self._ready:
            conn = self._open()
            try:
                conn.executescript(ddl)
            finally:
                conn.close()

    def _read(self, sql: str, args: tuple) -> list[sqlite3.Row]:
        conn = self._open()
        try:
            return conn.execute(sql, args).fetchall()
        finally:
            conn.close()

    # -- results and deliveries ---------------------------------------------------------
    def save_outcome(self, result: StoredResult, *, delivery: Delivery | None = None,
                     callback: Callback | None = None, now: float) -> None:
        try:
            with self.connect() as conn:
                if delivery is not None:
                    conn.execute(
                        "INSERT INTO deliveries"
                        " (source, delivery_id, body_sha256, status, response, received_at)"
                        " VALUES (?, ?, ?, ?, ?, ?)",
                        (delivery.source, delivery.delivery_id, delivery.body_sha256, delivery.status,
                         json.dumps(delivery.response), now))
                conn.execute("DELETE FROM results WHERE article_id = ? AND revision = ?",
                             (result.article_id, result.revision))
                conn.execute(
                    "INSERT INTO results (article_id, revision, source, stored_at, result, edited_at)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    (result.article_id, result.revision, result.source, result.stored_at,
                     json.dumps(result.result, ensure_ascii=False), result.edited_at))
                if callback is not None:
                    conn.execute(
                        "INSERT INTO outbox (message_id, url, body, created_at, next_attempt_at)"
                        " VALUES (?, ?, ?, ?, ?)",
                        (callback.message_id, callback.url, callback.body, now, now))
        except sqlite3.IntegrityError as exc:
            if delivery is not None and "deliveries" in str(exc):
                raise DuplicateDelivery(delivery.delivery_id) from None
            raise

    def result(self, article_id: str, revision: str | None = None) -> StoredResult | None:
        if revision is None:
            # The latest edit wins; revisions the CMS sent no date for come after
            # dated ones, and among equals the one stored last wins.
            rows = self._read("SELECT * FROM results WHERE article_id = ?"
                              " ORDER BY edited_at IS NULL, edited_at DESC, seq DESC LIMIT 1",
                              (article_id,))
        else:
            rows = self._read("SELECT * FROM results WHERE article_id = ? AND revision = ?",
                              (article_id, revision))
        if not rows:
            return None
        row = rows[0]
        return StoredResult(row["article_id"], row["revision"], row["source"], row["stored_at"],
                            json.loads(row["result"]), row["edited_at"])

    def delivery(self, source: str, delivery_id: str) -> Delivery | None:
        rows = self._read("SELECT * FROM deliveries WHERE source = ? AND delivery_id = ?",
                          (source, delivery_id))
        if not rows:
            return None
        row = rows[0]
        return Delivery(row["source"], row["delivery_id"], row["body_sha256"], row["status"],
                        json.loads(row["response"]))

    # -- outbox -----------------------------------------------------------------------
    @staticmethod
    def _item(row: sqlite3.Row) -> OutboxItem:
        return OutboxItem(row["seq"], row["message_id"], row["url"], bytes(row["body"]), row["state"],
                          row["attempts"], row["next_attempt_at"], row["last_error"])

    def claim_due(self, now: float, lease_seconds: float, limit: int = 10) -> list[OutboxItem]:
        with self.connect() as conn:
            rows = conn.execute(
                "SELECT * FROM outbox WHERE state = 'pending' AND next_attempt_at <= ?"
                " AND (lease_until IS NULL OR lease_until <= ?) ORDER BY next_attempt_at, seq LIMIT ?",
                (now, now, limit)).fetchall()
            for row in rows:
                conn.execute("UPDATE outbox SET lease_until = ?, attempts = attempts + 1 WHERE seq = ?",
                             (now + lease_seconds, row["seq"]))
        return [OutboxItem(r["seq"], r["message_id"], r["url"], bytes(r["body"]), r["state"],
                           r["attempts"] + 1, r["next_attempt_at"], r["last_error"]) for r in rows]

    def mark_delivered(self, seq: int, now: float) -> None:
        with self.connect() as conn:
            conn.execute("UPDATE outbox SET state = 'delivered', lease_until = NULL, finished_at = ?,"
                         " last_error = NULL WHERE seq = ?", (now, seq))

    def retry_later(self, seq: int, next_attempt_at: float, error: str) -> None:
        with self.connect() as conn:
            conn.execute("UPDATE outbox SET next_attempt_at = ?, lease_until = NULL, last_error = ?"
                         " WHERE seq = ? AND state = 'pending'", (next_attempt_at, error[:1000], seq))

    def mark_failed(self, seq: int, now: float, error: str) -> None:
        with self.connect() as conn:
            conn.execute("UPDATE outbox SET state = 'failed', lease_until = NULL, finished_at = ?,"
                         " last_error = ? WHERE seq = ?", (now, error[:1000], seq))

    def outbox_item(self, message_id: str) -> OutboxItem | None:
        rows = self._read("SELECT * FROM outbox WHERE message_id = ?", (message_id,))
        return self._item(rows[0]) if rows else None

    def next_due(self) -> float | None:
        rows = self._read("SELECT MIN(MAX(next_attempt_at, COALESCE(lease_until, 0))) AS due FROM outbox"
                          " WHERE state = 'pending'", ())
        return rows[0]["due"] if rows else None

    def prune(self, before: float) -> int:
        with self.connect() as conn:
            gone = conn.execute("DELETE FROM deliveries WHERE received_at < ?", (before,)).rowcount
            gone += conn.execute("DELETE FROM outbox WHERE state != 'pending' AND finished_at < ?",
                                 (before,)).rowcount
        return gone


def _add_missing_columns(conn: sqlite3.Connection) -> None:
    """Bring a store file made by an older release up to this schema."""
    columns = {row[1] for row in conn.execute("PRAGMA table_info(results)")}
    if "edited_at" not in columns:
        conn.execute("ALTER TABLE results ADD COLUMN edited_at REAL")


def get_store(app) -> Store:
    """The app's store (``app.config["STORE"]``, else SQLite at ``STORE_PATH``)."""
    store = app.extensions.get("factcheck.store")
    if store is None:
        store = app.config.get("STORE")
        if store is None:
            path = app.config.get("STORE_PATH") or str(Path(app.instance_path) / "factcheck.sqlite3")
            store = SQLiteStore(path)
        app.extensions["factcheck.store"] = store
    return store
