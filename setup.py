"""Build hook: a wheel carries the built dataset (processed/*.parquet) as package data in diffdata/data/.

Everything else about the package is in pyproject.toml. pyproject alone could ship them (``package-dir`` mapping a
package ``diffdata.data`` to processed/: the wheel and the sdist were checked), but that mapping turns
``pip install -e .`` into an import-hook install, which a Python started with only PYTHONPATH (as the Makefile
tests do) cannot import: so this hook stays. The file names come from ``diffdata.outputs.PACKAGED``.
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
