"""Input channels of the HR careers assistant (loaded by the Rasa server through credentials.yml)."""
