// Placeholder: filled in by a later stage.
