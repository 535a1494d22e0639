"""Parsing many files at once: the per-chunk worker function and a guarded local pool.

:func:`process_chunk` is the one function that turns files into parsed documents,
whoever calls it: a process of :class:`GuardedPool` on this machine, or a Dask
worker on a cluster (:mod:`ingest.distributed`). It takes pickle-friendly
:class:`Job` items and returns :class:`Outcome` items; it never touches DuckDB —
the parent process is the only writer.

The pool is guarded, because an archive of ten thousand real files holds a few that
hang a reader (a PDF whose content stream loops) or kill it (a segfault in a C
library, the kernel's out-of-memory killer). Each worker reports every file as it
finishes it, so the parent always knows which file a worker is on and since when:

- a file past the time limit: its worker is killed and replaced, the file gets a
  ``timeout`` error, the rest of its chunk goes to the new worker;
- a worker that dies: the file it was on gets a ``worker_crashed`` error naming the
  signal, the rest of its chunk is requeued. Only the culprit fails.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import multiprocessing
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any

from ingest.discover import Failure, Limits, Source
from parsers.errors import Timeout, VanbanError, WorkerCrashed
from parsers.pipeline import parse_bytes
from schemas import ParsedDocument

#: Modules a worker imports before it says it is ready, so no file's time limit
#: pays for them: the readers of every format and the pipeline.
WARM_MODULES = ("parsers.pipeline", "parsers.formats.text", "parsers.formats.docx", "parsers.formats.pdf")

#: Set while a pool starts its fork server, so that process loads the models once
#: (:func:`warm`) and every worker forked from it, a replacement too, starts warm.
WARM_ENV = "VANBAN_WARM_FORKSERVER"

Parse = Callable[[bytes, str], ParsedDocument]


def warm() -> None:
    """Import the readers and load underthesea's models (~3 s, and ~100 MB a copy):
    done in the fork server, workers share one copy and pay nothing per start."""
    for module in WARM_MODULES:
        importlib.import_module(module)
    from parsers import nlp  # noqa: PLC0415

    with contextlib.suppress(Exception):   # a model that cannot load fails later, per file, with its cause
        nlp.sentences("Sở Nội vụ chủ trì. Các sở phối hợp thực hiện.")
        nlp.tag("Sở Nội vụ chủ trì, phối hợp với các cơ quan liên quan")


if os.environ.get(WARM_ENV) == "1":
    warm()


@dataclass(frozen=True, slots=True)
class Tick:
    """What a progress callback hears: ``stage`` is "scan" (reading and hashing, one
    tick per file on disk) or "parse" (one tick per document parsed or failed)."""

    stage: str
    done: int
    total: int
    path: str


@dataclass(frozen=True, slots=True)
class Job:
    """One file to parse: where its bytes are and the sha256 they had when scanned."""

    source: Source
    sha256: str


@dataclass(frozen=True)
class Settings:
    """What every worker needs besides the jobs; pickled once per worker."""

    parse: Parse = parse_bytes
    limits: Limits = field(default_factory=Limits)


@dataclass(slots=True)
class Outcome:
    """A job's result: a parsed document or the reason it failed."""

    job: Job
    document: ParsedDocument | None = None
    failure: Failure | None = None
    seconds: float = 0.0


def process_chunk(jobs: Iterable[Job], settings: Settings | None = None,
                  on_outcome: Callable[[Outcome], None] | None = None) -> list[Outcome]:
    """Read and parse each job's file; a file that fails becomes a failed Outcome and
    the others go on. ``on_outcome`` hears each result as soon as it exists."""
    settings = settings or Settings()
    out: list[Outcome] = []
    for job in jobs:
        outcome = _process_one(job, settings)
        out.append(outcome)
        if on_outcome is not None:
            on_outcome(outcome)
    return out


