"""Rendered → .docx: the official style, the empty document, WordprocessingML pieces, what Word keeps beside the text."""
