"""The report and its file: the model, the outline's operations, the project file (YAML, versioned, atomic), the open document."""
