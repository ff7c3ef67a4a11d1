import pytest

from services.common.config import ConfigError, load

SECRET = "s" * 32


def test_defaults_are_documented_values():
    cfg = load({"JOINTOPS_JWT_SECRET": SECRET})
    assert cfg.amqp_uri == "amqp://guest:guest@127.0.0.1:5672/"
    assert cfg.gateway_port == 8000
    assert cfg.db_name("certification") == "jointops_certification"
    assert cfg.retry_delays_ms == (200, 1000, 5000)
    assert cfg.outbox_retention_hours == 168


@pytest.mark.parametrize("env,names", [
    ({}, "JOINTOPS_JWT_SECRET"),
    ({"JOINTOPS_JWT_SECRET": "short"}, "JOINTOPS_JWT_SECRET"),
    ({"JOINTOPS_GATEWAY_PORT": "eighty"}, "JOINTOPS_GATEWAY_PORT"),
    ({"JOINTOPS_GATEWAY_PORT": "70000"}, "JOINTOPS_GATEWAY_PORT"),
    ({"JOINTOPS_AMQP_URI": "http://x"}, "JOINTOPS_AMQP_URI"),
    ({"JOINTOPS_MONGO_URI": "localhost:27017"}, "JOINTOPS_MONGO_URI"),
    ({"JOINTOPS_RETRY_DELAYS_MS": "1,a"}, "JOINTOPS_RETRY_DELAYS_MS"),
    ({"JOINTOPS_QUEUE_TYPE": "stream"}, "JOINTOPS_QUEUE_TYPE"),
    ({"JOINTOPS_DB_PREFIX": "a.b"}, "JOINTOPS_DB_PREFIX"),
    ({"JOINTOPS_OUTBOX_RETENTION_HOURS": "0"}, "JOINTOPS_OUTBOX_RETENTION_HOURS"),
    ({"JOINTOPS_OUTBOX_RETENTION_HOURS": "a week"}, "JOINTOPS_OUTBOX_RETENTION_HOURS"),
])
def test_bad_or_missing_values_name_the_variable_in_one_line(env, names):
    if "JOINTOPS_JWT_SECRET" not in env and names != "JOINTOPS_JWT_SECRET":
        env = {**env, "JOINTOPS_JWT_SECRET": SECRET}
    with pytest.raises(ConfigError) as err:
        load(env)
    assert names in str(err.value) and "\n" not in str(err.value)


def test_secret_is_optional_only_where_asked():
    assert load({}, require_secret=False).jwt_secret is None
