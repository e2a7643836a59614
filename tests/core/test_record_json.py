"""The shared record encoder writes what json.dumps writes, for any JSON value."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from annotations.record_json import record_encoder

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@given(st.dictionaries(st.text(), JSON))
def test_same_text_as_json_dumps(record):
    assert record_encoder()(record) == json.dumps(record, ensure_ascii=False)
    assert record_encoder(",", ":")(record) == json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def test_one_encoder_serves_many_records():
    encode = record_encoder()
    nested = {"a": [1, {"b": "é\u2028"}]}
    assert [encode(nested), encode(nested)] == [json.dumps(nested, ensure_ascii=False)] * 2
