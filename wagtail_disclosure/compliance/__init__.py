"""Compliance checks: the content rules a page must pass before it is submitted, approved or published.

``registry`` (the rule base class, severities, ``Finding``; below the models), ``rules`` (the
built-in rules), ``settings`` (an office's choices), ``extract`` (what a page holds), ``engine``
(``run_checks``) and ``overrides`` (a reviewer's decision that a warning does not stop a page).
"""
