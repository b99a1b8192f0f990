"""Two-factor sign-in for staff: an authenticator app (TOTP) plus recovery codes.

django-otp keeps the devices and checks the codes; this module decides who needs a
second factor, holds the admin back until it is given, and offers the pages for
enrolling and for signing in with a code. Wrong codes count as failed sign-ins for
django-axes, so guessing a code is throttled like guessing a password.
"""

from base64 import b32encode
from urllib.parse import urlencode

import segno
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_lockout_response
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth import get_user_model, logout
from django.contrib.auth.signals import user_login_failed
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

# Permissions that let a login change what readers see (see the roles migration).
PUBLISHING_PERMISSIONS = ("articles.publish_article", "articles.set_breaking")
EXEMPT_ADMIN_VIEWS = {"admin:login", "admin:logout"}
GATED_VIEWS = {"articles:preview"}


def is_required(user) -> bool:
    """Whoever can publish, flag breaking news or do anything must use a second factor."""
    return settings.NEWSROOM_REQUIRE_2FA and (
        user.is_superuser or any(user.has_perm(perm) for perm in PUBLISHING_PERMISSIONS)
    )


def is_enrolled(user) -> bool:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()


def asks_for_code(user) -> bool:
    """Once enrolled, a login always asks for the code, whoever it belongs to."""
    return is_enrolled(user) or is_required(user)


def pending_step(user) -> str | None:
    """What stands between a password-signed-in staff login and the admin."""
    if user.is_verified():
        return None
    if is_enrolled(user):
        return "two_factor:verify"
    if is_required(user):
        return "two_factor:enrol"
    return None


def audit(user, message: str, *, by=None) -> None:
    """Into the admin's own log, where the user's History page shows it."""
    LogEntry.objects.log_actions(
        user_id=(by or user).pk,
        queryset=get_user_model().objects.filter(pk=user.pk),
        action_flag=CHANGE,
        change_message=message,
    )


def new_recovery_codes(user) -> list[str]:
    """Replace the user's recovery codes; each works once."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name="Recovery codes", defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [
        StaticToken.random_token() for _ in range(settings.NEWSROOM_RECOVERY_CODES)
    ]
    StaticToken.objects.bulk_create(
        StaticToken(device=device, token=code) for code in codes
    )
    device.throttle_reset()
    return codes


def reset(user, *, by) -> int:
    """Forget every second factor of `user` (a lost phone); returns how many."""
    with transaction.atomic():
        removed = sum(
            model.objects.filter(user=user).delete()[0]
            for model in (TOTPDevice, StaticDevice)
        )
        if removed:
            # Sessions verified with the old devices lose their verification with them.
            audit(user, "Second factor reset by an administrator", by=by)
    return removed


def grouped(secret: str) -> str:
    """A base32 secret in blocks of four, as authenticator apps show and accept it."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


