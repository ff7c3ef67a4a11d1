"""Exchanges with other agencies' systems: outbound deliveries (webhooks now, the
reporting platforms' adapters later), the pull feed of qualification changes and the
machine clients that call the API."""
