"""The option ids of smm 0.1's shipped questionnaire (iic-smm 1.0.0), in the order its
version-1 sessions numbered them: what the session migration from format 1 maps positions
with. Written once from ``questionnaires/iic-smm.toml`` and never changed since, so that
a later edit of the questionnaire cannot change what old answers meant."""

from __future__ import annotations

from typing import Final

SHIPPED_V1_HASH: Final = "aa592655e641f6172c8b4f2e0b4e8130627fd9a2d09cad2d04681b8d92b78ba5"
"""The content hash that sessions answered with the shipped 0.1 questionnaire name."""

SHIPPED_V1_OPTION_IDS: Final[dict[str, tuple[str, ...]]] = {
    "G1.needs.impact": (
        "little-impact",
        "noticeable",
        "severe",
    ),
    "G1.needs.compliance": (
        "no-requirement",
        "yes-general",
        "yes-sector",
        "yes-customers",
    ),
    "G1.needs.regulators": (
        "no",
        "yes-sector",
        "yes-regulator",
    ),
    "G2.needs.threats": (
        "mostly-untargeted",
        "criminals-after",
        "attackers-target",
        "well-resourced",
    ),
    "G2.needs.compliance": (
        "no",
        "yes-general",
        "yes-sector",
        "yes-customers",
    ),
    "G2.needs.regulators": (
        "no",
        "sector-rules",
        "yes-part",
    ),
    "G3.needs.threats": (
        "hardly",
        "somewhat",
        "yes-supplier-access",
        "yes-supply",
    ),
    "G3.needs.compliance": (
        "no",
        "yes-general",
        "yes-sector",
        "yes-customers",
    ),
    "G3.needs.regulators": (
        "no",
        "yes-example",
        "yes-regulator",
    ),
    "E1.needs.threats": (
        "nuisance",
        "disruption-service",
        "loss-control",
        "harm-people",
    ),
    "E1.needs.compliance": (
        "none-know",
        "general-rules",
        "sector-rules",
        "yes-customers",
    ),
    "E1.needs.regulators": (
        "no",
        "yes-sector",
        "yes-regulator",
    ),
    "E2.needs.threats": (
        "little",
        "moderate",
        "high",
    ),
    "E2.needs.compliance": (
        "none-know",
        "general-rules",
        "sector-rules",
        "yes-customers",
    ),
    "E2.needs.regulators": (
        "no",
        "yes-sector",
        "yes-approval",
    ),
    "E3.needs.threats": (
        "little-harm",
        "business-harm",
        "serious-harm",
        "harm-many",
    ),
    "E3.needs.compliance": (
        "no-specific",
        "general-rules",
        "sector-rules",
        "customers-specify",
    ),
    "E3.needs.regulators": (
        "no",
        "yes-personal",
        "yes-sector",
        "yes-regulator",
    ),
    "H1.needs.threats": (
        "low",
        "moderate",
        "high",
        "very-high",
    ),
    "H1.needs.compliance": (
        "no-requirement",
        "yes-general",
        "yes-sector",
        "yes-contracts",
    ),
    "H1.needs.regulators": (
        "no",
        "yes-rules",
        "yes-approval",
    ),
    "H2.needs.threats": (
        "unlikely",
        "possible",
        "likely",
        "very-likely",
    ),
    "H2.needs.compliance": (
        "no-requirement",
        "yes-general",
        "yes-sector",
        "yes-customers",
    ),
    "H2.needs.regulators": (
        "no",
        "yes-days",
        "yes-hours",
    ),
    "H3.needs.business": (
        "days-or-more",
        "hours-day",
        "minutes-hour",
        "outage-puts",
    ),
    "H3.needs.threats": (
        "not-know",
        "yes-elsewhere",
        "yes-system",
    ),
    "H3.needs.regulators": (
        "no",
        "only-general",
        "yes-sector",
        "yes-regulator",
    ),
    "G1.1.c3.1": (
        "no-written",
        "own-plan",
        "approved-framework-plan",
    ),
    "G1.1.c4.2": (
        "noted-no-register",
        "register-deadlines",
        "tracked-closure",
    ),
    "G1.2.c3.1": (
        "gathered-when",
        "kept-place",
        "maintained-matrix",
    ),
    "G1.2.c4.2": (
        "handled-when",
        "deadlines-whether",
        "deadlines-set",
    ),
    "G2.1.c3.1": (
        "teams-experience",
        "named-method",
        "named-method-data-flows",
    ),
    "G2.2.c3.2": (
        "informally-without",
        "formally-any-approver",
        "formally-right-authority",
    ),
    "G3.1.c3.1": (
        "no-sbom",
        "sbom-unchecked",
        "sbom-checked-continuously",
    ),
    "G3.2.c3.2": (
        "directly-through",
        "own-access-always-open",
        "own-access-per-job",
    ),
    "E1.1.c1.2": (
        "devices-services",
        "installers-told",
        "installation-checklist",
        "unit-ships",
    ),
    "E1.1.c2.1": (
        "no-authentication",
        "identifier-no-secret",
        "secret-key",
    ),
    "E1.1.c3.2": (
        "ordinary-flash",
        "encrypted-key",
        "hardware-backed",
    ),
    "E1.2.c2.2": (
        "through-shared",
        "individual-always-on",
        "individual-per-request",
        "above-through",
    ),
    "E1.2.c3.3": (
        "not-tested",
        "only-functional",
        "tests-tried",
    ),
    "E2.1.c2.1": (
        "no-unit-record",
        "firmware-software",
        "version-unit",
    ),
    "E2.2.c1.2": (
        "active-give",
        "active-protected",
        "disabled-locked",
    ),
    "E2.2.c3.2": (
        "no",
        "yes-informally",
        "yes-qualified",
    ),
    "E3.1.c2.1": (
        "only-sensitive",
        "defined-classes",
        "classes-with-rules",
    ),
    "E3.2.c2.3": (
        "nowhere",
        "stores-only",
        "store-holds",
    ),
    "E3.2.c3.2": (
        "team-creates",
        "documented-rules",
        "documented-process",
        "above-rotation",
    ),
    "H1.1.c3.1": (
        "hand-when",
        "automatically-against",
        "automatically-continuously",
    ),
    "H1.1.c4.2": (
        "not-checked",
        "someone-compares",
        "maintained-matrix",
    ),
    "H1.2.c3.1": (
        "no-deadlines",
        "deadlines-exist",
        "deadlines-severity",
    ),
    "H1.2.c4.1": (
        "not-measured",
        "estimated-checked",
        "measured-continuously",
    ),
    "H2.1.c3.1": (
        "monitor-whatever",
        "team-picked",
        "documented-monitoring",
    ),
    "H2.1.c4.3": (
        "not-measured",
        "alert-counts",
        "time-detect",
    ),
    "H2.2.c3.1": (
        "not-shared",
        "informally-through",
        "member-sector",
    ),
    "H3.1.c2.2": (
        "none",
        "one-or-two",
        "main-ones",
    ),
    "H3.1.c4.2": (
        "not-checked",
        "playbooks-added",
        "high-risk",
    ),
    "H3.2.c3.1": (
        "not-set",
        "rough-targets",
        "set-essential",
    ),
    "H3.2.c4.3": (
        "steps-depend",
        "two-unrehearsed",
        "two-rehearsed",
    ),
}
"""Question id → the ids of its options, first option first."""
