"""Build hook: a wheel carries the built dataset (processed/*.parquet) as package data in diffdata/data/.

Everything else about the package is in pyproject.toml.
"""

import runpy
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

DATA = runpy.run_path(str(Path(__file__).parent / "src" / "diffdata" / "outputs.py"))["PACKAGED"]


class BuildWithData(build_py):
    """Copy the dataset files into the built package."""

    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "diffdata" / "data"
        target.mkdir(parents=True, exist_ok=True)
        for name in DATA:
            source = Path("processed") / name
            if source.is_file():
                shutil.copyfile(source, target / name)


setup(cmdclass={"build_py": BuildWithData})
