import datetime

from django.utils import translation

from communique.core.languages import (
    country_name,
    format_localized_date,
    format_month_year,
    language_codes,
    language_name,
    text_direction,
)


def test_direction_follows_the_script():
    assert text_direction("ar") == "rtl"
    assert [text_direction(code) for code in ("en", "el", "ko", "pl")] == ["ltr"] * 4


def test_language_facts_follow_the_settings(settings):
    assert (text_direction("fa"), language_name("pl"), "nl" in language_codes()) == (
        "rtl", "Polski", False)  # fmt: skip
    settings.LANGUAGES_BIDI = ["ar"]
    settings.LANGUAGES = [*settings.LANGUAGES, ("nl", "Nederlands")]
    settings.LANGUAGES = [(code, name.upper()) for code, name in settings.LANGUAGES]
    assert (text_direction("fa"), language_name("pl"), "nl" in language_codes()) == (
        "ltr", "POLSKI", True)  # fmt: skip


def test_country_names_in_each_language():
    assert country_name("KR", "el") == "Νότια Κορέα"
    assert country_name("GR", "ko") == "그리스"
    assert country_name("PL", "ar") == "بولندا"
    with translation.override("pl"):
        assert country_name("de") == "Niemcy"


def test_dates_follow_each_locale():
    day = datetime.date(2019, 9, 12)
    assert format_localized_date(day, "long", "en") == "September 12, 2019"
    assert format_localized_date(day, "long", "el") == "12 Σεπτεμβρίου 2019"
    assert format_localized_date(day, "long", "ko") == "2019년 9월 12일"
    assert format_localized_date(day, "long", "ar") == "12 سبتمبر 2019"
    assert format_month_year(day, "pl") == "wrzesień 2019"
