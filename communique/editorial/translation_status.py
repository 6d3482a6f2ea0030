"""The state of every translation of every statement, for the translation dashboard.

A version made with wagtail-localize is judged by its translation source: out of date when
the original was published after the source's strings were last extracted (it needs a
sync), in progress while strings are untranslated or changes are unpublished. A version
made by hand (imported, or written separately) is out of date when the original was
published after it.
"""

from dataclasses import dataclass
from enum import StrEnum

from django.utils.translation import gettext_lazy as _
from wagtail_localize.models import Translation, TranslationSource

from communique.statements.models import StatementPage


class State(StrEnum):
    ORIGINAL = "original"
    MISSING = "missing"
    IN_PROGRESS = "in_progress"
    OUT_OF_DATE = "out_of_date"
    UP_TO_DATE = "up_to_date"

    @property
    def label(self):
        return STATE_LABELS[self]


STATE_LABELS = {
    State.ORIGINAL: _("Original"),
    State.MISSING: _("Missing"),
    State.IN_PROGRESS: _("In progress"),
    State.OUT_OF_DATE: _("Out of date"),
    State.UP_TO_DATE: _("Up to date"),
}


@dataclass
class Cell:
    state: State
    page: StatementPage | None = None
    source: TranslationSource | None = None
    translation: Translation | None = None


@dataclass
class Row:
    original: StatementPage
    cells: dict  # language code -> Cell

    def cells_for(self, locales):
        return [(locale, self.cells[locale.language_code]) for locale in locales]


def _state_of_localized(original, page, source, translation):
    if original.last_published_at and original.last_published_at > source.last_updated_at:
        return State.OUT_OF_DATE
    if not page.live or page.has_unpublished_changes:
        return State.IN_PROGRESS
    total, done = translation.get_progress()
    return State.UP_TO_DATE if done >= total else State.IN_PROGRESS


def _state_of_manual(original, page):
    if not page.live or page.has_unpublished_changes:
        return State.IN_PROGRESS
    original_time, version_time = original.last_published_at, page.last_published_at
    if original_time and version_time and original_time > version_time:
        return State.OUT_OF_DATE
    return State.UP_TO_DATE


def cell_for(original, page, source, translation):
    if page is None:
        return Cell(State.MISSING, source=source)
    if page.pk == original.pk:
        return Cell(State.ORIGINAL, page=page, source=source)
    if source is not None and translation is not None:
        return Cell(_state_of_localized(original, page, source, translation), page, source,
                    translation)  # fmt: skip
    return Cell(_state_of_manual(original, page), page, source)


def build_rows(originals, locales):
    """Return a Row per original with a Cell per locale, in a fixed number of queries."""
    originals = list(originals)
    keys = [original.translation_key for original in originals]
    versions = {
        (page.translation_key, page.locale_id): page
        for page in StatementPage.objects.filter(translation_key__in=keys, alias_of__isnull=True)
    }
    sources = {}
    for source in TranslationSource.objects.filter(object_id__in=keys).order_by("created_at"):
        sources[source.object_id] = source
    translations = {
        (translation.source_id, translation.target_locale_id): translation
        for translation in Translation.objects.filter(source__in=sources.values(), enabled=True)
    }
    rows = []
    for original in originals:
        source = sources.get(original.translation_key)
        cells = {}
        for locale in locales:
            translation = translations.get((source.pk, locale.pk)) if source else None
            page = versions.get((original.translation_key, locale.pk))
            cells[locale.language_code] = cell_for(original, page, source, translation)
        rows.append(Row(original, cells))
    return rows
