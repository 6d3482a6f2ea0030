"""import_wxr against exports written for these tests, and against real WordPress exports."""

import io
import json
from contextlib import closing
from pathlib import Path

import lxml.html
import pytest
from django.core.management import CommandError, call_command
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.contrib.redirects.models import Redirect
from wagtail.images.models import Image
from wagtail.models import Page

from communique.core import changes
from communique.core.models import StandardPage
from communique.imports.languages import SerialisedError, parse_translation_map
from communique.imports.models import ImportedItem
from communique.statements.models import Category, StatementPage

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures"
# Real WordPress exports, copied from shared/wxr-samples so the suite runs anywhere.
SAMPLES = FIXTURES / "wxr-samples"


def run(name, *args):
    out = io.StringIO()
    path = name if isinstance(name, Path) else FIXTURES / name
    call_command("import_wxr", str(path), *args, stdout=out)
    return out.getvalue()


def imported(wp_id, source="https://harbour.example.org"):
    return ImportedItem.objects.get(source=source, wp_id=wp_id).page.specific


def snapshot():
    return (Page.objects.count(), Redirect.objects.count(), ImportedItem.objects.count(),
            Category.objects.count(), Image.objects.count())  # fmt: skip


@pytest.fixture
def media_dir(tmp_path):
    folder = tmp_path / "uploads" / "2019" / "12"
    folder.mkdir(parents=True)
    PILImage.new("RGB", (64, 32), "#1d4e89").save(folder / "cranes.png")
    return tmp_path / "uploads"


def test_plain_blog_posts_become_statements(media_dir):
    output = run("plain_blog.xml", "--media-dir", str(media_dir))
    post = imported(10)
    assert isinstance(post, StatementPage) and post.live
    assert post.title == "Solidarity with the crane operators"
    assert post.locale.language_code == "en" and str(post.date) == "2019-12-05"
    assert post.lead == "Crane operators stop work after an injury on the night shift."
    assert post.author_name == "Maria Ortega" and post.sticky
    assert post.first_published_at.isoformat().startswith("2019-12-05T09:30")
    assert {c.slug for c in post.categories.all()} == {"statements", "dockers"}
    assert post.lead_image is not None and post.lead_image.width == 64
    assert "kind: post" in output and "translation groups" in output


def test_imported_statements_keep_their_excerpts():
    run("plain_blog.xml")
    pages = StatementPage.objects.all()
    assert pages and all(page.listing_excerpt for page in pages)
    assert [page.listing_excerpt for page in pages] == [page.excerpt for page in pages]


def test_content_is_converted_and_sanitised(media_dir):
    run("plain_blog.xml", "--media-dir", str(media_dir))
    body = imported(10).body
    assert_clean(body)
    for forbidden in ("<script", "onclick", "javascript:", "style=", "[caption", "[gallery",
                      "wp:paragraph"):  # fmt: skip
        assert forbidden not in body
    assert "<p>They demand two operators on every night shift.</p>" in body
    assert '<embed embedtype="image"' in body and "The north terminal at night" in body
    assert '<a href="https://example.org/appeal">sign the appeal</a>' in body
    assert "<p></p>" not in body and "&nbsp;" not in body


def test_statuses_map_to_visibility():
    output = run("plain_blog.xml")
    assert not imported(11).live and not imported(12).live and not imported(13).live
    assert "status: draft" in output and "status: private" in output
    assert "status: future" in output
    assert "skipped #40 (nav_menu_item): navigation menu item" in output
    assert "skipped #41 (post): status trash" in output


def test_pages_become_pages_under_their_parents():
    run("plain_blog.xml")
    about, history = imported(20), imported(21)
    assert isinstance(about, StandardPage) and history.get_parent().pk == about.pk
    assert "<h2>Who we are</h2>" in about.body  # h1 is kept as the largest heading we render


def test_missing_media_is_reported_not_fetched():
    output = run("plain_blog.xml")
    assert "media not imported (no --media-dir)" in output
    assert imported(10).lead_image is None
    assert Image.objects.filter(title="cranes").count() == 0


def test_old_urls_redirect_permanently(client):
    run("plain_blog.xml")
    post = imported(10)
    for old in ("/2019/12/solidarity-with-the-crane-operators/", "/?p=10",
                "/solidarity-with-the-crane-operators/"):  # fmt: skip
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"].endswith(post.url)
    about = client.get("/?page_id=20")
    assert about.status_code == 301 and about["Location"].endswith(imported(20).url)
    category = client.get("/category/statements/")
    assert category.status_code == 301
    assert category["Location"].endswith("/en/statements/category/statements/")
    assert client.get(category["Location"]).status_code == 200


