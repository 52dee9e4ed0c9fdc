"""The checks beside the claims: the schema, hygiene (secrets and the like), suppressions, and the rules that turn verdicts into findings."""
