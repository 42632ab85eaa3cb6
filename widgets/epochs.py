"""What a view keeps per epoch for the replay slider (the Inside dock's looks,
the decision maps): bounded, and found at or before the slider's epoch."""
from __future__ import annotations


class ByEpoch(dict):
    """Values by epoch, at most `limit`: past it every second one goes, the
    first and the last stay, so a long run keeps its whole span, thinner."""

    def __init__(self, limit: int):
        super().__init__()
        self.limit = limit

    def keep(self, epoch: int, value) -> None:
        self[epoch] = value
        if len(self) > self.limit:
            epochs = sorted(self)
            stay = set(epochs[::2]) | {epochs[0], epochs[-1]}
            for e in epochs:
                if e not in stay:
                    del self[e]

    def shown(self, epoch: int | None) -> int | None:
        """The epoch to show for the slider at `epoch` (None: the latest): the
        latest kept at or before it, or the first kept if none is."""
        if not self:
            return None
        if epoch is None:
            return max(self)
        before = [e for e in self if e <= epoch]
        return max(before) if before else min(self)
