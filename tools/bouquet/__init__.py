"""Le Bouquet: tooling for the commons catalogue of digital-inclusion service modules."""

__version__ = "0.1.0"
