"""Generate a large archive of statements for benchmarks: `manage.py generate_archive N`.

Statements come in translation groups of one to three languages, spread over twenty years
(so month archives and deep listing pages exist), each with categories, countries and one
to three signatory organisations, and a body of about 500 words drawn from a small
vocabulary per language that has the word forms search must conflate ("strike",
"strikes", "striking"). Pages are created through the importer's bulk path
(`communique.imports.bulk`), so they are whole Wagtail pages with revisions and index
entries. The same seed gives the same archive.
"""

import datetime
import functools
import itertools
import random
import uuid

from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Locale

from communique.core.models import Country
from communique.imports.bulk import NewStatement, create_statements
from communique.organisations.models import Organisation
from communique.statements import listed
from communique.statements.models import Category, StatementIndexPage, StatementPage

NAMESPACE = uuid.UUID("5b0d8a53-31d2-4a59-9a55-4f2b3c0e9d61")
BATCH = 1000
YEARS = 20
VOCABULARY = {
    "en": """strike strikes striking striker workers worker's union unions solidarity
        federation wages wage pension pensions dockworkers dockworker port harbour teachers
        teacher nurses hospital miners mine climate justice peace war refugees refugee
        democracy rights right freedom assembly press repression police protest protests
        demonstration march marched marching general council congress declaration appeal
        statement comrades sisters brothers struggle struggles victory victories rally""",
    "es": """huelga huelgas huelguista trabajadores trabajador sindicato sindicatos
        solidaridad federación salarios salario pensión pensiones estibadores puerto
        maestros maestra enfermeras hospital mineros mina clima justicia paz guerra
        refugiados refugiada democracia derechos derecho libertad asamblea prensa
        represión policía protesta protestas manifestación marcha marcharon general consejo
        congreso declaración llamamiento compañeras compañeros lucha luchas victoria""",
    "el": """απεργία απεργίες απεργίας απεργοί εργάτες εργάτης εργαζόμενοι σωματείο σωματεία
        αλληλεγγύη ομοσπονδία μισθοί μισθός σύνταξη συντάξεις λιμενεργάτες λιμάνι
        εκπαιδευτικοί δάσκαλος νοσηλεύτριες νοσοκομείο ανθρακωρύχοι ορυχείο κλίμα
        δικαιοσύνη ειρήνη πόλεμος πρόσφυγες πρόσφυγας δημοκρατία δικαιώματα δικαίωμα
        ελευθερία συνέλευση τύπος καταστολή αστυνομία διαμαρτυρία διαδήλωση πορεία γενική
        συνέδριο διακήρυξη έκκληση σύντροφοι αγώνας αγώνες νίκη""",
}
GLUE = {
    "en": "the of and to in for with on against at by from all our their",
    "es": "el la los las de y a en para con contra por desde todos nuestra su",
    "el": "ο η το οι των και σε για με κατά από όλοι μας τους στην στο",
}
COUNTRIES = ["AR", "BR", "CL", "DE", "ES", "FR", "GB", "GR", "IN", "IT", "KR", "MX", "NG",
             "PL", "PT", "RU", "TR", "US", "ZA", "EG"]  # fmt: skip
CATEGORY_COUNT = 8
ORGANISATION_COUNT = 40


SYLLABLES = {
    "en": "ba be bi bo da de di do ka ke ki ko la le li lo ma me mi mo na ne ni no ra re ri ro "
          "sa se si so ta te ti to va ve vi vo",
    "es": "ba be bi bo ca ce ci co da de di do la le li lo ma me mi mo na ne ni no ra re ri ro "
          "sa se si so ta te ti to ña ño",
    "el": "βα βε βι βο δα δε δι δο κα κε κι κο λα λε λι λο μα με μι μο να νε νι νο ρα ρε ρι ρο "
          "σα σε σι σο τα τε τι το",
}  # fmt: skip
PSEUDO_WORDS = 3000


@functools.cache
def lexicon(language):
    """(words, cumulative weights): real vocabulary, function words and a long tail.

    Word frequencies follow Zipf's law over a few thousand made-up words, as in real text,
    so a search for a rare word matches a few statements and a common one many.
    """
    syllables = SYLLABLES[language].split()
    tail = []
    for number in range(PSEUDO_WORDS):
        word, rest = "", number + len(syllables)
        while rest:
            rest, index = divmod(rest, len(syllables))
            word += syllables[index]
        tail.append(word)
    vocabulary, glue = VOCABULARY[language].split(), GLUE[language].split()
    population = vocabulary + glue + tail
    weights = ([0.08 / len(vocabulary)] * len(vocabulary) + [0.35 / len(glue)] * len(glue)
               + [0.57 / (rank + 1) / HARMONIC for rank in range(PSEUDO_WORDS)])  # fmt: skip
    return population, list(itertools.accumulate(weights))


