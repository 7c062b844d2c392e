# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class WebConfig(AppConfig):
    name = "rijksportfolio.web"

    def ready(self) -> None:
        # Django 6.1's empty choice of a select ("- Select an option -") has no Dutch translation in Django
        # itself; the platform's own label (Dutch first, English in our catalogue), as Django's deprecation
        # note for USE_BLANK_CHOICE_DASH says: override it in ready().
        from django.db.models import fields

        fields.BLANK_CHOICE_LABEL = gettext_lazy("- Maak een keuze -")
