"""The group pages on the web port: `/groups/<short-name>/`, its minutes downloads, and their stylesheet."""

from handlers.web.pages import mount

__all__ = ["mount"]
