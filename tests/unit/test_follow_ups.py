""" "Don't know, ask someone" in a target (issue 14, item 10): the answer names who can answer
(``ask``, only with dont_know), the target is as if the question were unanswered, the review
and the report list it as a follow-up, and session and answers files carry it.

The questionnaire is tests/data/questionnaires/small.toml: domain D (sub-domain D1 with one
needs question, practices D1.1 and D1.2) and domain F (F1, practice F1.1).
"""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from interview.engine import views
from interview.engine.follow_ups import (
    FollowUp,
    answer_words,
    asks_whom,
    follow_ups,
    practices_resting_on_dont_know,
)
from interview.engine.interview import Interview
from interview.errors import InputError
from interview.questionnaire import Questionnaire, load_questionnaire
from interview.services.answers_file import read_answers
from interview.session.checks import check_session
from interview.session.model import (
    DONT_KNOW,
    KEEP,
    YES,
    Answer,
    Origin,
    Session,
    SessionKind,
    TargetSession,
    new_session,
)
from interview.session.store import SessionStore

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)
SMALL = Path(__file__).parent.parent / "data" / "questionnaires" / "small.toml"
JO = "Jo\u00a0Smith, compliance\u200d"  # a non-breaking space and a zero-width joiner, kept


@pytest.fixture
def small(small_questionnaire_path: Path) -> Questionnaire:
    return load_questionnaire(small_questionnaire_path)


def target_at_needs(questionnaire: Questionnaire, goal: str = "2") -> Interview:
    """A target interview at the D1 needs question, the D goal and scope answered."""
    session = new_session(questionnaire, SessionKind.TARGET, "Pump", now=NOW)
    interview = Interview(questionnaire, session, clock=lambda: NOW)
    for value in ("", "Dana", "Owner", goal, "1"):
        interview.answer(value)
    prompt = interview.current()
    assert prompt is not None and prompt.question_id == "D1.needs.threats"
    return interview


def levels(interview: Interview) -> dict[str, tuple[int | None, int | None, Origin]]:
    return {
        item_id: (level.comprehensiveness, level.scope, level.origin)
        for item_id, level in views.session_targets(
            interview.questionnaire, interview.session
        ).items()
    }


# --- The engine ----------------------------------------------------------------------------


def test_a_dont_know_needs_answer_keeps_who_to_ask_and_changes_nothing(
    small: Questionnaire,
) -> None:
    skipped = target_at_needs(small)
    skipped.skip()
    interview = target_at_needs(small)
    assert interview.answer(DONT_KNOW, ask=JO).accepted
    answer = interview.session.answers["D1.needs.threats"]
    assert (answer.value, answer.ask) == (DONT_KNOW, JO)
    assert levels(interview) == levels(skipped)  # as if unanswered
    assert levels(interview)["D1"] == (2, 1, Origin.INHERITED)
    changed = target_at_needs(small)
    changed.answer("more")  # a needs answer that does move it, for contrast
    assert levels(changed)["D1"] != levels(interview)["D1"]


def test_a_dont_know_purpose_keeps_the_level_in_force(small: Questionnaire) -> None:
    kept = target_at_needs(small)
    kept.answer("same")
    kept.answer(KEEP)
    interview = target_at_needs(small)
    interview.answer("same")
    interview.answer("3", note="More")  # first set D1.1 to 3, then change to "don't know"
    interview.back()
    prompt = interview.current()
    assert prompt is not None and prompt.question_id == "@D1.1.purpose"
    interview.answer(DONT_KNOW)
    assert levels(interview)["D1.1"] == levels(kept)["D1.1"] == (2, 1, Origin.INHERITED)
    assert interview.session.answers["@D1.1.purpose"].ask is None  # nobody named


def test_a_dont_know_domain_goal_leaves_the_domain_without_a_goal(small: Questionnaire) -> None:
    interview = target_at_needs(small, goal=DONT_KNOW)
    interview.answer("more")
    interview.answer(KEEP)
    assert levels(interview)["D"] == (None, None, Origin.INHERITED)
    assert levels(interview)["D1.1"] == (None, None, Origin.INHERITED)  # not set, not n/a
    records = views.level_records(small, interview.session)
    assert records["D1.1"].complete is False and records["D1.1"].applicable is True
    review = views.review_items(small, interview.session)
    assert [(item.question_id, item.status) for item in review][:1] == [
        ("@D.goal", views.ReviewStatus.DONT_KNOW)
    ]


def test_whom_to_ask_goes_only_with_dont_know(small: Questionnaire) -> None:
    interview = target_at_needs(small)
    refused = interview.answer("more", ask="Jo").refused
    assert refused is not None and refused.startswith("D1.needs.threats: ")
    assert '"ask"' in refused and "dont_know" in refused
    assert "D1.needs.threats" not in interview.session.answers
    assert interview.answer("more", ask="").accepted  # an empty name is nobody named
    assert interview.session.answers["D1.needs.threats"].ask is None


