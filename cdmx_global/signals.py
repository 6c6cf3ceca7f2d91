"""Signals the kernel sends for the apps above it to act on."""

from django.dispatch import Signal

#: One record of a bulk review step that the user's role may not take; the rest
#: of the step goes on, so no 403 is answered. Sent with ``user``, ``action``
#: (the transition's key) and ``record``; the staff app logs it.
transition_refused = Signal()
