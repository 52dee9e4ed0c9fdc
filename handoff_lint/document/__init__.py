"""Reading a handoff document: finding it, its bytes, its Markdown model, its sections' roles, and the text shapes the claim kinds share."""
