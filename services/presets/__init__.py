"""Style presets: reusable generation settings with immutable versions, sharing by code or publicly, forks,
import and export in a documented format, previews and usage statistics.

``fields`` validates what a preset may hold; ``editing`` creates, versions, shares, forks, deletes and previews;
``reads`` finds and lists; ``stats`` measures use from real batches in SQL; ``documents`` is the export format.
How presets shape a generation (intensity, mixing) is ``services.generation.styles``.
"""
