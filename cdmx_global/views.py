"""The public portal's views over what every app shares."""

import logging

from django.db import DatabaseError, connection
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .models import PublicationStatus
from .selectors import downloadable_records
from .signed_documents import document_fields, download_filename

logger = logging.getLogger(__name__)


@require_safe
def document_download(request, kind: str, pk: int):
    """A record's signed document, as a PDF attachment.

    Whoever may not see the record gets 404, as if it didn't exist.
    """
    try:
        model, field_name = document_fields()[kind]
    except KeyError:
        raise Http404 from None
    record = get_object_or_404(downloadable_records(user=request.user, model=model), pk=pk)
    document = getattr(record, field_name)
    if not document:
        raise Http404
    try:
        handle = document.storage.open(document.name, "rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle, as_attachment=True, filename=download_filename(record), content_type="application/pdf"
    )
    # Set here, not only by SecurityMiddleware: this response must never be sniffed into HTML.
    response["X-Content-Type-Options"] = "nosniff"
    if record.status != PublicationStatus.PUBLISHED:
        # A staff preview must not be kept by a shared cache and served to the public.
        patch_cache_control(response, private=True, no_store=True)
    return response


@never_cache
@require_safe
def health(request):
    """For the load balancer and the city's monitoring: 200 when this server
    answers and reaches the database, 503 when it can't. Plain HTTP is allowed
    (SECURE_REDIRECT_EXEMPT) and nothing about the data is disclosed."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as error:
        logger.error("health: database unreachable (%s)", type(error).__name__)
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
