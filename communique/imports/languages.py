"""Which language each post is in, and which posts are translations of each other.

- Polylang: a `language` term on each post, and a `post_translations` term whose
  description is a PHP-serialised map of language to post id (a:2:{s:2:"en";i:12;…}).
- WPML (with its export add-on): post meta `_wpml_language` and `_wpml_trid` (the id
  WPML gives a translation group).
- Neither: the language is detected from the text (py3langid) and reported, so an editor
  can check it.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from communique.core.excerpts import html_to_text

PHP_ENTRY = re.compile(r's:(\d+):"([^"]*)";i:(\d+);')
PHP_ARRAY = re.compile(r"^a:(\d+):\{(.*)\}$", re.S)


class SerialisedError(ValueError):
    pass


def parse_translation_map(serialised):
    """Parse Polylang's PHP-serialised {language: post id} map, strictly."""
    match = PHP_ARRAY.match((serialised or "").strip())
    if not match:
        raise SerialisedError(serialised)
    entries = PHP_ENTRY.findall(match.group(2))
    if len(entries) != int(match.group(1)) or any(len(code) != int(n) for n, code, _ in entries):
        raise SerialisedError(serialised)
    return {code: int(post_id) for _length, code, post_id in entries}


@dataclass
class Assignment:
    language: str
    group: str  # posts with the same group are translations of each other
    detected: bool = False


def polylang_groups(export):
    """Return {post id: group key} from Polylang's post_translations terms."""
    groups = {}
    for term in export.terms:
        if term.taxonomy != "post_translations":
            continue
        try:
            mapping = parse_translation_map(term.description)
        except SerialisedError:
            continue
        for post_id in mapping.values():
            groups[post_id] = f"polylang:{term.slug}"
    return groups


MIN_DETECTABLE_LENGTH = 20


@lru_cache(maxsize=8)
def identifier_for(known):
    """A language identifier that only chooses among the site's languages."""
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE)
    identifier.set_languages(sorted(known))
    return identifier


def detect_language(item, known):
    text = html_to_text(f"{item.title}. {item.content}")[:2000]
    if len(text.strip()) < MIN_DETECTABLE_LENGTH:
        return None
    language, _score = identifier_for(frozenset(known)).classify(text)
    return language


def assign_languages(export, known_languages, default_language):
    """Return ({post id: Assignment}, [(post id, message)] warnings)."""
    groups = polylang_groups(export)
    assignments, warnings = {}, []
    for item in export.items:
        if item.post_type not in ("post", "page"):
            continue
        polylang = [slug for slug, _name in item.terms_of("language")]
        language = (polylang[0] if polylang else "") or item.meta.get("_wpml_language", "")
        group = groups.get(item.wp_id) or (
            f"wpml:{item.meta['_wpml_trid']}"
            if item.meta.get("_wpml_trid")
            else f"post:{item.wp_id}"
        )
        detected = False
        if not language:
            language = detect_language(item, known_languages) or default_language
            detected = True
            warnings.append((item.wp_id, f"language detected as {language}; please check"))
        language = language.split("_")[0].split("-")[0].lower()
        if language not in known_languages:
            warnings.append((item.wp_id, f"language {language} is not configured; imported as "
                                         f"{default_language}"))  # fmt: skip
            language = default_language
        assignments[item.wp_id] = Assignment(language, group, detected)
    return assignments, warnings
