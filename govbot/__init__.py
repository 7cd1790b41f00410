"""The composition root: the `govbot` command wires the core, the platform handlers and the scheduler."""
