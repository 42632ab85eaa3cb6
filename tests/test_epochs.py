"""What views keep per epoch for the replay slider (widgets.epochs)."""
from widgets.epochs import ByEpoch


def test_kept_epochs_thin_out_but_keep_the_first_and_last():
    kept = ByEpoch(limit=4)
    for epoch in range(10):
        kept.keep(epoch, str(epoch))
        assert len(kept) <= 4 and min(kept) == 0 and max(kept) == epoch
    assert kept[9] == "9"


def test_the_slider_finds_the_latest_at_or_before_its_epoch():
    kept = ByEpoch(limit=10)
    assert kept.shown(None) is None and kept.shown(3) is None
    for epoch in (2, 5, 9):
        kept.keep(epoch, epoch)
    assert [kept.shown(e) for e in (None, 0, 2, 4, 5, 8, 9, 50)] == [9, 2, 2, 2, 5, 5, 9, 9]
