"""The book's own text, and the one way records are compared with it.

The text is ``shared/source/cdmx-global-2018.txt`` beside the repository: the
book as the CGAI published it, converted to text with its markdown emphasis.
It is not part of the repository (the book's rights are reserved); where it is
absent, the checks that read it say so and are skipped.

``normalise`` is how every check compares a passage with the book: it removes
the markdown emphasis markers (``*`` and ``**``, which the conversion added
around words the book sets in bold or italics), joins every run of whitespace
(line breaks included) into one space, and composes accents (Unicode NFC).
Nothing else is changed: letters, accents, case and punctuation must match.
"""

import re
import unicodedata
from functools import cache
from pathlib import Path

from django.conf import settings

BOOK_TEXT = Path(settings.BASE_DIR).parent / "shared" / "source" / "cdmx-global-2018.txt"


def normalise(text: str) -> str:
    """``text`` as the checks compare it with the book (see the module's docstring)."""
    text = unicodedata.normalize("NFC", text).replace("*", "")
    return re.sub(r"\s+", " ", text).strip()


def folded(text: str) -> str:
    """``normalise``d, lower case and without accents: to find a name or a month
    in a passage whatever its case ("ABRIL", "abril") or accents ("Angeles")."""
    decomposed = unicodedata.normalize("NFD", normalise(text).casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@cache
def book_lines() -> tuple[str, ...] | None:
    """The book's lines (the first is line 1 at index 0), or None if the text is absent."""
    if not BOOK_TEXT.exists():
        return None
    return tuple(BOOK_TEXT.read_text(encoding="utf-8").splitlines())


@cache
def book_text() -> str | None:
    """The whole book, ``normalise``d, or None if the text is absent."""
    lines = book_lines()
    return None if lines is None else normalise("\n".join(lines))


def in_book(passage: str) -> bool:
    text = book_text()
    return text is not None and normalise(passage) in text


def at_line(passage: str, line: int, *, span: int = 4) -> bool:
    """Whether ``passage`` is in the book starting within lines ``line``..``line+span``."""
    lines = book_lines()
    if lines is None or not 1 <= line <= len(lines):
        return False
    return normalise(passage) in normalise("\n".join(lines[line - 1 : line - 1 + span]))
