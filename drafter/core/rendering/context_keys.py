"""What a rendering's context carries beside the report's own names, for the template filters that need more."""

FIELDS_KEY = "__drafter_fields__"  # the Field objects, for jinjaenv's filters; not a name templates can write
