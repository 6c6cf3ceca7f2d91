"""What the benchmarks share: their own PostgreSQL database, dropped and created again."""

from urllib.parse import urlsplit, urlunsplit


def database_name(url: str) -> str:
    return urlsplit(url).path.lstrip("/")


def _admin_connection(url: str):
    import psycopg2

    admin = psycopg2.connect(urlunsplit(urlsplit(url)._replace(path="/postgres")))
    admin.autocommit = True
    return admin


def drop_database(url: str) -> None:
    admin = _admin_connection(url)
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{database_name(url)}" WITH (FORCE)')
    admin.close()


def recreate_database(url: str) -> None:
    drop_database(url)
    admin = _admin_connection(url)
    with admin.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{database_name(url)}"')
    admin.close()