HARMONIC = sum(1 / rank for rank in range(1, PSEUDO_WORDS + 1))


def words(rng, language, count):
    population, cumulative = lexicon(language)
    return rng.choices(population, cum_weights=cumulative, k=count)


def paragraph(rng, language, count):
    text = " ".join(words(rng, language, count))
    return f"<p>{text[:1].upper()}{text[1:]}.</p>"


def key(kind, number):
    return uuid.uuid5(NAMESPACE, f"{kind}:{number}")


def translated(model, kind, count, locales, fields):
    """`count` objects of `model` in every locale, sharing translation keys: {(n, code): obj}."""
    objects = {}
    for number in range(count):
        for code, locale in locales.items():
            objects[number, code] = model.objects.get_or_create(
                translation_key=key(kind, number), locale=locale, defaults=fields(number, code)
            )[0]
    return objects


def group_languages(group, languages):
    """One to three languages per translation group, the original first, in rotation."""
    size = (3, 1, 2)[group % 3]
    start = group % len(languages)
    count = min(size, len(languages))
    return [languages[(start + offset) % len(languages)] for offset in range(count)]


class ArchiveGenerator:
    def __init__(self, languages, seed=1):
        unknown = set(languages) - set(VOCABULARY)
        if unknown:
            raise ValueError(f"no vocabulary for {', '.join(sorted(unknown))}")
        self.languages = languages
        self.rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
        self.locales = {code: Locale.objects.get(language_code=code) for code in languages}
        self.indexes = {code: StatementIndexPage.objects.get(locale=locale)
                        for code, locale in self.locales.items()}  # fmt: skip
        self.countries = [Country.objects.get_or_create(code=code)[0] for code in COUNTRIES]
        self.categories = translated(Category, "category", CATEGORY_COUNT, self.locales,
                                     lambda n, code: {"name": self.title(code, 2) + f" {n}",
                                                      "slug": f"topic-{n}"})  # fmt: skip
        self.organisations = translated(
            Organisation, "organisation", ORGANISATION_COUNT, self.locales,
            lambda n, code: {"name": self.title(code, 3) + f" {n}", "slug": f"org-{n}",
                             "country": self.countries[n % len(self.countries)]},
        )  # fmt: skip
        self.first_group = StatementPage.objects.count()

    def title(self, language, count):
        return " ".join(words(self.rng, language, count)).capitalize()

    def statement(self, group, language, date):
        rng = self.rng
        body = "".join(paragraph(rng, language, rng.randint(80, 120)) for _ in range(5))
        title = self.title(language, rng.randint(4, 8))
        page = StatementPage(
            title=title[:255], slug=slugify(f"{title[:60]}-{group}", allow_unicode=True),
            date=date, body=body, author_name=self.title(language, 2),
            locale=self.locales[language], translation_key=key("statement", group), live=True,
            first_published_at=datetime.datetime.combine(date, datetime.time(10), datetime.UTC),
        )  # fmt: skip
        page.last_published_at = page.first_published_at
        categories = [self.categories[n, language]
                      for n in rng.sample(range(CATEGORY_COUNT), rng.randint(1, 2))]  # fmt: skip
        countries = rng.sample(self.countries, rng.randint(1, 2))
        signers = rng.sample(range(ORGANISATION_COUNT), rng.randint(1, 3))
        signatories = [self.organisations[n, language] for n in signers]
        return NewStatement(self.indexes[language], page, categories, countries, signatories)

    def entries(self, count):
        """Yield NewStatement tuples for `count` statement pages, newest date last."""
        made, group = 0, self.first_group
        start = datetime.date.today() - datetime.timedelta(days=365 * YEARS)
        while made < count:
            date = start + datetime.timedelta(days=365 * YEARS * made // count)
            languages = group_languages(group, self.languages)[: count - made]
            for language in languages:
                yield self.statement(group, language, date)
            made += len(languages)
            group += 1

    def generate(self, count, progress=None):
        batch = []
        with transaction.atomic(), listed.deferred():
            for entry in self.entries(count):
                batch.append(entry)
                if len(batch) == BATCH:
                    self.flush(batch, progress)
                    batch = []
            self.flush(batch, progress)

    @staticmethod
    def flush(batch, progress):
        create_statements(batch)
        if progress:
            progress(len(batch))
