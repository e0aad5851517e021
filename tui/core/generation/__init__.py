"""From a request to one command: prompt, examples, grounding, candidates."""
