# SPDX-License-Identifier: EUPL-1.2
from django.db import migrations


def load(apps, schema_editor):
    from rijksportfolio.portfolios.data.categories import BUILTIN_CATEGORIES

    ItemCategory = apps.get_model("portfolios", "ItemCategory")
    for spec in BUILTIN_CATEGORIES:
        values = {k: v for k, v in spec.items() if k != "key"}
        ItemCategory.objects.update_or_create(key=spec["key"], defaults={**values, "builtin": True})


class Migration(migrations.Migration):
    dependencies = [("portfolios", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
