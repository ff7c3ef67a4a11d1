"""Event type names other contexts and the gateway react to (the full list, with every
payload's schema, is schemas/events/; a test checks each name here has its schema)."""
from __future__ import annotations

CREDENTIAL_STATUS_CHANGED = "certification.credential_status_changed.v1"
PLATFORM_DELIVERY_OVERDUE = "delivery.platform_delivery_overdue.v1"
