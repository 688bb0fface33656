"""What a gap report shows besides the levels, so that nothing the interviewees said is hidden:
the questions answered "don't know" (and the levels that rest on them), the business owners'
domain goals and reasons, and the assessors' notes and evidence."""

from __future__ import annotations

from collections.abc import Sequence

from interview.consolidation import GapConsolidation
from interview.engine.follow_ups import NOBODY_NAMED, follow_ups, practices_resting_on_dont_know
from interview.profiles import Profile
from interview.questionnaire.engine_ids import goal_question_id, goal_scope_question_id
from interview.questionnaire.model import Questionnaire
from interview.render.document import Block, Entry, Items, Paragraph, Section
from interview.render.session_document import levels_table
from interview.session.model import DONT_KNOW, AssessmentSession, Session, SessionKind
from interview.standings import practice_question_ids

FOLLOW_UPS_HEADING = 'Follow-ups: questions answered "don\'t know"'
FOLLOW_UPS_LEAD = (
    "Until these questions are answered, an assessment counts each as not met, so a level may "
    "be lower than the truth; a target counts each as not asked. Ask the person named (or the "
    "interviewee), then answer them in the session (smm resume SESSION) and make the report "
    "again."
)

REASONS_HEADING = "The target and its reasons"
REASONS_LEAD = (
    "What the business owners chose for each domain, and each practice's target with where it "
    "came from and the reason given, in their own words."
)

NOTES_HEADING = "Notes and evidence from the assessment"
NOTES_LEAD = "What the interviewees wrote with their answers, practice by practice, as typed."


def who(session: Session) -> str:
    """``Ann Lee (Security officer), session acme-now``."""
    person = session.interviewee or "interviewee not named"
    role = f" ({session.role})" if session.role else ""
    return f"{person}{role}, session {session.id}"


# --- Don't know ------------------------------------------------------------------------------


def resting_practices(questionnaire: Questionnaire, sessions: Sequence[Session]) -> set[str]:
    """The practices whose level, in any of these sessions, rests on a "don't know"."""
    found: set[str] = set()
    for session in sessions:
        found |= practices_resting_on_dont_know(questionnaire, session)
    return found


def follow_up_section(questionnaire: Questionnaire, sides: GapConsolidation) -> tuple[Section, ...]:
    """Every "don't know" of both sides, with who answered and whom to ask; nothing if none."""
    entries = []
    for session in sides.sessions:
        side = "target" if session.kind is SessionKind.TARGET else "current state"
        for item in follow_ups(questionnaire, session):
            blocks: list[Block] = [Paragraph(f"{who(session)} ({side})", label="answered by")]
            if session.kind is SessionKind.TARGET:
                blocks.append(Paragraph(item.ask or NOBODY_NAMED, label="ask"))
            if item.note:
                blocks.append(Paragraph(item.note, label="note"))
            entries.append(Entry(f"{item.where}: {item.question}", tuple(blocks)))
    if not entries:
        return ()
    lead = Paragraph(FOLLOW_UPS_LEAD)
    return (Section(FOLLOW_UPS_HEADING, (lead, Items(tuple(entries))), "follow-ups"),)


# --- The business owners' goals and reasons --------------------------------------------------


def target_reasons_section(
    questionnaire: Questionnaire, targets: Sequence[Session], profile: Profile | None
) -> Section:
    """Per target session: its domain goals with the owner's notes, then its levels table."""
    blocks: list[Block] = [Paragraph(REASONS_LEAD, style="note")]
    for session in targets:
        goals = Items(tuple(goal_entry(questionnaire, session, d) for d in questionnaire.domains))
        table = levels_table(questionnaire, session, profile)
        heading = f"Set by {who(session)}"
        blocks.append(Section(heading, (Paragraph("Domain goals:"), goals, table), level=3))
    return Section(REASONS_HEADING, tuple(blocks), "target-reasons")


def goal_entry(questionnaire: Questionnaire, session: Session, domain_id: str) -> Entry:
    """``G Security Governance: 3`` with the goal statement, its scope and the owner's note."""
    domain = questionnaire.domains[domain_id]
    goal = session.answers.get(goal_question_id(domain_id))
    scope = session.answers.get(goal_scope_question_id(domain_id))
    blocks: list[Block] = []
    if goal is None:
        words = "no goal chosen yet"
    elif goal.value == DONT_KNOW:
        words = "don't know (see Follow-ups)"
    else:
        level = int(str(goal.value))
        words = f"{level}: {domain.goal.statements.get(level, '')}".rstrip(": ")
        if goal.note:
            blocks.append(Paragraph(goal.note, label="why"))
    if scope is not None and scope.value != DONT_KNOW:
        labels = {str(option.scope): option.label for option in domain.goal.scope_options}
        blocks.append(Paragraph(labels.get(str(scope.value), str(scope.value)), label="scope"))
        if scope.note:
            blocks.append(Paragraph(scope.note, label="why this scope"))
    return Entry(f"{domain_id} {domain.name}: {words}", tuple(blocks))


# --- The assessors' notes --------------------------------------------------------------------


def notes_section(questionnaire: Questionnaire, currents: Sequence[Session]) -> tuple[Section, ...]:
    """Each practice's notes from the assessments, with the question and who wrote them."""
    entries = []
    for practice_id in questionnaire.practice_ids():
        found = practice_note_entries(questionnaire, currents, practice_id)
        if found:
            name = questionnaire.practices[practice_id].name
            entries.append(Entry(f"{practice_id} {name}", (Items(tuple(found)),)))
    if not entries:
        return ()
    blocks = (Paragraph(NOTES_LEAD, style="note"), Items(tuple(entries), name="notes"))
    return (Section(NOTES_HEADING, blocks, "notes"),)


def practice_note_entries(
    questionnaire: Questionnaire, currents: Sequence[Session], practice_id: str
) -> list[Entry]:
    """One entry per note on the practice's questions: the question, then the note."""
    texts = question_texts(questionnaire, practice_id)
    entries = []
    for session in currents:
        if isinstance(session, AssessmentSession) and session.imported_from is not None:
            record = session.imported_levels.get(practice_id)
            if record is not None and record.reason:
                paragraph = note_paragraph(record.reason, session)
                entries.append(Entry("level given on import", (paragraph,)))
            continue
        for question_id in practice_question_ids(questionnaire, practice_id):
            answer = session.answers.get(question_id)
            if answer is not None and answer.note:
                question = texts.get(question_id, "its scope")
                entries.append(Entry(question, (note_paragraph(answer.note, session),)))
    return entries


def note_paragraph(note: str, session: Session) -> Paragraph:
    return Paragraph(f"{note} ({session.interviewee or 'interviewee not named'})", label="note")


def question_texts(questionnaire: Questionnaire, practice_id: str) -> dict[str, str]:
    practice = questionnaire.practices[practice_id]
    return {
        question.id: question.text
        for number in sorted(practice.levels)
        for question in practice.levels[number].questions
    }
