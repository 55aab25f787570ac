"""Infrastructure below every domain: the error root, the file layout, metrics, admin bases.

Nothing here imports a domain or an interface; every domain may import it.
"""
