"""The session window: which commits a document reports on, decided and fitted once before evidence is gathered."""
