"""Shared test set-up: the site structure and the demo network are loaded once per run."""

import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo", "--no-admin", verbosity=0)
        call_command("setup_roles", verbosity=0)


@pytest.fixture
def locales(db):
    from wagtail.models import Locale

    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def make_user(db):
    """Create a user belonging to the named groups; password "pw"."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    def make(username, *groups):
        user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw")
        user.groups.add(*Group.objects.filter(name__in=groups))
        return user

    return make
