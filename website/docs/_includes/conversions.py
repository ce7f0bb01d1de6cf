"""Unit conversions used by the MyST tutorial."""

# --- conversions start ---
def to_fahrenheit(celsius):
    return celsius * 9 / 5 + 32


def to_kelvin(celsius):
    return celsius + 273.15
# --- conversions end ---
