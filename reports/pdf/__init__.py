"""The PDF of record's machinery, over WeasyPrint and pydyf, without Django:
the print HTML cut into parts (``parts``), laid out in other processes
(``workers``), each part's objects numbered in the joined file's sequence
(``part_objects``) and joined into one file (``join``), and the changes to
WeasyPrint's writing that keep it fast (``writing``). ``reports.exporters.document``
renders the HTML and calls it; a worker process imports only this package."""
