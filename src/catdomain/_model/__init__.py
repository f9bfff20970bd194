"""The domain model: frozen attrs classes, one module per part of a Dossier."""