def _process_one(job: Job, settings: Settings) -> Outcome:
    t0 = time.perf_counter()
    name = job.source.name
    sha = job.sha256
    try:
        data = job.source.read(settings.limits)
        sha = hashlib.sha256(data).hexdigest()
        doc = settings.parse(data, name)
    except Exception as e:  # one file never stops the run: every cause (MemoryError too) becomes a row
        return Outcome(job, failure=Failure.of(name, e, sha), seconds=time.perf_counter() - t0)
    return Outcome(job, document=doc, seconds=time.perf_counter() - t0)


# -- the guarded local pool ---------------------------------------------------------


class PoolError(VanbanError):
    code = "pool_error"


def _worker_main(conn: Connection, settings: Settings, memory_limit: int | None) -> None:
    """A worker process: warm up, say ready, then parse chunks until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)    # Ctrl-C is the parent's to handle
    if memory_limit:
        import resource  # noqa: PLC0415 - POSIX only

        resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))
    warm()
    conn.send(("ready", os.getpid()))
    while True:
        try:
            jobs = conn.recv()
        except EOFError:
            return
        if jobs is None:
            return
        process_chunk(jobs, settings, on_outcome=conn.send)


@dataclass
class _Worker:
    process: Any
    conn: Connection
    ready: bool = False
    chunk: list[Job] = field(default_factory=list)
    done: int = 0                 # outcomes received for the current chunk
    since: float = 0.0            # when the current file started

    @property
    def busy(self) -> bool:
        return self.done < len(self.chunk)


class GuardedPool:
    """Worker processes that parse chunks; a hung or dead worker costs one file.

        with GuardedPool(workers=4, timeout=300) as pool:
            for outcome in pool.run(chunks):
                ...
    """

    def __init__(self, workers: int | None = None, settings: Settings | None = None, *,
                 timeout: float | None = 300.0, memory_limit: int | None = None,
                 start_method: str | None = None) -> None:
        self.size = max(1, workers or os.cpu_count() or 1)
        self.settings = settings or Settings()
        self.timeout = timeout
        self.memory_limit = memory_limit
        method = start_method or ("forkserver" if sys.platform.startswith("linux") else "spawn")
        self.ctx = multiprocessing.get_context(method)
        self.workers: list[_Worker] = []
        self.restarts = 0

    def __enter__(self) -> GuardedPool:
        if self.ctx.get_start_method() == "forkserver":
            self.ctx.set_forkserver_preload([*WARM_MODULES, __name__])
            os.environ[WARM_ENV] = "1"      # read by the fork server when this module loads there
        try:
            self.workers = [self._spawn() for _ in range(self.size)]
        finally:
            os.environ.pop(WARM_ENV, None)
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for w in self.workers:
            with contextlib.suppress(OSError, ValueError):
                w.conn.send(None)
        deadline = time.monotonic() + 5
        for w in self.workers:
            w.process.join(max(0.0, deadline - time.monotonic()))
            if w.process.is_alive():
                w.process.kill()
                w.process.join()
            w.conn.close()
        self.workers = []

    def _spawn(self) -> _Worker:
        parent, child = self.ctx.Pipe(duplex=True)
        process = self.ctx.Process(target=_worker_main, args=(child, self.settings, self.memory_limit),
                                   daemon=True, name="vanban-worker")
        process.start()
        child.close()
        return _Worker(process, parent)

    def run(self, chunks: Iterable[list[Job]]) -> Iterator[Outcome]:
        """Outcomes of every job, in the order they finish."""
        queue: deque[list[Job]] = deque(c for c in chunks if c)
        failed_starts = 0
        while queue or any(w.busy for w in self.workers):
            for w in self.workers:
                if w.ready and not w.busy and queue:
                    w.chunk, w.done, w.since = queue.popleft(), 0, time.monotonic()
                    w.conn.send(w.chunk)
            waitables: list[Any] = [w.conn for w in self.workers] + [w.process.sentinel for w in self.workers]
            for ready in wait(waitables, timeout=self._next_deadline()):
                w = self._owner(ready)
                if w is None:
                    continue
                if ready is w.conn:
                    try:
                        yield from self._receive(w)
                        continue
                    except (EOFError, OSError):
                        pass
                # the process ended (or its pipe broke): take what it sent, then blame the file it was on
                yield from self._drain(w)
                if not w.ready:
                    failed_starts += 1
                    if failed_starts >= 3:
                        raise PoolError(None, f"worker processes die while starting (exit code "
                                              f"{w.process.exitcode}); see the messages above")
                yield from self._replace(w, queue, self._crash_failure(w))
            yield from self._check_time_limits(queue)

    def _receive(self, w: _Worker) -> Iterator[Outcome]:
        while w.conn.poll():
            msg = w.conn.recv()
            if isinstance(msg, tuple) and msg and msg[0] == "ready":
                w.ready = True
                w.since = time.monotonic()
                continue
            w.done += 1
            w.since = time.monotonic()
            yield msg

    def _drain(self, w: _Worker) -> Iterator[Outcome]:
        with contextlib.suppress(EOFError, OSError):
            yield from self._receive(w)

    def _check_time_limits(self, queue: deque[list[Job]]) -> Iterator[Outcome]:
        if not self.timeout:
            return
        now = time.monotonic()
        for w in list(self.workers):
            if w.busy and w.ready and now - w.since > self.timeout:
                yield from self._drain(w)
                if not w.busy:
                    continue
                job = w.chunk[w.done]
                w.process.kill()
                failure = Failure(job.source.name, Timeout.code,
                                  f"{job.source.name}: not parsed within {self.timeout:g} s; "
                                  "its worker was stopped", job.sha256)
                yield from self._replace(w, queue, failure)

    def _crash_failure(self, w: _Worker) -> Failure | None:
        w.process.join(1)
        if not w.busy:
            return None
        job = w.chunk[w.done]
        code = w.process.exitcode
        if code is not None and code < 0:
            sig = signal.Signals(-code)
            why = {signal.SIGKILL: "killed (SIGKILL: out of memory?)",
                   signal.SIGSEGV: "crashed (SIGSEGV: a reader library segfaulted)"}.get(
                sig, f"killed by {sig.name}")
        else:
            why = f"exited with code {code}"
        return Failure(job.source.name, WorkerCrashed.code,
                       f"{job.source.name}: the worker parsing it {why}", job.sha256)

    def _replace(self, w: _Worker, queue: deque[list[Job]], failure: Failure | None) -> Iterator[Outcome]:
        """Swap a dead or stopped worker for a new one; the file it was on fails, the
        files after it in its chunk go back to the front of the queue."""
        w.process.join(5)
        w.conn.close()
        if failure is not None and w.busy:
            yield Outcome(w.chunk[w.done], failure=failure)
            rest = w.chunk[w.done + 1:]
            if rest:
                queue.appendleft(rest)
        elif w.busy:
            queue.appendleft(w.chunk[w.done:])
        self.restarts += 1
        self.workers[self.workers.index(w)] = self._spawn()

    def _owner(self, ready: Any) -> _Worker | None:
        for w in self.workers:
            if ready is w.conn or ready == w.process.sentinel:
                return w
        return None

    def _next_deadline(self) -> float | None:
        if not self.timeout:
            return None
        busy = [w.since + self.timeout for w in self.workers if w.busy and w.ready]
        if not busy:
            return None
        return max(0.05, min(busy) - time.monotonic() + 0.01)


def chunked(jobs: list[Job], workers: int, size: int | None = None) -> list[list[Job]]:
    """Chunks small enough to balance the load (at least four per worker) and big
    enough that a message carries several files; a chunk keeps one archive's members
    together so a worker opens each archive once."""
    if not jobs:
        return []
    size = size or max(1, min(16, len(jobs) // (workers * 4) or 1))
    return [jobs[i:i + size] for i in range(0, len(jobs), size)]
