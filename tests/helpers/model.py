"""The IIC SMM's domains, sub-domains and practices, as the shipped questionnaire must name them."""

# The hierarchy as ../shared/MODEL.md fixes it: ids and names character for character.
MODEL_HIERARCHY = {
    "G": ("Security Governance", {
        "G1": ("Security Strategy and Governance", {
            "G1.1": "Security Program Management",
            "G1.2": "Compliance Management"}),
        "G2": ("Threat Modeling and Risk Assessment", {
            "G2.1": "Threat Modeling",
            "G2.2": "Risk Attitude"}),
        "G3": ("Supply Chain and External Dependencies Management", {
            "G3.1": "Product Supply Chain Risk Management",
            "G3.2": "Services Third-Party Dependencies Management"}),
    }),
    "E": ("Security Enablement", {
        "E1": ("Identity and Access Management", {
            "E1.1": "Establishing and Maintaining Identities",
            "E1.2": "Access Control"}),
        "E2": ("Asset Management", {
            "E2.1": "Asset, Change and Configuration Management",
            "E2.2": "Physical Protection"}),
        "E3": ("Data Protection", {
            "E3.1": "Security Model and Policy for Data",
            "E3.2": "Implementation of Data Protection Controls"}),
    }),
    "H": ("Security Hardening", {
        "H1": ("Vulnerability and Patch Management", {
            "H1.1": "Vulnerability Assessment",
            "H1.2": "Patch Management"}),
        "H2": ("Situational Awareness", {
            "H2.1": "Monitoring",
            "H2.2": "Situational Awareness and Information Sharing"}),
        "H3": ("Event and Incident Response, Continuity of Operations", {
            "H3.1": "Event Detection and Response Plan",
            "H3.2": "Remediation, Recovery and Continuity of Operations"}),
    }),
}  # fmt: skip
