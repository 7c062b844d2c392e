# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class WorkforceConfig(AppConfig):
    """Workforce figures (stuurinformatie): selectors over the employment history and the ``workforce`` command.
    The computation is ``rijksportfolio.domain.analytics``; the analytical store is ``workforce.store``."""

    name = "rijksportfolio.workforce"
    label = "workforce"
