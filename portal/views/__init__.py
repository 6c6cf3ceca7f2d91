"""The portal's pages that gather every kind of record, one module per page family."""
