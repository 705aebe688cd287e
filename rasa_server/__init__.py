"""The Rasa server of the HR careers assistant: Rasa's own command line, with our patches."""
