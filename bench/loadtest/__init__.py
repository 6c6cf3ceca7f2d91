"""The load test's parts (``bench/load.py`` is its command): the URL mix drawn
from the database, wrk and its script, the database and the warm-up, the plain
run and its report, and the run with faults."""
