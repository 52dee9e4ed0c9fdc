"""``python -m handoff_lint.gates``: write the generated validators after a schema changed."""

from handoff_lint.gates import write
from handoff_lint.schema import schema_dir

for path in write(schema_dir()):
    print(f"wrote {path}")
