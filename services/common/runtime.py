"""Process bootstrap: must run before pymongo/mongoengine are imported.

eventlet has to monkey-patch first, or pymongo's clients fail with
`select has no attribute poll`. Its deprecation banner is silenced by message
so it does not flood logs; every other warning stays visible.
"""
import warnings

warnings.filterwarnings("ignore", message=r"\s*Eventlet is deprecated")

import eventlet  # noqa: E402

if not eventlet.patcher.is_monkey_patched("socket"):
    eventlet.monkey_patch()
