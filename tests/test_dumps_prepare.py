"""Cleaning every dump up front: worker processes, the cache, and when a cached result is reused."""

import logging
import shutil
from pathlib import Path

import pytest

from plugins.dumps import prepare as prep
from plugins.dumps.cache import FILENAME, Store
from plugins.dumps.settings import DEFAULTS

ROOT = Path(__file__).resolve().parent.parent
PARAGRAPH = ("The two governments agreed on {day} to resume talks on the disputed border crossing, "
             "after a pause of almost {months} months that had worried traders on both sides.")
SHARED = "Readers in thirty countries receive this briefing."


def dump(i: int, shared: bool = True) -> str:
    """A small text dump; `shared` adds a line that the corpus signal may call furniture."""
    lines = [f"Border talks resume after {i} months", ""]
    lines += [PARAGRAPH.format(day=day, months=i + n) + "\n" for n, day in enumerate(("Monday", "Friday"))]
    if shared:
        lines += [SHARED, ""]
    lines += [PARAGRAPH.format(day="Sunday", months=i + 7)]
    return "\n".join(lines)


def options(**changes):
    return {**DEFAULTS, **changes}


def run(folder: Path, cache: Path | None, **changes):
    return prep.prepare_dumps(str(folder), options(**changes), str(cache) if cache else None)


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "dumps"
    folder.mkdir()
    for i in range(4):
        (folder / f"{i}.txt").write_text(dump(i), encoding="utf-8")
    return folder


def test_workers_give_the_same_results_as_one_process(monkeypatch, tmp_path):
    folder = tmp_path / "dumps"
    shutil.copytree(ROOT / "content" / "dumps", folder)
    serial = run(folder, None, workers=1)
    monkeypatch.setattr(prep, "POOL_MIN", 2)
    pools = []  # the worker pools started: the line keys' and the cleaning's
    real = prep.ProcessPoolExecutor
    monkeypatch.setattr(prep, "ProcessPoolExecutor", lambda *a, **k: pools.append(a) or real(*a, **k))
    parallel = run(folder, None, workers=2)
    assert [a[0] for a in pools] == [2, 2]
    assert len(serial) == 41
    assert parallel == serial


def test_second_run_comes_from_the_cache(corpus, tmp_path, monkeypatch):
    first = run(corpus, tmp_path / "cache")
    assert (tmp_path / "cache" / FILENAME).is_file()
    monkeypatch.setattr(prep, "clean_dump", lambda *a, **k: pytest.fail("cleaned again"))
    assert run(corpus, tmp_path / "cache") == first


def test_an_edited_dump_is_cleaned_again(corpus, tmp_path):
    run(corpus, tmp_path / "cache")
    (corpus / "2.txt").write_text(dump(2).replace("Sunday", "Saturday"), encoding="utf-8")
    assert "Saturday" in run(corpus, tmp_path / "cache")["2.txt"].record.html


def test_cached_results_follow_the_corpus_signal_when_other_dumps_change(corpus, tmp_path):
    """Line SHARED is in 4 dumps (furniture); once two lose it, it is in 2 < 3 and is prose
    again in the untouched dumps, exactly as a build without any cache finds."""
    before = run(corpus, tmp_path / "cache")
    assert SHARED not in before["0.txt"].record.html
    for i in (2, 3):
        (corpus / f"{i}.txt").write_text(dump(i, shared=False), encoding="utf-8")
    cached, cold = run(corpus, tmp_path / "cache"), run(corpus, None)
    assert cached == cold
    assert SHARED in cached["0.txt"].record.html


def test_a_settings_change_invalidates_the_cache(corpus, tmp_path):
    run(corpus, tmp_path / "cache", summary_max_chars=280)
    assert len(run(corpus, tmp_path / "cache", summary_max_chars=40)["0.txt"].record.summary) <= 41


def test_a_broken_cache_file_is_replaced(corpus, tmp_path, caplog):
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / FILENAME).write_bytes(b"not a database at all" * 100)
    with caplog.at_level(logging.WARNING):
        result = run(corpus, tmp_path / "cache")
    assert "unreadable build cache" in caplog.text
    assert result == run(corpus, None)
    assert run(corpus, tmp_path / "cache") == result  # and the new cache works


def test_store_drops_entries_a_build_did_not_use(tmp_path):
    store = Store(str(tmp_path))
    store.put("a", 1)
    store.put("b", 2)
    store.save()
    store = Store(str(tmp_path))
    assert store.get("a") == 1
    store.save()
    assert Store(str(tmp_path)).get("b") is None


def test_a_cleaner_crash_is_reported_not_raised(corpus, monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("bug")

    monkeypatch.setattr(prep, "clean_dump", boom)
    result = run(corpus, None, workers=1)
    assert result["0.txt"].record.skip_reason == "the cleaner failed: RuntimeError('bug')"


def test_progress_is_silent_when_not_shown(corpus, capsys):
    prep.prepare_dumps(str(corpus), options(), None, show_progress=False)
    assert "Dumps:" not in capsys.readouterr().out


def test_dump_files_lists_dumps_in_every_folder_relative_to_the_root_in_a_stable_order(tmp_path):
    import os

    from plugins.dumps.corpus import dump_files

    for rel in ("b.txt", "a.HTML", "notes.md", "2019/x.htm", "2019/06/y.txt", "2018/z.txt", "2018/z.txt.yaml"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x")
    assert dump_files(str(tmp_path)) == ["a.HTML", "b.txt", os.path.join("2018", "z.txt"),
                                         os.path.join("2019", "x.htm"), os.path.join("2019", "06", "y.txt")]
