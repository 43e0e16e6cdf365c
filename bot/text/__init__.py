"""Language helpers shared by the build pipeline and the question-answering core:
normalised words and name keys, seasons, dates and numbers. Pure functions, no I/O."""
