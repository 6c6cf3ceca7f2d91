"""What the plain load test prints: its assumptions and its results."""

import os

from bench import faults

from .urls import CLASS_NAMES, CLASS_WEIGHTS, UrlMix
from .wrk import LoadResult


def describe_database() -> str:
    from django.db import connection

    settings = connection.settings_dict
    connection.ensure_connection()
    version = connection.pg_version if connection.vendor == "postgresql" else None
    server = f"PostgreSQL {version // 10000}.{version % 10000}" if version else connection.vendor
    return (f"{server}, base «{settings['NAME']}» en {settings['HOST'] or 'socket local'}:{settings['PORT'] or ''} "
            f"(CONN_MAX_AGE={settings['CONN_MAX_AGE']} s: cada proceso conserva su conexión)")


def describe_caches() -> str:
    from django.conf import settings

    if settings.PAGE_CACHE_SECONDS <= 0:
        return "ninguna: cada petición se arma de la base de datos (PAGE_CACHE_SECONDS=0)"
    pages = settings.CACHES[settings.PAGE_CACHE_ALIAS]
    backend = pages["BACKEND"].rsplit(".", 1)[-1]
    if "MAX_ENTRIES" in pages.get("OPTIONS", {}):
        where = f"en la memoria de cada proceso ({backend}, hasta {pages['OPTIONS']['MAX_ENTRIES']} por proceso"
    else:  # REDIS_URL
        where = f"en Redis, compartidas por todos los procesos y servidores ({backend}"
    return (
        f"páginas y respuestas de la API de visitantes anónimos {where}, "
        f"{settings.PAGE_CACHE_SECONDS} s como máximo), descargas terminadas en {settings.DOWNLOAD_CACHE_DIR}; "
        "todo se retira al publicarse un cambio (cdmx_global/pagecache.py). El calentamiento pide cada "
        "dirección una vez, así que la carga mide sobre todo respuestas guardadas"
    )


def print_assumptions(arguments, url: str, records: int, mix: UrlMix) -> None:
    distinct = {kind: len(mix.by_kind(kind)) for kind in CLASS_WEIGHTS}
    total_weight = sum(CLASS_WEIGHTS.values())
    shares = ", ".join(
        f"{CLASS_NAMES[kind]} {100 * weight / total_weight:.0f} % ({distinct[kind]} URL)"
        for kind, weight in CLASS_WEIGHTS.items()
    )
    print("\nSupuestos:")
    print(f"  gunicorn: {arguments.workers} procesos de la clase sync (la de omisión, como `make run`), "
          "DEBUG=0, archivos estáticos por WhiteNoise")
    print(f"  base de datos: {describe_database()}")
    print(f"  escala: {arguments.scale}× los datos del libro ({records} registros publicados)")
    print(f"  caché: {describe_caches()}")
    print(f"  límites de peticiones elevados: {', '.join(f'{k}={v}' for k, v in faults.RAISED_RATES.items())}")
    if arguments.servers > 1:
        print(f"  servidores: {arguments.servers} instancias de gunicorn en puertos distintos, la misma base"
              f"{' y el mismo Redis (REDIS_URL)' if os.environ.get('REDIS_URL') else ''}; un wrk por servidor, "
              f"de 1 hilo y {max(1, arguments.connections // arguments.servers)} conexiones")
    threads = 2 if arguments.servers == 1 else arguments.servers
    print(f"  carga: wrk en la misma máquina, {threads} hilos, {arguments.connections} conexiones, "
          f"{arguments.duration} s, tiempo límite {arguments.timeout} s por petición")
    print(f"  mezcla (semilla {arguments.seed}, {len(mix.targets)} URL distintas): {shares}")


def print_result(result: LoadResult) -> None:
    errors = result.socket_errors
    print("\nResultado de la carga mixta:\n")
    print("| medida | valor |")
    print("|---|---|")
    print(f"| peticiones | {result.requests} en {result.seconds:.1f} s |")
    print(f"| rendimiento | {result.throughput:.1f} pet/s |")
    print(f"| latencia p50 | {result.p50_ms:.1f} ms |")
    print(f"| latencia p95 | {result.p95_ms:.1f} ms |")
    print(f"| latencia p99 | {result.p99_ms:.1f} ms |")
    print(f"| respuestas no 2xx | {result.non_2xx} |")
    print(f"| errores de socket (conexión/lectura/escritura/tiempo agotado) | "
          f"{errors['connect']}/{errors['read']}/{errors['write']}/{errors['timeout']} |")
    if result.non_2xx:
        others = ", ".join(f"{status}: {count}" for status, count in sorted(result.statuses.items())
                           if not 200 <= status < 300)
        print(f"\nRespuestas no 2xx por código: {others}")


def print_server_results(results: list[LoadResult]) -> None:
    print("\nPor servidor (la carga mixta, al mismo tiempo; arriba la suma y, de cada latencia, la peor):\n")
    print("| servidor | peticiones | pet/s | p50 (ms) | p95 (ms) | no 2xx | errores de socket |")
    print("|---|---|---|---|---|---|---|")
    for number, result in enumerate(results, start=1):
        print(f"| {number} | {result.requests} | {result.throughput:.1f} | {result.p50_ms:.1f} | "
              f"{result.p95_ms:.1f} | {result.non_2xx} | {sum(result.socket_errors.values())} |")


def print_class_results(results: dict[str, LoadResult], seconds: int) -> None:
    print(f"\nPor clase de URL, cada una sola durante {seconds} s (mismas conexiones):\n")
    print("| clase | pet/s | p50 (ms) | p95 (ms) | no 2xx | errores de socket |")
    print("|---|---|---|---|---|---|")
    for kind, result in results.items():
        print(f"| {CLASS_NAMES[kind]} | {result.throughput:.1f} | {result.p50_ms:.1f} | {result.p95_ms:.1f} "
              f"| {result.non_2xx} | {sum(result.socket_errors.values())} |")
