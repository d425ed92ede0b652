"""Resolve what an article wrote (time expressions, actor names, toponyms) to shared values."""
