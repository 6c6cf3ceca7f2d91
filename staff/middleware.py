"""Refused authorisations on the ``staff.auth`` log (staff/signals.py)."""

from .signals import log_refusal


class RefusedAuthorisationLogMiddleware:
    """Logs every 403 with who asked, for what, and when: a role without the
    permission (PermissionDenied, in the admin or the review steps), a failed
    CSRF check, or the API refusing. Outside the authentication middleware,
    so the user is known; the path is logged without its query string."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 403:
            log_refusal(request, status=403)
        return response
