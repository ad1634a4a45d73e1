"""Mini App launch data (initData): Telegram's documented HMAC check, freshness and the user."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from bot.rules.web_app_auth import (
    MAX_INIT_DATA,
    LaunchData,
    Refused,
    WebAppUser,
    data_check_string,
    signature,
    validate_init_data,
)
from emulator.web_apps import sign_init_data

TOKEN = "123456789:AAFakeTokenForTestVectorsOnly_0123456"
SIGNED_AT = datetime(2026, 1, 1, tzinfo=UTC)
HOUR = timedelta(hours=1)
USER = json.dumps({"id": 900001, "first_name": "Coach", "username": "coach"}, separators=(",", ":"))
FIELDS = {"auth_date": "1767225600", "query_id": "AAHdF6IQAAAAAN0XohDhrOrc", "user": USER}

# Generated with this token and checked with openssl:
#   K=$(printf %s "$TOKEN" | openssl dgst -sha256 -hmac WebAppData)
#   printf 'auth_date=...\nquery_id=...\nuser=...' \
#     | openssl dgst -sha256 -mac HMAC -macopt hexkey:$K
VECTOR_HASH = "ec4a4f623793b50f2db133f11086a020326371aa965a254130dd94002337847e"
VECTOR = (
    "auth_date=1767225600&query_id=AAHdF6IQAAAAAN0XohDhrOrc"
    "&user=%7B%22id%22%3A900001%2C%22first_name%22%3A%22Coach%22%2C%22username%22%3A%22coach%22%7D"
    f"&hash={VECTOR_HASH}"
)


def check(raw: str | None, now: datetime = SIGNED_AT, token: str = TOKEN) -> LaunchData | Refused:
    return validate_init_data(raw, token, now, HOUR)


def signed(**changes: str | None) -> str:
    fields = {**FIELDS, **changes}
    return sign_init_data({k: v for k, v in fields.items() if v is not None}, TOKEN)


def test_the_data_check_string_is_the_sorted_fields_without_the_hash() -> None:
    fields = {"user": "u", "hash": "h", "auth_date": "1", "query_id": "q"}
    assert data_check_string(fields) == "auth_date=1\nquery_id=q\nuser=u"


def test_the_signature_of_the_test_vector_is_the_one_openssl_computes() -> None:
    assert signature(data_check_string(FIELDS), TOKEN) == VECTOR_HASH


def test_the_test_vector_is_accepted_with_its_user_and_time() -> None:
    assert check(VECTOR) == LaunchData(WebAppUser(900001, "Coach", None, "coach"), SIGNED_AT)


def test_data_signed_by_the_emulator_as_telegram_does_is_accepted() -> None:
    assert isinstance(check(signed()), LaunchData)


def test_unknown_fields_such_as_signature_are_part_of_what_is_signed() -> None:
    assert isinstance(check(signed(signature="abc", chat_type="sender")), LaunchData)


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        pytest.param(None, "missing", id="no-init-data"),
        pytest.param("", "missing", id="empty"),
        pytest.param(VECTOR.replace("900001", "900002"), "bad_hash", id="user-id-changed"),
        pytest.param(VECTOR.replace("Coach", "Coech"), "bad_hash", id="name-changed"),
        pytest.param(VECTOR.replace(VECTOR_HASH, "0" * 64), "bad_hash", id="hash-replaced"),
        pytest.param(VECTOR.replace(VECTOR_HASH, VECTOR_HASH.upper()), "bad_hash", id="hash-case"),
        pytest.param(VECTOR.replace(f"&hash={VECTOR_HASH}", ""), "malformed", id="no-hash"),
        pytest.param(VECTOR + "&auth_date=1767225600", "malformed", id="repeated-field"),
        pytest.param("not a query string", "malformed", id="not-a-query-string"),
        pytest.param(VECTOR + "&x=" + "a" * MAX_INIT_DATA, "malformed", id="too-long"),
    ],
)
def test_forged_or_broken_init_data_is_refused(raw: str | None, reason: str) -> None:
    assert check(raw) == Refused(reason)  # type: ignore[arg-type]


def test_data_signed_with_another_bots_token_is_refused() -> None:
    assert check(VECTOR, token="987654321:AAAnotherBotsTokenForTheTestsOnly_99") == Refused(
        "bad_hash"
    )


@pytest.mark.parametrize(
    ("age", "accepted"),
    [
        pytest.param(timedelta(0), True, id="just-signed"),
        pytest.param(HOUR, True, id="exactly-the-max-age"),
        pytest.param(HOUR + timedelta(seconds=1), False, id="a-second-too-old"),
        pytest.param(timedelta(days=30), False, id="a-month-old"),
    ],
)
def test_init_data_is_accepted_up_to_the_max_age(age: timedelta, accepted: bool) -> None:
    result = check(VECTOR, now=SIGNED_AT + age)
    assert isinstance(result, LaunchData) if accepted else result == Refused("expired")


def test_init_data_from_the_future_is_refused_beyond_a_minute_of_skew() -> None:
    assert isinstance(check(VECTOR, now=SIGNED_AT - timedelta(seconds=59)), LaunchData)
    assert check(VECTOR, now=SIGNED_AT - timedelta(minutes=5)) == Refused("from_the_future")


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        pytest.param({"user": None}, "no_user", id="no-user"),
        pytest.param({"user": "not json"}, "no_user", id="user-not-json"),
        pytest.param({"user": '{"first_name":"A"}'}, "no_user", id="user-without-id"),
        pytest.param({"user": '{"id":"12","first_name":"A"}'}, "no_user", id="id-as-text"),
        pytest.param({"user": '{"id":true,"first_name":"A"}'}, "no_user", id="id-as-boolean"),
        pytest.param({"auth_date": "yesterday"}, "malformed", id="auth-date-not-a-number"),
        pytest.param({"auth_date": None}, "malformed", id="no-auth-date"),
    ],
)
def test_correctly_signed_data_without_a_user_or_a_time_is_refused(
    changes: dict[str, str | None], reason: str
) -> None:
    assert check(signed(**changes)) == Refused(reason)  # type: ignore[arg-type]


def test_the_time_must_be_aware() -> None:
    with pytest.raises(ValueError, match="aware"):
        validate_init_data(VECTOR, TOKEN, datetime(2026, 1, 1), HOUR)
