# SPDX-License-Identifier: EUPL-1.2
"""``rijksportfolio demo``: everything the embedded demo needs, then serve it (or, with --check, verify and exit)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from rijksportfolio.accounts.demo import DEMO_PASSWORD, demo_accounts_ensure
from rijksportfolio.opportunities.demo import demo_opportunities_ensure
from rijksportfolio.people.models import Person
from rijksportfolio.skills.models import TaxonomyVersion
from rijksportfolio.workforce.services import store_refresh


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Command(BaseCommand):
    help = (
        "Set up the embedded demo: database, ESCO taxonomy bundle, a generated Rijk of about 5,000 people, one "
        "account per role and demo opportunities; then serve it. --check does all of it, checks /health and exits 0 without serving."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--check", action="store_true", help="Verify the setup and the health endpoint, then exit."
        )
        parser.add_argument(
            "--people", type=int, default=5000, help="Size of the generated Rijk (default 5000)."
        )
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument(
            "--regenerate", action="store_true", help="Generate the Rijk again even if one exists."
        )

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        started = time.monotonic()
        self.stdout.write("1/6 Database migreren…")
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write("2/6 Statische bestanden verzamelen…")
        call_command("collectstatic", interactive=False, verbosity=0)
        self.stdout.write("3/6 ESCO-vaardighedentaxonomie laden…")
        if not TaxonomyVersion.objects.exists():
            call_command("taxonomy", "load-bundle")
        self.stdout.write(f"4/6 Synthetisch Rijk genereren ({options['people']:,} mensen)…")
        if options["regenerate"] or not Person.objects.exists():
            # generate refreshes the analytical store in full afterwards
            call_command("generate", people=options["people"], seed=options["seed"])
        else:
            # an existing Rijk: bring the analytical store up to date (in full when there is none yet)
            store_refresh()
        self.stdout.write("5/6 Demo-accounts aanmaken…")
        accounts = demo_accounts_ensure()
        self.stdout.write("6/6 Demo-kansen aanmaken…")
        seeded = demo_opportunities_ensure()
        if seeded.created:
            self.stdout.write(
                f"  {seeded.created} kansen aangemaakt, waarvan {seeded.published} gepubliceerd."
            )
        else:
            self.stdout.write(f"  De demo-kansen bestaan al ({seeded.existing}); niets aangemaakt.")
        for note in seeded.notes:
            self.stdout.write(f"  {note}")
        self.stdout.write(f"Klaar in {time.monotonic() - started:.0f} s.\n")

        port = _free_port() if options["check"] else options["port"]
        url = f"http://{options['host']}:{port}/"
        server = subprocess.Popen(  # noqa: S603 - our own interpreter and command
            [
                sys.executable,
                "-m",
                "rijksportfolio",
                "runserver",
                f"{options['host']}:{port}",
                "--noreload",
                "--skip-checks",
            ],
        )
        try:
            self._wait_healthy(url + "health", server)
            self.stdout.write(self.style.SUCCESS(f"\nRijksportfolio draait op {url}"))
            self.stdout.write(f"Database: {settings.DATABASES['default']['NAME']}")
            self.stdout.write(f"Demo-accounts (wachtwoord voor allemaal: {DEMO_PASSWORD}):")
            width = max(len(a.username) for a in accounts)
            for account in accounts:
                self.stdout.write(
                    f"  {account.username.ljust(width)}  {account.role} — {account.description}"
                )
            if options["check"]:
                self.stdout.write(self.style.SUCCESS("Controle geslaagd: /health antwoordt."))
                return
            self.stdout.write("Stoppen met Ctrl+C.")
            server.wait()
        except KeyboardInterrupt:
            pass
        finally:
            if server.poll() is None:
                server.terminate()
                server.wait(timeout=10)

    def _wait_healthy(self, url: str, server: subprocess.Popen[bytes]) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if server.poll() is not None:
                raise CommandError(f"De webserver is gestopt (exitcode {server.returncode}).")
            try:
                with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - loopback URL we built
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        raise CommandError(f"{url} antwoordde niet binnen 60 seconden.")
