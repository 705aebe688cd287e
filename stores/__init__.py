"""Tracker stores of the HR careers assistant (loaded by the Rasa server through endpoints.yml)."""
