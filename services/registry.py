"""Every process the stack runs. docker-compose and `make run` are checked against it."""

SERVICES = {
    "certification": "services.certification.service:CertificationService",
    "culture": "services.culture.service:CultureService",
    "transport": "services.transport.service:TransportService",
    "accountability": "services.accountability.service:AccountabilityService",
    "operations": "services.operations.service:OperationsService",
    "draws": "services.draws.service:DrawsService",
}
GATEWAY = "gateway.service:GatewayService"


def load(path: str):
    import importlib

    module, _, attr = path.partition(":")
    return getattr(importlib.import_module(module), attr)


def available() -> dict:
    """Services whose module exists in this checkout (contexts land one by one)."""
    import importlib.util

    return {name: path for name, path in SERVICES.items()
            if importlib.util.find_spec(path.partition(":")[0]) is not None}
