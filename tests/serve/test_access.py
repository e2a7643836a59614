"""Who may open the page and the WebSocket: the decisions, without a server."""

from __future__ import annotations

from reader.serving.access import HELD, Places, Seat, first_segment, host_allowed, is_loopback, same_origin, seat_of


def test_a_token_is_fresh_and_at_least_128_bits():
    tokens = {Seat().token for _ in range(100)}
    assert len(tokens) == 100
    assert all(len(token) >= 22 for token in tokens)  # 22 base64 characters hold 132 bits


def test_only_a_seats_own_token_finds_it():
    alice, bob = Seat("alice"), Seat("bob")
    assert seat_of([alice, bob], alice.token) is alice
    assert seat_of([alice, bob], bob.token) is bob
    for wrong in ("", alice.token[:-1], alice.token + "x", alice.token.upper(), "é" + bob.token, "\udcff"):
        assert seat_of([alice, bob], wrong) is None


def test_the_token_is_the_first_part_of_the_path():
    assert first_segment("/abc/ws") == "abc"
    assert first_segment("/abc/") == "abc"
    assert first_segment("/") == ""


def test_bound_to_loopback_only_loopback_names_are_answered():
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("[::1]") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.0.2.1") and not is_loopback("example.org")
    assert host_allowed("127.0.0.1:8000", "127.0.0.1", 8000)
    assert host_allowed("localhost:8000", "127.0.0.1", 8000)
    assert not host_allowed("rebound.example:8000", "127.0.0.1", 8000)  # DNS rebinding
    assert not host_allowed("127.0.0.1:8001", "127.0.0.1", 8000)
    assert host_allowed("reader.example:8000", "0.0.0.0", 8000)  # told to listen wider: the token guards it


def test_a_websocket_is_ours_only_from_the_page_of_the_same_address():
    assert same_origin("http://127.0.0.1:8000", "127.0.0.1:8000")
    assert same_origin("https://reader.example", "reader.example")  # behind a TLS proxy
    assert not same_origin("http://evil.example", "127.0.0.1:8000")
    assert not same_origin("http://127.0.0.1:8001", "127.0.0.1:8000")
    assert not same_origin("null", "127.0.0.1:8000")
    assert not same_origin(None, "127.0.0.1:8000")


def test_a_page_served_holds_its_tabs_place_until_its_websocket_takes_it():
    now = [0.0]
    places = Places(2, clock=lambda: now[0])
    first, second = places.hold(running=0), places.hold(running=0)
    assert first and second and first != second
    assert places.hold(running=0) is None  # both places held: the third page is the limit page
    assert not places.take(None, running=0)  # nor can a WebSocket without a page take one
    assert places.take(first, running=0)
    assert not places.take(first, running=1)  # a ticket is used once
    assert places.take(second, running=1)
    assert places.hold(running=2) is None
    assert places.hold(running=1) is not None  # one ended: its place is free
    now[0] += HELD  # a page whose WebSocket never came gives its place back
    assert places.take(None, running=1) and places.take("a made-up ticket", running=1)


def test_asking_whether_a_place_is_free_holds_none():
    places = Places(1)
    assert places.free(running=0) and places.free(running=0)  # asked twice: still free
    ticket = places.hold(running=0)
    assert ticket is not None
    assert not places.free(running=0)  # held for that page
    assert not places.free(running=1)
