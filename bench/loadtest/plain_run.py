"""The load without faults: prepare the database, serve the portal as in
production, warm it up, run the mixed load and each class of URL alone, print
the results (see bench/load.py's docstring)."""

import os
import re
import sys
import tempfile
from pathlib import Path

from bench import faults
from bench.common import database_name, drop_database, free_port, recreate_database

from .database import check_synthetic_command, manage, published_record_count, static_files_outdated
from .report import print_assumptions, print_class_results, print_result, print_server_results
from .urls import CLASS_NAMES, CLASS_WEIGHTS, build_url_mix, mix_sample
from .warmup import warm_up
from .wrk import run_wrk_on_servers


def run_plain(arguments) -> int:
    """The mixed load, then each class of URL alone; 1 if any answer was not 2xx."""
    url = arguments.database_url
    # As the fault runs, but with the collected static files, as production serves them.
    env = faults.portal_env(url, DJANGO_SETTINGS_MODULE="config.settings")
    os.environ.update(env)
    import django

    django.setup()
    from django.db import OperationalError, connection

    if not arguments.skip_prepare:
        if arguments.scale > 1:
            check_synthetic_command()
        print(f"Preparando la base «{database_name(url)}» a {arguments.scale}×…", file=sys.stderr)
        recreate_database(url)
        manage("migrate", "--no-input", "-v0", env=env)
        manage("load_book", env=env)
        if arguments.scale > 1:
            manage("generate_synthetic", "--scale", str(arguments.scale), env={**env, "ALLOW_SYNTHETIC_DATA": "1"})
    # STATIC_ROOT is the checkout's staticfiles/ (not configurable), as for `make run`.
    if static_files_outdated():
        manage("collectstatic", "--no-input", "-v0", env=env)

    try:
        records = published_record_count()
        mix = build_url_mix(seed=arguments.seed, **mix_sample(arguments))
    except OperationalError as error:
        raise SystemExit(f"No se pudo leer la base «{database_name(url)}» ({error}); prepárela sin --skip-prepare.")
    if not mix.by_kind("detail"):
        raise SystemExit(f"La base «{database_name(url)}» no tiene registros publicados; prepárela sin --skip-prepare.")
    connection.close()

    with tempfile.TemporaryDirectory(prefix="cdmx-load-") as directory:
        directory = Path(directory)
        # With --servers N, N gunicorn instances on N ports, each with its own wrk: the same
        # database and, if REDIS_URL is set, the same Redis (limits and page cache shared).
        servers = [faults.Gunicorn(free_port(), arguments.workers, env, directory / f"gunicorn-{number}.log")
                   for number in range(1, arguments.servers + 1)]
        base_urls = [f"http://127.0.0.1:{server.port}" for server in servers]
        try:
            for server in servers:
                server.start()
            print(f"Calentando: {len(mix.targets)} URL distintas, una vez cada una…", file=sys.stderr)
            slowest = warm_up(servers[0].port, mix, arguments.workers)
            for server in servers[1:]:
                warm_up(server.port, mix, arguments.workers)
            print(f"Carga mixta: {arguments.duration} s…", file=sys.stderr)
            result, per_server = run_wrk_on_servers(base_urls, mix.cycle, directory, "mix", arguments.duration,
                                                    arguments.connections, arguments.timeout)
            by_class = {}
            if arguments.class_duration > 0:
                for kind in CLASS_WEIGHTS:
                    print(f"Sólo {CLASS_NAMES[kind]}: {arguments.class_duration} s…", file=sys.stderr)
                    members = set(mix.by_kind(kind))
                    paths = [path for path in mix.cycle if path in members]
                    by_class[kind], _ = run_wrk_on_servers(base_urls, paths, directory, kind,
                                                           arguments.class_duration, arguments.connections,
                                                           arguments.timeout)
        except RuntimeError as error:  # gunicorn did not come up
            raise SystemExit(str(error)) from None
        finally:
            server_log = "".join(server.stop() for server in servers)

    print_assumptions(arguments, url, records, mix)
    print("\nLas más lentas al calentar (una petición sola):")
    for seconds, path in slowest[:5]:
        print(f"  {seconds * 1000:7.1f} ms  {path}")
    print_result(result)
    if len(per_server) > 1:
        print_server_results(per_server)
    if by_class:
        print_class_results(by_class, arguments.class_duration)
    if arguments.drop:
        drop_database(url)

    failed = result.failed or any(r.failed for r in by_class.values())
    if re.search(r"\b(Traceback|ERROR|CRITICAL)\b", server_log):
        print(f"\ngunicorn registró errores:\n{server_log}", file=sys.stderr)
        failed = True
    if failed:
        print("\nFALLÓ: hubo respuestas no 2xx o errores de socket.", file=sys.stderr)
        return 1
    return 0
