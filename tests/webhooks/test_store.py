"""The store on its own: atomic outcomes, and room for other features' tables."""
import pytest

from plugin.store import Callback, Delivery, DuplicateDelivery, SQLiteStore, StoredResult


def result(revision="1", article_id="a1"):
    return StoredResult(article_id, revision, "generic", 0.0,
                        {"article_id": article_id, "revision": revision, "annotations": []})


def test_a_taken_delivery_id_stores_nothing_at_all(tmp_path):
    store = SQLiteStore(tmp_path / "s.sqlite3")
    delivery = Delivery("arc", "msg_1", "hash", 202, {"status": "accepted"})
    first = Callback("m1", "https://x.example/", b"{}")
    store.save_outcome(result("1"), delivery=delivery, callback=first, now=1)
    with pytest.raises(DuplicateDelivery):
        store.save_outcome(result("2"), delivery=delivery,
                           callback=Callback("m2", "https://x.example/", b"{}"), now=2)
    assert store.result("a1", "2") is None and store.outbox_item("m2") is None
    assert store.result("a1").revision == "1" and store.delivery("arc", "msg_1").status == 202


def test_other_features_can_keep_tables_in_the_same_file(tmp_path):
    store = SQLiteStore(tmp_path / "s.sqlite3")
    store.register_tables("dismissals",
                          "CREATE TABLE IF NOT EXISTS dismissals (article_id TEXT, annotation_id TEXT)")
    with store.connect() as conn:
        conn.execute("INSERT INTO dismissals VALUES ('a1', 'x')")
    with pytest.raises(RuntimeError):
        with store.connect() as conn:
            conn.execute("INSERT INTO dismissals VALUES ('a1', 'y')")
            raise RuntimeError("rolled back")
    reopened = SQLiteStore(tmp_path / "s.sqlite3")
    with reopened.connect() as conn:
        assert conn.execute("SELECT annotation_id FROM dismissals").fetchall()[0][0] == "x"
        assert conn.execute("SELECT COUNT(*) FROM dismissals").fetchone()[0] == 1


def test_old_delivery_records_and_finished_callbacks_are_pruned_but_results_stay(tmp_path):
    store = SQLiteStore(tmp_path / "s.sqlite3")
    store.save_outcome(result("1"), delivery=Delivery("arc", "old", "h", 200, {}),
                       callback=Callback("m-old", "https://x.example/", b"{}"), now=100)
    store.save_outcome(result("2"), delivery=Delivery("arc", "new", "h", 200, {}),
                       callback=Callback("m-pending", "https://x.example/", b"{}"), now=100)
    [first, _] = store.claim_due(100, 60, limit=2)
    store.mark_delivered(first.seq, 150)
    store.save_outcome(result("3"), delivery=Delivery("arc", "newest", "h", 200, {}), now=500)
    assert store.prune(before=300) == 3  # two old delivery ids, one finished callback
    assert store.delivery("arc", "old") is None and store.delivery("arc", "newest") is not None
    assert store.outbox_item("m-old") is None
    assert store.outbox_item("m-pending").state == "pending"  # pending callbacks are never pruned
    assert store.result("a1", "1") is not None


def test_the_latest_result_is_the_latest_edit_not_the_last_stored(tmp_path):
    store = SQLiteStore(tmp_path / "s.sqlite3")
    newer = StoredResult("a1", "5", "generic", 0.0, {"revision": "5"}, edited_at=2000.0)
    late_retry_of_older = StoredResult("a1", "4", "generic", 0.0, {"revision": "4"}, edited_at=1000.0)
    store.save_outcome(newer, now=1)
    store.save_outcome(late_retry_of_older, now=2)
    assert store.result("a1").revision == "5"
    assert store.result("a1", "4").edited_at == 1000.0


def test_undated_revisions_fall_back_to_the_order_they_were_stored_in(tmp_path):
    store = SQLiteStore(tmp_path / "s.sqlite3")
    store.save_outcome(result("1"), now=1)
    store.save_outcome(result("2"), now=2)
    assert store.result("a1").revision == "2"


def test_a_store_file_from_before_edit_times_is_upgraded_in_place(tmp_path):
    import sqlite3

    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript("""
        CREATE TABLE results (seq INTEGER PRIMARY KEY AUTOINCREMENT, article_id TEXT NOT NULL,
            revision TEXT NOT NULL, source TEXT NOT NULL, stored_at REAL NOT NULL,
            result TEXT NOT NULL, UNIQUE (article_id, revision));
        INSERT INTO results (article_id, revision, source, stored_at, result)
            VALUES ('a1', '1', 'generic', 0.0, '{"revision": "1"}');
    """)
    conn.commit()
    conn.close()
    store = SQLiteStore(path)
    assert store.result("a1").revision == "1" and store.result("a1").edited_at is None
    store.save_outcome(StoredResult("a1", "2", "generic", 0.0, {"revision": "2"}, edited_at=5.0), now=1)
    assert store.result("a1").revision == "2"
