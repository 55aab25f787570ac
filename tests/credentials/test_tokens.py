from __future__ import annotations

import math
import re

import pytest

from sellergate.credentials import tokens

SCANNER_REGEX = re.compile(r"\bsgk_[0-9A-Za-z]{50}\b")


def test_a_key_has_the_prefix_the_documented_shape_and_enough_entropy() -> None:
    token, parsed = tokens.generate(tokens.API_KEY_PREFIX)
    assert token.startswith("sgk_")
    assert SCANNER_REGEX.fullmatch(token)
    assert SCANNER_REGEX.search(f"config = '{token}' # leaked")
    assert tokens.SECRET_LENGTH * math.log2(62) >= 160
    assert tokens.parse(token, tokens.API_KEY_PREFIX) == parsed


def test_keys_differ() -> None:
    assert len({tokens.generate(tokens.API_KEY_PREFIX)[0] for _ in range(200)}) == 200


@pytest.mark.parametrize("position", [4, 10, 20, 40, 53])
def test_one_mistyped_character_fails_the_checksum(position) -> None:
    token, _ = tokens.generate(tokens.API_KEY_PREFIX)
    replacement = "A" if token[position] != "A" else "B"
    mistyped = token[:position] + replacement + token[position + 1 :]
    with pytest.raises(tokens.BadChecksum):
        tokens.parse(mistyped, tokens.API_KEY_PREFIX)


@pytest.mark.parametrize(
    "bad",
    ["", "sgk_", "sgs_" + "a" * 50, "sgk_" + "a" * 49, "sgk_" + "a" * 49 + "-", "SGK_" + "a" * 50],
)
def test_malformed_tokens_are_refused(bad) -> None:
    with pytest.raises(tokens.MalformedToken):
        tokens.parse(bad, tokens.API_KEY_PREFIX)


def test_a_truncated_key_is_refused() -> None:
    token, _ = tokens.generate(tokens.API_KEY_PREFIX)
    with pytest.raises(tokens.MalformedToken):
        tokens.parse(token[:-1], tokens.API_KEY_PREFIX)


def test_the_hash_depends_on_the_pepper(settings) -> None:
    settings.KEY_PEPPERS = {"1": b"x" * 32, "2": b"y" * 32}
    assert tokens.hash_secret("s", "1") != tokens.hash_secret("s", "2")
    pepper_id, digest = tokens.hash_secret("s", "2")
    assert tokens.secret_matches("s", pepper_id, digest)
    assert not tokens.secret_matches("t", pepper_id, digest)
    assert not tokens.secret_matches("s", "3", digest)
