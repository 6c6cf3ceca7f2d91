"""What the suite prints: a table per scale, the report's table, and the
verdicts on the issue's targets at the largest scale."""

from bench import common

from .measuring import Result

#: The issue's targets.
FLOOR_RATIO_TARGET = 3.0
#: The 100× report: built in at most this long, with at most this peak (the resident memory of its
#: process and of the processes that lay out its PDF, together).
REPORT_SECONDS = 60.0
REPORT_PEAK_BYTES = 1_000_000_000
SEARCH_ON_PAR = 1.5
MEMORY_FLAT = 1.25


def _memory(value: int | None) -> str:
    return "" if value is None else f"{value / 1_000_000:.1f} MB"


def _ratio(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


def _within(ratio: float | None) -> str:
    """The mark of an uncached request against its floor: the issue's target for every list, API list and download."""
    return "" if ratio is None else "✓" if ratio <= FLOOR_RATIO_TARGET else "✗"


def table(scale: int, records: int, results: list[Result], markdown: bool) -> str:
    header = [
        "grupo", "petición", "p50 ms", "p95 ms", "caché p50 ms", "piso p50 ms", "piso servido p50 ms", "razón", "≤ 3×", "razón con caché",
        "consultas", "memoria pico", "tras 2 bloques", "bytes",
    ]
    rows = [
        [
            result.case.group, result.case.name, common.ms(result.p50), common.ms(result.p95),
            common.ms(result.cached_p50) if result.cached_p50 is not None else "",
            common.ms(result.bare_floor_p50) if result.bare_floor_p50 is not None else "",
            common.ms(result.floor_p50) if result.floor_p50 is not None else "", _ratio(result.ratio),
            _within(result.ratio), _ratio(result.cached_ratio), str(result.queries), _memory(result.peak_memory),
            _memory(result.two_blocks_memory), f"{result.size:,}".replace(",", " "),
        ]
        for result in results
    ]
    title = f"Escala {scale}× ({records:,} registros publicados)".replace(",", " ")
    if markdown:
        lines = [f"**{title}**", "", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        lines += ["| " + " | ".join(row) + " |" for row in rows]
        return "\n".join(lines) + "\n"
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = [title, "  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True))]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in rows]
    return "\n".join(lines) + "\n"


def verdicts(runs: list[dict]) -> list[tuple[bool | None, str]]:
    """The issue's targets at the largest scale, those the measured requests
    allow (``--only`` measures some). Queries are compared with the scale before
    it: the book alone leaves some relations empty (Django skips a prefetch with
    nothing to fetch), so 1× is not yet the steady state."""
    first, last = runs[max(0, len(runs) - 2)], runs[-1]
    by_name = {result.case.name: result for result in last["results"]}
    checks = []
    listed = [r for r in last["results"] if r.ratio is not None and r.case.group in {"página", "API", "búsqueda"}]
    if listed:
        over = [r for r in listed if r.cached_ratio > FLOOR_RATIO_TARGET]
        checks.append((not over, (
            f"listas y API como se sirven (caché) a {FLOOR_RATIO_TARGET:g}× de su piso o menos a {last['scale']}×"
            + (": fuera " + ", ".join(f"{r.case.name} ({r.cached_ratio:.1f}×)" for r in over) if over else "")
        )))
    # Without the cache: what the first visitor after a change waits for, every list, API list and download.
    floored = [r for r in last["results"] if r.ratio is not None]
    for label, groups in (("listas y búsqueda", {"página", "búsqueda"}), ("API", {"API"}), ("descargas", {"descarga"})):
        mine = [r for r in floored if r.case.group in groups]
        over = [r for r in mine if r.ratio > FLOOR_RATIO_TARGET]
        if mine:
            checks.append((not over, (
                f"{label} sin caché a {FLOOR_RATIO_TARGET:g}× de su piso o menos a {last['scale']}× "
                f"({len(mine) - len(over)} de {len(mine)})"
                + (": fuera " + ", ".join(f"{r.case.name} ({r.ratio:.1f}×)" for r in over) if over else "")
            )))
    searches = [r for r in last["results"] if r.case.group == "búsqueda" and r.case.path.startswith("/buscar/")]
    if searches and "acuerdos filtrados" in by_name:
        filtered = by_name["acuerdos filtrados"]
        slow = [r for r in searches if r.p95 > SEARCH_ON_PAR * filtered.p95]
        checks.append((not slow and last["gin"], (
            f"búsqueda con el índice GIN ({'sí' if last['gin'] else 'no'}), p95 "
            + ", ".join(f"{common.ms(r.p95)} ms" for r in searches)
            + f" frente a {common.ms(filtered.p95)} ms de la lista filtrada"
        )))
    # A download reads its rows in blocks of 500, one query per relation and block: that keeps its memory flat.
    changed = [
        f"{a.case.name} ({a.queries}→{b.queries})"
        for a, b in zip(first["results"], last["results"], strict=True)
        # One more where the smaller scale's page held nothing to read through a
        # relation (Django then skips that prefetch): a bound, not growth.
        if abs(a.queries - b.queries) > 1 and not a.case.memory
    ]
    if len(runs) > 1:
        checks.append((not changed, (
            f"consultas por petición iguales de {first['scale']}× a {last['scale']}×, o una más donde una relación estaba "
            "vacía (las descargas, una por relación y bloque de 500 filas)" + (": cambian " + ", ".join(changed) if changed else "")
        )))
    # Flat: once two blocks of rows are written, the peak stops growing,
    # however many blocks follow. (Between scales the peaks differ by what the
    # blocks hold: at 10× many tables fit in less than one block.)
    streamed = [r for r in last["results"] if r.two_blocks_memory]
    downloads = [r for r in last["results"] if r.case.memory]
    grew = [
        f"{r.case.name} ({_memory(r.two_blocks_memory)}→{_memory(r.peak_memory)})"
        for r in streamed if r.peak_memory > MEMORY_FLAT * r.two_blocks_memory
    ]
    if downloads:
        checks.append((bool(streamed) and not grew, (
            f"memoria de las descargas plana a {last['scale']}×: el pico al terminar a lo más {MEMORY_FLAT:g}× el de "
            f"tras dos bloques de filas, en las {len(streamed)} descargas de más de dos bloques"
            + (": crecen " + ", ".join(grew) if grew else "")
        )))
    if runs[0].get("report") and last.get("report"):
        time_ratio = last["report"]["total"] / runs[0]["report"]["total"]
        data_ratio = last["records"] / runs[0]["records"]
        checks.append((time_ratio <= data_ratio, (
            f"informe: el tiempo crece {time_ratio:.1f}× con {data_ratio:.1f}× los datos"
        )))
    if last.get("report"):
        seconds, peak = last["report"]["total"], last["report"].get("peak")
        checks.append((seconds <= REPORT_SECONDS and peak is not None and peak <= REPORT_PEAK_BYTES, (
            f"informe a {last['scale']}× en {seconds:.1f} s (meta {REPORT_SECONDS:g} s) con un pico de "
            + (f"{peak / 1_000_000:,.0f} MB" if peak is not None else "? MB")
            + f" (meta {REPORT_PEAK_BYTES / 1_000_000:,.0f} MB)"
        )))
    return checks


def report_table(runs: list[dict], markdown: bool) -> str:
    formats = [name for name in runs[0]["report"] if name != "peak"]
    header = ["escala", "registros", *formats, "pico de memoria", "razón total", "razón datos"]
    base = runs[0]
    rows = [
        [f"{run['scale']}×", str(run["records"]), *(f"{run['report'][f]:.2f} s" for f in formats),
         _memory(run["report"].get("peak")),
         f"{run['report']['total'] / base['report']['total']:.1f}", f"{run['records'] / base['records']:.1f}"]
        for run in runs
    ]
    if markdown:
        lines = ["**Informe 2017-2**", "", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows]) + "\n"
    return "Informe 2017-2\n" + "\n".join("  ".join(row) for row in [header, *rows]) + "\n"
