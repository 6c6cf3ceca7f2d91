"""wrk: the Lua script that runs through the cycle and counts the answers by
status, running it, and reading the one line of results it prints."""

import json
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

RESULT_MARK = "LOAD_RESULT "


# wrk's script: each thread runs through the cycle from its own starting point,
# counts the responses by status, and done() prints one JSON line.
LUA_TEMPLATE = """\
local paths = {
%(paths)s
}
local threads = {}
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("id", thread_count)
  table.insert(threads, thread)
end

function init(args)
  index = ((id - 1) * 7919) %% #paths
  statuses = {}
end

function request()
  index = index %% #paths + 1
  return wrk.format("GET", paths[index])
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local counts = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      counts[status] = (counts[status] or 0) + count
    end
  end
  local parts = {}
  for status, count in pairs(counts) do
    table.insert(parts, string.format('"%%d": %%d', status, count))
  end
  local e = summary.errors
  io.write(string.format(
    '%(mark)s{"duration_us": %%d, "requests": %%d, "bytes": %%d, ' ..
    '"errors": {"connect": %%d, "read": %%d, "write": %%d, "status": %%d, "timeout": %%d}, ' ..
    '"latency_us": {"p50": %%d, "p95": %%d, "p99": %%d, "mean": %%.1f, "max": %%d}, "statuses": {%%s}}\\n',
    summary.duration, summary.requests, summary.bytes,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.mean, latency.max,
    table.concat(parts, ", ")))
end
"""


def lua_script(paths: list[str]) -> str:
    return LUA_TEMPLATE % {
        "paths": "\n".join(f"  {json.dumps(path)}," for path in paths),
        "mark": RESULT_MARK,
    }


@dataclass
class LoadResult:
    requests: int
    seconds: float
    throughput: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    mean_ms: float
    max_ms: float
    non_2xx: int
    statuses: dict[int, int]
    socket_errors: dict[str, int]

    @property
    def failed(self) -> bool:
        return self.non_2xx > 0 or any(self.socket_errors.values())


def parse_wrk_output(output: str) -> LoadResult:
    """The line the script's ``done()`` prints, out of wrk's whole output."""
    for line in output.splitlines():
        if line.startswith(RESULT_MARK):
            data = json.loads(line[len(RESULT_MARK):])
            break
    else:
        raise ValueError(f"La salida de wrk no trae la línea «{RESULT_MARK.strip()}»:\n{output}")
    statuses = {int(status): count for status, count in data["statuses"].items()}
    seconds = data["duration_us"] / 1e6
    latency = data["latency_us"]
    errors = data["errors"]
    return LoadResult(
        requests=data["requests"],
        seconds=seconds,
        throughput=data["requests"] / seconds if seconds else 0.0,
        p50_ms=latency["p50"] / 1000,
        p95_ms=latency["p95"] / 1000,
        p99_ms=latency["p99"] / 1000,
        mean_ms=latency["mean"] / 1000,
        max_ms=latency["max"] / 1000,
        # Responses wrk read but that were not 2xx (its "status" error counts only ≥ 400).
        non_2xx=sum(count for status, count in statuses.items() if not 200 <= status < 300),
        statuses=statuses,
        socket_errors={name: errors[name] for name in ("connect", "read", "write", "timeout")},
    )


def run_wrk(base_url: str, paths: list[str], directory: Path, name: str, duration: int, connections: int,
            timeout: int, threads: int = 2) -> LoadResult:
    script = directory / f"{name}.lua"
    script.write_text(lua_script(paths), encoding="utf-8")
    command = [
        "wrk", "--threads", str(threads), "--connections", str(connections), "--duration", f"{duration}s",
        "--timeout", f"{timeout}s", "--script", str(script), base_url,
    ]
    completed = subprocess.run(command, capture_output=True, text=True, timeout=duration + timeout + 60)
    if completed.returncode != 0:
        raise SystemExit(f"wrk terminó con el código {completed.returncode}:\n{completed.stdout}{completed.stderr}")
    (directory / f"{name}.out").write_text(completed.stdout, encoding="utf-8")
    return parse_wrk_output(completed.stdout)


def merge_results(results: list[LoadResult]) -> LoadResult:
    """Several wrk runs at once (one per server) as one: requests, statuses and
    errors added up, the throughput the sum, each latency the worst server's
    (percentiles of separate runs cannot be merged exactly) and the mean weighted."""
    requests = sum(result.requests for result in results)
    statuses: dict[int, int] = {}
    for result in results:
        for status, count in result.statuses.items():
            statuses[status] = statuses.get(status, 0) + count
    return LoadResult(
        requests=requests,
        seconds=max(result.seconds for result in results),
        throughput=sum(result.throughput for result in results),
        p50_ms=max(result.p50_ms for result in results),
        p95_ms=max(result.p95_ms for result in results),
        p99_ms=max(result.p99_ms for result in results),
        mean_ms=sum(result.mean_ms * result.requests for result in results) / requests if requests else 0.0,
        max_ms=max(result.max_ms for result in results),
        non_2xx=sum(result.non_2xx for result in results),
        statuses=statuses,
        socket_errors={name: sum(result.socket_errors[name] for result in results)
                       for name in ("connect", "read", "write", "timeout")},
    )


def run_wrk_on_servers(base_urls: list[str], paths: list[str], directory: Path, name: str, duration: int,
                       connections: int, timeout: int) -> tuple[LoadResult, list[LoadResult]]:
    """One wrk per server at the same time, the connections shared out among
    them: the merged result (``merge_results``) and each server's."""
    if len(base_urls) == 1:
        result = run_wrk(base_urls[0], paths, directory, name, duration, connections, timeout)
        return result, [result]
    share = max(1, connections // len(base_urls))
    with ThreadPoolExecutor(max_workers=len(base_urls)) as pool:
        results = list(pool.map(
            lambda numbered: run_wrk(numbered[1], paths, directory, f"{name}-{numbered[0]}", duration, share,
                                     timeout, threads=1),
            enumerate(base_urls, start=1),
        ))
    return merge_results(results), results
