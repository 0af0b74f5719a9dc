"""What every benchmark area shares: the run context, result rows, targets and statistics."""

from __future__ import annotations

import math
import shutil
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results"
FULL_SIZE = 1_000_000
QUICK_SIZE = 100_000


@dataclass(frozen=True)
class Target:
    """A pass mark: ``ratio`` compares measured/floor, ``max_s`` the measured time itself."""

    ratio: float | None = None
    max_s: float | None = None

    def check(self, measured: float, floor: float | None) -> bool | None:
        if self.ratio is not None:
            return floor is not None and floor > 0 and measured / floor <= self.ratio
        if self.max_s is not None:
            return measured <= self.max_s
        return None  # informational row

    def label(self) -> str:
        if self.ratio is not None:
            return f"≤ {self.ratio:g}× floor"
        if self.max_s is not None:
            return f"≤ {fmt_s(self.max_s)}"
        return "info"


INFO = Target()


@dataclass
class Row:
    """One line of the table: a statistic of a benchmark next to the same statistic of its floor."""

    name: str
    measured_s: float
    floor_s: float | None
    target: Target = INFO
    detail: dict[str, Any] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        return self.measured_s / self.floor_s if self.floor_s else None

    @property
    def passed(self) -> bool | None:
        return self.target.check(self.measured_s, self.floor_s)

    def to_json(self) -> dict[str, Any]:
        return {
            "benchmark": self.name,
            "measured_s": self.measured_s,
            "floor_s": self.floor_s,
            "ratio": self.ratio,
            "target": self.target.label(),
            "target_ratio": self.target.ratio,
            "target_max_s": self.target.max_s,
            "passed": self.passed,
            **({"detail": self.detail} if self.detail else {}),
        }


@dataclass
class Context:
    """One run of the runner: quick or full, where to put scratch files, how to talk."""

    quick: bool
    size: int
    log: Callable[[str], None] = print
    datasets: dict[str, Any] = field(default_factory=dict)  # what was built or reused, for the JSON

    def scratch(self, name: str) -> Path:
        """An empty folder under bench/results/ (the disk the benchmarks measure)."""
        folder = RESULTS / f"scratch-{name}"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        return folder


@dataclass(frozen=True)
class Benchmark:
    """A named measurement; ``run`` returns its rows (a benchmark may report several statistics)."""

    name: str
    summary: str
    run: Callable[[Context], list[Row]]


def percentile(samples: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of a non-empty sample."""
    ordered = sorted(samples)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def summary(samples: Sequence[float]) -> dict[str, float]:
    return {
        "n": len(samples),
        "median_s": statistics.median(samples),
        "p95_s": percentile(samples, 95),
        "min_s": min(samples),
        "max_s": max(samples),
    }


def fmt_s(seconds: float) -> str:
    """Milliseconds with three significant digits, or seconds from one second up."""
    if seconds >= 1:
        return f"{seconds:.2f} s"
    ms = seconds * 1000
    if ms >= 100:
        return f"{ms:.0f} ms"
    if ms >= 10:
        return f"{ms:.1f} ms"
    return f"{ms:.2f} ms" if ms >= 0.1 else f"{ms * 1000:.1f} µs"
