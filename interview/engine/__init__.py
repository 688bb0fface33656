"""The interview engine: what to ask, the prompts, the state machine, the summaries."""
