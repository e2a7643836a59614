"""Development scores of the suggesters on data with its own gold (never a test split).

    python -m tests.quality places PATH/eng.train       CoNLL-2003 train, LOC
    python -m tests.quality quotes PATH/PolNeAR         PolNeAR train, quoted content and sources
    python -m tests.quality figures PATH/PolNeAR        PolNeAR train, figures judged by their parse

The data is not in the repository (third-party text): fetch it and name its path.
"""
