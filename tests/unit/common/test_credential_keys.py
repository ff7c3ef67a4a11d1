"""The credential key set: what signs, what verifies, what is published, what is refused."""
import json

import pytest
from joserfc import jws
from joserfc.jwk import ECKey

from services.common import status_list as sl
from services.common.config import ConfigError, load
from services.common.credential_keys import CredentialKeys, NotGenuine, generate

SECRET = "x" * 40


def test_active_signs_retired_verifies_compromised_fails():
    old, new, bad = generate("old", "retired"), generate("new"), generate("bad", "compromised")
    keys = CredentialKeys({"keys": [old, new, bad]})
    header, payload = keys.verify(keys.sign({"a": 1}))
    assert header["kid"] == "new" and payload == {"a": 1}
    for key in (old, bad):
        token = jws.serialize_compact({"alg": "ES256", "kid": key["kid"]}, b'{"a": 1}',
                                      ECKey.import_key({k: v for k, v in key.items()
                                                        if k != "status"}))
        if key is old:
            assert keys.verify(token)[1] == {"a": 1}
        else:
            with pytest.raises(NotGenuine):
                keys.verify(token)
    published = keys.public_jwks()["keys"]
    assert [k["kid"] for k in published] == ["old", "new"]
    assert all("d" not in k and "status" not in k for k in published)


@pytest.mark.parametrize("keys,words", [
    ([], "non-empty"),
    ([generate("a", "retired")], "exactly one"),
    ([generate("a"), generate("b")], "exactly one"),
    ([generate("a"), generate("a", "retired")], "unique"),
    ([{**generate("a"), "status": "lost"}], "status"),
    ([{**generate("a"), "x": "nope"}], "P-256"),
])
def test_an_unusable_key_set_stops_the_process_with_one_line(keys, words):
    with pytest.raises(ConfigError, match=words):
        load({"JOINTOPS_JWT_SECRET": SECRET, "JOINTOPS_CREDENTIAL_KEYS": json.dumps({"keys": keys})})


def test_keys_come_from_a_file_too(tmp_path):
    path = tmp_path / "keys.json"
    path.write_text(json.dumps({"keys": [generate("a")]}))
    cfg = load({"JOINTOPS_JWT_SECRET": SECRET, "JOINTOPS_CREDENTIAL_KEYS_FILE": str(path)})
    assert json.loads(cfg.credential_keys)["keys"][0]["kid"] == "a"
    with pytest.raises(ConfigError, match="cannot be read"):
        load({"JOINTOPS_JWT_SECRET": SECRET,
              "JOINTOPS_CREDENTIAL_KEYS_FILE": str(tmp_path / "none")})
    assert load({"JOINTOPS_JWT_SECRET": SECRET}).credential_keys is None


def test_status_list_bits_read_back_most_significant_bit_first():
    encoded = sl.encode([0, 9, sl.LIST_SIZE - 1])
    bits = sl.decode(encoded)
    assert encoded[0] == "u" and "=" not in encoded and len(bits) == 16384
    assert bits[0] == 0x80 and bits[1] == 0x40 and bits[-1] == 0x01
    assert [sl.bit(bits, i) for i in (0, 1, 9, sl.LIST_SIZE - 1)] == [True, False, True, True]
    for bad in ("zabc", "u!!!", "u" + encoded[1:20]):
        with pytest.raises(ValueError):
            sl.decode(bad)
    assert sl.parse_list_id("revocation-3") == ("revocation", 3)
    assert sl.parse_list_id("revocation-0") is None and sl.parse_list_id("x-1") is None


def test_the_cli_rotates_and_withdraws_keys(tmp_path):
    from typer.testing import CliRunner

    from services.cli.credential_keys import app

    path, cli = tmp_path / "keys.json", CliRunner()
    assert cli.invoke(app, ["generate", str(path)]).exit_code == 0
    first = json.loads(path.read_text())["keys"][0]["kid"]
    assert cli.invoke(app, ["compromise", str(path), first]).exit_code != 0  # active: refused
    assert cli.invoke(app, ["rotate", str(path)]).exit_code == 0
    assert cli.invoke(app, ["compromise", str(path), first]).exit_code == 0
    keys = json.loads(path.read_text())["keys"]
    credential = [k for k in keys if "purpose" not in k]
    assert [k["status"] for k in credential] == ["compromised", "active"] \
        and "d" not in credential[0]
    assert sorted(k.get("purpose") for k in keys if k["status"] == "active"
                  and "purpose" in k) == ["access_token", "webhook"]
    assert oct(path.stat().st_mode)[-3:] == "600"
    published = CredentialKeys({"keys": keys}).public_jwks()["keys"]
    assert credential[1]["kid"] in [k["kid"] for k in published]
    assert first not in [k["kid"] for k in published]
    assert {k["alg"] for k in published} == {"ES256", "EdDSA"}


def test_purposes_keep_tokens_apart():
    from services.common.credential_keys import ACCESS_TOKEN, generate_set

    keys = CredentialKeys(generate_set("p"))
    token = keys.sign({"sub": "c1"}, typ="at+jwt", purpose=ACCESS_TOKEN)
    assert keys.verify(token, ACCESS_TOKEN)[1] == {"sub": "c1"}
    with pytest.raises(NotGenuine):
        keys.verify(token)  # an access token is never a credential
    with pytest.raises(NotGenuine):
        keys.verify(keys.sign({"a": 1}), ACCESS_TOKEN)
