"""The attributes a finding takes from around its figure, one module each: force, crime type, year,
polarity (recorded or not), qualifier and rate period."""
