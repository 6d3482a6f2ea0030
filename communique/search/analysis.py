"""Turn text into search terms the way each language needs.

One analyser per language: words are split on Unicode word boundaries, case-folded,
stop words dropped, reduced to their stem with the Snowball algorithm for that language
(the same algorithms as PostgreSQL's text search dictionaries), then stripped of accents
and other combining marks. The index stores these terms and queries go through the same
analyser, so "strikes" meets "strike", "huelgas" meets "huelga", "απεργίες" meets
"απεργίας", and "accion" meets "acción" — identically on SQLite and PostgreSQL.

Languages without a Snowball stemmer (Korean here) keep whole words. Korean attaches its
particles to the word, so its Hangul words match by prefix: 노동자 finds 노동자들은. Its
words are split where the script changes (COP26에서 is "cop26" and "에서"), so that only
Hangul terms match by prefix: a prefix is expanded to every term of the index that starts
with it, in all languages, which for a Latin query word on a large archive is thousands of
terms (a Korean "s*" from "worker's" cost 240 ms on 100,000 statements).
"""

import functools
import unicodedata
from pathlib import Path

import regex
import Stemmer

WORD_CHARACTER = r"[^\W_]"  # a letter or digit of any script, with its marks
WORD = regex.compile(WORD_CHARACTER + "+")
# Scripts whose words carry attached particles, by language: their terms match by prefix.
PREFIX_SCRIPTS = {"ko": "Hangul"}
STOPWORDS_DIR = Path(__file__).parent / "stopwords"
SNOWBALL_NAMES = {
    "ar": "arabic", "de": "german", "el": "greek", "en": "english", "es": "spanish",
    "fr": "french", "pl": "polish", "ru": "russian", "tr": "turkish",
}  # fmt: skip
MAX_WORD_LENGTH = 60
TERM_CACHE_SIZE = 200_000


def _greek_repair(stem):
    """Snowball's Greek stemmer keeps the ι of -ίες/-ίας but not of -ία (απεργίες → απεργι,
    απεργία → απεργ): drop it so that a noun's forms share one term."""
    return stem[:-1] if len(stem) > 4 and stem.endswith("ι") else stem


STEM_REPAIRS = {"el": _greek_repair}


def fold(word):
    """Strip accents and other combining marks: "acción" → "accion", "ά" → "α"; and the
    white space a compatibility form decomposes into (the Arabic presentation form "ﱞ" is
    a space and two marks)."""
    decomposed = unicodedata.normalize("NFKD", word)
    kept = (char for char in decomposed if not unicodedata.combining(char) and not char.isspace())
    return unicodedata.normalize("NFC", "".join(kept))


class Analyser:
    def __init__(self, language):
        self.language = language
        name = SNOWBALL_NAMES.get(language)
        self.stemmer = Stemmer.Stemmer(name) if name else None
        self.repair = STEM_REPAIRS.get(language, lambda stem: stem)
        path = STOPWORDS_DIR / f"{language}.txt"
        words = path.read_text(encoding="utf-8").split() if path.exists() else []
        self.stopwords = frozenset(fold(word.casefold()) for word in words)
        self.term = functools.lru_cache(maxsize=TERM_CACHE_SIZE)(self._term)
        script = PREFIX_SCRIPTS.get(language)
        self._prefix_script = script and regex.compile(rf"\p{{{script}}}")
        self._script_runs = script and regex.compile(rf"\p{{{script}}}+|[^\W_\p{{{script}}}]+")

    def matches_by_prefix(self, term):
        """Whether a query term also finds longer terms that start with it."""
        return bool(self._prefix_script and self._prefix_script.match(term))

    def split(self, word):
        """The parts of one WORD that are analysed apart: its runs of one script, in a
        language with a prefix script; else the word itself."""
        return self._script_runs.findall(word) if self._script_runs else [word]

    def _term(self, word):
        """The index term for one word, or None for a stop word."""
        word = word.casefold()[:MAX_WORD_LENGTH]
        if fold(word) in self.stopwords:
            return None
        if self.stemmer:
            word = self.repair(fold(self.stemmer.stemWord(word)))
        return fold(word) or None

    def words(self, text):
        found = WORD.findall(text or "")
        if not self._script_runs:
            return found
        return [part for word in found for part in self.split(word)]

    def terms(self, text):
        return [term for word in self.words(text) if (term := self.term(word))]

    def query_terms(self, text):
        """Distinct terms of a query, in the order typed, each with whether it matches by
        prefix."""
        return [(term, self.matches_by_prefix(term)) for term in dict.fromkeys(self.terms(text))]


@functools.cache
def analyser(language):
    return Analyser(language)
