"""Numbers within a group: moved to bot/numbers.py (records read them too); kept here for the services' imports."""

from bot.numbers import meeting_number as meeting_number
from bot.numbers import next_number as next_number
