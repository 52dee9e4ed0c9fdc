"""What git says: the command runner, the repository's facts, and the evidence a session window gathers."""
