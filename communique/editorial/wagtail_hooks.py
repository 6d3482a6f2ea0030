from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


@hooks.register("register_admin_urls")
def register_editorial_urls():
    return [
        path("translations/", views.translation_dashboard, name="communique_translations"),
        path(
            "translations/schedule/<int:page_id>/",
            views.schedule_all_languages,
            name="communique_schedule_all",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_translation_dashboard_menu_item():
    return MenuItem(
        _("Translations"), reverse("communique_translations"), icon_name="globe", order=250
    )
