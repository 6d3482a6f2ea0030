import datetime
import uuid
from enum import StrEnum

from django.conf import settings
from ninja import Schema

Language = StrEnum("Language", {code: code for code, _name in settings.LANGUAGES})


class Error(Schema):
    detail: str


class TranslationRef(Schema):
    id: int
    language: str
    title: str
    url: str


class CategoryOut(Schema):
    id: int
    translation_group: uuid.UUID
    language: str
    slug: str
    name: str
    description: str


class CountryOut(Schema):
    code: str
    name: str


class OrganisationOut(Schema):
    id: int
    translation_group: uuid.UUID
    language: str
    slug: str
    name: str
    short_name: str
    country: CountryOut
    website: str
    description: str


class SignatoryOut(Schema):
    id: int
    name: str
    short_name: str
    country: str


class ImageOut(Schema):
    url: str
    width: int
    height: int
    credit: str
    licence: str


class StatementOut(Schema):
    id: int
    translation_group: uuid.UUID
    language: str
    title: str
    slug: str
    url: str
    date: datetime.date
    first_published_at: datetime.datetime | None
    last_published_at: datetime.datetime | None
    excerpt: str
    lead: str
    body_html: str
    lead_image: ImageOut | None
    categories: list[CategoryOut]
    countries: list[CountryOut]
    signatories: list[SignatoryOut]
    translations: list[TranslationRef]


class StatementList(Schema):
    items: list[StatementOut]
    next_cursor: str | None
    next: str | None


class StatementGroup(Schema):
    translation_group: uuid.UUID
    statements: list[StatementOut]
