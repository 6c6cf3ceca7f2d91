"""The benchmark suite's parts (``bench/run.py`` is its command): the requests
it measures, how it measures them, and the tables and verdicts it prints."""
