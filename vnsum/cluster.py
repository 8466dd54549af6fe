"""`vnsum batch --engine dask`: the batch's chunks on a Dask distributed cluster (README.md, "Batch on a cluster").

The client (this process) reads the input and writes OUT, as the local engine does; each chunk of records is one
task, run by vnsum.batch.brief_records on a worker. A worker plugin loads the models when each worker joins, and
vnsum.api keeps them for the worker's life, so no task pays for loading. Only this module imports dask.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator

from distributed import Client, LocalCluster, WorkerPlugin

from vnsum.api import Settings, for_workers, load
from vnsum.batch import IN_FLIGHT_PER_WORKER, brief_records, ordered


class LoadModels(WorkerPlugin):
    """Loads the models on each worker as it joins (and on workers that join later)."""

    name = "vnsum-load-models"

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def setup(self, worker) -> None:
        load(self.settings)


@dataclass(frozen=True)
class DaskEngine:
    """The scheduler at `address`, or, without one, a LocalCluster of `workers` processes with one thread each,
    started for the run and closed after it."""

    address: str | None = None
    workers: int = 2

    def run(self, chunks, settings: Settings, reading):
        with _scheduler(self.address, self.workers) as (address, local):
            if local:
                settings = for_workers(settings, self.workers)
            with Client(address) as client:  # waits distributed.comm.timeouts.connect (30 s) for the scheduler
                client.register_plugin(LoadModels(settings))
                slots = sum(client.nthreads().values()) or 1
                futures = (client.submit(brief_records, chunk, settings, reading, pure=False) for chunk in chunks)
                yield from ordered(futures, slots * IN_FLIGHT_PER_WORKER, lambda future: future.result())


@contextmanager
def _scheduler(address: str | None, workers: int) -> Iterator[tuple[str, bool]]:
    """The scheduler's address, and whether it is a LocalCluster started here (whose workers share this machine)."""
    if address:
        yield address, False
        return
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        yield cluster.scheduler_address, True
