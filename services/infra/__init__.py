"""Infrastructure behind small interfaces: the progress bus, the job queue, provider limits and image storage.

Nothing here knows a domain: these modules import only ``services.core`` and libraries (import-linter checks it).
"""
