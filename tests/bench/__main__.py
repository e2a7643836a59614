import sys

from .run import run, table

print(table(run(smoke="--smoke" in sys.argv)))
