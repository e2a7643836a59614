"""JSON text for many small records: the encoder is built once, not once a record.

json.dumps and JSONEncoder.encode make a new C encoder on every call; over 100,000
records that is a quarter of the time an export spends encoding. The C encoder's
arguments are the ones JSONEncoder.iterencode passes it (unchanged from 3.8 to 3.14);
where the C module is missing, JSONEncoder.encode does the work. Records come from
JSON or from our dataclasses, never cyclic, so no circular-reference check (which
would also make one encoder unsafe to share between threads).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from json import encoder as _json


def record_encoder(item_separator: str = ", ", key_separator: str = ": ") -> Callable[[object], str]:
    """A function like json.dumps(value, ensure_ascii=False) with those separators."""
    plain = json.JSONEncoder(ensure_ascii=False, separators=(item_separator, key_separator))
    make = getattr(_json, "c_make_encoder", None)  # the C encoder, not in typeshed's stubs
    if make is None or _json.encode_basestring is _json.py_encode_basestring:
        return plain.encode
    encode = make(None, plain.default, _json.encode_basestring, None, key_separator, item_separator, False, False, True)
    return lambda value: "".join(encode(value, 0))
