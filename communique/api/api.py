"""The public, read-only JSON API, version 1 (django-ninja). Mounted at /api/v1/."""

import datetime
import uuid

from django.http import HttpRequest, HttpResponse
from django.utils.http import http_date
from ninja import Field, NinjaAPI, Path, Query, Schema
from ninja.errors import HttpError
from wagtail.models import Locale

from communique.core import changes
from communique.core.models import Country
from communique.core.translations import localized_map
from communique.organisations.models import Organisation
from communique.statements.models import Category, StatementPage

from . import schemas
from .cursors import InvalidCursor, after_cursor, encode_cursor
from .serializers import (
    category_record,
    country_record,
    organisation_record,
    statement_records,
    with_relations,
)

api = NinjaAPI(
    title="Communiqué API",
    version="1",
    description="Published statements of the network, in every language, for republishing.",
    urls_namespace="api-v1",
)

DEFAULT_LIMIT, MAX_LIMIT = 20, 100
MAX_ID = 2**63 - 1  # the largest id a database integer key can hold
ERRORS = {400: schemas.Error, 404: schemas.Error}


class StatementFilters(Schema):
    language: schemas.Language | None = None
    category: str | None = None
    country: str | None = None
    organisation: str | None = None
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    updated_since: datetime.datetime | None = None
    cursor: str | None = Field(None, pattern=r"^[A-Za-z0-9_-]{1,100}$")
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT)


def set_last_modified(response, moment):
    """Let ConditionalGetMiddleware answer If-Modified-Since with 304."""
    if moment is not None:
        response["Last-Modified"] = http_date(moment.timestamp())


def as_utc(moment):
    """Normalise a client's timestamp (any offset, or none: UTC) for every database."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=datetime.UTC)
    try:
        return moment.astimezone(datetime.UTC)
    except OverflowError as error:
        raise HttpError(400, "updated_since is out of range") from error


def filtered_statements(filters):
    locale = None
    if filters.language:
        locale = Locale.objects.filter(language_code=filters.language.value).first()
        if locale is None:
            raise HttpError(404, "Unknown language")
    statements = StatementPage.objects.published_versions(locale)
    if filters.category:
        category = Category.objects.filter(slug=filters.category).first()
        if category is None:
            raise HttpError(404, "Unknown category")
        statements = statements.in_category(category)
    if filters.country:
        country = Country.objects.filter(code=filters.country.upper()).first()
        if country is None:
            raise HttpError(404, "Unknown country")
        statements = statements.in_country(country)
    if filters.organisation:
        organisation = Organisation.objects.filter(slug=filters.organisation).first()
        if organisation is None:
            raise HttpError(404, "Unknown organisation")
        statements = statements.signed_by(organisation)
    if filters.date_from:
        statements = statements.filter(listed_date__gte=filters.date_from)
    if filters.date_to:
        statements = statements.filter(listed_date__lte=filters.date_to)
    if filters.updated_since:
        statements = statements.filter(last_published_at__gte=as_utc(filters.updated_since))
    return statements


@api.get("/statements", response={200: schemas.StatementList, **ERRORS}, tags=["statements"])
def list_statements(request: HttpRequest, response: HttpResponse,
                    filters: Query[StatementFilters]):  # fmt: skip
    """Published statements, newest first, each with its other translations listed."""
    statements = filtered_statements(filters)
    set_last_modified(response, changes.last_change())
    if filters.cursor:
        try:
            statements = after_cursor(statements, filters.cursor)
        except InvalidCursor as error:
            raise HttpError(400, "Invalid cursor") from error
    pages = list(with_relations(statements)[: filters.limit + 1])
    more = len(pages) > filters.limit
    pages = pages[: filters.limit]
    next_cursor = encode_cursor(pages[-1]) if more else None
    next_url = None
    if next_cursor:
        query = request.GET.copy()
        query["cursor"] = next_cursor
        next_url = request.build_absolute_uri(f"{request.path}?{query.urlencode()}")
    return {"items": statement_records(pages, request), "next_cursor": next_cursor,
            "next": next_url}  # fmt: skip


@api.get("/statements/{statement_id}", response={200: schemas.StatementOut, **ERRORS},
         tags=["statements"])  # fmt: skip
def get_statement(request: HttpRequest, response: HttpResponse,
                  statement_id: int = Path(..., ge=1, le=MAX_ID)):  # fmt: skip
    """One published statement by id."""
    page = with_relations(StatementPage.objects.published().filter(pk=statement_id)).first()
    if page is None:
        raise HttpError(404, "No published statement with this id")
    set_last_modified(response, page.last_published_at)
    return statement_records([page], request)[0]


@api.get("/statement-groups/{translation_group}",
         response={200: schemas.StatementGroup, **ERRORS}, tags=["statements"])  # fmt: skip
def get_statement_group(request: HttpRequest, response: HttpResponse, translation_group: uuid.UUID):
    """Every published language version of one statement."""
    pages = list(
        with_relations(StatementPage.objects.published().filter(translation_key=translation_group))
    )
    if not pages:
        raise HttpError(404, "No published statement in this translation group")
    set_last_modified(response, max(page.last_published_at for page in pages))
    return {"translation_group": translation_group, "statements": statement_records(pages, request)}


def _locale(language):
    return Locale.objects.get(language_code=(language or schemas.Language("en")).value)


@api.get("/categories", response=list[schemas.CategoryOut], tags=["vocabulary"])
def list_categories(request: HttpRequest, language: schemas.Language | None = None):
    """Categories, one per translation group, in `language` where translated."""
    keys = Category.objects.values_list("translation_key", flat=True).distinct()
    chosen = localized_map(Category, keys, _locale(language))
    return [category_record(c) for c in sorted(chosen.values(), key=lambda c: c.slug)]


@api.get("/countries", response=list[schemas.CountryOut], tags=["vocabulary"])
def list_countries(request: HttpRequest, language: schemas.Language | None = None):
    """Countries statements concern or organisations are based in, named in `language`."""
    code = (language or schemas.Language("en")).value
    return [country_record(country, code) for country in Country.objects.all()]


@api.get("/organisations", response=list[schemas.OrganisationOut], tags=["vocabulary"])
def list_organisations(request: HttpRequest, language: schemas.Language | None = None):
    """Member organisations, one per translation group, in `language` where translated."""
    keys = Organisation.objects.values_list("translation_key", flat=True).distinct()
    chosen = localized_map(Organisation, keys, _locale(language))
    code = (language or schemas.Language("en")).value
    return [organisation_record(o, code) for o in sorted(chosen.values(), key=lambda o: o.slug)]
