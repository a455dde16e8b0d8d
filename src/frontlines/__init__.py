"""frontlines: conflict news → sourced, geolocated, time-aware events."""

__version__ = "0.1.0"
