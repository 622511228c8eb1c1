"""Every package of the shegong namespace, found on disk: pyproject.toml maps the folders
(package-dir) but its automatic discovery cannot join three folders into one namespace."""

from setuptools import find_packages, setup

ROOTS = {"shegong": "site", "shegong.search": "search", "shegong.theme": "theme"}


def shegong_packages():
    packages = ["shegong.fixtures"]
    for name, folder in ROOTS.items():
        packages += [name] + [f"{name}.{sub}" for sub in find_packages(folder)]
    return packages


setup(packages=shegong_packages())
