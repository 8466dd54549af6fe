"""Vietnamese linguistic knowledge as data: one table a module, each entry commented where it is not obvious.

The NLP stages read these tables; none of them hard-codes a word list of its own.
"""
