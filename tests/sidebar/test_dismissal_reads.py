"""Reads of dismissals keep a connection open; they must still see every write at once."""
from __future__ import annotations

import os
import shutil

from plugin.dismissals import DismissalStore

AT = "2025-05-15T09:30:00Z"
FIRST, SECOND = "fc_" + "1" * 20, "fc_" + "2" * 20


def test_a_write_by_another_worker_is_seen_by_the_next_read(tmp_path):
    path = str(tmp_path / "store.sqlite3")
    reader, writer = DismissalStore(path), DismissalStore(path)  # two workers, one file
    writer.dismiss("a1", FIRST, "R", None, AT)
    assert list(reader.dismissed_ids("a1")) == [FIRST]  # the reader's connection is open now
    writer.dismiss("a1", SECOND, "R", None, AT)
    assert sorted(reader.dismissed_ids("a1")) == [FIRST, SECOND]
    writer.undo("a1", FIRST, "R", AT)
    assert list(reader.dismissed_ids("a1")) == [SECOND]


def test_a_store_file_replaced_underneath_is_read_afresh(tmp_path):
    path = str(tmp_path / "store.sqlite3")
    store = DismissalStore(path)
    store.dismiss("a1", FIRST, "R", None, AT)
    backup = str(tmp_path / "backup.sqlite3")
    shutil.copy(path, backup)
    store.dismiss("a1", SECOND, "R", None, AT)
    assert sorted(store.dismissed_ids("a1")) == [FIRST, SECOND]
    os.replace(backup, path)  # a restored backup
    assert list(store.dismissed_ids("a1")) == [FIRST]
