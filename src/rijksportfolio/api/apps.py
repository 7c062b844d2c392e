# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "rijksportfolio.api"

    def ready(self) -> None:
        # Registers the OpenAPI extension of the bearer-token authentication.
        from rijksportfolio.api import openapi  # noqa: F401
