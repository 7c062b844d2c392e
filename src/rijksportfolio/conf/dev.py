# SPDX-License-Identifier: EUPL-1.2
"""Local development and the embedded demo."""

from rijksportfolio.conf.base import *  # noqa: F403
from rijksportfolio.conf.env import setting

DEBUG = setting("RPF_DEBUG", True, "Django debug mode. Never on in production.", kind="bool")
