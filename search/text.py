"""Words to search terms, identically for the records and for a query.

Lower case, accents dropped («México» and «mexico» are one word), split on
anything that is not a letter or a digit, Spanish stop words dropped, and each
word reduced to its stem with the Snowball Spanish stemmer («hermanamientos»
and «Hermanamiento» share one). The same pipeline serves SQLite and
PostgreSQL, so both find the same records.

A record's reviewed English texts go through an English twin of the pipeline
(the same folding, English stop words, the Snowball English stemmer: «cities»
and «city» share «citi») into terms of their own, so an English stem never
meets a Spanish one. On an English page each word of a query is looked for by
both of its stems (``query_words``); on a Spanish page by its Spanish stem
alone, as before.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import snowballstemmer

WORD = re.compile(r"[^\W_]+")
VOWELS = "aeiou"


def _load_stop_words(file_name: str = "spanish_stop.txt") -> frozenset[str]:
    lines = (Path(__file__).with_name(file_name).read_text(encoding="utf-8")).splitlines()
    return frozenset(fold(line.strip()) for line in lines if line.strip() and not line.startswith("|"))


def fold(text: str) -> str:
    """Lower case without accents: «Ñuñoa, MÉXICO» → «nunoa, mexico»."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _singular(word: str) -> str:
    """A plural's singular, by the regular rules only.

    Snowball's Spanish stemmer keeps some singulars and plurals apart
    («ciudad» → «ciud» but «ciudades» → «ciudad»; «año»/«años»,
    «gobierno»/«gobiernos»), so plurals are folded before stemming.
    """
    if len(word) > 4 and word.endswith("es") and word[-3] in "dljnrsy" and word[-4] in VOWELS:
        return word[:-2]  # ciudades, redes, naciones, mujeres, países
    if len(word) > 3 and word.endswith("s") and word[-2] in "aeo":
        return word[:-1]  # años, obras, partes (París, crisis and virus stay)
    return word


_stemmer = snowballstemmer.stemmer("spanish")
STOP_WORDS = _load_stop_words()


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return _stemmer.stemWord(_singular(word))


def search_terms(text: str) -> list[str]:
    """The stems of ``text``'s words, in order, stop words left out."""
    return [stem(word) for word in WORD.findall(fold(text)) if word not in STOP_WORDS]


_english_stemmer = snowballstemmer.stemmer("english")
ENGLISH_STOP_WORDS = _load_stop_words("english_stop.txt")


@lru_cache(maxsize=65536)
def english_stem(word: str) -> str:
    return _english_stemmer.stemWord(word)


def english_search_terms(text: str) -> list[str]:
    """The English stems of ``text``'s words, in order, English stop words left out,
    then the stems of the names English has for the same thing (``english_synonyms``)."""
    terms = [english_stem(word) for word in WORD.findall(fold(text)) if word not in ENGLISH_STOP_WORDS]
    return terms + english_synonyms(terms)


#: A twinning is what English in the Americas calls a sister-city agreement
#: (and the reverse): a text saying one is found by the other.
TWIN, SISTER_CITY = ("twin",), ("sister", "citi")


def english_synonyms(terms: list[str]) -> list[str]:
    """The stems a text's ``terms`` stand for too: «twinning» adds «sister city», «sister city» adds «twin»."""
    pairs = set(zip(terms, terms[1:]))
    extra = []
    if TWIN[0] in terms and SISTER_CITY not in pairs:
        extra.extend(SISTER_CITY)
    if SISTER_CITY in pairs and TWIN[0] not in terms:
        extra.extend(TWIN)
    return extra


@dataclass(frozen=True)
class QueryWord:
    """One word of a query: found by its Spanish stem among an entry's Spanish
    terms or, where it has one, by its English stem among the English terms."""

    spanish: str
    english: str = ""


def query_words(text: str, *, english: bool) -> list[QueryWord]:
    """The words of a query, each with its stems.

    On a Spanish page (``english=False``) a word has its Spanish stem only,
    exactly as ``search_terms`` gives it. On an English page it has both, and
    a stop word of either language is left out: «agreement with Paris» looks
    for «agreement» and «Paris», not for a «with» no Spanish text holds.
    """
    if not english:
        return [QueryWord(term) for term in search_terms(text)]
    return [
        QueryWord(stem(word), english_stem(word))
        for word in WORD.findall(fold(text))
        if word not in STOP_WORDS and word not in ENGLISH_STOP_WORDS
    ]
