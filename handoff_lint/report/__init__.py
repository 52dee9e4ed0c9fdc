"""After the findings: the outcome of a run, the baseline, and the fixes."""
