"""Report → Rendered: the texts rendered (plain, or sandboxed Jinja2) into typed blocks."""
