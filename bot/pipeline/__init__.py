"""The build pipeline (build time only): article files -> articles -> sections and
sentences -> facts -> people clustered per show -> the knowledge database.

files     which files are articles, and of which show (safely: no symlink escapes, size caps)
articles  one article file: front-matter header + verbatim body
segment   boilerplate removal, sections, sentences, list items and table rows, with offsets
shows     a show's name and aliases (show.toml, or inferred from its articles)
extract/  facts from sentences: cast, crew, dates per season, counts, titles of other works
people    name spellings clustered into people, per show
build     the incremental build into storage.knowledge
"""
