"""The article stages on a process pool: the same results as one process, also when the
calling process runs other threads (a fork then would copy their held locks)."""

from __future__ import annotations

import threading

from briefgen.parallel import MIN_PARALLEL_ITEMS, _start_method, map_articles


def _square_plus(item: int, context: int) -> int:
    return item * item + context


def test_the_pool_gives_the_items_in_order() -> None:
    items = list(range(MIN_PARALLEL_ITEMS * 2))
    assert map_articles(_square_plus, items, context=3, workers=2) == [i * i + 3 for i in items]


def test_with_another_thread_running_the_pool_does_not_fork_it() -> None:
    release = threading.Event()
    other = threading.Thread(target=release.wait, daemon=True)
    other.start()
    try:
        assert _start_method() != "fork"
        items = list(range(MIN_PARALLEL_ITEMS * 2))
        assert map_articles(_square_plus, items, context=1, workers=2) == [i * i + 1 for i in items]
    finally:
        release.set()
        other.join()
