"""The transport enforcement service: the shared enforcement service, for TRANSPORT."""
from services.bus.store import Store
from services.enforcement.service_base import EnforcementService


class TransportService(EnforcementService):
    name = "transport"
    agency = "TRANSPORT"
    store = Store("transport")
