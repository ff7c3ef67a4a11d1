"""Development sign-in for the console: pick a role and an agency, get a token.

Only when JOINTOPS_DEV_LOGIN=1 (`make run` sets it). Anywhere else the gateway mints
nothing: tokens come from the organisation's identity provider (or `jointops token`).
"""
from __future__ import annotations

import json


from gateway.auth import AGENCIES, ROLES, mint
from gateway.http import error_response, json_response

DISABLED = ("DEV_LOGIN_DISABLED", "development sign-in is off on this gateway "
            "(JOINTOPS_DEV_LOGIN is not 1): open the sign-in link you were given")
TTL_SECONDS = 8 * 3600


def dev_login_state(service, request):
    enabled = service.config["JOINTOPS"].dev_login
    return json_response(200, {"enabled": enabled, "roles": list(ROLES) if enabled else [],
                               "agencies": list(AGENCIES) if enabled else []})


def dev_login(service, request):
    cfg = service.config["JOINTOPS"]
    if not cfg.dev_login:
        return error_response(403, *DISABLED)
    try:
        body = json.loads(request.get_data(as_text=True) or "{}")
    except ValueError:
        return error_response(400, "MALFORMED_JSON", "the body is not valid JSON")
    role, agency = (body.get("role"), body.get("agency")) if isinstance(body, dict) \
        else (None, None)
    if role not in ROLES:
        return error_response(400, "INVALID_INPUT", f"role must be one of {ROLES}")
    if agency is not None and agency not in AGENCIES:
        return error_response(400, "INVALID_INPUT", f"agency must be one of {AGENCIES}")
    token = mint(cfg.jwt_secret, f"dev-{role}", [role], agency, TTL_SECONDS)
    return json_response(200, {"token": token, "expiresIn": TTL_SECONDS})
