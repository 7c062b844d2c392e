# SPDX-License-Identifier: EUPL-1.2
from rest_framework import pagination
from rest_framework.response import Response


class PageNumberPagination(pagination.PageNumberPagination):
    """Pagination as the NL API Design Rules suggest: ``page``/``pageSize``; links in ``_links``."""

    page_size_query_param = "pageSize"
    max_page_size = 500

    def get_paginated_response(self, data):  # type: ignore[no-untyped-def]
        page = self.page
        assert page is not None
        return Response(
            {
                "_links": {
                    "self": {"href": self.request.build_absolute_uri()} if self.request else None,
                    "next": {"href": self.get_next_link()} if self.get_next_link() else None,
                    "previous": {"href": self.get_previous_link()} if self.get_previous_link() else None,
                },
                "totaal": page.paginator.count,
                "paginas": page.paginator.num_pages,
                "resultaten": data,
            }
        )

    def get_paginated_response_schema(self, schema):  # type: ignore[no-untyped-def]
        link = {
            "type": "object",
            "nullable": True,
            "properties": {"href": {"type": "string", "format": "uri"}},
        }
        return {
            "type": "object",
            "required": ["totaal", "resultaten"],
            "properties": {
                "_links": {"type": "object", "properties": {"self": link, "next": link, "previous": link}},
                "totaal": {"type": "integer"},
                "paginas": {"type": "integer"},
                "resultaten": schema,
            },
        }
