"""The statistics form: 报告信息, each field's row built as its part comes into view, the field picker."""
