"""Security plumbing Django leaves to the project: client address, admin CSP, request
caps, login throttling."""

from ipaddress import ip_address, ip_network

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.http import HttpResponse
from django.middleware.csp import ContentSecurityPolicyMiddleware
from django.urls import NoReverseMatch, reverse


def _is_trusted_proxy(address: str) -> bool:
    try:
        remote = ip_address(address)
    except ValueError:
        return False
    return any(
        remote in ip_network(net, strict=False)
        for net in settings.NEWSROOM_TRUSTED_PROXIES
    )


def client_ip(request) -> str:
    """The reader's address: X-Forwarded-For is believed only from our own proxy.

    The proxy appends the address it saw, so the right-most entry is the only one a
    client cannot forge; anything further left was written by the client itself.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if forwarded and _is_trusted_proxy(remote):
        candidate = forwarded.split(",")[-1].strip()
        try:
            return str(ip_address(candidate))
        except ValueError:
            return remote
    return remote


class NewsroomCSPMiddleware(ContentSecurityPolicyMiddleware):
    """Django's CSP middleware, with the admin's own policy under the admin prefix."""

    def process_response(self, request, response):
        try:
            admin_prefix = reverse("admin:index")
        except NoReverseMatch:
            admin_prefix = None
        if admin_prefix and request.path.startswith(admin_prefix):
            if not hasattr(response, "_csp_config"):
                response._csp_config = settings.NEWSROOM_ADMIN_CSP
        return super().process_response(request, response)


class PermissionsPolicyMiddleware:
    """Turns off powerful browser features no newsroom page uses."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault(
            "Permissions-Policy", settings.NEWSROOM_PERMISSIONS_POLICY
        )
        return response


class RequestSizeLimitMiddleware:
    """Refuse an oversized body from its Content-Length, before any of it is read."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return HttpResponse(
                "Invalid Content-Length.", status=400, content_type="text/plain"
            )
        if length > settings.NEWSROOM_MAX_REQUEST_BYTES:
            limit_mb = settings.NEWSROOM_MAX_REQUEST_BYTES // (1024 * 1024)
            return HttpResponse(
                f"The upload is too large: requests are limited to {limit_mb} MB.",
                status=413,
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)


class NewsroomAxesHandler(AxesDatabaseHandler):
    """django-axes' database handler with a second, per-username limit.

    Axes compares one failure limit with every lockout parameter; a username tried
    from many addresses needs a higher limit of its own, summed over the addresses.
    """

    def is_locked(self, request, credentials=None) -> bool:
        return super().is_locked(request, credentials) or (
            self.username_failures(request, credentials)
            >= settings.NEWSROOM_LOGIN_USERNAME_FAILURE_LIMIT
        )

    def username_failures(self, request, credentials=None) -> int:
        username = get_client_username(request, credentials)
        if not username:
            return 0
        return (
            AccessAttempt.objects.filter(
                username=username,
                attempt_time__gte=get_cool_off_threshold(request),
            ).aggregate(failures=Sum("failures_since_start"))["failures"]
            or 0
        )

    def user_logged_in(self, sender, request, user, **kwargs):
        from newsroom import two_factor

        super().user_logged_in(sender, request, user, **kwargs)
        # For a login without a second factor the password was the whole sign-in;
        # for the others the code step clears the failures once it succeeds.
        if not two_factor.asks_for_code(user):
            self.reset_user_attempts(request, {"username": user.get_username()})
