"""Every distinct URL of the mix requested once before the load."""

import http.client
import time
from concurrent.futures import ThreadPoolExecutor

from .urls import UrlMix


def fetch(port: int, path: str, timeout: float = 60) -> tuple[int, float]:
    """Status and seconds of one GET, redirects not followed."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        start = time.perf_counter()
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        return response.status, time.perf_counter() - start
    finally:
        connection.close()


def warm_up(port: int, mix: UrlMix, workers: int) -> list[tuple[float, str]]:
    """Every distinct URL once; stops the test if any answers other than 200.
    Returns (seconds, path), slowest first.

    First the home page a few times at once, so every worker has started up
    (imports, templates, translations) before a URL is timed.
    """
    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(lambda path: fetch(port, path), ["/"] * (3 * workers)))
    failures, times = [], []
    for target in mix.targets:
        status, seconds = fetch(port, target.path)
        times.append((seconds, target.path))
        if status != 200:
            failures.append(f"  {status}  {target.path}")
    if failures:
        raise SystemExit("Estas direcciones no respondieron 200 antes de la carga:\n" + "\n".join(failures))
    return sorted(times, reverse=True)
