"""Test bootstrap. eventlet must patch before pymongo is imported (plain pytest would
hang on container tests otherwise), so this import comes first."""
import services.common.runtime  # noqa: F401,I001

import json
import os
import uuid

import pymongo
import pytest

from services.cli.infra import free_port as _free_port  # noqa: F401  (used by e2e/hostile)
from services.cli.infra import throwaway_mongo
from services.common.config import load
from services.common.credential_keys import ACCESS_TOKEN, WEBHOOK, generate

TEST_SECRET = "test-secret-0123456789abcdef-0123456789"
# One officer-credential key set for the session (generated: no key is committed).
TEST_KEYS = {"keys": [generate("test-active"), generate("test-token", purpose=ACCESS_TOKEN),
                      generate("test-webhook", purpose=WEBHOOK)]}
TEST_CREDENTIAL_KEYS = json.dumps(TEST_KEYS)


@pytest.fixture(scope="session")
def mongo_uri():
    """A real MongoDB-wire server of the test session's own (SecantusDB on a free port),
    unless JOINTOPS_TEST_MONGO_URI points at one."""
    if os.environ.get("JOINTOPS_TEST_MONGO_URI"):
        yield os.environ["JOINTOPS_TEST_MONGO_URI"]
        return
    with throwaway_mongo("test") as uri:
        yield uri


@pytest.fixture(scope="session")
def db_prefix():
    # One prefix per session: mongoengine caches collections per document class.
    return "t" + uuid.uuid4().hex[:8]


@pytest.fixture
def clean_db(mongo_uri, db_prefix):
    client = pymongo.MongoClient(mongo_uri)
    for name in client.list_database_names():
        if name.startswith(db_prefix + "_"):
            client.drop_database(name)
    return client


@pytest.fixture
def jointops_config(rabbit_config, mongo_uri, db_prefix, clean_db):
    """Config for one test: its own broker vhost, a clean database, fast retries."""
    return load({"JOINTOPS_AMQP_URI": rabbit_config["AMQP_URI"],
                 "JOINTOPS_MONGO_URI": mongo_uri, "JOINTOPS_JWT_SECRET": TEST_SECRET,
                 "JOINTOPS_DB_PREFIX": db_prefix, "JOINTOPS_RETRY_DELAYS_MS": "50,100",
                 "JOINTOPS_CREDENTIAL_KEYS": TEST_CREDENTIAL_KEYS})


@pytest.fixture
def service_config(jointops_config):
    from services.runner import declare_topology, nameko_config

    declare_topology(jointops_config)
    return nameko_config(jointops_config)


@pytest.fixture(autouse=True)
def empty_qualification_cache():
    """The gateway's cache is per process; ids repeat across tests, so each starts empty."""
    from gateway import qualification_cache, status_list_cache

    qualification_cache.clear()
    status_list_cache.clear()
    yield
    qualification_cache.clear()
    status_list_cache.clear()
