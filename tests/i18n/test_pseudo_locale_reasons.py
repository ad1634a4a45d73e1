"""What the rules and the red-flag reader say to a coach or a member, in the pseudo-locale
`en-XA`: a flag's reason (as the rules give it, and as stored and read back), the digest's
reasons, the red-flag reader's labels, the export's column names. Any word of the bot that
missed a catalogue is left in plain ASCII letters."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from pseudo_locale import BABEL_NAMES, LANGUAGE, installed, pseudo, untranslated

from bot.render import coach_texts, texts
from bot.render.csv_export import COLUMNS, export_csv
from bot.render.i18n import speaking
from bot.render.reasons import reason_text
from bot.render.xlsx_export import export_xlsx
from bot.rules.adherence import MemberActivity, digest_findings
from bot.rules.emergency import EmergencyNumber
from bot.rules.reasons import from_json, to_json
from bot.rules.red_flags.families import FAMILIES, KINDS
from bot.rules.symptoms import CheckIn, assess
from bot.services.safety import reason as red_flag_reason
from bot.views import DigestFinding, DigestFlag, FlagAlert, FlagView, MemberCard, MemberDigest

LONDON = ZoneInfo("Europe/London")
MAYA = MemberCard(1, "Maya", "maya", LONDON)
DATA = BABEL_NAMES | {"Maya", "maya"}
START = datetime(2026, 3, 2, 18, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def pseudo_locale(tmp_path: Path) -> Iterator[None]:
    with installed(tmp_path / "locales"), speaking(LANGUAGE):
        yield


def _session(days: int, pain: int) -> CheckIn:
    return CheckIn(START + timedelta(days=days), pain, "session")


def _mornings_not_settling() -> list[CheckIn]:
    """Before 2, after 4, next mornings 5 twice: not settling, after two sessions."""
    check_ins = []
    for day in (0, 2):
        at = START + timedelta(days=day)
        check_ins += [
            CheckIn(at - timedelta(minutes=30), 2, "before"),
            CheckIn(at, 4, "session"),
            CheckIn(at + timedelta(hours=15), 5, "morning"),
        ]
    return check_ins


HISTORIES = {
    "severe_pain": [_session(0, 9)],
    "high_pain": [_session(0, 7)],
    "above_acceptable": [_session(0, 4), _session(2, 6)],
    "not_settling": _mornings_not_settling(),
    "rising": [_session(day, 3) for day in (0, 2, 4)] + [_session(day, 5) for day in (7, 9)],
}


@pytest.mark.parametrize("rule", HISTORIES)
def test_a_pain_rules_reason_is_said_in_the_coachs_language(rule: str) -> None:
    [reason] = [flag.reason for flag in assess(HISTORIES[rule], zone=LONDON) if flag.rule == rule]
    assert untranslated(reason_text(reason), DATA) == []


def test_a_stored_reason_is_said_in_the_coachs_language_in_their_alert() -> None:
    """As a flag's reason and as its evidence, read back from the JSON it is kept as."""
    [flag] = assess(HISTORIES["high_pain"], zone=LONDON)
    stored = from_json(to_json(flag.reason))
    view = FlagView(1, "pain", "critical", "high_pain", stored, START, evidence=[])
    alert = FlagAlert(MAYA, view, HISTORIES["high_pain"])
    assert untranslated(coach_texts.flag_message(alert), DATA) == []


def test_the_digests_reasons_are_said_in_the_coachs_language() -> None:
    """A pain flag's reason and the adherence findings, in a member's part of the digest."""
    [flag] = assess(HISTORIES["above_acceptable"], zone=LONDON)
    activity = MemberActivity(LONDON, START - timedelta(days=30), sessions=[START])
    findings = digest_findings(activity, START + timedelta(days=10))
    assert findings, "the member has not trained for ten days"
    part = MemberDigest(
        MAYA,
        flags=[DigestFlag(flag.check_in.at, "low", flag.rule, flag.reason)],
        findings=[DigestFinding(finding.rule, finding.reason) for finding in findings],
        notices=[],
    )
    assert untranslated(coach_texts.digest_member(part), DATA) == []


def test_what_a_member_describes_is_named_in_their_language() -> None:
    """The red-flag reader's label of each kind of finding, quoted back to the member."""
    labels = [kind.label for kind in KINDS]
    answer = texts.red_flag_answer("urgent", labels, EmergencyNumber("112", "PT"), coach_told=True)
    assert untranslated(answer, DATA) == []


def test_a_red_flags_families_are_named_in_the_coachs_language() -> None:
    said = reason_text(red_flag_reason([family.family for family in FAMILIES]))
    assert untranslated(said, DATA) == []


def test_the_csv_exports_column_names_are_in_the_coachs_language() -> None:
    header = next(csv.reader(io.StringIO(export_csv([]).decode("utf-8-sig"))))
    assert header == [pseudo(column) for column in COLUMNS]


def test_the_excel_exports_column_names_and_sheet_are_in_the_coachs_language() -> None:
    workbook = load_workbook(io.BytesIO(export_xlsx([])))
    [sheet] = workbook.worksheets
    header = [cell.value for cell in next(sheet.iter_rows(max_row=1))]
    assert (sheet.title, header) == (
        pseudo("Sessions and check-ins"),
        [pseudo(column) for column in COLUMNS],
    )


def test_a_day_in_a_reason_keeps_its_date() -> None:
    """The pseudo-locale changes the words around a day, not the day."""
    [flag] = assess(HISTORIES["severe_pain"], zone=LONDON)
    assert f"{date(2026, 3, 2).day} Mar" in reason_text(flag.reason)
