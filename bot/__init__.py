"""govbot's platform-neutral core: terms of reference, record, commands and replies."""
