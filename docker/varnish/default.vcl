# The newsroom's page cache in front of gunicorn (compose service `varnish`, Varnish 7.1+
# with vmod_xkey from varnish-modules; the official image ships it).
#
# Readers are anonymous and come in spikes, so their pages are served from memory:
# - anonymous GET/HEAD of reader pages lose their cookies and are cached for the
#   shared lifetime Django gives them (s-maxage), never longer;
# - the admin, previews, anything with a session and every response that sets a cookie
#   or says private/no-store pass straight through and are never stored;
# - Django names what each page shows in an `xkey` header; after a change commits it
#   sends `PURGE` with `xkey-purge: <keys>` and exactly those pages go (soft purge:
#   they stay as a fallback for when the backend is down);
# - while the backend is healthy a stale page is never served; while it is sick
#   (its /healthz probe fails) the last good page is, for up to a day.
#
# The backend comes from backend.vcl, found through varnishd's vcl_path: compose
# mounts docker/varnish, and the tests put their own backend.vcl first on the path.
vcl 4.1;

import std;
import xkey;

include "backend.vcl";

# Who may purge: the app's own processes on loopback or the private compose networks,
# and only with the shared token (VARNISH_PURGE_TOKEN in the environment of varnishd
# and of the app); nginx refuses PURGE from outside before it gets here.
acl purgers {
    "127.0.0.1";
    "::1";
    "10.0.0.0"/8;
    "172.16.0.0"/12;
    "192.168.0.0"/16;
}

sub vcl_recv {
    # nginx in front already names the reader in X-Real-IP / X-Forwarded-For; the
    # address Varnish appends (nginx's own) would make every reader look the same to
    # Django, which believes only the right-most entry.
    if (client.ip ~ purgers && req.http.X-Real-IP) {
        set req.http.X-Forwarded-For = req.http.X-Real-IP;
    }

    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (std.getenv("VARNISH_PURGE_TOKEN") == "" ||
            req.http.purge-token != std.getenv("VARNISH_PURGE_TOKEN")) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "Name the keys to purge in an xkey-purge header"));
        }
        set req.http.n-gone = xkey.softpurge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.n-gone));
    }

    # Healthy backend: fresh pages only. Sick backend: whatever grace holds.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 0s;
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Staff screens and previews are private whatever the cookies say.
    if (req.url ~ "^/(admin|preview)(/|$)" || req.url ~ "^/healthz") {
        return (pass);
    }
    # A signed-in editor browsing the site sees it through Django, never the cache.
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|csrftoken)=") {
        return (pass);
    }
    # Reader pages need no cookie (the search form is a GET): one cached copy for all.
    unset req.http.Cookie;
    unset req.http.Authorization;
    return (hash);
}

sub vcl_hash {
    # The same address over http and https is two answers: Django redirects the
    # first to the second. The built-in hash of URL and host follows.
    hash_data(req.http.X-Forwarded-Proto);
}

sub vcl_backend_response {
    # Never store what is personal or sets state.
    if (beresp.http.Set-Cookie ||
        beresp.http.Cache-Control ~ "(private|no-store|no-cache)" ||
        beresp.http.Vary == "*") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # Only what Django marked public, for as long as it said (s-maxage), and only
    # answers worth repeating: a 5xx must not replace the last good page.
    if (beresp.http.Cache-Control !~ "public" || beresp.status >= 500) {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    set beresp.grace = 24h;
    set beresp.keep = 1h;
    # Compressed once when stored, not by nginx on every request of a spike; Varnish
    # unzips for the rare client that cannot take gzip and adds Vary itself.
    if (beresp.http.Content-Type ~ "^(text/|application/(xml|rss\+xml|atom\+xml|json|ld\+json))" &&
        !beresp.http.Content-Encoding) {
        set beresp.do_gzip = true;
    }
    return (deliver);
}

sub vcl_backend_error {
    # With no stale copy to fall back on, say so plainly rather than with Varnish's page.
    set beresp.http.Content-Type = "text/html; charset=utf-8";
    set beresp.http.Retry-After = "10";
    synthetic({"<!doctype html><html lang="en"><meta charset="utf-8"><title>Back in a moment</title><h1>Back in a moment</h1><p>The site is busy or being updated. Please try again in a few seconds.</p></html>"});
    return (deliver);
}

sub vcl_deliver {
    # Tags are for purging here; a CDN in front reads Surrogate-Key / Cache-Tag instead.
    unset resp.http.xkey;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "hit";
    } else {
        set resp.http.X-Cache = "miss";
    }
}
