"""Publisher confirms as RabbitMQ sends them: out of order across queues, single and
`multiple` acks mixed. The relay must wait for exactly every tag, no more, no less."""
import pytest

from services.bus.relay import Confirms


@pytest.mark.parametrize("acks", [
    [(1, False), (2, False), (3, False)],
    [(3, True)],
    [(2, False), (3, False), (1, True)],   # a counter ended at 2 of 3 here and waited 30 s
    [(3, False), (2, True)],
    [(2, True), (3, False)],
])
def test_every_tag_confirmed_in_any_order_ends_the_wait(acks):
    confirms = Confirms(3)
    for tag, multiple in acks[:-1]:
        confirms.ack(tag, multiple)
        assert confirms.waiting
    confirms.ack(*acks[-1])
    assert not confirms.waiting and not confirms.nacked


def test_a_missing_confirm_keeps_waiting_and_a_nack_stops_it():
    confirms = Confirms(3)
    confirms.ack(3, False)
    confirms.ack(1, False)
    assert confirms.waiting  # tag 2 not confirmed yet
    confirms.nack(2, False)
    assert not confirms.waiting and confirms.nacked
