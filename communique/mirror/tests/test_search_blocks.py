"""The search index's blocks of page ids (mirror/search_index.py)."""

from hypothesis import given
from hypothesis import strategies as st

from communique.mirror.search_index import UNIT, blocks


@given(st.integers(min_value=0, max_value=10_000_000))
def test_blocks_cover_every_id_once_in_few_aligned_runs(top):
    found = blocks(top)
    starts = [start for start, _stop in found]
    assert starts == ([0] + [stop for _start, stop in found[:-1]] if found else [])
    assert (found[-1][1] if found else 0) == top
    whole = [(start, stop) for start, stop in found if (stop - start) % UNIT == 0]
    for start, stop in whole:
        size = (stop - start) // UNIT
        assert size & (size - 1) == 0 and start % (stop - start) == 0  # a power of two, aligned
    assert len(found) <= (top // UNIT).bit_length() + 1


@given(st.integers(min_value=0, max_value=10_000_000))
def test_a_new_id_keeps_every_block_but_the_last_few(top):
    """One more id keeps the blocks but those at the end: only the last (fewer than UNIT
    ids) changes, unless it becomes whole and merges with the whole blocks before it."""
    before, after = blocks(top), blocks(top + 1)
    kept = [block for block in before if block in after]
    assert kept == before[: len(kept)] == after[: len(kept)]
    changed = after[len(kept) :]
    if (top + 1) % UNIT:
        assert len(changed) == 1 and changed[0][1] - changed[0][0] < UNIT