def test_importing_again_duplicates_nothing_and_updates_what_changed(tmp_path):
    run("plain_blog.xml")
    before = snapshot()
    again = timezone.now()
    output = run("plain_blog.xml")
    assert snapshot() == before
    assert "action: unchanged" in output and "action: created" not in output
    assert changes.tags_changed_since(again) == set()  # no redirect saved again
    changed = tmp_path / "changed.xml"
    changed.write_text(
        (FIXTURES / "plain_blog.xml")
        .read_text()
        .replace(
            "Solidarity with the crane operators</title>",
            "Solidarity with all crane operators</title>",
        )
    )
    output = run(changed)
    assert snapshot() == before
    assert "action: updated" in output
    assert imported(10).title == "Solidarity with all crane operators"


def test_dry_run_writes_nothing(media_dir):
    before = snapshot()
    output = run("plain_blog.xml", "--dry-run", "--media-dir", str(media_dir))
    assert "Dry run" in output and "kind: post" in output
    assert snapshot() == before


def test_polylang_translations_form_groups(client):
    output = run("polylang.xml")
    source = "https://polylang.example.org"
    en, el, ko = (imported(i, source) for i in (100, 101, 102))
    assert (en.locale.language_code, el.locale.language_code, ko.locale.language_code) == (
        "en",
        "el",
        "ko",
    )
    assert en.translation_key == el.translation_key == ko.translation_key
    assert imported(110, source).translation_key == imported(111, source).translation_key
    assert imported(110, source).translation_key != en.translation_key
    assert "translation groups │     2" in output or "translation groups" in output
    polish = imported(120, source)
    assert polish.locale.language_code == "pl"
    assert "#120: language detected as pl; please check" in output
    page = client.get(el.url).content.decode()
    assert f'hreflang="en" href="http://testserver{en.url}"' in page


def test_wpml_translations_form_groups():
    run("wpml.xml")
    source = "https://wpml.example.org"
    versions = [imported(i, source) for i in (200, 201, 202)]
    assert [v.locale.language_code for v in versions] == ["en", "es", "ar"]
    assert len({v.translation_key for v in versions}) == 1


def test_locale_map_and_default_locale():
    run("polylang.xml", "--locale-map", "el=pl")
    assert imported(101, "https://polylang.example.org").locale.language_code == "pl"
    with pytest.raises(CommandError, match="wp_code=our_code"):
        run("polylang.xml", "--locale-map", "nonsense")
    with pytest.raises(CommandError, match="not a site language"):
        run("polylang.xml", "--default-locale", "xx")


def test_polylang_serialised_maps_are_parsed_strictly():
    assert parse_translation_map('a:2:{s:2:"en";i:12;s:2:"el";i:13;}') == {"en": 12, "el": 13}
    for bad in ('a:3:{s:2:"en";i:12;}', 's:2:"en";', 'a:1:{s:3:"en";i:12;}', 'O:8:"stdClass":0:{}'):
        with pytest.raises(SerialisedError):
            parse_translation_map(bad)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("truncated.xml", r"line \d+, column \d+"),
        ("not_xml.xml", r"line 1, column 1"),
        ("xxe.xml", "declares XML entities"),
        ("billion_laughs.xml", "declares XML entities"),
        ("not_wordpress.xml", "Not a WordPress export"),
    ],
)
def test_bad_files_get_a_clear_error_and_change_nothing(name, message):
    before = snapshot()
    with pytest.raises(CommandError, match=message):
        run(name)
    assert snapshot() == before


def test_a_failure_midway_rolls_everything_back(monkeypatch):
    from communique.imports import importer

    before = snapshot()
    original = importer.create_statements

    def create_then_fail(entries):
        original(entries)  # the statements are written...
        raise RuntimeError("disk full")  # ...then something breaks

    monkeypatch.setattr(importer, "create_statements", create_then_fail)
    with pytest.raises(RuntimeError):
        run("plain_blog.xml")
    assert snapshot() == before


