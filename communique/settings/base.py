"""Settings shared by every environment. Environment-specific files import this first."""

import os
from pathlib import Path

import dj_database_url

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = Path(os.environ.get("COMMUNIQUE_VAR_DIR", BASE_DIR / "var"))

INSTALLED_APPS = [
    "communique.core",
    "communique.statements",
    "communique.organisations",
    "communique.demo",
    "communique.editorial",
    "communique.syndication",
    "communique.api",
    "communique.imports",
    "communique.search",
    "communique.mirror",
    "corsheaders",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "communique.core.middleware.CommuniqueLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "communique.core.page_cache.PageCacheMiddleware",
    "communique.core.middleware.StructureMiddleware",  # after the cache: a hit asks nothing
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "communique.urls"

TEMPLATES = [
    # The public pages: Jinja2, in each app's jinja2/ folder (core/templating.py says why).
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "APP_DIRS": True,
        "OPTIONS": {
            "environment": "communique.core.templating.environment",
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
            ],
        },
    },
    # The admin's (Wagtail's, editorial/templates/).
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "communique.wsgi.application"

# SQLite is the embedded default; DATABASE_URL=postgres://… selects PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
# PostgreSQL: parameters bound by the server, so that psycopg prepares a query it has sent
# five times on a connection and PostgreSQL skips parsing and planning it (~0.3 ms of each
# of a page's queries). Off (0) behind a pooler that cannot keep prepared statements
# (PgBouncer in transaction mode before 1.21).
if (DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
        and os.environ.get("DATABASE_PREPARED_STATEMENTS", "1") == "1"):  # fmt: skip
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        server_side_binding=True, prepare_threshold=5
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages. A network adds its own by extending this list (and running
# `manage.py setup_site`, which creates the locale and its pages).
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("es", "Español"),
    ("fr", "Français"),
    ("de", "Deutsch"),
    ("el", "Ελληνικά"),
    ("pl", "Polski"),
    ("tr", "Türkçe"),
    ("ru", "Русский"),
    ("ko", "한국어"),
    ("ar", "العربية"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [PROJECT_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATIC_ROOT = VAR_DIR / "static"
STATIC_URL = "/static/"
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = os.environ.get("COMMUNIQUE_SITE_NAME", "Communiqué")
WAGTAILADMIN_BASE_URL = os.environ.get("COMMUNIQUE_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "rtf", "txt", "xlsx", "zip"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]

# Communiqué's own settings.
# True only while `export_static` renders the static mirror (pages that need a server, such
# as search, render their static form).
COMMUNIQUE_STATIC_MIRROR = False
# Whole pages for anonymous readers (communique/core/page_cache.py); 0 turns it off.
COMMUNIQUE_PAGE_CACHE_SECONDS = int(os.environ.get("COMMUNIQUE_PAGE_CACHE_SECONDS", "600"))
COMMUNIQUE_PAGE_CACHE = "default"
COMMUNIQUE_PAGE_CACHE_SKIP = ["/admin/", "/search/", "/documents/", "/_util/"]
if os.environ.get("CACHE_URL", "").startswith("redis"):
    CACHES = {
        "default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": os.environ["CACHE_URL"]}
    }
COMMUNIQUE_EXCERPT_LENGTH = int(os.environ.get("COMMUNIQUE_EXCERPT_LENGTH", "400"))
COMMUNIQUE_LISTING_PAGE_SIZE = 10
# In a locale's listings, show statements not yet translated into it in their original
# language (marked with that language). False hides them until a translation is published.
COMMUNIQUE_SHOW_UNTRANSLATED = os.environ.get("COMMUNIQUE_SHOW_UNTRANSLATED", "1") == "1"
COMMUNIQUE_DEMO_LOGIN_FILE = VAR_DIR / "demo-login.txt"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"communique": {"handlers": ["console"], "level": "INFO"}},
}

# Machine translation as a first draft (wagtail-localize). A self-hosted LibreTranslate keeps
# unpublished statements inside the network; without LIBRETRANSLATE_URL the button is hidden.
if os.environ.get("LIBRETRANSLATE_URL"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {
            "LIBRETRANSLATE_URL": os.environ["LIBRETRANSLATE_URL"],
            "API_KEY": os.environ.get("LIBRETRANSLATE_API_KEY", ""),
        },
    }

# The admin speaks each user's preferred language (Account → Preferences).
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

# The public API is read-only and open to every origin, so member sites can fetch it.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified"]
