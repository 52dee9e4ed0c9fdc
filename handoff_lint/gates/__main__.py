"""``python -m handoff_lint.gates``: write the generated validators after a schema changed."""

from handoff_lint.checks.schema import schema_dir
from handoff_lint.gates import write

for path in write(schema_dir()):
    print(f"wrote {path}")
