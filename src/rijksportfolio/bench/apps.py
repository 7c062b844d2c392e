# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class BenchConfig(AppConfig):
    name = "rijksportfolio.bench"
    label = "bench"
