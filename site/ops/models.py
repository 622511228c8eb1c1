"""No models of its own: the module exists so Django sends this app post_migrate (apps.py creates the cache table)."""