def test_only_a_targets_dont_know_asks_whom(small: Questionnaire) -> None:
    target = new_session(small, SessionKind.TARGET, "Pump", now=NOW)
    assessment = new_session(small, SessionKind.ASSESSMENT, "Pump", now=NOW)
    assert asks_whom(target, DONT_KNOW)
    assert not asks_whom(target, YES)
    assert not asks_whom(assessment, DONT_KNOW)


# --- The follow-ups ------------------------------------------------------------------------


def test_follow_ups_list_each_dont_know_in_interview_order(small: Questionnaire) -> None:
    interview = target_at_needs(small)
    interview.answer(DONT_KNOW, ask=JO, note="She keeps the regulator's letters")
    interview.answer(DONT_KNOW)
    assert follow_ups(small, interview.session) == [
        FollowUp(
            "D1.needs.threats",
            "Sub-domain: Threats?",
            "D1",
            JO,
            "She keeps the regulator's letters",
        ),
        FollowUp(
            "@D1.1.purpose",
            "Practice: does it need more, less or the same as its sub-domain, or not apply?",
            "D1.1",
            None,
        ),
    ]
    interview.back()
    interview.back()
    interview.answer("same")  # answered after all: no longer a follow-up
    assert [item.question_id for item in follow_ups(small, interview.session)] == ["@D1.1.purpose"]


def test_an_assessments_dont_know_is_a_follow_up_and_marks_its_practice(
    small: Questionnaire,
) -> None:
    session = new_session(small, SessionKind.ASSESSMENT, "Pump", now=NOW)
    interview = Interview(small, session, clock=lambda: NOW)
    for value in ("", "Dana", "Engineer", DONT_KNOW):
        interview.answer(value)
    assert session.answers["D1.1.c1.1"].value == DONT_KNOW
    found = follow_ups(small, session)
    assert [(item.question_id, item.where, item.ask) for item in found] == [
        ("D1.1.c1.1", "D1.1", None)
    ]
    assert practices_resting_on_dont_know(small, session) == {"D1.1"}


def test_a_targets_needs_dont_know_marks_every_practice_of_its_sub_domain(
    small: Questionnaire,
) -> None:
    interview = target_at_needs(small)
    interview.answer(DONT_KNOW, ask="Jo")
    session = interview.session
    d1 = set(small.practice_ids(small.practices["D1.1"].subdomain))
    assert practices_resting_on_dont_know(small, session) == d1


def test_the_answer_reads_dont_know_ask_whom(small: Questionnaire) -> None:
    interview = target_at_needs(small)
    prompt = interview.current()
    assert prompt is not None
    assert answer_words(prompt, DONT_KNOW, "Jo Smith") == "Don't know — ask Jo Smith"
    assert answer_words(prompt, DONT_KNOW) == "Don't know"


# --- The session file ----------------------------------------------------------------------


def test_whom_to_ask_round_trips_exactly(tmp_path: Path, small: Questionnaire) -> None:
    store = SessionStore(tmp_path / "sessions")
    session = store.create(new_session(small, SessionKind.TARGET, "Pump", now=NOW))
    interview = Interview(small, session, on_change=store.save, clock=lambda: NOW)
    for value in ("", "Dana", "Owner", "2", "1"):
        interview.answer(value)
    interview.answer(DONT_KNOW, ask=JO)
    text = store.path_of(session.id).read_text(encoding="utf-8")
    assert text.count("ask = ") == 1  # written for the one answer that has it, not as empty
    loaded = store.load(session.id, small)
    assert loaded.notices == []
    assert loaded.session == session
    assert loaded.session.answers["D1.needs.threats"].ask == JO


def with_answer(questionnaire: Questionnaire, question_id: str, answer: Answer) -> Session:
    session = new_session(questionnaire, SessionKind.TARGET, "Pump", now=NOW)
    assert isinstance(session, TargetSession)
    session.answers[question_id] = answer
    return session


def test_the_check_refuses_whom_to_ask_without_dont_know(small: Questionnaire) -> None:
    fine = Answer(value=DONT_KNOW, ask="Jo", answered_at=NOW)
    assert check_session(with_answer(small, "D1.needs.threats", fine), small) == []
    misplaced = Answer(value="more", ask="Jo", answered_at=NOW)
    problems = check_session(with_answer(small, "D1.needs.threats", misplaced), small)
    assert [problem.location for problem in problems] == [("answers", "D1.needs.threats")]
    assert problems[0].message.startswith('"ask" (who can answer) goes only with the answer')


