from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "communique.api"
    label = "communique_api"
    verbose_name = "API"
