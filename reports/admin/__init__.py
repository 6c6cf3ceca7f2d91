"""The staff side of the semiannual report (the government's evaluations of
the agreements are the ``evaluations`` app's admin): the
indicators and their entered values (``indicators``), the reports' lifecycle
(``report``: build, approve, deliver to Congress, publish; ``builds``: each
build a worker runs) and the Congress's
evaluation (``congress``).

Every write goes through ``reports.services``; these modules only collect the
input and show the services' Spanish messages. Importing them registers their
admins, so Django's autodiscovery of ``reports.admin`` finds every one.
"""

from . import builds, congress, indicators, report  # noqa: F401  (registers the admins)
