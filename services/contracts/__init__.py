"""What the contexts and the gateway share: the vocabulary of the public schema, the event
types and their payload classes (payloads.py), and nothing else. Pure data (no I/O, no
service code): the gateway depends on this, the bus client and the shared kernel
(services.common), never on a context's internals; `tests/unit/test_import_contracts.py`
runs import-linter to keep it so."""
