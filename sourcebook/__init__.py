"""The CGAI's 2018 book, the portal's first data: its records (``records``) and
the loader that brings an installed database to them (``loader``, the
``load_book`` command)."""