@pytest.mark.parametrize("sample", ["themeunittestdata.wordpress.xml", "64-block-test-data.xml"])
def test_real_wordpress_exports_import_cleanly(sample):
    from communique.imports.wxr import parse_file

    path = SAMPLES / sample
    export = parse_file(path)
    output = run(path)
    published = [
        i for i in export.items if i.post_type in ("post", "page") and i.status == "publish"
    ]
    source = export.site_url
    records = ImportedItem.objects.filter(source=source, kind__in=["post", "page"])
    assert {i.wp_id for i in published} <= set(records.values_list("wp_id", flat=True))
    for item in published:
        assert ImportedItem.objects.get(source=source, wp_id=item.wp_id).page.live
    others = [i for i in export.items if i.post_type not in ("post", "page", "attachment")]
    for item in others:
        assert f"skipped #{item.wp_id} ({item.post_type}):" in output
    for page in StatementPage.objects.filter(pk__in=records.values("page_id")):
        assert_clean(page.body)


def assert_clean(body):
    """Nothing the sanitiser should have removed: scripts, frames, handlers, styles, js: URLs."""
    assert "<!--" not in body
    if not body.strip():
        return
    tree = lxml.html.fragment_fromstring(body, create_parent="div")
    for element in tree.iter():
        assert element.tag not in ("script", "iframe", "style", "object", "form"), element.tag
        for name, value in element.attrib.items():
            assert not name.startswith("on") and name != "style", name
            assert not value.strip().lower().startswith("javascript:"), value


def test_bulk_created_statements_are_whole_wagtail_pages(client, make_user):
    """The fast path must leave pages Wagtail treats like any other."""
    from communique.editorial.roles import COORDINATORS

    run("polylang.xml")
    source = "https://polylang.example.org"
    greek = imported(101, source)
    assert Page.find_problems() == ([], [], [], [], [])
    parent = greek.get_parent()
    assert parent.numchild == parent.get_children().count()
    assert greek.latest_revision_id and greek.live_revision_id == greek.latest_revision_id
    assert greek.get_latest_revision_as_object().title == greek.title
    # The revision holds what Wagtail itself would have stored for the page.
    expected = json.loads(json.dumps(greek.serializable_data(), cls=DjangoJSONEncoder))
    expected.update(latest_revision=None, live_revision=None)  # set once the revision exists
    assert greek.latest_revision.content == expected
    assert [c.slug for c in greek.categories.all()] == ["declarations"]
    assert client.get(greek.url).status_code == 200
    assert greek.title in client.get("/el/statements/2021/03/").content.decode()
    client.force_login(make_user("co", COORDINATORS))
    assert client.get(f"/admin/pages/{greek.pk}/edit/").status_code == 200
    results = StatementPage.objects.live().search("λιμάνια")
    assert greek.pk in [page.pk for page in results]
    latest = greek.get_latest_revision_as_object()
    latest.title = "Edited after import"
    latest.save_revision().publish()
    assert StatementPage.objects.get(pk=greek.pk).title == "Edited after import"


@pytest.mark.parametrize("batch_sizes", [None, (7, 1)])
def test_posts_prepared_in_worker_processes_import_as_in_process(monkeypatch, batch_sizes):
    """Worker processes (prepare.py) change the speed of an import, never its result, and
    neither do batch sizes, nor batches written early while the workers catch up."""
    from django.db import transaction

    from communique.imports import importer
    from communique.imports.importer import Importer, Options

    if batch_sizes:
        monkeypatch.setattr(importer, "BATCH_SIZE", batch_sizes[0])
        monkeypatch.setattr(importer, "EARLY_BATCH_SIZE", batch_sizes[1])
    from communique.search.models import SearchEntry

    def imported_state(workers):
        with transaction.atomic():
            summary = Importer(SAMPLES / "themeunittestdata.wordpress.xml",
                               Options(workers=workers)).run()  # fmt: skip
            pages = [(p.title, p.slug, p.body, p.lead, p.date, p.locale_id, p.live,
                      str(p.translation_key)) for p in StatementPage.objects.order_by("path")]  # fmt: skip
            entries = sorted(SearchEntry.objects.values_list("language", "title", "body"))
            redirects = sorted(Redirect.objects.values_list("old_path", "redirect_page__title"))
            transaction.set_rollback(True)
        return summary.warnings, summary.actions, pages, entries, redirects

    in_process = imported_state(workers=0)
    assert len(in_process[2]) > 20 and len(in_process[3]) > 20 and len(in_process[4]) > 40
    assert imported_state(workers=2) == in_process


def test_workers_option_is_checked_and_used():
    before = snapshot()
    with pytest.raises(CommandError, match="--workers"):
        run("plain_blog.xml", "--workers", "-1")
    assert snapshot() == before
    run("plain_blog.xml", "--workers", "1")
    assert imported(10).title == "Solidarity with the crane operators"


