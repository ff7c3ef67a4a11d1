"""The GraphQL gateway: stateless, so it can run as several replicas."""
