"""A period's suppression pattern computed in a child process (issue 14).

At 500 coaches the family of reports is 3,500 reports and 700,000 cells; suppressing it takes
seconds and, at its peak, hundreds of MB that Python keeps once freed. Computed in a child
process, that memory goes back to the system when the child ends and the desk keeps only the
pattern. The child is sent the period's atoms (counts per device x setting, no client record)
through a pipe, never a file, and sends back the pattern's JSON and its progress.

A child that cannot be started or dies (a frozen build without multiprocessing support, no
memory) is not an error to the supervisor: the pattern is then computed in the desk's own
process, the same pattern cell for cell.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Callable, Mapping, Sequence
from multiprocessing.connection import Connection

from coachdesk.rco.suppression import FamilyPattern, Measure, cross_pattern

Progress = Callable[[int, int], None]
# Smaller families are computed in the desk's process: a child costs a Python start-up
# (about 0.3 s) and their memory is small.
CHILD_FROM_ATOMS = 400


def _child(
    conn: Connection,
    atoms: Mapping[tuple[str, ...], Mapping[str, int]],
    dimensions: Sequence[str],
    measures: Sequence[Measure],
    threshold: int,
) -> None:
    try:
        pattern = cross_pattern(
            atoms,
            dimensions,
            measures,
            threshold,
            progress=lambda done, total: conn.send(("progress", done, total)),
        )
        conn.send(("done", pattern.to_json()))
    finally:
        conn.close()


def compute_pattern(
    atoms: Mapping[tuple[str, ...], Mapping[str, int]],
    dimensions: Sequence[str],
    measures: Sequence[Measure],
    threshold: int,
    progress: Progress | None = None,
    child_from: int | None = None,
) -> FamilyPattern | None:
    """`cross_pattern` of the atoms computed in a child process, or None (the caller computes
    it) when there are fewer than `child_from` (CHILD_FROM_ATOMS) atoms or the child could not
    do it."""
    if len(atoms) < (CHILD_FROM_ATOMS if child_from is None else child_from):
        return None
    if getattr(sys, "frozen", False):
        # A frozen build starts children as itself: without multiprocessing.freeze_support()
        # in its entry script (installer/entry.py has none yet) that would be a second desk.
        return None
    try:
        return _in_child(atoms, dimensions, measures, threshold, progress)
    except (OSError, EOFError, RuntimeError, ValueError):
        return None  # computed by the caller (see the module's docstring)


def _in_child(
    atoms: Mapping[tuple[str, ...], Mapping[str, int]],
    dimensions: Sequence[str],
    measures: Sequence[Measure],
    threshold: int,
    progress: Progress | None,
) -> FamilyPattern:
    # spawn, not fork: the desk has threads (Qt, the store worker) and an open store key.
    ctx = multiprocessing.get_context("spawn")
    receive, send = ctx.Pipe(duplex=False)
    child = ctx.Process(
        target=_child,
        args=(send, dict(atoms), tuple(dimensions), tuple(measures), threshold),
        name="coachdesk-family",
        daemon=True,
    )
    child.start()
    send.close()  # the child's end: recv() sees EOF if the child dies
    try:
        while True:
            message = receive.recv()
            if message[0] == "progress":
                if progress is not None:
                    progress(message[1], message[2])
                continue
            return FamilyPattern.from_json(message[1])
    finally:
        receive.close()
        child.join(timeout=5)
        if child.is_alive():
            child.terminate()
            child.join()
