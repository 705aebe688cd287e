"""Input channels of the HR careers assistant (loaded by the Rasa server, not the action server)."""
