"""The records a secretary keeps: minutes, registers, calendar, audit trail and data-rights exports."""