class SecondFactorMiddleware:
    """Sends a staff login that still owes its second factor to the code or enrolment page.

    Covers every admin page and the staff preview; the sign-in pages themselves, the
    admin's login and logout stay open so the step can be completed or abandoned.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        gated = (
            match.app_name == "admin" and match.view_name not in EXEMPT_ADMIN_VIEWS
        ) or match.view_name in GATED_VIEWS
        user = request.user
        if not (gated and user.is_authenticated and user.is_staff):
            return None
        step = pending_step(user)
        if step is None:
            return None
        return redirect(with_next(step, request.get_full_path()))


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=64,
        strip=True,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "autocapitalize": "none",
                "spellcheck": "false",
                "autofocus": True,
                "aria-describedby": "code-help",
            }
        ),
    )

    def clean_code(self) -> str:
        return "".join(self.cleaned_data["code"].split()).replace("-", "").lower()


def with_next(view_name: str, next_url: str) -> str:
    return f"{reverse(view_name)}?{urlencode({'next': next_url})}"


def safe_next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("admin:index")


def page(request, template: str, context: dict):
    return TemplateResponse(
        request,
        f"admin/two_factor/{template}",
        {**admin.site.each_context(request), "next": safe_next(request), **context},
    )


def staff_only(view):
    """Signed in with a password, staff: the only people these pages are for."""

    def wrapped(request, *args, **kwargs):
        if not (request.user.is_authenticated and request.user.is_staff):
            return redirect(with_next("admin:login", request.get_full_path()))
        return view(request, *args, **kwargs)

    return never_cache(sensitive_post_parameters("code")(wrapped))


def counted_failure(request, user, message: str):
    """A wrong code is a failed sign-in: axes counts it; the log keeps it."""
    audit(user, message)
    user_login_failed.send(
        sender=__name__,
        credentials={"username": user.get_username()},
        request=request,
    )
    if getattr(request, "axes_locked_out", False):
        return locked_out(request, user)
    return None


def locked_out(request, user):
    credentials = {"username": user.get_username()}
    logout(request)
    # The lockout page is shown here; axes' middleware must not answer a second time.
    request.axes_locked_out = False
    return get_lockout_response(request, credentials=credentials)


def is_throttled(request, user) -> bool:
    return not AxesProxyHandler.is_allowed(request, {"username": user.get_username()})


def is_app_code(code: str) -> bool:
    """Six digits; recovery codes are eight characters of base32."""
    return len(code) == 6 and code.isdigit()


def accepts(device, code: str) -> bool | None:
    """Whether `device` takes `code`; None while its own back-off still runs.

    django-otp doubles the wait after each wrong code on a device; a code typed
    during the wait is not tried at all, so it neither passes nor counts.
    """
    allowed, _ = device.verify_is_allowed()
    if not allowed:
        return None
    return device.verify_token(code)


def check_code(user, code: str):
    """(device that took `code` or None, whether a device's back-off refused it).

    Six digits are for the authenticator app, anything else is a recovery code, so a
    mistyped app code never spends a recovery code's back-off and the other way round.
    """
    model = TOTPDevice if is_app_code(code) else StaticDevice
    with transaction.atomic():
        devices = model.objects.devices_for_user(user, confirmed=True)
        for device in devices.select_for_update():
            accepted = accepts(device, code)
            if accepted is None:
                return None, True
            if accepted:
                return device, False
    return None, False


@staff_only
def verify(request):
    user = request.user
    if not is_enrolled(user):
        return redirect(with_next("two_factor:enrol", safe_next(request)))
    if user.is_verified():
        return redirect(safe_next(request))
    if is_throttled(request, user):
        return locked_out(request, user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device, backing_off = check_code(user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            AxesProxyHandler.get_implementation().reset_user_attempts(
                request, {"username": user.get_username()}
            )
            if isinstance(device, StaticDevice):
                left = device.token_set.count()
                audit(user, f"Signed in with a recovery code ({left} left)")
                messages.warning(
                    request,
                    f"You signed in with a recovery code; {left} left. "
                    "Make new ones from Two-factor sign-in if you are running low.",
                )
            return redirect(safe_next(request))
        if backing_off:
            form.add_error(
                "code",
                "Too many wrong codes in a row: wait a few seconds, then try again.",
            )
        else:
            form.add_error(
                "code",
                "That code is not right. Type the six digits your authenticator app "
                "shows now, or one of your recovery codes.",
            )
            refused = counted_failure(request, user, "Wrong second-factor code")
            if refused is not None:
                return refused
    return page(request, "verify.html", {"form": form, "title": "Enter your code"})


@staff_only
def enrol(request):
    user = request.user
    if is_enrolled(user) and not user.is_verified():
        return redirect(with_next("two_factor:verify", safe_next(request)))
    if is_throttled(request, user):
        return locked_out(request, user)
    # One pending device per user: reloading the page keeps the secret the phone has.
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by(
        "pk"
    ).first() or TOTPDevice.objects.create(
        user=user, name="Authenticator app", confirmed=False
    )
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["code"]
        accepted = accepts(device, code) if is_app_code(code) else False
        if accepted:
            with transaction.atomic():
                TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                request.session["two_factor_codes"] = new_recovery_codes(user)
                audit(user, "Enrolled an authenticator app for two-factor sign-in")
            otp_login(request, device)
            AxesProxyHandler.get_implementation().reset_user_attempts(
                request, {"username": user.get_username()}
            )
            return redirect(with_next("two_factor:recovery_codes", safe_next(request)))
        if accepted is None:
            form.add_error(
                "code",
                "Too many wrong codes in a row: wait a few seconds, then try again.",
            )
        else:
            form.add_error(
                "code",
                "That code is not right. Check that the phone sets its clock "
                "automatically and type the six digits the app shows now.",
            )
            refused = counted_failure(
                request, user, "Wrong code while enrolling a second factor"
            )
            if refused is not None:
                return refused
    secret = b32encode(device.bin_key).decode()
    qr = segno.make(device.config_url, error="m")
    context = {
        "form": form,
        "title": "Set up two-factor sign-in",
        "qr_svg": mark_safe(
            qr.svg_inline(scale=5, border=4, dark="#000", light="#fff")
        ),
        "secret": grouped(secret),
        "issuer": settings.OTP_TOTP_ISSUER,
        "is_required": is_required(user),
    }
    return page(request, "enrol.html", context)


@staff_only
def recovery_codes(request):
    user = request.user
    if not (is_enrolled(user) and user.is_verified()):
        return redirect("two_factor:manage")
    if request.method == "POST":
        request.session["two_factor_codes"] = new_recovery_codes(user)
        audit(user, "Made new recovery codes (the old ones no longer work)")
        return redirect("two_factor:recovery_codes")
    codes = request.session.pop("two_factor_codes", None)
    if codes is None:
        messages.info(
            request,
            "Recovery codes are shown once, when they are made. Make new ones if you "
            "have lost them.",
        )
        return redirect("two_factor:manage")
    return page(
        request,
        "recovery_codes.html",
        {"codes": codes, "title": "Your recovery codes"},
    )


@staff_only
def manage(request):
    user = request.user
    if is_enrolled(user) and not user.is_verified():
        return redirect(with_next("two_factor:verify", request.path))
    device = StaticDevice.objects.filter(user=user).first()
    context = {
        "title": "Two-factor sign-in",
        "is_enrolled": is_enrolled(user),
        "is_required": is_required(user),
        "codes_left": device.token_set.count() if device else 0,
    }
    return page(request, "manage.html", context)


app_name = "two_factor"
urlpatterns = [
    path("", manage, name="manage"),
    path("code/", verify, name="verify"),
    path("enrol/", enrol, name="enrol"),
    path("recovery-codes/", recovery_codes, name="recovery_codes"),
]
