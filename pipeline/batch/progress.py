"""How a long run shows it is alive: a tqdm bar on a terminal, plain log lines elsewhere.

A bar redraws in place, which is what a person at a terminal wants and what a log file
(CI, ``nohup``, a cluster job) does not: there a line every ``log_every`` seconds says
how many documents are done, how fast, and how many were quarantined.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

from tqdm import tqdm


class Progress:
    def __init__(self, bar: bool, total: int | None = None, log_every: float = 10.0,
                 stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.log_every = log_every
        self.started = self.last_log = time.perf_counter()
        self.done = 0
        self._bar = tqdm(total=total, desc="extracting", unit="doc", file=self.stream, dynamic_ncols=True) if bar else None

    @staticmethod
    def wanted(stream: TextIO | None = None) -> bool:
        """A bar only when a person is watching: the stream is a terminal."""
        stream = stream or sys.stderr
        return hasattr(stream, "isatty") and stream.isatty()

    def update(self, done: int, extracted: int, skipped: int, quarantined: int) -> None:
        """Called with the running totals after each chunk."""
        step, self.done = done - self.done, done
        if self._bar is not None:
            self._bar.set_postfix(quarantined=quarantined, skipped=skipped, refresh=False)
            self._bar.update(step)
            return
        moment = time.perf_counter()
        if moment - self.last_log >= self.log_every:
            self.last_log = moment
            self._log(extracted, skipped, quarantined, moment)

    def _log(self, extracted: int, skipped: int, quarantined: int, moment: float) -> None:
        elapsed = moment - self.started
        rate = self.done / elapsed if elapsed > 0 else 0.0
        print(f"progress: {self.done} documents ({extracted} extracted, {skipped} already done, "
              f"{quarantined} quarantined) in {elapsed:.0f}s, {rate:.1f} docs/s", file=self.stream, flush=True)

    def close(self, extracted: int, skipped: int, quarantined: int) -> None:
        if self._bar is not None:
            self._bar.close()
        elif self.done:
            self._log(extracted, skipped, quarantined, time.perf_counter())
