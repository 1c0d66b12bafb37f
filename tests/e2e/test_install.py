"""`cmake --install BUILD --prefix PREFIX` into a temporary prefix: the binary, both man pages and the
three completion scripts land where man, bash-completion, zsh and fish look for them, and each of those
finds them there.

The build directory is $FU_BUILD_DIR (ctest sets it), else the directory of $FU_BIN.
"""

import os
import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path

from fu_harness import FU_BIN

ROOT = Path(__file__).resolve().parent.parent.parent
BUILD = Path(os.environ.get("FU_BUILD_DIR") or Path(FU_BIN).resolve().parent)

INSTALLED = {
    "bin/fu": None,
    "share/man/man1/fu.1": ROOT / "man" / "fu.1",
    "share/man/man5/fu-config.5": ROOT / "man" / "fu-config.5",
    "share/bash-completion/completions/fu": ROOT / "completions" / "fu.bash",
    "share/zsh/site-functions/_fu": ROOT / "completions" / "_fu",
    "share/fish/vendor_completions.d/fu.fish": ROOT / "completions" / "fu.fish",
}


class Install(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cmake = shutil.which("cmake")
        if cmake is None:
            raise AssertionError("cmake is not installed")
        if not (BUILD / "cmake_install.cmake").is_file():
            raise AssertionError(f"{BUILD} is not a configured build directory: set FU_BUILD_DIR")
        cls.tmp = tempfile.TemporaryDirectory(prefix="fu-install-")
        cls.prefix = Path(cls.tmp.name) / "prefix"
        cls.result = subprocess.run([cmake, "--install", str(BUILD), "--prefix", str(cls.prefix)],
                                    capture_output=True, text=True, timeout=120)
        cls.env = {"PATH": f"{cls.prefix / 'bin'}:/usr/bin:/bin", "HOME": str(Path(cls.tmp.name) / "home"),
                   "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "dumb", "TZ": "UTC",
                   "XDG_DATA_DIRS": str(cls.prefix / "share"), "XDG_CONFIG_HOME": str(Path(cls.tmp.name) / "cfg"),
                   "XDG_DATA_HOME": str(Path(cls.tmp.name) / "data")}

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def run_in(self, args):
        return subprocess.run(args, capture_output=True, text=True, timeout=60, env=self.env, cwd=self.tmp.name)

    def test_every_file_is_installed(self):
        self.assertEqual(self.result.returncode, 0, self.result.stderr)
        for path, source in INSTALLED.items():
            with self.subTest(path=path):
                installed = self.prefix / path
                self.assertTrue(installed.is_file(), f"{path} is not installed")
                if source is not None:
                    self.assertEqual(installed.read_bytes(), source.read_bytes(), f"{path} differs from {source}")

    def test_the_binary_runs(self):
        result = self.run_in([str(self.prefix / "bin" / "fu"), "--version"])
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertRegex(result.stdout, r"^fu \d+\.\d+\.\d+\n$")
        self.assertTrue(os.access(self.prefix / "bin" / "fu", os.X_OK))

    def test_man_finds_both_pages(self):
        man = shutil.which("man")
        if man is None:
            self.skipTest("man is not installed (Debian: apt-get install man-db)")
        for page, section in (("fu", "1"), ("fu-config", "5")):
            with self.subTest(page=page):
                result = self.run_in([man, "-M", str(self.prefix / "share" / "man"), "-w", section, page])
                self.assertEqual(result.returncode, 0, result.stderr)
                self.assertEqual(result.stdout.strip(), str(self.prefix / f"share/man/man{section}/{page}.{section}"))

    def test_bash_completion_loads_it_on_demand(self):
        library = Path("/usr/share/bash-completion/bash_completion")
        if not library.is_file():
            self.skipTest("bash-completion is not installed (Debian: apt-get install bash-completion)")
        result = self.run_in(["bash", "--norc", "--noprofile", "-c",
                              f"source {library}; _completion_loader fu; complete -p fu"])
        self.assertEqual(result.stdout.strip(), "complete -F _fu fu", result.stderr)

    def test_zsh_compinit_finds_it(self):
        zsh = shutil.which("zsh")
        if zsh is None:
            self.skipTest("zsh is not installed (Debian: apt-get install zsh)")
        result = self.run_in([zsh, "-f", "-c", f"fpath=({self.prefix / 'share/zsh/site-functions'} $fpath); "
                              "autoload -Uz compinit; compinit -u -D; print -r -- $_comps[fu]"])
        self.assertEqual(result.stdout.strip(), "_fu", result.stderr)

    def test_fish_finds_it_through_xdg_data_dirs(self):
        fish = shutil.which("fish")
        if fish is None:
            self.skipTest("fish is not installed (Debian: apt-get install fish)")
        # No --no-config: that would skip the vendor directories too (HOME is empty here).
        result = self.run_in([fish, "-c", "complete --do-complete 'fu pro'"])
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual([line.split("\t")[0] for line in result.stdout.splitlines()], ["promise"], result.stderr)


if __name__ == "__main__":
    unittest.main()
