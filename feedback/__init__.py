"""«Reportar un error»: a reader tells the responsible body and CGAI of a
mistake on a published record; staff answer in the admin (docs/portal.md,
docs/personal.md). Reports are never public."""