def test_a_worker_process_never_uses_the_importers_connection():
    """Forked workers share the importer's open transaction: a query there must fail loudly."""
    from communique.imports.languages import Assignment
    from communique.imports.prepare import Context, WorkerQueryError, prepare_all
    from communique.imports.wxr import parse_file

    posts = [item for item in parse_file(FIXTURES / "plain_blog.xml").items
             if item.post_type == "post"]  # fmt: skip
    context = Context({item.wp_id: Assignment("en", str(item.wp_id)) for item in posts}, {},
                      image_for_url=lambda url: Image.objects.first())  # fmt: skip
    assert len(list(prepare_all(posts, context, workers=0))) == len(posts)  # in-process: fine
    with pytest.raises(WorkerQueryError), closing(prepare_all(posts, context, workers=1)) as ready:
        list(ready)


def test_prepared_posts_come_in_order_when_the_importer_asks_whether_they_are_ready():
    from communique.imports.languages import Assignment
    from communique.imports.prepare import Context, prepare_all
    from communique.imports.wxr import parse_file

    posts = [item for item in parse_file(SAMPLES / "themeunittestdata.wordpress.xml").items
             if item.post_type == "post"]  # fmt: skip
    context = Context({item.wp_id: Assignment("en", str(item.wp_id)) for item in posts}, {},
                      image_for_url=lambda url: None)  # fmt: skip
    expected = [prepared.fields for prepared in prepare_all(posts, context, workers=0)]
    received = []
    with closing(prepare_all(posts, context, workers=2)) as stream:
        while len(received) < len(posts):
            if stream.ready():
                received.append(next(stream).fields)
        assert stream.ready()  # nothing left to wait for
        with pytest.raises(StopIteration):
            next(stream)
    assert received == expected


@pytest.mark.parametrize("workers", ["0", "1"])
def test_a_post_too_long_for_its_fields_is_named_and_nothing_is_written(tmp_path, workers):
    """A statement is checked where it is built (a worker process, for large exports); the
    error still names the post and its line, and the import writes nothing."""
    export = tmp_path / "long_title.xml"
    text = (FIXTURES / "plain_blog.xml").read_text(encoding="utf-8")
    export.write_text(text.replace("Solidarity with the crane operators", "Solidarity " * 30))
    before = snapshot()
    with pytest.raises(CommandError, match=r"item #\d+ at line 19 cannot be saved: .*title"):
        run(export, "--workers", workers)
    assert snapshot() == before


def test_an_import_runs_with_the_cyclic_collector_paused(monkeypatch):
    import gc

    from communique.imports.importer import Importer

    seen = []
    import_export = Importer.import_export

    def spy(self, export):
        seen.append(gc.isenabled())
        return import_export(self, export)

    monkeypatch.setattr(Importer, "import_export", spy)
    enabled = gc.isenabled()
    gc.enable()
    try:
        run("plain_blog.xml")
        assert seen == [False] and gc.isenabled()
    finally:
        if not enabled:
            gc.disable()
    assert imported(10).title == "Solidarity with the crane operators"


def test_imported_statements_have_wagtails_page_history():
    """As save_revision().publish() would log it: created, and published if live."""
    from wagtail.models import PageLogEntry

    run("plain_blog.xml")
    published, draft = imported(10), imported(11)
    history = PageLogEntry.objects.filter(page=published).order_by("pk")
    assert [entry.action for entry in history] == ["wagtail.create", "wagtail.publish"]
    assert history[1].revision_id == published.live_revision_id
    assert [entry.label for entry in history] == [published.title] * 2
    assert list(PageLogEntry.objects.filter(page=draft).values_list("action", flat=True)) == [
        "wagtail.create"
    ]


def test_a_post_named_like_a_listing_page_gets_a_free_slug_and_keeps_its_old_address(
    tmp_path, client
):
    export = tmp_path / "archive_post.xml"
    text = (FIXTURES / "plain_blog.xml").read_text(encoding="utf-8")
    export.write_text(text.replace("solidarity-with-the-crane-operators", "archive"))
    run(export)
    post = imported(10)
    assert post.slug == "archive-10"
    response = client.get("/2019/12/archive/")
    assert response.status_code == 301 and response["Location"].endswith(post.url)
    html = client.get("/en/statements/archive/").content.decode()
    assert '<ul class="archive-years">' in html  # the statement index's archive, not the post
