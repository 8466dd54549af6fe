"""The seq2seq stage: rewrite chosen bullets with a local model, guarded, falling back to extractive text.

Only `ModelError` lives here, so the CLI can catch it without importing the model code.
"""


class ModelError(Exception):
    """The whole model is unusable; `reason` is a short slug for JSON and stderr."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
