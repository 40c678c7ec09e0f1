"""A figure's label from the words around it: the thing counted plus its measure (干部培训期数)."""
