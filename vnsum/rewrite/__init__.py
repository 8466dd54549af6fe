"""The seq2seq stage: rewrite chosen bullets with a local model, guarded, falling back to extractive text."""
