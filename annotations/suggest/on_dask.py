"""`reader suggest --dask ADDRESS`: the corpus's partitions suggested on a Dask cluster
(the optional `dask` extra), by the same function as one process (batch.lines_of), the
output handed back in input order as it comes.

The articles are read here and sent with their partition: the cluster needs the package
installed, not the corpus's files. The job is sent to every worker once; each worker
loads the gazetteer (and the model) once, on its first partition. A few partitions per
worker are in flight at a time, so a corpus of millions is never all in memory."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Sequence
from contextlib import ExitStack
from typing import Any

from ..corpus.entries import ArticleError, Entry
from ..model import Article
from .batch import Done, Job, lines_of, partitions

LOCAL = "local"  # --dask local: a LocalCluster of this machine's cores
PARTITION = 64  # articles a task: a task has a scheduling cost of its own (about 1 ms)
IN_FLIGHT = 4  # partitions per worker submitted ahead of the one being written
CONNECT = "20s"  # to reach a scheduler, before saying it cannot be reached


class Unavailable(Exception):
    """Dask is not installed, or the cluster cannot be reached: the message says which."""


def _read(entry: Entry) -> Article | ArticleError:
    """The article, or why it cannot be read (said where the output is written)."""
    try:
        return entry.load()
    except ArticleError as error:
        return error


def in_partitions(job: Job, entries: Sequence[Entry], address: str, workers: int | None = None) -> Iterator[list[Done]]:
    """Each partition's output in input order; address is a scheduler's, or LOCAL (with
    workers processes, default one a core)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise Unavailable("--dask needs Dask: in reader's folder, .venv/bin/pip install '.[dask]'") from None
    with ExitStack() as stack:
        try:
            if address == LOCAL:
                cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
                stack.enter_context(cluster)
                client = stack.enter_context(Client(cluster))
            else:
                client = stack.enter_context(Client(address, timeout=CONNECT))
        except OSError as error:
            raise Unavailable(f"--dask {address}: cannot reach the scheduler ({error})") from None
        [shared] = client.scatter([job], broadcast=True)
        ahead = IN_FLIGHT * max(1, len(client.scheduler_info().get("workers", {})))
        pending: deque[Any] = deque()
        for chunk in partitions(entries, PARTITION):
            pending.append(client.submit(lines_of, shared, [_read(entry) for entry in chunk], pure=False))
            if len(pending) >= ahead:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
