import copy

from services.enforcement.domain import case_model as m
from services.enforcement.domain.record import GENESIS, append, verify_chain

from .builders import advance_to, at, new_case


def _chain():
    case = new_case()
    advance_to(case, m.CLOSED)
    return [e.to_dict() for e in case.record]


def test_intact_chain_links_each_entry_to_the_previous():
    chain = _chain()
    assert verify_chain(chain).intact
    assert chain[0]["prev_hash"] == GENESIS
    assert all(b["prev_hash"] == a["hash"] for a, b in zip(chain, chain[1:]))


def test_edited_entry_fails_its_own_hash():
    chain = _chain()
    chain[3]["officer_ids"] = ["someone-else"]
    check = verify_chain(chain)
    assert (check.intact, check.index, check.reason) == (False, 3, "HASH_MISMATCH")


def test_edit_with_recomputed_hash_breaks_the_next_link():
    from services.enforcement.domain.record import entry_hash
    chain = _chain()
    chain[2]["at"] = at(30).isoformat()
    chain[2]["hash"] = entry_hash(chain[2])
    assert (verify_chain(chain).index, verify_chain(chain).reason) == (3, "BROKEN_LINK")


def test_removed_entry_breaks_the_link():
    chain = _chain()
    del chain[4]
    check = verify_chain(chain)
    assert (check.intact, check.index, check.reason) == (False, 4, "BROKEN_LINK")
    assert verify_chain(_chain()[1:]).reason == "BROKEN_LINK"


def test_removed_tail_needs_the_known_head():
    chain = _chain()
    head = chain[-1]["hash"]
    assert verify_chain(chain[:-1]).intact                 # undetectable on its own
    assert verify_chain(chain[:-1], expected_head=head).reason == "HEAD_MISMATCH"
    assert verify_chain(chain, expected_head=head).intact


def test_renumbered_entry_is_caught():
    chain = copy.deepcopy(_chain())
    chain[1]["seq"] = 7
    assert verify_chain(chain).reason == "BAD_SEQUENCE"


def test_append_hashes_canonical_json_with_unicode():
    chain = []
    append(chain, "case:x", "NOTE", ["a", "b"], at(), ["doc"], {"说明": "现场检查", "n": 1})
    assert verify_chain(chain).intact and len(chain[0].hash) == 64
