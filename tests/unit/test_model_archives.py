"""Which model the server serves (rasa_server/models.py): the newest complete archive."""

import io
import os
import tarfile
from collections import namedtuple

from rasa_server import models


def _archive(path, files, mtime):
    with tarfile.open(path, "w:gz") as archive:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    os.utime(path, (mtime, mtime))
    return path


def _model(path, mtime=1_000):
    return _archive(path, {"metadata.json": b"{}", "components/x.bin": os.urandom(50_000)}, mtime)


def test_a_complete_model_archive_can_be_served(tmp_path):
    assert models.archive_problem(_model(tmp_path / "good.tar.gz")) is None


def test_a_truncated_archive_or_one_without_metadata_cannot(tmp_path):
    whole = _model(tmp_path / "good.tar.gz").read_bytes()
    truncated = tmp_path / "truncated.tar.gz"
    truncated.write_bytes(whole[: len(whole) // 2])
    assert "not a complete model archive" in models.archive_problem(truncated)
    empty = tmp_path / "empty.tar.gz"
    empty.write_bytes(b"")
    assert "not a complete model archive" in models.archive_problem(empty)
    other = _archive(tmp_path / "other.tar.gz", {"notes.txt": b"hi"}, 1_000)
    assert models.archive_problem(other) == "not a Rasa model (no metadata.json)"


def test_a_model_the_temporary_folder_has_no_room_for_cannot(tmp_path, monkeypatch):
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(models.shutil, "disk_usage", lambda _: usage(10, 10, 1_000))
    assert "cannot be unpacked: it needs" in models.archive_problem(_model(tmp_path / "good.tar.gz"))


def test_the_newest_complete_model_is_served_and_newer_broken_ones_named(tmp_path):
    older = _model(tmp_path / "older.tar.gz", mtime=1_000)
    newest_good = _model(tmp_path / "good.tar.gz", mtime=2_000)
    broken = tmp_path / "broken.tar.gz"
    broken.write_bytes(newest_good.read_bytes()[:100])
    os.utime(broken, (3_000, 3_000))
    model, skipped = models.newest_complete(tmp_path)
    assert model == newest_good != older
    assert len(skipped) == 1 and skipped[0].startswith(f"{broken}: not a complete model archive")
    assert models.newest_complete(tmp_path / "none") == (None, [])
