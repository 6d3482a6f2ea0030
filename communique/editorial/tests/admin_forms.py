"""Build the POST data Wagtail's page editor sends for a statement."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from communique.core.models import BODY_FEATURES


def statement_form(title="A statement", slug="a-statement", date="2030-01-01", lead="",
                   body="<p>Body of the statement.</p>", **extra):  # fmt: skip
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "date": date,
            "lead": lead,
            "body": rich_text(body, features=BODY_FEATURES),
            "lead_image_credit": "",
            "lead_image_licence": "",
            "signatories": inline_formset([]),
            "go_live_at": extra.pop("go_live_at", ""),
            "expire_at": extra.pop("expire_at", ""),
        }
    )
    data.update(extra)
    return data
