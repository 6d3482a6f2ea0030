"""Old addresses in the mirror (redirects.py): where each is written, and what it holds."""

from django.conf import settings

from communique.mirror import redirects


def test_an_old_address_is_a_folder_an_html_file_or_nothing():
    assert redirects.mirror_path("/2019/05/a-post") == "/2019/05/a-post/"
    assert redirects.mirror_path("/about.html") == "/about.html"
    assert (
        redirects.mirror_path("/Αρχείο/δήλωση")
        == "/%CE%91%CF%81%CF%87%CE%B5%CE%AF%CE%BF/%CE%B4%CE%AE%CE%BB%CF%89%CF%83%CE%B7/"
    )
    for old_path in ["/?p=12", "/feed.xml", "/wp-content/uploads/a.jpg", "/"]:
        assert redirects.mirror_path(old_path) is None, old_path


def test_a_redirect_page_is_in_the_language_it_leads_to_and_escapes_the_address():
    arabic = redirects.page("/ar/statements/%D8%A8%D9%8A%D8%A7%D9%86/").decode()
    assert arabic.startswith('<!doctype html><html lang="ar" dir="rtl">')
    assert 'content="0; url=/ar/statements/%D8%A8%D9%8A%D8%A7%D9%86/"' in arabic
    elsewhere = redirects.page('https://example.org/?a=1&b="2"').decode()
    assert f'lang="{settings.LANGUAGE_CODE}"' in elsewhere
    assert 'href="https://example.org/?a=1&amp;b=&quot;2&quot;"' in elsewhere
