"""The grant workflow: an access request, and what its approval grants.

A layer above two domains that know nothing of each other's services: ``access`` (the
request's own state machine: submitted, asked, answered, approved, fulfilled…) and
``credentials`` (API keys, FTP accounts). Here they meet:

    submit ─► (policy may approve) ─► approve ─► API key request: fulfilled at once
                                             └─► FTP application: an account opened,
                                                 provisioned by the worker, and the
                                                 request fulfilled in that transaction

Interfaces (the seller center, the desk, the worker's schedule, the CLI) call these
functions for those steps; the domains' own functions stay usable for the steps that
grant nothing (ask, answer, withdraw, reject). A new kind of grant is a new branch here,
not an edit of ``access``.
"""
