"""Input channels of the HR careers assistant (loaded by the Rasa server, not the action server)."""
from channels import action_result_validation

action_result_validation.install()
