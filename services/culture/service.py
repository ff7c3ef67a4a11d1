"""The culture-market enforcement service: the shared enforcement service, for CULTURE."""
from services.bus.store import Store
from services.enforcement.service_base import EnforcementService


class CultureService(EnforcementService):
    name = "culture"
    agency = "CULTURE"
    store = Store("culture")