@pytest.mark.parametrize(
    "question_id", ["@D.goal", "@D.scope", "D1.needs.threats", "@F1.1.purpose"]
)
def test_the_goal_scope_needs_and_purpose_take_dont_know(
    small: Questionnaire, question_id: str
) -> None:
    answer = Answer(value=DONT_KNOW, ask="Jo", answered_at=NOW)
    assert check_session(with_answer(small, question_id, answer), small) == []
    not_an_answer = Answer(value="maybe", answered_at=NOW)
    assert check_session(with_answer(small, question_id, not_an_answer), small) != []


def test_a_file_that_puts_ask_on_another_answer_is_refused(
    tmp_path: Path, small: Questionnaire
) -> None:
    store = SessionStore(tmp_path / "sessions")
    session = store.create(new_session(small, SessionKind.TARGET, "Pump", now=NOW))
    interview = Interview(small, session, on_change=store.save, clock=lambda: NOW)
    for value in ("", "Dana", "Owner", "2", "1", "more"):
        interview.answer(value)
    path = store.path_of(session.id)
    text = path.read_text(encoding="utf-8")
    damaged = text.replace('value = "more"\n', 'value = "more"\nask = "Jo"\n')
    assert damaged != text
    path.write_text(damaged, encoding="utf-8")
    with pytest.raises(InputError) as raised:
        store.load(session.id, small)
    assert len(raised.value.lines) == 1
    assert "answers.D1.needs.threats" in raised.value.lines[0]
    assert "goes only with the answer" in raised.value.lines[0]


# --- Answers files -------------------------------------------------------------------------


def test_an_answers_file_names_who_to_ask(tmp_path: Path) -> None:
    toml = tmp_path / "answers.toml"
    toml.write_text(
        '[answers]\n"D1.needs.threats" = { answer = "dont-know", ask = "Jo\u00a0Smith" }\n',
        encoding="utf-8",
    )
    assert read_answers(toml)["D1.needs.threats"].ask == "Jo\u00a0Smith"
    csv = tmp_path / "answers.csv"
    csv.write_text(
        'question,answer,note,ask\nD1.needs.threats,dont-know,,"Jo Smith, compliance"\n'
        "system_name,Pump,\n",
        encoding="utf-8",
    )
    answers = read_answers(csv)
    assert answers["D1.needs.threats"].ask == "Jo Smith, compliance"
    assert answers["system_name"].ask == ""


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ('{ answer = "dont-know", ask = 3 }', "the ask must be text"),
        ('{ answer = "dont-know", whom = "Jo" }', "unknown key 'whom'"),
    ],
)
def test_a_bad_ask_in_an_answers_file_is_one_line(
    tmp_path: Path, entry: str, expected: str
) -> None:
    toml = tmp_path / "answers.toml"
    toml.write_text(f'[answers]\n"D1.needs.threats" = {entry}\n', encoding="utf-8")
    with pytest.raises(InputError) as raised:
        read_answers(toml)
    assert len(raised.value.lines) == 1 and expected in raised.value.lines[0]


def test_a_batch_target_keeps_whom_to_ask_and_refuses_it_elsewhere(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.helpers.scripted import sessions, smm

    lines = [
        "[answers]",
        'system_name = "Pump"',
        'interviewee_name = "Dana"',
        'interviewee_role = "Owner"',
        '"@D.goal" = "2"',
        '"@D.scope" = "1"',
        '"D1.needs.threats" = { answer = "dont-know", ask = "Jo\u00a0Smith" }',
        *(f'"@{p}.purpose" = "keep"' for p in ("D1.1", "D1.2", "F1.1")),
        '"@F.goal" = "2"',
        '"@F.scope" = "1"',
        '"F1.needs.threats" = "same"',
    ]
    file = tmp_path / "answers.toml"
    file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert smm(tmp_path, "new", "target", "--answers", str(file), "--batch") == 0
    session = SessionStore(tmp_path / "sessions").read(capsys.readouterr().out.strip())
    assert session.answers["D1.needs.threats"].ask == "Jo\u00a0Smith"
    assert [item.ask for item in follow_ups(load_questionnaire(SMALL), session)] == [
        "Jo\u00a0Smith"
    ]

    same, same_with_ask = '"same"', '{ answer = "same", ask = "Jo" }'
    wrong = file.read_text(encoding="utf-8").replace(same, same_with_ask)
    file.write_text(wrong, encoding="utf-8")
    assert smm(tmp_path / "again", "new", "target", "--answers", str(file), "--batch") == 2
    error = capsys.readouterr().err.strip().splitlines()
    assert len(error) == 1 and "F1.needs.threats" in error[0] and '"ask"' in error[0]
    assert sessions(tmp_path / "again") == []
