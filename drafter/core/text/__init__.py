"""The text's small pieces: numbers (GB/T 15835), quoted spans, fields in text, figures, the lexicon, the year roll."""
