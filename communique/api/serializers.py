"""Turn statements into API records with a fixed number of queries per page of results."""

from wagtail.rich_text import expand_db_html

from communique.core.languages import country_name
from communique.core.main_pages import page_url
from communique.core.timestamps import to_seconds
from communique.statements.listing import translations_by_key
from communique.syndication.absolute import absolutize_html


def category_record(category):
    return {
        "id": category.pk,
        "translation_group": category.translation_key,
        "language": category.locale.language_code,
        "slug": category.slug,
        "name": category.name,
        "description": category.description,
    }


def country_record(country, language):
    return {"code": country.code, "name": country_name(country.code, language)}


def organisation_record(organisation, language):
    return {
        "id": organisation.pk,
        "translation_group": organisation.translation_key,
        "language": organisation.locale.language_code,
        "slug": organisation.slug,
        "name": organisation.name,
        "short_name": organisation.short_name,
        "country": country_record(organisation.country, language),
        "website": organisation.website,
        "description": organisation.description,
    }


def image_record(page, request):
    image = page.lead_image
    if image is None:
        return None
    return {
        "url": request.build_absolute_uri(image.file.url),
        "width": image.width,
        "height": image.height,
        "credit": page.lead_image_credit,
        "licence": page.lead_image_licence,
    }


def with_relations(statements):
    return statements.select_related("locale", "lead_image").prefetch_related(
        "categories__locale", "countries", "signatories__organisation__country"
    )


def statement_records(pages, request):
    pages = list(pages)
    versions = translations_by_key([page.translation_key for page in pages], request)
    return [statement_record(page, request, versions[page.translation_key]) for page in pages]


def statement_record(page, request, versions):
    language = page.locale.language_code
    url = request.build_absolute_uri(page_url(page, request))
    return {
        "id": page.pk,
        "translation_group": page.translation_key,
        "language": language,
        "title": page.title,
        "slug": page.slug,
        "url": url,
        "date": page.date,
        "first_published_at": to_seconds(page.first_published_at),
        "last_published_at": to_seconds(page.last_published_at),
        "excerpt": page.listing_excerpt,
        "lead": page.lead,
        "body_html": absolutize_html(expand_db_html(page.body), url),
        "lead_image": image_record(page, request),
        "categories": [category_record(category) for category in page.categories.all()],
        "countries": [country_record(country, language) for country in page.countries.all()],
        "signatories": [
            {
                "id": s.organisation.pk,
                "name": s.organisation.name,
                "short_name": s.organisation.short_name,
                "country": s.organisation.country.code,
            }
            for s in page.signatories.all()
        ],  # fmt: skip
        "translations": [
            {
                "id": v.page_id,
                "language": v.language_code,
                "title": v.title,
                "url": request.build_absolute_uri(v.url),
            }
            for v in versions
            if v.language_code != language
        ],  # fmt: skip
    }
