"""The use cases: check, guided session, routine, history, report.

Each flow owns the diary and the order of things, calls the domain for decisions, and
talks to the person only through a small interface that presentation implements.
"""
