# SPDX-License-Identifier: EUPL-1.2
"""The candidate pool (Virtueel Matchingsteam, issue 4 item 8): part of the matching app, in its own
package so that it stays apart from the ranking services. Layout as in any app: ``selectors`` (reads),
``services`` (writes), ``access`` (guarded, audited reads: the pool search and one entry), ``profiles``
(what the engine sees of pool members), ``views``/``forms``/``urls`` (pages) and ``api/``."""
