# SPDX-License-Identifier: EUPL-1.2
import re
import uuid

from rijksportfolio.audit.services import request_context_begin, request_context_end

_VALID_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


class RequestIdMiddleware:
    """Gives every request an id (``X-Request-ID`` from a trusted proxy, or a new UUID) and flushes the
    audit events the request produced after the response, also when the view failed."""

    def __init__(self, get_response):  # type: ignore[no-untyped-def]
        self.get_response = get_response

    def __call__(self, request):  # type: ignore[no-untyped-def]
        incoming = request.headers.get("X-Request-ID", "")
        request_id = incoming if _VALID_ID.match(incoming) else uuid.uuid4().hex
        request.request_id = request_id
        token = request_context_begin(request_id)
        try:
            response = self.get_response(request)
        finally:
            request_context_end(token)
        response["X-Request-ID"] = request_id
        return response
