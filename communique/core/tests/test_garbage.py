import gc

import pytest

from communique.core.garbage import paused_collection


@pytest.fixture
def collector_enabled():
    """The collector on for the test, and as it was before after it (a test that leaves it
    off would leave it off for the rest of the suite)."""
    enabled = gc.isenabled()
    gc.enable()
    yield
    if enabled:
        gc.enable()
    else:
        gc.disable()


def test_the_collector_rests_inside_the_block_and_resumes_after_it(collector_enabled):
    with paused_collection():
        assert not gc.isenabled()
        with paused_collection():
            assert not gc.isenabled()
        assert not gc.isenabled()  # still inside the outer block
    assert gc.isenabled()


def test_the_collector_resumes_after_an_error(collector_enabled):
    with pytest.raises(ValueError), paused_collection():
        raise ValueError
    assert gc.isenabled()


def test_a_collector_disabled_before_stays_disabled(collector_enabled):
    gc.disable()
    with paused_collection():
        pass
    assert not gc.isenabled()
