"""The one shared bus library: envelope, outbox, inbox, retries and dead letters.

Every service uses it; none copies it.
"""
