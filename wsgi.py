"""WSGI entry point: ``gunicorn wsgi:app`` (or ``factcheck serve``)."""
from plugin import create_app

app = create_app()
