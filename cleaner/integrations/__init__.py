"""Adapters that run the cleaner inside other frameworks: Scrapy and datatrove.

Each lives in its own module and imports its framework there, so ``import cleaner`` never
pulls in Scrapy or datatrove; install them with the ``cleaner[scrapy]`` and
``cleaner[datatrove]`` extras.
"""
