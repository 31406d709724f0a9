"""Text utilities shared by every stage: Persian normalization, sentences, tokens."""
