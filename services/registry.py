"""Every process the stack runs. docker-compose and `make run` are checked against it."""

SERVICES = {
    "certification": "services.certification.service:CertificationService",
    "culture": "services.culture.service:CultureService",
    "transport": "services.transport.service:TransportService",
    "accountability": "services.accountability.service:AccountabilityService",
    "operations": "services.operations.service:OperationsService",
    "draws": "services.draws.service:DrawsService",
    "audit": "services.audit.service:AuditService",
    "delivery": "services.delivery.service:DeliveryService",
}
GATEWAY = "gateway.service:GatewayService"


def load(path: str):
    import importlib

    module, _, attr = path.partition(":")
    return getattr(importlib.import_module(module), attr)
